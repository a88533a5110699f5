"""A map whose touchpoints were re-rated (or given dots in a vote), without laying it out again.

Rating a card (a key, a face dragged, the Inspector) moves its face up or down the feeling lane
and changes the face on the card; nothing else of the map moves while the card was rated before
and still is. The workshop rates card after card with the room watching: at 2,000 touchpoints a
whole new layout takes longer than a frame, this takes a fraction of a millisecond a card.
A dot in a vote changes only the sticker on its card (`revoted`).
"""

from __future__ import annotations

from dataclasses import replace

from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.columns import face_spread
from cxmapper.layout.geometry import Point
from cxmapper.layout.pieces import card_content, question_marks
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import JourneyMap

FEELING_AT = 3  # where a card's feeling stands in what it was drawn from (its card key)


def refelt(
    lay: MapLayout, journey: JourneyMap, ids: frozenset[str] | set[str], fitter: TextFitter
) -> MapLayout | None:
    """`lay` with the feelings `ids` have in `journey`, or None when more than their faces
    would change (a card rated for the first time or unrated: the lane makes room; a view of
    the future state: its faces are the future's; another vote's dots shown) and the map must
    be laid out again."""
    if lay.curves != "current" or not ids or journey.votes_shown != lay.votes_shown:
        return None
    index = {p.touchpoint_id: i for i, p in enumerate(lay.points)}
    points, cards, keys = list(lay.points), dict(lay.cards), dict(lay.card_keys)
    for tp in journey.touchpoints:
        if tp.id not in ids:
            continue
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
    # a "?" beside a face moves with it: placed again among the faces as they are now, when
    # one is near enough to a face that moved to have been stepped aside by it
    spread = face_spread(lay.style)
    moved = [points[index[i]].center.x for i in ids]
    unrated = lay.unrated

    def reaches(mark) -> bool:  # as far as it stepped from its moment, and a face beyond
        slot = cards[mark.touchpoint_id].slot_x
        near = abs(mark.center.x - slot) + 2 * spread
        return any(abs(slot - x) <= near for x in moved)

    if any(reaches(mark) for mark in unrated):
        wanted = [(p.touchpoint_id, cards[p.touchpoint_id].slot_x) for p in lay.unrated]
        unrated = question_marks(points, wanted, lay.level_y, lay.style, "feeling")
    return replace(lay, points=points, unrated=unrated, cards=cards, card_keys=keys)


DOTS_AT = -2  # where a card's dots (on the vote shown) stand in its card key


def revoted(
    lay: MapLayout, journey: JourneyMap, ids: frozenset[str] | set[str], fitter: TextFitter
) -> MapLayout | None:
    """`lay` with the dots `ids` have in `journey`: only their stickers change, or None when
    more would (another vote shown; the first dot on the map or the last one gone, which adds
    or takes away the legend's entry) and the map must be laid out again."""
    topic = lay.votes_shown
    if journey.votes_shown != topic or not ids:
        return None
    if topic is not None:
        had = any(box.content.votes for box in lay.cards.values())
        if had != any(tp.votes.get(topic) for tp in journey.touchpoints):
            return None
    cards, keys = dict(lay.cards), dict(lay.card_keys)
    for tp in journey.touchpoints:
        if tp.id not in ids:
            continue
        key = keys.get(tp.id)
        if key is None or tp.id not in cards:
            return None
        count = tp.votes.get(topic, 0) if topic else 0
        if key[DOTS_AT] == count:
            continue  # (dots of a vote not shown: nothing on the card changes)
        key = (*key[:DOTS_AT], count, key[-1])
        colour, icon, future_cards = key[0], key[1], key[-1]
        content = card_content(tp, icon, colour, fitter, lay.style, future_cards, topic)
        cards[tp.id] = replace(cards[tp.id], content=content)
        keys[tp.id] = key
    return replace(lay, cards=cards, card_keys=keys)
