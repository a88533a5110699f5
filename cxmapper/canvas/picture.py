"""The whole map as a PNG picture, drawn by the same code as the screen (cxmapper.drawing on a
QPainter), at 1x to 4x or at a DPI. One map unit is one pixel at 1x, which is 96 DPI."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from cxmapper.canvas.fonts import QtTextMetrics
from cxmapper.canvas.painting import QtPainter
from cxmapper.drawing.map import draw_map
from cxmapper.layout.journey_layout import layout_map
from cxmapper.model.journey import JourneyMap

BASE_DPI = 96
MOST_PIXELS = 400_000_000  # 1.6 GB of memory; beyond that, SVG or PDF
MOST_SIDE = 32_000  # what PNG readers commonly manage


class PictureTooLarge(ValueError):
    pass


def render_png(journey: JourneyMap, scale: float = 1.0) -> bytes:
    """PNG bytes of the whole map; PictureTooLarge (saying what would do) when it cannot be."""
    if not 0.1 <= scale <= 16:
        raise PictureTooLarge(
            f"the scale must be between 0.1x and 16x (DPI 10 to 1536), not {scale:g}x"
        )
    lay = layout_map(journey, QtTextMetrics())
    width, height = max(1, round(lay.width * scale)), max(1, round(lay.height * scale))
    if width > MOST_SIDE or height > MOST_SIDE or width * height > MOST_PIXELS:
        raise PictureTooLarge(
            f"the picture would be {width} x {height} pixels, too large for a PNG; "
            "choose a smaller resolution, or export SVG or PDF, which have no such limit"
        )
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise PictureTooLarge(f"not enough memory for a {width} x {height} picture")
    image.fill(QColor("#ffffff"))
    dots_per_metre = round(BASE_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    draw_map(lay, QtPainter(painter))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise PictureTooLarge("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())
