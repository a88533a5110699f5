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
