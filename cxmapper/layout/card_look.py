"""What a card shows, said once: the values its content is drawn from (its key).

A layout keeps each card's key; a card whose key is unchanged keeps its content, and an edit that
changes only keys (a rename, a flag, an emotion word, a dot) redraws only those cards
(`layout/refelt.py`). The fields a card shows are those the key reads.
"""

from __future__ import annotations

from cxmapper.layout.boxes import CardBox
from cxmapper.layout.geometry import Rect
from cxmapper.layout.pieces import card_content
from cxmapper.layout.style import UNASSIGNED_COLOUR, Style
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import JourneyMap, Touchpoint

# The touchpoint fields a card shows (its key reads them, and nothing else of the touchpoint).
CARD_FIELDS = frozenset(
    {
        "title",
        "feeling",
        "emotion",
        "pain_points",
        "opportunities",
        "moment_of_truth",
        "partner_owned",
        "evidence",
        "future_state",
        "future_feeling",
        "votes",
        "channel_id",
        "department_id",
    }
)
FEELING_AT = 3  # where its feeling stands in a card's key


def card_key(
    tp: Touchpoint, colour: str, icon: str | None, future_cards: bool, votes_shown: str | None
) -> tuple:
    """The values a card is drawn from: its owner's colour, its channel's icon, and what of the
    touchpoint it shows (the future feeling in the future state's view, the dots of the vote
    shown)."""
    return (
        colour,
        icon,
        tp.title,
        tp.feeling,
        tp.emotion,
        bool(tp.pain_points),
        bool(tp.opportunities),
        tp.moment_of_truth,
        tp.partner_owned,
        tp.evidence,
        tp.future_state,
        tp.future_feeling if future_cards else None,
        tp.votes.get(votes_shown, 0) if votes_shown else 0,
        future_cards,
    )


class CardLooks:
    """Cards drawn from their keys: a card whose key is the one it had in `previous` keeps its
    content (an edit then costs little more than the arithmetic)."""

    def __init__(self, journey: JourneyMap, fitter: TextFitter, s: Style, previous=None) -> None:
        self.colours = {d.id: d.colour for d in journey.departments}
        self.icons = {c.id: c.icon for c in journey.channels}
        self.future = journey.curves == "future"  # cards show the future state's feelings
        self.votes_shown = journey.votes_shown  # cards show their dots in this vote
        self.fitter, self.style = fitter, s
        self.old_cards = previous.cards if previous is not None else {}
        self.old_keys = previous.card_keys if previous is not None else {}
        self.step = s.card_height + s.card_gap

    def card(
        self, tp: Touchpoint, stage_id: str, cx: float, top: float, depth: int, keys: dict
    ) -> CardBox:
        """The card of `tp` at x `cx`, `depth` cards down a stack starting at `top`; its key
        goes into `keys`."""
        s, lane = self.style, tp.department_id
        colour = self.colours.get(lane, UNASSIGNED_COLOUR) if lane else UNASSIGNED_COLOUR
        icon = self.icons.get(tp.channel_id) if tp.channel_id else None
        key = keys[tp.id] = card_key(tp, colour, icon, self.future, self.votes_shown)
        top += depth * self.step
        left = cx - s.card_width / 2
        if self.old_keys.get(tp.id) == key:
            old = self.old_cards[tp.id]
            at = old.rect
            if (at.x, at.y, old.slot_x, old.stage_id, old.department_id) == (
                left,
                top,
                cx,
                stage_id,
                lane,
            ):
                return old  # the same card where it was: views skip it by identity
            content = old.content
        else:
            content = card_content(tp, icon, colour, self.fitter, s, self.future, self.votes_shown)
        rect = Rect(left, top, s.card_width, s.card_height)
        return CardBox(tp.id, rect, stage_id, lane, cx, content)
