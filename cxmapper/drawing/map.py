"""The whole map as printed, for every painter: the backdrop (title, stages, feeling lane, lanes,
rows, blueprint lines, legend), then the curves, the handoff arrows, the cards and the faces.
A poster sheet or a window draws only what crosses its `visible` part of the map."""

from __future__ import annotations

from cxmapper.drawing import glyphs
from cxmapper.drawing.cards import draw_card, draw_handoff, draw_sticker
from cxmapper.drawing.curve import (
    Segment,
    draw_curve,
    draw_emotion_lane,
    draw_feeling,
    draw_future_mark,
    smooth_curve,
)
from cxmapper.drawing.lanes import draw_blueprint_line, draw_lane, draw_row, draw_stage_header
from cxmapper.drawing.painter import Painter, draw_shapes
from cxmapper.layout.boxes import Handoff, MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import UNASSIGNED_COLOUR, Style


def draw_backdrop(lay: MapLayout, p: Painter, visible: Rect | None = None) -> None:
    """Everything that does not move on its own: header, stages, emotion lane, lanes, legend."""
    s, th = lay.style, p.theme
    p.rect(Rect(0, 0, lay.width, lay.height), th.paper)
    h = lay.header
    p.text(h.title, h.title_box, s.title_size, bold=True, colour=th.ink)
    for text, box in h.lines:
        p.text(text, box, s.subtitle_size, colour=th.muted)

    for i, stage in enumerate(lay.stages):
        if visible is not None and not stage.column.overlaps(visible):
            continue
        p.rect(stage.column, th.stage_tints[i % 2])
        draw_stage_header(lay, p, i)
        p.line(
            Point(stage.column.right, stage.column.y),
            Point(stage.column.right, stage.column.bottom),
            th.grid,
            s.hair,
        )

    draw_emotion_lane(lay, p)
    for i in range(len(lay.lanes)):
        if visible is None or lay.lanes[i].rect.overlaps(visible):
            draw_lane(lay, p, i)
    for i in range(len(lay.rows)):
        if visible is None or lay.rows[i].rect.overlaps(visible):
            draw_row(lay, p, i)
    for i in range(len(lay.blueprint_lines)):
        if visible is None or lay.blueprint_lines[i].band.overlaps(visible):
            draw_blueprint_line(lay, p, i)
    draw_legend(lay, p)


def draw_legend(lay: MapLayout, p: Painter) -> None:
    """Each entry of the legend: its swatch (a face, a colour, an icon, a flag, a sticker, a
    curve, an arrow) drawn as on the map, and its words."""
    s = lay.style
    colours = {lane.department_id: lane.colour for lane in lay.lanes}
    for entry in lay.legend:
        sw = entry.swatch
        if sw is not None:
            if entry.kind == "feeling":
                draw_shapes(p, glyphs.face(sw, int(entry.key)), sw.w, hair=s.hair)
            elif entry.kind == "department":
                p.rect(sw, colours.get(entry.key, UNASSIGNED_COLOUR))
            elif entry.kind == "channel":
                draw_shapes(p, glyphs.channel_icon(sw, entry.key), sw.w, p.theme.ink, s.hair)
            elif entry.kind == "badge":
                draw_shapes(p, glyphs.badge(sw, entry.key), sw.w, hair=s.hair)
            elif entry.kind == "votes":
                draw_sticker(p, sw, s)
            elif entry.kind == "evidence":
                draw_shapes(p, glyphs.evidence(sw, entry.key), sw.w, hair=s.hair)
            elif entry.kind == "curve":
                future = entry.key == "future"
                colour = p.theme.future if future else p.theme.curve
                a, b = Point(sw.x, sw.center.y), Point(sw.right, sw.center.y)
                p.curve(a, [(a, b, b)], colour, s.curve_width, future)
            elif entry.kind == "handoff":
                draw_handoff(_legend_arrow(sw, s), p, s)
        heading = entry.kind == "heading"
        p.text(
            entry.label,
            entry.text,
            s.legend_size,
            bold=heading,
            colour=p.theme.ink if heading else p.theme.muted,
        )


def _legend_arrow(sw: Rect, s: Style) -> Handoff:
    y, k = sw.center.y, s.handoff_head * 0.7
    a, b = Point(sw.x, y), Point(sw.right, y)
    return Handoff("", "", a, a, b, b, (Point(b.x - k, y - k * 0.6), Point(b.x - k, y + k * 0.6)))


def draw_map(
    lay: MapLayout,
    p: Painter,
    visible: Rect | None = None,
    curve: list[Segment] | None = None,
) -> None:
    """The whole map, as printed: backdrop, curves, handoffs, cards, faces."""
    s = lay.style
    draw_backdrop(lay, p, visible)
    if lay.future_points:  # both states: the future's curve, dashed, under today's
        future = [pt.center for pt in lay.future_points]
        draw_curve(p, future, smooth_curve(future), p.theme.future, True, s, visible)
        for pt in lay.future_points:
            if visible is None or visible.x - pt.radius <= pt.center.x <= visible.right + pt.radius:
                draw_future_mark(pt, p, s)
    centres = [pt.center for pt in lay.points]
    # A poster draws many sheets of one map: pass the curve in to compute it once.
    segments = curve if curve is not None else smooth_curve(centres)
    future_only = lay.curves == "future"
    colour = p.theme.future if future_only else p.theme.curve
    draw_curve(p, centres, segments, colour, future_only, s, visible)
    points = lay.points
    if visible is not None:
        left, right = visible.x - s.face_size / 2, visible.right + s.face_size / 2
        points = [pt for pt in points if left <= pt.center.x <= right]
    for handoff in lay.handoffs:
        draw_handoff(handoff, p, s)
    for card in lay.cards.values():
        if visible is not None and not card.rect.overlaps(visible):
            continue
        p.translate(card.rect.x, card.rect.y)
        draw_card(card.content, p, s)
        p.translate(-card.rect.x, -card.rect.y)
    for point in points:
        draw_feeling(point, p, s)
