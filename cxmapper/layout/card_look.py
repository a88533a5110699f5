"""What a card shows, said once: the values its content is drawn from (its key).

A layout keeps each card's key; a card whose key is unchanged keeps its content, and an edit that
changes only keys (a rename, a flag, an emotion word, a dot) redraws only those cards
(`layout/refelt.py`). The fields a card shows are those the key reads.
"""

from __future__ import annotations

from cxmapper.model.journey import Touchpoint

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
