"""Drops from the palette onto the canvas: where it would land (shown while dragging), and a new
touchpoint there, named straight away. Always a copy: the palette keeps its kinds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cxmapper.canvas.dragdata import TOUCHPOINT_MIME, decode_kind
from cxmapper.layout.drop import drop_target
from cxmapper.model.fields import EditRefused


class PaletteDrops:
    """Mixed into JourneyView (which provides journey_scene, document, mapToScene, editing)."""

    def _palette_target(self, event):
        if not event.mimeData().hasFormat(TOUCHPOINT_MIME):
            return None
        pos = self.mapToScene(event.position().toPoint())
        return drop_target(self.journey_scene.layout, pos.x(), pos.y())

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(TOUCHPOINT_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        target = self._palette_target(event)
        self.journey_scene.indicator.show_at(target.indicator if target else None)
        if target is None:
            event.ignore()
        else:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()

    def dragLeaveEvent(self, event) -> None:
        self.journey_scene.indicator.show_at(None)
        event.accept()

    def dropEvent(self, event) -> None:
        self.journey_scene.indicator.show_at(None)
        target = self._palette_target(event)
        kind = decode_kind(event.mimeData().data(TOUCHPOINT_MIME).data())
        if target is None or kind is None:
            event.ignore()
            return
        channel_id = kind if self.document.journey.channel(kind) else None
        channel = self.document.journey.channel(channel_id)
        title = f"{channel.name} touchpoint" if channel else "New touchpoint"
        try:
            new_id = self.document.add_touchpoint(
                (target.stage_id, target.position, target.department_id), title, channel_id
            )
        except EditRefused as refused:  # the map is full: said, and the drop refused
            event.ignore()
            self.title_editor.problem.emit(str(refused))
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # a copy: the palette keeps its kinds
        event.accept()
        self._select_only(new_id)
        self.setFocus()
        self.edit_title(new_id)
