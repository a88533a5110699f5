"""A map whose touchpoints were re-rated (or given dots in a vote), without laying it out again.

Rating a card (a key, a face dragged, the Inspector) moves its face up or down the feeling lane
and changes the face on the card; nothing else of the map moves while the card was rated before
and still is. The workshop rates card after card with the room watching: at 2,000 touchpoints a
whole new layout takes longer than a frame, this takes a fraction of a millisecond a card.
A rename, a flag, an emotion word, a channel or a dot changes only its card (`recarded`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.card_look import FEELING_AT, card_key
from cxmapper.layout.columns import face_spread
from cxmapper.layout.faces import question_marks
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.marks import marks_again
from cxmapper.layout.moments import face_at, refaced
from cxmapper.layout.pieces import card_content, legend_entries
from cxmapper.layout.style import UNASSIGNED_COLOUR
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import JourneyMap, Touchpoint


def refelt(
    lay: MapLayout,
    journey: JourneyMap,
    ids: frozenset[str] | set[str],
    fitter: TextFitter,
    find: Callable[[str], Touchpoint | None] | None = None,
) -> MapLayout | None:
    """`lay` with the feelings `ids` have in `journey`, or None when more than their faces
    would change (a card rated for the first time or unrated: the lane makes room; a view of
    the future state: its faces are the future's; another vote's dots shown) and the map must
    be laid out again. `find`: a touchpoint of the map by id (else looked up)."""
    if lay.curves != "current" or not ids or journey.votes_shown != lay.votes_shown:
        return None
    idx = lay.moments
    if idx is not None:
        index = {tid: face_at(idx, lay.cards, tid) for tid in ids}
    else:
        index = {p.touchpoint_id: i for i, p in enumerate(lay.points)}
    points, cards, keys = list(lay.points), dict(lay.cards), dict(lay.card_keys)
    rated = _touchpoints(journey, ids, find)
    if len(rated) != len(ids):
        return None
    for tp in rated:
        i, key = index.get(tp.id), keys.get(tp.id)
        if i is None or key is None or tp.feeling is None or tp.id not in cards:
            return None
        old = points[i]
        points[i] = replace(
            old, center=Point(old.center.x, lay.level_y[tp.feeling]), feeling=tp.feeling
        )
        key = (*key[:FEELING_AT], tp.feeling, *key[FEELING_AT + 1 :])
        colour, icon, future_cards = key[0], key[1], key[-1]
        content = card_content(tp, icon, colour, fitter, lay.style, future_cards, lay.votes_shown)
        cards[tp.id] = replace(cards[tp.id], content=content)
        keys[tp.id] = key
    faces = [points[index[i]] for i in ids]
    if idx is not None:  # a "?" a moved face had stepped aside placed again, where it reaches
        idx = refaced(idx, cards, faces)
        spread = face_spread(lay.style)
        unrated, _ = marks_again(
            lay.unrated,
            lambda mark: cards[mark.touchpoint_id].slot_x,
            list(idx.stages.values()),
            [(f.center.x - spread, f.center.x + spread) for f in faces],
            lay.level_y[0],
            lay.style,
            "feeling",
        )
    else:
        unrated = _marks_again(lay, points, cards, faces)
    return replace(lay, points=points, unrated=unrated, cards=cards, card_keys=keys, moments=idx)


def _touchpoints(journey: JourneyMap, ids, find) -> list[Touchpoint]:
    if find is None:
        return [tp for tp in journey.touchpoints if tp.id in ids]
    found = [find(tid) for tid in ids]
    return [tp for tp in found if tp is not None]


def _marks_again(lay: MapLayout, points, cards, faces) -> list:
    """The "?"s placed again among the faces as they are now when one is near enough to a
    face that moved to have been stepped aside by it (a layout without its moments)."""
    spread = face_spread(lay.style)
    moved = [f.center.x for f in faces]

    def reaches(mark) -> bool:  # as far as it stepped from its moment, and a face beyond
        slot = cards[mark.touchpoint_id].slot_x
        near = abs(mark.center.x - slot) + 2 * spread
        return any(abs(slot - x) <= near for x in moved)

    if not any(reaches(mark) for mark in lay.unrated):
        return lay.unrated
    wanted = [(p.touchpoint_id, cards[p.touchpoint_id].slot_x) for p in lay.unrated]
    return question_marks(points, wanted, lay.level_y, lay.style, "feeling")


# Fields whose change redraws only the cards that hold them (and, for quotes and notes, rows
# under the lanes when the map shows them: then the map is laid out again).
RECARDED = frozenset(
    {
        "title",
        "emotion",
        "pain_points",
        "opportunities",
        "quotes",
        "moment_of_truth",
        "partner_owned",
        "evidence",
        "votes",
        "channel_id",
    }
)
_IN_THE_LEGEND = frozenset({"evidence", "votes", "channel_id"})  # (which ones are used)


def recarded(
    lay: MapLayout,
    journey: JourneyMap,
    ids: frozenset[str] | set[str],
    fitter: TextFitter,
    fields: frozenset[str] | set[str],
    find: Callable[[str], Touchpoint | None] | None = None,
) -> MapLayout | None:
    """`lay` with the cards `ids` drawn again from what they show in `journey`, after a change
    of `fields` (a rename, an emotion word, a flag, a channel, dots): or None when more of the
    map would change (a row under the lanes shows the field, the legend gains or loses an
    entry, another vote or curve is shown) and it must be laid out again. `find`: a
    touchpoint of the map by id (else looked up)."""
    if not ids or not set(fields) <= RECARDED:
        return None
    if journey.votes_shown != lay.votes_shown or journey.curves != lay.curves:
        return None
    if set(journey.rows) & set(fields):
        return None
    if _IN_THE_LEGEND & set(fields):
        area = Rect(lay.legend_rect.x, lay.legend_rect.y, lay.legend_rect.w, 0)
        if legend_entries(journey, area, fitter, lay.style)[0] != lay.legend:
            return None
    colours = {d.id: d.colour for d in journey.departments}
    icons = {c.id: c.icon for c in journey.channels}
    future_cards = journey.curves == "future"
    cards, keys = dict(lay.cards), dict(lay.card_keys)
    for tp in _touchpoints(journey, ids, find):
        old = keys.get(tp.id)
        if old is None or tp.id not in cards:
            return None
        colour = (
            colours.get(tp.department_id, UNASSIGNED_COLOUR)
            if tp.department_id
            else UNASSIGNED_COLOUR
        )
        icon = icons.get(tp.channel_id) if tp.channel_id else None
        key = card_key(tp, colour, icon, future_cards, lay.votes_shown)
        if key == old:
            continue  # (a quote, or dots of a vote not shown: nothing on the card changes)
        content = card_content(tp, icon, colour, fitter, lay.style, future_cards, lay.votes_shown)
        cards[tp.id] = replace(cards[tp.id], content=content)
        keys[tp.id] = key
    return replace(lay, cards=cards, card_keys=keys)
