"""A stage's moments again after cards left and joined some of them (layout/moved.py).

Only the moments cards left or joined are made anew; the stage is packed again from the first of
them until the moments fall where they were (layout/columns.repack); a moment whose cards all
moved together to another position (the stage renumbered: positions stay small whole numbers)
keeps what it was where it lands at the same x.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from cxmapper.layout.boxes import Slot
from cxmapper.layout.columns import Columns, centred, repack
from cxmapper.layout.faces import Faces
from cxmapper.layout.moments import Lane, Moment, StageMoments, moment
from cxmapper.layout.style import Style
from cxmapper.model.journey import Touchpoint


@dataclass
class Restacked:
    """A stage's moments again: `new.moments[first:upto]` stand where `old.moments[first:
    old_upto]` stood; all others are the old ones."""

    old: StageMoments
    new: StageMoments
    first: int
    upto: int
    old_upto: int
    came_from: dict[str, Moment]  # the old moment of each touchpoint that moved
    heights: dict[tuple[Lane, int], int] = field(default_factory=dict)  # (lane, height) -> +-
    placed: list[Moment] = field(default_factory=list)  # moments placed anew (their cards)
    whole: list[str] = field(default_factory=list)  # touchpoints whose stacks moved whole
    made: list[Moment] = field(default_factory=list)  # moments cards left or joined, anew


def _lanes_at(work: dict, sm: StageMoments, position: float) -> dict:
    lanes = work.get(position)
    if lanes is None:
        i = bisect_left(sm.positions, position)
        there = i < len(sm.positions) and sm.positions[i] == position
        base = sm.moments[i].lanes if there else {}
        lanes = work[position] = {lane: list(group) for lane, group in base.items()}
    return lanes


def restack(
    sm: StageMoments,
    outs: list[tuple[float, Lane, str]],
    ins: list[tuple[float, Lane, Touchpoint]],
    came_from: dict[str, Moment],
    rank: dict[str, int],
    lane_rank: dict[Lane, int],
    s: Style,
) -> Restacked | None:
    """The stage `sm` after the touchpoints `outs` (position, lane, id) left it and `ins`
    joined it; `came_from`: the old moment of each touchpoint that moved. Packed, not yet
    placed (`place`). None when what it is told does not match what it holds."""
    work: dict[float, dict] = {}
    for position, lane, tid in outs:
        group = _lanes_at(work, sm, position).get(lane)
        at = next((k for k, tp in enumerate(group or ()) if tp.id == tid), None)
        if at is None:
            return None
        del group[at]
        if not group:
            del work[position][lane]
    for position, lane, tp in ins:
        group = _lanes_at(work, sm, position).setdefault(lane, [])
        k, r = len(group), rank[tp.id]
        while k and rank[group[k - 1].id] > r:  # (a stack keeps the map's order)
            k -= 1
        group.insert(k, tp)
    out = Restacked(sm, sm, 0, 0, 0, came_from)
    heights = out.heights
    for position, lanes in work.items():
        i = bisect_left(sm.positions, position)
        if i < len(sm.positions) and sm.positions[i] == position:
            for lane, group in sm.moments[i].lanes.items():
                heights[(lane, len(group))] = heights.get((lane, len(group)), 0) - 1
        for lane, group in lanes.items():
            heights[(lane, len(group))] = heights.get((lane, len(group)), 0) + 1
    made = [(p, moment(p, lanes, lane_rank)) for p, lanes in sorted(work.items()) if lanes]
    out.made = [m for _, m in made]
    if len(work) > 16:  # (a stage renumbered: merged, not inserted one by one)
        both = sorted(
            [(p, m) for p, m in zip(sm.positions, sm.moments, strict=True) if p not in work] + made,
            key=itemgetter(0),
        )
        positions, moments = [p for p, _ in both], [m for _, m in both]
    else:
        positions, moments = list(sm.positions), list(sm.moments)
        for position in work:
            i = bisect_left(positions, position)
            if i < len(positions) and positions[i] == position:
                del positions[i], moments[i]
        for position, m in made:
            i = bisect_left(positions, position)
            positions.insert(i, position)
            moments.insert(i, m)
    lo, hi = min(work), max(work)
    first, last = bisect_left(positions, lo), bisect_right(positions, hi)
    old_last = bisect_right(sm.positions, hi)
    lanes_count = len(lane_rank)
    centres, need, upto = repack(
        moments, first, last, sm.moments, sm.centres, old_last, lanes_count, s
    )
    out.new = StageMoments(moments, positions, centres, need)
    out.first, out.upto = first, upto
    out.old_upto = upto - last + old_last if upto >= last else old_last
    return out


def place(
    r: Restacked, stage_id: str, columns: Columns, faces: Faces, s: Style
) -> tuple[list[Moment], list[Moment]]:
    """Put the stage's changed moments at their x (those whose x or cards changed made anew);
    returns the old moments they replace and the new ones."""
    new, old = r.new, r.old
    final = centred(new.centres, new.need, s)
    first, upto, old_upto = r.first, r.upto, r.old_upto
    small = final is not new.centres or centred(old.centres, old.need, s) is not old.centres
    if small:  # a stage holding little (or that did): its moments in its middle, every one
        first, upto, old_upto = 0, len(new.moments), len(old.moments)
        r.first, r.upto, r.old_upto = first, upto, old_upto
    moments = new.moments
    for i in range(first, upto):
        m = moments[i]
        x = columns.slot_x(stage_id, final[i])
        if m.slot is not None:  # an old moment, in a range packed again
            if m.x == x:
                continue
            m = moments[i] = Moment(m.position, m.lanes, m.rated)
        else:
            source = _source(m, r.came_from)
            if source is not None:  # moved whole: the same stacks, elsewhere
                r.whole.extend(source.order)
                if source.x == x:  # and at the same x: as it was
                    m.x, m.order, m.faces = x, source.order, source.faces
                    m.future, m.wanted = source.future, source.wanted
                    m.slot = Slot(stage_id, m.position, x)
                    continue
        faces.place(m, stage_id, x)
        r.placed.append(m)
    olds, news = old.moments[first:old_upto], moments[first:upto]
    new.count = old.count + sum(len(m.order) for m in news) - sum(len(m.order) for m in olds)
    new.faces = old.faces + sum(len(m.faces) for m in news) - sum(len(m.faces) for m in olds)
    new.future = old.future + sum(len(m.future) for m in news) - sum(len(m.future) for m in olds)
    new.widest = max([old.widest] + [len(m.faces) for m in news])
    return olds, news


def _source(m: Moment, came_from: dict[str, Moment]) -> Moment | None:
    """The old moment all of `m`'s cards came from together, in the same stacks, if any."""
    lanes = m.lanes
    first = next(iter(lanes.values()))[0]
    source = came_from.get(first.id)
    if source is None or source.rated != m.rated or len(source.lanes) != len(lanes):
        return None
    for (lane, group), (was_lane, was) in zip(lanes.items(), source.lanes.items(), strict=True):
        if lane != was_lane or len(group) != len(was):
            return None
        if any(a is not b for a, b in zip(group, was, strict=True)):
            return None
    return source
