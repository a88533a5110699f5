"""Where each stage and each moment in time sits across the map: the dense columns.

Within a stage, the touchpoints at one position (a time slot) share an x, and slots go left to
right in time. Two slots only need a card's width between them where they have a card in the
same lane; otherwise the next one may start just a face's width further on, with its cards in
other lanes sharing the horizontal space. So the emotion curve still reads left to right, one
face after the other, while the map is about as wide as a designer would lay it out by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from cxmapper.layout.style import Style
from cxmapper.model.journey import JourneyMap


@dataclass(frozen=True)
class Columns:
    stage_x: dict[str, tuple[float, float]]  # stage id -> (left, width)
    slot_x: dict[tuple[str, float], float]  # (stage id, position) -> centre of its cards
    positions: dict[str, list[float]]  # stage id -> its slots' positions, in time order
    right: float  # where the last stage ends

    def widths(self) -> dict[str, float]:
        return {sid: w for sid, (_, w) in self.stage_x.items()}


def face_spread(s: Style) -> float:
    """How far apart the faces of touchpoints at the same moment sit in the emotion lane."""
    return s.face_size + s.face_gap


def _slot_contents(journey: JourneyMap) -> dict[str, dict[float, tuple[set, int]]]:
    """Stage id -> position -> (the lanes with a card there, how many cards have a feeling)."""
    lanes: dict[tuple[str, float], set] = defaultdict(set)
    rated: dict[tuple[str, float], int] = defaultdict(int)
    for tp in journey.touchpoints:
        key = (tp.stage_id, tp.position)
        lanes[key].add(tp.department_id)
        rated[key] += tp.feeling is not None
    result: dict[str, dict[float, tuple[set, int]]] = {s.id: {} for s in journey.stages}
    for (stage_id, position), in_lanes in lanes.items():
        result[stage_id][position] = (in_lanes, rated[(stage_id, position)])
    return result


def _pack_stage(slots: list[tuple[set, int]], s: Style) -> tuple[list[float], float]:
    """The slots' centres from the stage's left edge, and the width they need."""
    half, spread = s.card_width / 2, face_spread(s)
    lane_right: dict = {}  # lane -> right edge of its last card so far
    centres: list[float] = []
    previous_faces = 0
    for lanes, faces in slots:
        x = s.stage_padding + half
        if centres:
            # the faces of both moments side by side, one face's room between them
            x = centres[-1] + spread * (max(previous_faces - 1, 0) / 2 + max(faces - 1, 0) / 2 + 1)
        for lane in lanes:
            if lane in lane_right:
                x = max(x, lane_right[lane] + s.card_gap + half)
        for lane in lanes:
            lane_right[lane] = x + half
        centres.append(x)
        previous_faces = faces
    need = (centres[-1] + half + s.stage_padding) if centres else 0.0
    if need < s.min_stage_width:  # a stage holding little: its cards in the middle
        centres = [c + (s.min_stage_width - need) / 2 for c in centres]
    return centres, max(s.min_stage_width, need)


def pack_columns(
    journey: JourneyMap, s: Style, left: float, kept: dict[str, float] | None = None
) -> Columns:
    """The dense columns. `kept` holds the stage widths of the previous layout while the map is
    being edited: a stage keeps its width while what it holds still fits and leaves less than a
    card's width unused, and grows with room to spare, so an add or a delete does not move
    every card to its right each time."""
    contents = _slot_contents(journey)
    stage_x: dict[str, tuple[float, float]] = {}
    slot_x: dict[tuple[str, float], float] = {}
    positions: dict[str, list[float]] = {}
    x = left
    for stage in journey.stages:
        slots = contents[stage.id]
        order = sorted(slots)
        centres, need = _pack_stage([slots[p] for p in order], s)
        width = need
        before = (kept or {}).get(stage.id)
        if before is not None and need <= before < need + s.slot_width:
            width = before
        elif before is not None and need > before:  # grown while editing: room for the next
            width = need + s.card_width / 2
        stage_x[stage.id] = (x, width)
        positions[stage.id] = order
        for position, centre in zip(order, centres, strict=True):
            slot_x[(stage.id, position)] = x + centre
        x += width
    return Columns(stage_x, slot_x, positions, x)


def widened(columns: Columns, right: float) -> Columns:
    """The same columns spread to end at `right` (a map as wide as its title, or as its page):
    every stage gets an equal share of the extra width, its slots in the middle of it."""
    extra = right - columns.right
    if extra <= 0 or not columns.stage_x:
        return columns
    share = extra / len(columns.stage_x)
    stage_x: dict[str, tuple[float, float]] = {}
    shift: dict[str, float] = {}
    for i, (sid, (x, w)) in enumerate(columns.stage_x.items()):
        stage_x[sid] = (x + i * share, w + share)
        shift[sid] = i * share + share / 2
    slot_x = {(sid, pos): x + shift[sid] for (sid, pos), x in columns.slot_x.items()}
    return Columns(stage_x, slot_x, columns.positions, right)
