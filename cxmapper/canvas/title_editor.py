"""Edit a card's title in place: Enter (or clicking elsewhere) keeps it, Escape cancels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from cxmapper.canvas.fonts import map_font
from cxmapper.canvas.painting import qrect
from cxmapper.model.journey import MAX_NAME

if TYPE_CHECKING:
    from cxmapper.canvas.view import JourneyView


class TitleEditor(QLineEdit):
    problem = Signal(str)

    def __init__(self, view: JourneyView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.touchpoint_id: str | None = None
        self.setMaxLength(MAX_NAME)
        self.setFrame(True)
        self.hide()

    def start(self, touchpoint_id: str) -> None:
        self.commit()
        scene = self.view.journey_scene
        if touchpoint_id not in scene.layout.cards:
            return
        self.touchpoint_id = touchpoint_id
        self.setText(self.view.document.touchpoint(touchpoint_id).title)
        self.follow()
        self.show()
        self.selectAll()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def follow(self) -> None:
        """Sit over the card's title at the current zoom and scroll."""
        if self.touchpoint_id is None:
            return
        box = self.view.journey_scene.layout.cards.get(self.touchpoint_id)
        if box is None:
            self.cancel()
            return
        zoom = self.view.zoom()
        content = box.content
        area = qrect(content.title).translated(box.rect.x, box.rect.y)
        area.setHeight(content.title_size * 2.2)
        rect = self.view.mapFromScene(area).boundingRect()
        size = max(13.0, content.title_size * zoom)  # readable however far out the map is zoomed
        self.setFont(map_font(size, bold=True))
        width = max(rect.width() + 8, 260)
        height = max(rect.height(), round(size * 2))
        self.setGeometry(rect.x() - 4, rect.y() - 2, width, height)

    def commit(self) -> None:
        if self.touchpoint_id is None:
            return
        tid, self.touchpoint_id = self.touchpoint_id, None
        text = self.text().strip()
        self.hide()
        doc = self.view.document
        if text and doc.has_touchpoint(tid):
            try:
                doc.rename_touchpoint(tid, text)
            except ValueError as exc:
                self.problem.emit(f"The title was not changed: {exc}")
        self.view.setFocus()

    def cancel(self) -> None:
        self.touchpoint_id = None
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.touchpoint_id is not None and self.isVisible():
            self.commit()
