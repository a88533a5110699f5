"""A map whose touchpoints moved (to another moment, lane or stage), were added at the end of
its list or were deleted, laid out again only where that changed: the moments they left and
joined and those packed again after them in their stages (layout/restack.py), their cards,
faces and "?"s (layout/marks.py).

Cards are moved one after another in a workshop with the room watching; at 10,000 touchpoints a
whole new layout takes a tenth of a second, this about what the edit touched. The result is
the layout a new one would be (tests/layout/test_moved.py). When more of the map changes (a
lane's deepest stack grows or shrinks, or a stage needs another width, so everything below or
after it shifts; cards added other than at the end of the map's list) it says so (None), and
the map is laid out again whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from cxmapper.layout.blueprint import handoffs, lane_order
from cxmapper.layout.boxes import CardBox, MapLayout
from cxmapper.layout.card_look import CardLooks
from cxmapper.layout.card_order import in_order, moment_of, reordered
from cxmapper.layout.columns import Columns, face_spread, stage_width
from cxmapper.layout.faces import Faces
from cxmapper.layout.journey_layout import HEADER_KEY, header_height
from cxmapper.layout.marks import marks_again
from cxmapper.layout.moments import Moment, Moments, joined
from cxmapper.layout.restack import Restacked, place, restack
from cxmapper.layout.style import Style
from cxmapper.layout.text import TextFitter
from cxmapper.layout.under_lanes import lanes_again, under_lanes
from cxmapper.model.journey import JourneyMap, Touchpoint

PLACE = frozenset({"stage_id", "position", "department_id"})  # where a touchpoint is
MANY = 64  # touchpoints changed beyond which (and an eighth of the map) it lays out anew
Splice = tuple[int, int, list]  # old[start:end] is now these


@dataclass(frozen=True)
class Moved:
    """A layout after cards moved, and what of it changed, for the views to follow."""

    layout: MapLayout
    cards: frozenset[str]  # touchpoints whose card changed, came or went
    faces: frozenset[str]  # touchpoints whose face or "?" changed, came or went
    curve: tuple[Splice, ...]  # layout.points: where they changed, left to right


def moved(
    lay: MapLayout,
    journey: JourneyMap,
    ids: Iterable[str],
    fitter: TextFitter,
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
    fields: Iterable[str] = PLACE,
    widths: dict[str, float] | None = None,
    find: Callable[[str], Touchpoint | None] | None = None,
) -> Moved | None:
    """`lay` after the touchpoints `ids` had `fields` set (their places; "leads_to" too), and
    `added` (at the end of the map's list) and `removed`, as `journey` now has them: or None
    when more of the map changes and it must be laid out again. `widths`: the stage widths to
    keep (see layout_map); `find`: a touchpoint of the map by id (else looked up)."""
    idx, s = lay.moments, lay.style
    ids, fields, added, gone = set(ids), set(fields), list(added), set(removed)
    if idx is None or not fields <= PLACE | {"leads_to"}:
        return None
    if len(ids) + len(added) + len(gone) > max(MANY, len(lay.cards) // 8):
        return None  # (so many cards that a new layout costs no more)
    if journey.curves != lay.curves or journey.votes_shown != lay.votes_shown:
        return None
    if [st.id for st in journey.stages] != list(idx.stages) or any(
        t not in lay.cards for t in gone
    ):
        return None
    tps, rank, next_rank = journey.touchpoints, idx.rank, idx.next_rank
    if added:
        tail = tps[len(tps) - len(added) :] if len(added) <= len(tps) else []
        if {tp.id for tp in tail} != set(added) or any(t in lay.cards for t in added):
            return None  # (added elsewhere than at the end: a stack's order would change)
        rank = {**rank, **{tp.id: next_rank + k for k, tp in enumerate(tail)}}
        next_rank += len(tail)
    if find is None:
        find = {tp.id: tp for tp in tps}.get
    departments = {d.id for d in journey.departments}
    if departments != {lane for lane in idx.lane_top if lane is not None}:
        return None

    # Which moments each touchpoint left and joined.
    outs: dict[str, list] = {}
    ins: dict[str, list] = {}
    came_from: dict[str, Moment] = {}
    unassigned = idx.unassigned
    for tid in (ids | set(added)) - gone:
        tp = find(tid)
        if tp is None:
            return None
        card = lay.cards.get(tid)
        if card is not None:
            m = moment_of(idx, card)
            if m is None:
                return None
            if (card.stage_id, m.position, card.department_id) == (
                tp.stage_id,
                tp.position,
                tp.department_id,
            ):
                continue
            outs.setdefault(card.stage_id, []).append((m.position, card.department_id, tid))
            came_from[tid] = m
            unassigned -= card.department_id is None
        if tp.stage_id not in idx.stages or (
            tp.department_id is not None and tp.department_id not in departments
        ):
            return None
        ins.setdefault(tp.stage_id, []).append((tp.position, tp.department_id, tp))
        unassigned += tp.department_id is None
    for tid in gone:
        card = lay.cards[tid]
        m = moment_of(idx, card)
        if m is None:
            return None
        outs.setdefault(card.stage_id, []).append((m.position, card.department_id, tid))
        came_from[tid] = m
        unassigned -= card.department_id is None
    lane_ids = list(idx.lane_top)
    unassigned_lane = not departments or unassigned > 0
    if (None in idx.lane_top) != unassigned_lane:  # the Unassigned lane comes or goes
        lanes = [d.id for d in journey.departments] + ([None] if unassigned_lane else [])
        lane_ids = lane_order(journey, lanes)
    lane_rank = {lane: k for k, lane in enumerate(lane_ids)}

    # The stages they left and joined, packed again.
    restacked: dict[str, Restacked] = {}
    for sid, sm in idx.stages.items():
        if sid in outs or sid in ins:
            joining = sorted(ins.get(sid, ()), key=lambda it: rank[it[2].id])
            r = restack(sm, outs.get(sid, []), joining, came_from, rank, lane_rank, s)
            if r is None:
                return None
            restacked[sid] = r
    heights, deeper = _heights(idx, restacked.values())
    if heights is None:
        return None
    kept = widths if widths is not None else lay.stage_widths
    for sid, (_, width) in idx.packed.items():
        need = restacked[sid].new.need if sid in restacked else idx.stages[sid].need
        if stage_width(need, kept.get(sid), s) != width:
            return None  # a stage needs another width: the stages after it move
    if header_height(idx.head, kept, s) != lay.stage_widths.get(HEADER_KEY):
        return None
    result = replace(
        lay,
        moments=replace(
            idx,
            stages={**idx.stages, **{sid: r.new for sid, r in restacked.items()}},
            rank=rank,
            next_rank=next_rank,
            heights=heights,
            unassigned=unassigned,
        ),
    )
    lane_top = idx.lane_top
    if deeper or lane_ids != list(idx.lane_top):  # the last lane grew, shrank, came or went
        lane_top = lanes_again(result, journey, lane_ids, heights, fitter)
        if lane_top is None:
            return None  # a lane moved, and the cards in it

    # Their moments placed, and the cards of those placed anew.
    columns = Columns(idx.packed, idx.packed, idx.right, idx.shift)
    faces = Faces(journey.curves, lay.level_y, s)
    looks = CardLooks(journey, fitter, s, lay)
    boxes: dict[str, CardBox] = {}
    keys: dict[str, tuple] = {}
    spans: dict[str, tuple[list[Moment], list[Moment]]] = {}
    for sid, r in restacked.items():
        spans[sid] = place(r, sid, columns, faces, s)
        for m in r.placed:
            for lane, group in m.lanes.items():
                top = lane_top[lane] + s.lane_padding + 0.0 / 2
                for depth, tp in enumerate(group):
                    box = looks.card(tp, sid, m.x, top, depth, keys)
                    if box is not lay.cards.get(tp.id):
                        boxes[tp.id] = box
    order = reordered(lay, result.moments, restacked, boxes, gone)
    result.cards = in_order(lay, result.moments, boxes, gone, order)
    new_keys = {t: k for t, k in keys.items() if lay.card_keys.get(t) != k}
    if new_keys or gone:
        result.card_keys = dict(lay.card_keys)
        result.card_keys.update(new_keys)
        for tid in gone:
            del result.card_keys[tid]

    # The lists in time order, spliced where the stages changed; the "?"s placed again there.
    time_order: list[Splice] = []
    points: list[Splice] = []
    future: list[Splice] = []
    at = [0, 0, 0]
    for sid, sm in idx.stages.items():
        if sid in restacked:
            r, (olds, news) = restacked[sid], spans[sid]
            before = sm.moments[: r.first]
            for k, (name, out) in enumerate(
                (("order", time_order), ("faces", points), ("future", future))
            ):
                start = at[k] + sum(len(getattr(m, name)) for m in before)
                end = start + sum(len(getattr(m, name)) for m in olds)
                out.append((start, end, joined(getattr(m, name) for m in news)))
        at = [at[0] + sm.count, at[1] + sm.faces, at[2] + sm.future]
    result.time_order = _spliced(lay.time_order, time_order)
    result.points = _spliced(lay.points, points)
    if lay.curves == "both":
        result.future_points = _spliced(lay.future_points, future)
    curve = tuple(_trimmed(lay.points, points))
    changed_faces = {p.touchpoint_id for a, b, new in curve for p in (*lay.points[a:b], *new)}
    result.unrated, marks = marks_again(
        lay.unrated,
        lambda mark: lay.cards[mark.touchpoint_id].slot_x,
        list(result.moments.stages.values()),
        _regions(restacked, spans, s),
        lay.level_y[0],
        s,
        faces.field,
    )
    result.stages = [
        replace(box, slots=tuple(m.slot for m in restacked[box.stage_id].new.moments))
        if box.stage_id in restacked
        else box
        for box in lay.stages
    ]
    if "leads_to" in fields or added or gone or _arrows_moved(lay, boxes):
        result.handoffs = handoffs(journey, result.cards, s)
    under_lanes(result, journey, fitter, find, bool(added or gone or "leads_to" in fields))
    return Moved(result, frozenset(boxes) | gone, frozenset(changed_faces | marks | gone), curve)


def _heights(idx: Moments, restacked: Iterable[Restacked]) -> tuple[dict | None, set]:
    """How many stacks of each height each lane has now, and the lanes whose deepest stack
    changed (None: told of stacks it does not hold)."""
    counts: dict = {}
    for r in restacked:
        for (lane, tall), more in r.heights.items():
            lane_counts = counts.get(lane)
            if lane_counts is None:
                lane_counts = counts[lane] = dict(idx.heights.get(lane, {}))
            lane_counts[tall] = lane_counts.get(tall, 0) + more
    if not counts:
        return idx.heights, set()
    heights, deeper = dict(idx.heights), set()
    for lane, lane_counts in counts.items():
        if any(n < 0 for n in lane_counts.values()):
            return None, set()
        lane_counts = {tall: n for tall, n in lane_counts.items() if n}
        if max(lane_counts, default=1) != max(idx.heights.get(lane, {}), default=1):
            deeper.add(lane)
        if lane_counts:
            heights[lane] = lane_counts
        else:
            heights.pop(lane, None)
    return heights, deeper


def _arrows_moved(lay: MapLayout, boxes: dict) -> bool:
    return any(h.from_id in boxes or h.to_id in boxes for h in lay.handoffs)


def _spliced(old: list, splices: list[Splice]) -> list:
    if not splices:
        return old
    out: list = []
    done = 0
    for start, end, new in splices:
        out += old[done:start]
        out += new
        done = end
    out += old[done:]
    return out


def _trimmed(old: list, splices: list[Splice]) -> Iterable[Splice]:
    """The splices without what they keep at their ends (the same objects)."""
    for start, end, new in splices:
        head = 0
        most = min(end - start, len(new))
        while head < most and old[start + head] is new[head]:
            head += 1
        tail = 0
        while tail < most - head and old[end - 1 - tail] is new[len(new) - 1 - tail]:
            tail += 1
        if start + head < end - tail or head < len(new) - tail:
            yield start + head, end - tail, new[head : len(new) - tail]


def _regions(restacked: dict[str, Restacked], spans: dict, s: Style) -> list[tuple[float, float]]:
    """Where faces or "?"s may have changed: around the moments placed again, old and new."""
    regions = []
    for sid, r in restacked.items():
        olds, news = spans[sid]
        xs = [m.x for m in (*olds[:1], *olds[-1:], *news[:1], *news[-1:])]
        if xs:
            far = face_spread(s) * (max(r.old.widest, r.new.widest) + 1) / 2
            regions.append((min(xs) - far, max(xs) + far))
    return regions
