"""The moments in time of each stage: which cards sit at each, lane by lane and stacked in the
map's order, and what the layout made of them (their x, their order in time, their faces).

A layout keeps them (`MapLayout.moments`), so an edit that moves, adds or deletes a few cards
lays out again only the moments it touched (layout/moved.py); a whole layout builds them all.
They are never changed once made: a new layout makes new ones where they differ and shares the
rest with the layout before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain
from operator import attrgetter

from cxmapper.layout.boxes import FeelingPoint, Slot
from cxmapper.model.journey import JourneyMap, Touchpoint

Lane = str | None


@dataclass(slots=True, eq=False)
class Moment:
    """One time slot of a stage: the cards at its position, lane by lane (lanes top to bottom,
    each stack in the map's order), and where the layout put it."""

    position: float
    lanes: dict[Lane, list[Touchpoint]]
    rated: int  # cards with a feeling: the packing leaves room for their faces side by side
    x: float = 0.0
    order: tuple[str, ...] = ()  # its touchpoints in time order
    faces: tuple[FeelingPoint, ...] = ()  # of the state shown
    future: tuple[FeelingPoint, ...] = ()  # the future state's, when both are shown
    wanted: tuple[tuple[str, float], ...] = ()  # a "?" for these (not rated in the state shown)
    slot: Slot | None = None


@dataclass(slots=True, eq=False)
class StageMoments:
    """A stage's moments in time order, and how they were packed (layout/columns.py)."""

    moments: list[Moment]
    positions: list[float]  # each moment's position (to find one by bisection)
    centres: list[float]  # each moment's centre from the stage's left, as packed (not centred)
    need: float  # the width they need
    count: int = 0  # touchpoints
    faces: int = 0  # faces of the state shown
    future: int = 0  # faces of the future state (both shown)
    widest: int = 0  # the most faces a moment has (at most: kept while a stage is edited)


@dataclass(slots=True, eq=False)
class Moments:
    """Every stage's moments, with what a layout of a few changed cards needs to know of the
    rest of the map: each touchpoint's place in the map's list (stacks keep that order), how
    many stacks of each height each lane has (its height), where the lanes are."""

    stages: dict[str, StageMoments]
    rank: dict[str, int]
    next_rank: int
    heights: dict[Lane, dict[int, int]]  # lane -> stack height -> stacks that high
    unassigned: int  # touchpoints in no department
    lane_top: dict[Lane, float]
    head: float  # the stage headers' height their texts need (before one kept is used)
    packed: dict[str, tuple[float, float]]  # each stage's (left, width) before widening
    shift: dict[str, float] | None  # how far widening moved each stage's moments
    right: float  # where the stages end
    lanes_bottom: float  # where the lanes end (and the rows under them begin)
    bottom: float  # where the rows end
    legend: list  # what the legend holds (layout/pieces.legend_items)


def gather(
    journey: JourneyMap,
) -> tuple[dict[tuple[str, float, Lane], list[Touchpoint]], dict[str, dict[float, dict]]]:
    """The stacks (stage, position, lane) -> touchpoints in the map's order, in the order they
    first appear; and the same stacks by stage and position."""
    stack: dict[tuple[str, float, Lane], list[Touchpoint]] = {}
    by_stage: dict[str, dict[float, dict]] = {s.id: {} for s in journey.stages}
    for tp in journey.touchpoints:
        key = (tp.stage_id, tp.position, tp.department_id)
        group = stack.get(key)
        if group is None:
            group = stack[key] = []
            by_stage[tp.stage_id].setdefault(tp.position, {})[tp.department_id] = group
        group.append(tp)
    return stack, by_stage


def moment(position: float, lanes: dict[Lane, list[Touchpoint]], lane_rank: dict) -> Moment:
    """A moment of these stacks, its lanes put top to bottom."""
    if len(lanes) > 1:
        lanes = dict(sorted(lanes.items(), key=lambda kv: lane_rank[kv[0]]))
        rated = sum(tp.feeling is not None for group in lanes.values() for tp in group)
    else:
        group = next(iter(lanes.values()))
        if len(group) == 1:
            rated = 1 if group[0].feeling is not None else 0
        else:
            rated = sum(tp.feeling is not None for tp in group)
    return Moment(position, lanes, rated)


def totals(sm: StageMoments) -> StageMoments:
    """Fill in the stage's counts from its moments."""
    moments = sm.moments
    sm.count = sum(len(m.order) for m in moments)
    sm.faces = sum(len(m.faces) for m in moments)
    sm.future = sum(len(m.future) for m in moments)
    sm.widest = max((len(m.faces) for m in moments), default=0)
    return sm


def joined(parts: Iterable[Iterable]) -> list:
    return list(chain.from_iterable(parts))


def refaced(idx: Moments, cards: dict, faces: Iterable[FeelingPoint]) -> Moments:
    """The moments with these faces in place of those of the same touchpoints (re-rated)."""
    stages = dict(idx.stages)
    for face in faces:
        card = cards[face.touchpoint_id]
        sm = stages[card.stage_id]
        if sm is idx.stages[card.stage_id]:
            sm = stages[card.stage_id] = replace(sm, moments=list(sm.moments))
        i = bisect_left(sm.moments, card.slot_x, key=attrgetter("x"))
        m = sm.moments[i]
        tid = face.touchpoint_id
        again = tuple(face if f.touchpoint_id == tid else f for f in m.faces)
        sm.moments[i] = replace(m, faces=again)
    return replace(idx, stages=stages)


def face_at(idx: Moments, cards: dict, tid: str) -> int | None:
    """Where the face of `tid` is in its layout's faces (None: it has none)."""
    card = cards.get(tid)
    if card is None:
        return None
    sm = idx.stages[card.stage_id]
    i = bisect_left(sm.moments, card.slot_x, key=attrgetter("x"))
    if i == len(sm.moments):
        return None
    k = next((k for k, f in enumerate(sm.moments[i].faces) if f.touchpoint_id == tid), None)
    if k is None:
        return None
    before = 0
    for sid, other in idx.stages.items():
        if sid == card.stage_id:
            break
        before += other.faces
    return before + sum(len(m.faces) for m in sm.moments[:i]) + k
