"""Stage headers and lane names that stay in view: when the map is scrolled so that the stage
headers leave the top of the window, they are drawn again along its top edge; when the lane
names leave its left edge, along that edge. Drawn with the same code as the map itself."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from cxmapper.canvas.painting import QtPainter
from cxmapper.drawing.curve import draw_curves_again, draw_feeling_labels, smooth_curve
from cxmapper.drawing.lanes import (
    draw_blueprint_gutter,
    draw_lane,
    draw_row_label,
    draw_stage_header,
)
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.journey_layout import header_part
from cxmapper.layout.style import LIGHT, Theme
from cxmapper.layout.text import TextFitter


def draw_sticky(
    painter: QPainter,
    lay: MapLayout,
    visible: QRectF,
    fitter: TextFitter,
    theme: Theme = LIGHT,
    curve: bool = False,
) -> None:
    """Over the map, in scene units: what of the headers and labels scrolled out of `visible`;
    a stage whose header begins under the lane names has its name again right of them. With
    `curve` (workshop mode), the feeling lane too, under the headers, as the lanes scroll."""
    if not lay.stages:
        return
    s = lay.style
    top, left = visible.top(), visible.left()
    header_y = lay.stages[0].header.y
    p = QtPainter(painter, theme)
    gutter = s.margin + s.lane_label_width
    headers = top > header_y + s.hair and top < lay.timeline.bottom
    labels = left > s.margin + s.hair and left < lay.timeline.right
    if labels:
        above = max(top, header_y)  # the header row beside the gutter: blank, not a stage
        if above < lay.emotion.y:
            painter.fillRect(
                QRectF(left, above, s.lane_label_width, lay.emotion.y - above), QColor(theme.paper)
            )
        if lay.emotion.bottom > top and lay.emotion.y < visible.bottom():
            draw_feeling_labels(lay, p, left - lay.emotion.x)
        for i, lane in enumerate(lay.lanes):
            if lane.rect.bottom > top and lane.rect.y < visible.bottom():
                p.rect(Rect(left, lane.rect.y, s.lane_label_width, lane.rect.h), theme.paper)
                draw_lane(lay, p, i, Rect(left, lane.rect.y, s.lane_label_width, lane.rect.h))
        for i, row in enumerate(lay.rows):
            if row.rect.bottom > top and row.rect.y < visible.bottom():
                box = Rect(left, row.rect.y, s.lane_label_width, row.rect.h)
                p.rect(box, theme.paper)
                draw_row_label(lay, p, i, box)
        for i, line in enumerate(lay.blueprint_lines):
            if line.band.bottom > top and line.band.y < visible.bottom():
                box = Rect(left, line.band.y, s.lane_label_width, line.band.h)
                draw_blueprint_gutter(lay, p, i, box)
        x = left + s.lane_label_width
        bottom = min(visible.bottom(), lay.timeline.bottom)
        p.line(Point(x, max(top, lay.emotion.y)), Point(x, bottom), theme.rule, s.hair)
    if curve:
        _curve_in_view(painter, lay, visible, theme, labels)
    if headers:
        for i, stage in enumerate(lay.stages):
            if stage.header.right > left and stage.header.x < visible.right():
                draw_stage_header(
                    lay, p, i, Rect(stage.header.x, top, stage.header.w, stage.header.h)
                )
        bottom = top + lay.stages[0].header.h
        p.line(Point(left, bottom), Point(visible.right(), bottom), theme.rule, s.hair)
    if headers:  # the corner left of the headers: blank, not the map scrolling under it
        width = gutter - s.margin if labels else max(0.0, lay.stages[0].header.x - left)
        painter.fillRect(QRectF(left, top, width, lay.stages[0].header.h), QColor(theme.paper))
    if labels:
        _stage_under_the_gutter(painter, lay, p, left + s.lane_label_width, top, headers, fitter)


_worked_out: list = [None, None]  # (the layout, its curves' segments): once per layout


def _curves_of(lay: MapLayout) -> tuple[list, list]:
    if _worked_out[0] is not lay:
        _worked_out[:] = [
            lay,
            (
                smooth_curve([pt.center for pt in lay.points]),
                smooth_curve([pt.center for pt in lay.future_points]),
            ),
        ]
    return _worked_out[1]


def _curve_in_view(
    painter: QPainter, lay: MapLayout, visible: QRectF, theme: Theme, labels: bool
) -> None:
    """The feeling lane drawn again under the stage headers once the lanes scroll it away
    (its gutter too, at the window's left edge when the lane names are kept there)."""
    head = lay.stages[0].header
    at = max(visible.top(), head.y) + head.h  # under the headers, kept in view or not
    dy = at - lay.emotion.y
    if dy <= 0 or lay.emotion.y >= visible.bottom():
        return
    p = QtPainter(painter, theme)
    painter.save()
    painter.translate(0, dy)
    seen = Rect(visible.left(), visible.top() - dy, visible.width(), visible.height())
    draw_curves_again(lay, p, seen, _curves_of(lay))
    if labels:
        draw_feeling_labels(lay, p, visible.left() - lay.emotion.x)
    painter.restore()


def _stage_under_the_gutter(painter, lay, p, edge: float, top: float, sticky: bool, fitter):
    """The stage header the gutter's right edge cuts: drawn again beside it, fitted to the part
    that shows, so the stage a room is looking at is named (Page Down to the last stage)."""
    for i, stage in enumerate(lay.stages):
        head = stage.header
        if head.x < edge < head.right - lay.style.hair:
            part = Rect(edge, top if sticky else head.y, head.right - edge, head.h)
            painter.save()
            painter.setClipRect(QRectF(part.x, part.y, part.w, part.h))
            draw_stage_header(lay, p, i, part, header_part(lay, i, part, fitter))
            painter.restore()
            return
