"""The order a layout holds its cards in: stack by stack, each stack where it first comes in the
map's list, cards in a stack in the map's order. Views and painters go through the cards in
that order, so a layout made after a few cards moved (layout/moved.py) keeps it too."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from cxmapper.layout.boxes import CardBox, MapLayout
from cxmapper.layout.moments import Moment, Moments
from cxmapper.layout.restack import Restacked
from cxmapper.model.journey import Touchpoint

_X = attrgetter("x")


def moment_of(idx: Moments, card: CardBox) -> Moment | None:
    """The moment a card stands at."""
    sm = idx.stages.get(card.stage_id)
    if sm is None:
        return None
    i = bisect_left(sm.moments, card.slot_x, key=_X)
    return sm.moments[i] if i < len(sm.moments) and sm.moments[i].x == card.slot_x else None


def _stack_of(idx: Moments, card: CardBox) -> list[Touchpoint]:
    m = moment_of(idx, card)
    assert m is not None
    return m.lanes[card.department_id]


def reordered(
    lay: MapLayout, idx: Moments, restacked: dict[str, Restacked], boxes: dict, gone: set
) -> dict[str, tuple[int, int]]:
    """The cards whose place among the layout's cards changed, with their new key: a new
    layout holds them stack by stack as each stack first comes in the map's list (so views
    and painters go through them in the same order however the layout was made)."""
    rank = idx.rank
    whole = {tid for r in restacked.values() for tid in r.whole}
    left_or_joined: list[Moment] = []
    for r in restacked.values():
        left_or_joined += r.made
    came_from = next(iter(restacked.values())).came_from if restacked else {}
    left_or_joined += {id(m): m for m in came_from.values()}.values()
    touched = {
        tp.id
        for m in left_or_joined
        for group in m.lanes.values()
        for tp in group
        if tp.id not in whole
    }
    changed: dict[str, tuple[int, int]] = {}
    for tid in touched - gone:
        box = boxes.get(tid) or lay.cards[tid]
        new = (rank[_stack_of(idx, box)[0].id], rank[tid])
        old_box = lay.cards.get(tid)
        old = (rank[_stack_of(lay.moments, old_box)[0].id], rank[tid]) if old_box else None
        if old != new:
            changed[tid] = new
    return changed


def in_order(
    lay: MapLayout, idx: Moments, boxes: dict, gone: set, reordered: dict
) -> dict[str, CardBox]:
    """The layout's cards: the old ones with `boxes` in place of theirs, in a new layout's
    order (`reordered`: the new keys of those whose place in it changed)."""
    rank = idx.rank

    def key(tid: str) -> tuple[int, int]:
        box = boxes.get(tid) or lay.cards[tid]
        return rank[_stack_of(idx, box)[0].id], rank[tid]

    last = next((t for t in reversed(lay.cards) if t not in gone and t not in reordered), None)
    if not reordered or (
        all(t not in lay.cards for t in reordered)  # new cards only, all after the rest
        and (last is None or key(last) < min(reordered.values()))
    ):
        cards = dict(lay.cards)
        for tid in gone:
            del cards[tid]
        for tid, box in boxes.items():
            if tid not in reordered:
                cards[tid] = box
        for tid in sorted(reordered, key=reordered.__getitem__):
            cards[tid] = boxes[tid]
        return cards
    order = [t for t in lay.cards if t not in reordered and t not in gone]
    for tid, new in sorted(reordered.items(), key=lambda it: it[1]):
        order.insert(bisect_left(order, new, key=key), tid)
    old = lay.cards
    return {t: boxes.get(t) or old[t] for t in order}
