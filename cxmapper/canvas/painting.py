"""The Painter protocol on a QPainter, and text lines for the canvas's own items."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from cxmapper.canvas.fonts import map_font
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import CURVE_DASH, INK, LIGHT, Theme


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def draw_lines(
    painter: QPainter,
    lines: list[str],
    box: Rect,
    size: float,
    line_height: float,
    bold: bool = False,
    colour: str = INK,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """Text lines from the top of `box`, one per line height, cut off at the box's edges."""
    painter.setFont(map_font(size, bold))
    painter.setPen(QColor(colour))
    for i, line in enumerate(lines):
        row = QRectF(box.x, box.y + i * line_height, box.w, line_height)
        painter.drawText(
            row, int(align | Qt.AlignmentFlag.AlignVCenter) | Qt.TextFlag.TextSingleLine, line
        )


class QtPainter:
    """The Painter protocol (drawing/painter.py) on a QPainter."""

    def __init__(self, painter: QPainter, theme: Theme = LIGHT) -> None:
        self.p = painter
        self.theme = theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def rect(
        self,
        r: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 1,
        radius: float = 0,
        alpha: float = 1.0,
    ) -> None:
        p = self.p
        if fill is not None:
            colour = QColor(fill)
            colour.setAlphaF(alpha)
            p.setBrush(colour)
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(stroke), width) if stroke else Qt.PenStyle.NoPen)
        if radius:
            p.drawRoundedRect(qrect(r), radius, radius)
        else:
            p.drawRect(qrect(r))

    def line(
        self, a, b, colour: str, width: float = 1, dashed: bool = False, round_cap: bool = False
    ) -> None:
        pen = QPen(QColor(colour), width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        if round_cap:
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(a.x, a.y), QPointF(b.x, b.y))

    def curve(self, start, segments, colour: str, width: float, dashed: bool = False) -> None:
        path = QPainterPath(QPointF(start.x, start.y))
        for c1, c2, end in segments:
            path.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
        pen = QPen(QColor(colour), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setDashPattern(list(CURVE_DASH))
        self.p.setPen(pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawPath(path)

    def text(
        self, text: str, box: Rect, size: float, bold: bool = False, colour: str = INK
    ) -> None:
        draw_lines(self.p, [text], box, size, box.h, bold=bold, colour=colour)

    def circle(self, centre, r: float, fill: str | None, stroke: str | None, width: float) -> None:
        p = self.p
        p.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(stroke), width) if stroke else Qt.PenStyle.NoPen)
        p.drawEllipse(QPointF(centre.x, centre.y), r, r)

    def label(self, text: str, centre, size: float, colour: str) -> None:
        self.p.setPen(QColor(colour))
        self.p.setFont(map_font(size, bold=True))
        box = QRectF(centre.x - size, centre.y - size, 2 * size, 2 * size)
        self.p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def translate(self, dx: float, dy: float) -> None:
        self.p.translate(dx, dy)
