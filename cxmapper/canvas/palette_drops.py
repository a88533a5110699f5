"""Drops from the palette onto the canvas: where it would land (shown while dragging), and a new
touchpoint there, named straight away. Always a copy: the palette keeps its kinds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cxmapper.canvas.dragdata import TOUCHPOINT_MIME, decode_kind
from cxmapper.layout.drop import drop_target
from cxmapper.model.fields import EditRefused


class PaletteDrops:
    """The view's drag and drop events are handed to it."""

    def __init__(self, view) -> None:
        self.view = view

    def _target(self, event):
        if not event.mimeData().hasFormat(TOUCHPOINT_MIME):
            return None
        pos = self.view.mapToScene(event.position().toPoint())
        return drop_target(self.view.journey_scene.layout, pos.x(), pos.y())

    def enter(self, event) -> None:
        if event.mimeData().hasFormat(TOUCHPOINT_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def move(self, event) -> None:
        target = self._target(event)
        self.view.journey_scene.indicator.show_at(target.indicator if target else None)
        if target is None:
            event.ignore()
        else:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()

    def leave(self, event) -> None:
        self.view.journey_scene.indicator.show_at(None)
        event.accept()

    def drop(self, event) -> None:
        view = self.view
        view.journey_scene.indicator.show_at(None)
        target = self._target(event)
        kind = decode_kind(event.mimeData().data(TOUCHPOINT_MIME).data())
        if target is None or kind is None:
            event.ignore()
            return
        journey = view.document.journey
        channel_id = kind if journey.channel(kind) else None
        channel = journey.channel(channel_id)
        title = f"{channel.name} touchpoint" if channel else "New touchpoint"
        try:
            new_id = view.document.add_touchpoint(
                (target.stage_id, target.position, target.department_id), title, channel_id
            )
        except EditRefused as refused:  # the map is full: said, and the drop refused
            event.ignore()
            view.title_editor.problem.emit(str(refused))
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # a copy: the palette keeps its kinds
        event.accept()
        view.walk.select_only(new_id)
        view.setFocus()
        view.edit_title(new_id)
