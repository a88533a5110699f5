"""The swimlanes: one per department top to bottom (grouped by layer in a service blueprint,
with the blueprint's lines between the layers), then "Unassigned" when a touchpoint has no
owner; each as tall as its deepest stack of cards."""

from __future__ import annotations

from cxmapper.layout.blueprint import lane_order, lines_above
from cxmapper.layout.boxes import BlueprintLine, LaneBox
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import UNASSIGNED_COLOUR, Style
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import JourneyMap


def lanes_of(journey: JourneyMap) -> list[str | None]:
    """The lanes top to bottom: the departments (grouped by layer in a blueprint), then
    Unassigned when a touchpoint has no owner or the map no departments (room to drop)."""
    lanes: list[str | None] = [d.id for d in journey.departments]
    if not lanes or any(tp.department_id is None for tp in journey.touchpoints):
        lanes.append(None)
    return lane_order(journey, lanes)


def lane_boxes(
    journey: JourneyMap,
    lane_ids: list[str | None],
    deepest: dict[str | None, int],
    top: float,
    right: float,
    extra: float,
    fitter: TextFitter,
    s: Style,
) -> tuple[list[LaneBox], list[BlueprintLine], dict[str | None, float], float]:
    """The lanes from `top` down, each `extra` taller than its deepest stack needs; their
    boxes, the blueprint's lines, each lane's top and where they end."""
    lanes: list[LaneBox] = []
    lane_top: dict[str | None, float] = {}
    y = top
    above = lines_above(journey, lane_ids)
    blueprint: list[BlueprintLine] = []  # the blueprint's lines, between the layers
    for lane_id in lane_ids:
        if lane_id in above:
            line = _blueprint_line(above[lane_id], y, right, fitter, s)
            blueprint.append(line)
            y += line.band.h
        k = deepest.get(lane_id, 1)
        height = 2 * s.lane_padding + k * s.card_height + (k - 1) * s.card_gap + extra
        dept = journey.department(lane_id) if lane_id else None
        name = dept.name if dept else "Unassigned"
        label = Rect(s.margin, y, s.lane_label_width, height)
        # set smaller rather than broken inside a word ("Department 1"); "E-commerce" may break
        # after its hyphen
        least = s.lane_label_size * s.name_least
        lines, size = fitter.fit_name(name, s.lane_text_width, s.lane_label_size, 3, True, least)
        colour = dept.colour if dept else UNASSIGNED_COLOUR
        lane_rect = Rect(s.margin, y, right - s.margin, height)
        lanes.append(LaneBox(lane_id, lane_rect, label, lines, colour, size))
        lane_top[lane_id] = y
        y += height
    return lanes, blueprint, lane_top, y


def _blueprint_line(
    name: str,
    top: float,
    right: float,
    fitter: TextFitter,
    s: Style,
) -> BlueprintLine:
    """A line's band across the map, its name in the gutter beside it (two lines at most;
    kept in view on screen and repeated in a poster's gutter, like the lanes' names)."""
    size = s.blueprint_line_size
    width = s.lane_label_width - 2 * s.label_gap
    lines = fitter.wrap(name, width, size, 2, bold=True)
    h = s.line_height(size) * len(lines)
    band = Rect(s.margin, top, right - s.margin, max(s.blueprint_band, h + 2 * s.mark_gap))
    label = Rect(s.margin + s.label_gap, band.center.y - h / 2, width, h)
    return BlueprintLine(name, band, (label,), lines)
