"""QPainter versions of the layout's glyph primitives and text lines."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from cxmapper.canvas.fonts import map_font
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import INK


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def draw_shapes(painter: QPainter, shapes: list[tuple], size: float, ink: str = INK) -> None:
    """Draw glyph primitives (see layout.glyphs); `size` scales stroke width and label text."""
    pen = QPen(QColor(ink), max(1.0, size / 12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    outline = QPen(QColor(INK), max(0.8, size / 16))
    text_colour = QColor("#ffffff")
    for shape in shapes:
        kind = shape[0]
        if kind == "ink":
            pen = QPen(QColor(shape[1]), pen.widthF())
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            text_colour = QColor(shape[1])
            continue
        painter.setPen(pen)
        if kind == "circle":
            _, cx, cy, r, fill = shape
            painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
            if fill and r > size / 8:
                painter.setPen(outline)
            elif fill:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(cx, cy), r, r)
        elif kind == "rect":
            _, x, y, w, h, fill = shape
            painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, y, w, h))
        elif kind == "line":
            _, x1, y1, x2, y2 = shape
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
        elif kind == "curve":
            _, x1, y1, cx, cy, x2, y2 = shape
            path = QPainterPath(QPointF(x1, y1))
            path.quadTo(QPointF(cx, cy), QPointF(x2, y2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        elif kind == "text":
            _, x, y, text = shape
            painter.setPen(text_colour)
            painter.setFont(map_font(size * 0.8, bold=True))
            box = QRectF(x - size / 2, y - size / 2, size, size)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


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
    """The layout's Painter protocol (layout/drawing.py) on a QPainter."""

    def __init__(self, painter: QPainter) -> None:
        self.p = painter
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

    def line(self, a, b, colour: str, width: float = 1, dashed: bool = False) -> None:
        pen = QPen(QColor(colour), width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(a.x, a.y), QPointF(b.x, b.y))

    def curve(self, start, segments, colour: str, width: float) -> None:
        path = QPainterPath(QPointF(start.x, start.y))
        for c1, c2, end in segments:
            path.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
        pen = QPen(QColor(colour), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.p.setPen(pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawPath(path)

    def text(
        self, text: str, box: Rect, size: float, bold: bool = False, colour: str = INK
    ) -> None:
        draw_lines(self.p, [text], box, size, box.h, bold=bold, colour=colour)

    def shapes(self, shapes: list[tuple], size: float, ink: str = INK) -> None:
        draw_shapes(self.p, shapes, size, ink)

    def translate(self, dx: float, dy: float) -> None:
        self.p.translate(dx, dy)
