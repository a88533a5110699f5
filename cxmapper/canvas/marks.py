"""Find's marks on the map: a frame around each stage header, lane name, legend entry or map
header that holds what was looked for (a touchpoint found is its card, kept bright), the one
Enter went to in a heavier frame."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from cxmapper.canvas.items import Z_INDICATOR, theme_of
from cxmapper.canvas.painting import qrect
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Rect
from cxmapper.layout.text import TextFitter
from cxmapper.model.search import Hit


def place_of(lay: MapLayout, hit: Hit, fitter: TextFitter) -> Rect | None:
    """Where a hit is drawn on the map (None: nowhere, such as a channel no card uses)."""
    if hit.kind == "map":  # the title and the lines under it, as wide as their text
        h, s = lay.header, lay.style
        widths = [fitter.width(h.title, s.title_size, True)]
        widths += [fitter.width(text, s.subtitle_size) for text, _ in h.lines]
        bottom = h.lines[-1][1].bottom if h.lines else h.title_box.bottom
        pad = s.label_gap
        width = min(max(widths) + 2 * pad, h.rect.w + pad)
        return Rect(h.rect.x - pad, h.rect.y - pad / 2, width, bottom - h.rect.y + pad)
    if hit.kind == "stage":
        return next((s.header for s in lay.stages if s.stage_id == hit.part_id), None)
    if hit.kind == "department":
        return next((ln.label for ln in lay.lanes if ln.department_id == hit.part_id), None)
    if hit.kind == "channel":
        entry = next((e for e in lay.legend if e.kind == "channel" and e.label == hit.name), None)
        if entry is None or entry.swatch is None:
            return None
        left = entry.swatch.x
        return Rect(left, entry.text.y, entry.text.right - left, entry.text.h)
    card = lay.cards.get(hit.part_id or "")
    return card.rect if card else None


class FoundMarks(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_INDICATOR)
        self.rects: list[QRectF] = []
        self.current: QRectF | None = None
        self._bounds = QRectF()

    def show_marks(self, rects: list[Rect], current: Rect | None = None) -> None:
        self.prepareGeometryChange()
        self.rects = [qrect(r) for r in rects]
        self.current = qrect(current) if current is not None else None
        bounds = QRectF()
        for r in self.rects + ([self.current] if self.current else []):
            bounds = bounds.united(r.adjusted(-4, -4, 4, 4))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        colour = QColor(theme_of(self).selection)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        for r in self.rects:
            painter.drawRect(r.adjusted(1, 1, -1, -1))
        if self.current is not None:
            painter.setPen(QPen(colour, 4))
            fill = QColor(colour)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.drawRect(self.current.adjusted(2, 2, -2, -2))
