"""What a layout of moved cards (layout/moved.py) lays out again under the lanes: the last lane
when it grows, shrinks, comes or goes (the Unassigned lane, when a card is the first or the last
to have no department), the rows of notes, the stages' columns down to them, the legend."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Rect
from cxmapper.layout.lanes import lane_boxes
from cxmapper.layout.moments import Lane
from cxmapper.layout.pieces import legend_entries, legend_items
from cxmapper.layout.rows import notes_rows
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import JourneyMap, Touchpoint


def lanes_again(
    lay: MapLayout,
    journey: JourneyMap,
    lane_ids: list[Lane],
    heights: dict[Lane, dict[int, int]],
    fitter: TextFitter,
) -> dict[Lane, float] | None:
    """The lanes with these stacks, laid out again into `lay`; each lane's top, or None when
    one that was there moved (and every card in it and under it with it)."""
    idx = lay.moments
    deepest = {lane: max(counts) for lane, counts in heights.items()}
    top = lay.emotion.bottom
    lanes, lines, lane_top, bottom = lane_boxes(
        journey, lane_ids, deepest, top, idx.right, 0.0, fitter, lay.style
    )
    if any(idx.lane_top.get(lane, y) != y for lane, y in lane_top.items()):
        return None
    lay.lanes, lay.blueprint_lines = lanes, lines
    lay.lanes_area = replace(lay.lanes_area, h=bottom - lay.lanes_area.y)
    lay.moments = replace(idx, lane_top=lane_top, lanes_bottom=bottom)
    return lane_top


def under_lanes(
    lay: MapLayout,
    journey: JourneyMap,
    fitter: TextFitter,
    find: Callable[[str], Touchpoint | None],
    items: bool,
) -> None:
    """The rows under the lanes (when the map shows some), the stages' columns down to them
    and the legend, laid out again into `lay` where they changed (`items`: what the legend
    holds may have)."""
    s, idx = lay.style, lay.moments
    bottom = idx.lanes_bottom
    if journey.rows:
        order = [find(t) for t in lay.time_order]
        lay.rows, bottom = notes_rows(journey, order, lay.cards, bottom, idx.right, fitter, s)
    if bottom != idx.bottom:
        lay.moments = replace(idx, bottom=bottom)
        lay.stages = [
            replace(box, column=replace(box.column, h=bottom - box.header.y)) for box in lay.stages
        ]
        lay.timeline = replace(lay.timeline, h=bottom - lay.emotion.y)
    if items:
        lay.moments = replace(lay.moments, legend=legend_items(journey))
    if items or bottom != idx.bottom:
        top = bottom + s.legend_space
        width = lay.legend_rect.w
        area = Rect(s.margin, top, width, 0)
        lay.legend, legend_bottom = legend_entries(journey, area, fitter, s, lay.moments.legend)
        lay.legend_rect = Rect(s.margin, top, width, legend_bottom - top)
        lay.height = legend_bottom + s.margin
