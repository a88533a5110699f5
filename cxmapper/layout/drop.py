"""Where a touchpoint dropped at a point of the map lands: stage, time and lane."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Rect


@dataclass(slots=True)
class DropTarget:
    """A place on the timeline. `position` may fall between existing ones (or below 0); the
    edit that uses it renumbers the stage (model.edits.place_touchpoints)."""

    stage_id: str
    position: float
    department_id: str | None
    joins_slot: bool  # True: at the same time as the touchpoints of an existing slot
    indicator: Rect  # what to draw while dragging: a bar between slots, or a card-sized frame


def drop_target(layout: MapLayout, x: float, y: float, clamp: bool = False) -> DropTarget | None:
    """The place under (x, y), or None outside the swimlanes (a drop there does nothing).
    With `clamp`, a point outside is taken to the nearest place inside (for cards dragged along
    with another one, which land where they can)."""
    area = layout.lanes_area
    if clamp and area.w > 0 and area.h > 0:
        x = min(max(x, area.x + 1), area.right - 1)
        y = min(max(y, area.y + 1), area.bottom - 1)
    if not area.contains(x, y):
        return None
    lane = next((ln for ln in layout.lanes if ln.rect.y <= y <= ln.rect.bottom), None)
    if lane is None and layout.lanes:  # on a blueprint line between two layers: the nearer
        lane = min(layout.lanes, key=lambda ln: min(abs(ln.rect.y - y), abs(ln.rect.bottom - y)))
    stage = next((st for st in layout.stages if st.column.x <= x <= st.column.right), None)
    if lane is None or stage is None:
        return None
    s = layout.style
    slots = stage.slots
    xs = [slot.x for slot in slots]
    i = bisect.bisect_left(xs, x)
    lane_inner = Rect(lane.rect.x, lane.rect.y + 4, lane.rect.w, lane.rect.h - 8)
    for j in (i - 1, i):
        if 0 <= j < len(slots) and abs(slots[j].x - x) <= _join_reach(xs, j, s.card_width):
            frame = Rect(
                slots[j].x - s.card_width / 2 - 4, lane_inner.y, s.card_width + 8, lane_inner.h
            )
            return DropTarget(stage.stage_id, slots[j].position, lane.department_id, True, frame)
    before = slots[i - 1] if i > 0 else None
    after = slots[i] if i < len(slots) else None
    if before and after:
        position, bar_x = (before.position + after.position) / 2, (before.x + after.x) / 2
    elif before:
        position, bar_x = before.position + 1, before.x + s.slot_width / 2
    elif after:
        position, bar_x = after.position - 1, after.x - s.slot_width / 2
    else:
        position, bar_x = 0.0, stage.column.center.x
    bar = Rect(bar_x - 3, lane_inner.y, 6, lane_inner.h)
    return DropTarget(stage.stage_id, position, lane.department_id, False, bar)


def _join_reach(xs: list[float], j: int, card_width: float) -> float:
    """How near slot j's x a drop joins it (same time): a third of a card, less where dense
    slots sit closer, so the space between two of them still means "between"."""
    reach = card_width * 0.3
    for k in (j - 1, j + 1):
        if 0 <= k < len(xs):
            reach = min(reach, abs(xs[k] - xs[j]) / 4)
    return reach


def feeling_at(layout: MapLayout, y: float) -> int:
    """The feeling level nearest to height y in the emotion lane (snaps to -2..2)."""
    return min(layout.level_y, key=lambda f: abs(layout.level_y[f] - y))


def stage_header_at(layout: MapLayout, x: float, y: float) -> str | None:
    """The stage whose header is under (x, y)."""
    for stage in layout.stages:
        if stage.header.contains(x, y):
            return stage.stage_id
    return None


def lane_label_at(layout: MapLayout, x: float, y: float) -> tuple[bool, str | None]:
    """(True, department id or None for "Unassigned") when (x, y) is on a lane's label."""
    for lane in layout.lanes:
        if lane.label.contains(x, y):
            return True, lane.department_id
    return False, None
