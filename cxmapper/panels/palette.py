"""The palette: kinds of touchpoint (a blank one and one per channel) to drag onto the map."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
)

from cxmapper.canvas.dragdata import TOUCHPOINT_MIME, encode_kind
from cxmapper.canvas.painting import QtPainter
from cxmapper.canvas.tooltips import plain
from cxmapper.drawing import glyphs
from cxmapper.drawing.painter import draw_shapes
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import INK
from cxmapper.model.journey import Channel

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_SIZE = 24
ENTRY = QSize(140, 32)  # each entry's cell: entries flow in rows, two or more to a row


def glyph_icon(shapes_for, size: int = ICON_SIZE, ink: str = INK) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    box = Rect(2, 2, size - 4, size - 4)
    draw_shapes(QtPainter(painter), shapes_for(box), box.w, ink)
    painter.end()
    return QIcon(pixmap)


class Palette(QListWidget):
    """Drag an entry onto the map to add a touchpoint there; Enter or double-click adds one
    after the selected touchpoint."""

    kind_activated = Signal(str)

    def __init__(self, channels: list[Channel], parent=None) -> None:
        super().__init__(parent)
        self._channels: list[Channel] | None = None
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        # Entries flow in rows across the dock (not one long column), so the palette sits
        # above the inspector in a narrow column and the map keeps the window's width.
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setGridSize(ENTRY)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # no taller than its entries: the inspector below gets the rest of the column
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName("Touchpoint palette")
        self.itemActivated.connect(lambda item: self.kind_activated.emit(item.data(KIND_ROLE)))
        self.set_channels(channels)

    def set_channels(self, channels: list[Channel]) -> None:
        self._channels = list(channels)
        self.clear()
        blank = QListWidgetItem(
            glyph_icon(lambda box: glyphs.channel_icon(box, "other"), ink=self._ink()),
            "Blank touchpoint",
        )
        blank.setData(KIND_ROLE, "")
        blank.setSizeHint(ENTRY)
        blank.setToolTip("Drag onto the map to add a touchpoint with no channel yet")
        self.addItem(blank)
        for channel in channels:
            item = QListWidgetItem(
                glyph_icon(
                    lambda box, icon=channel.icon: glyphs.channel_icon(box, icon), ink=self._ink()
                ),
                channel.name,
            )
            item.setData(KIND_ROLE, channel.id)
            item.setSizeHint(ENTRY)
            item.setToolTip(plain(f"Drag onto the map to add a {channel.name} touchpoint"))
            self.addItem(item)
        # a channel more or less: the palette's height follows (all entries in two columns)
        self.setMinimumHeight(self.height_for(2 * ENTRY.width() + 12))
        self.updateGeometry()

    def _ink(self) -> str:
        """Icons in the palette's own text colour: they read on a light or a dark system."""
        return self.palette().color(QPalette.ColorRole.Text).name()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._channels is not None:
            self.set_channels(self._channels)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max(self.width(), 2 * ENTRY.width() + 12)
        return QSize(2 * ENTRY.width() + 12, self.height_for(width))

    def height_for(self, width: int) -> int:
        """How tall the palette is when all its entries show at this width."""
        per_row = max(1, (width - 8) // ENTRY.width())
        rows = -(-self.count() // per_row)
        return rows * ENTRY.height() + 2 * self.frameWidth() + 6

    def startDrag(self, supported_actions) -> None:  # noqa: N802 - Qt's name
        super().startDrag(Qt.DropAction.CopyAction)  # dropping copies a kind, never moves it

    def mimeTypes(self) -> list[str]:
        return [TOUCHPOINT_MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(TOUCHPOINT_MIME, encode_kind(items[0].data(KIND_ROLE)))
            data.setText(items[0].text())
        return data
