"""The mouse on the map: a press selects (Ctrl or Shift: adds or takes away) and a drag moves
the cards, a stage or a lane, or a face on the feeling curve, one undo step on release; the
middle button (or Space with the left) pans; a double-click renames. In a dot vote a plain click
on a card is a dot. Each drag is an interaction object (interactions.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from cxmapper.canvas.interactions import CardDrag, FeelingDrag, HeaderDrag
from cxmapper.canvas.items import CardItem, FeelingPointItem


class Mouse:
    def __init__(self, view) -> None:
        self.view = view
        self.gesture: CardDrag | FeelingDrag | HeaderDrag | None = None
        self._finishing = False
        self._pending: tuple[CardItem, QPointF, QPoint] | None = None  # a card pressed
        self._header_press: tuple[str, str, QPoint] | None = None  # a stage or lane pressed
        self._pan_from: QPoint | None = None
        self.space_down = False  # Space held: the left button pans

    # --- gestures ----------------------------------------------------------------------------
    def abandon(self) -> None:
        """A change from elsewhere (a shortcut, undo) in the middle of a drag ends the drag:
        the scene has already put every item where the new model says."""
        if self.gesture is not None and not self._finishing:
            gesture, self.gesture = self.gesture, None
            self._pending = None
            gesture.abandon()

    def cancel(self) -> None:
        if self.gesture is not None:
            gesture, self.gesture = self.gesture, None
            gesture.cancel()
        self._pending = None

    def stop_panning(self) -> None:
        self._pan_from = None
        self.view.viewport().unsetCursor()

    def under_kept_curve(self, event: QMouseEvent) -> bool:
        """Whether a click falls on the feeling lane drawn again over the lanes (workshop mode):
        what is under that picture is out of sight, so the click is not theirs."""
        view = self.view
        lay = view.journey_scene.layout
        if not view.keep_curve_in_view or not lay.stages:
            return False
        head = lay.stages[0].header
        top = view.mapToScene(0, 0).y()
        at = max(top, head.y) + head.h
        if at <= lay.emotion.y:
            return False
        y = view.mapToScene(event.position().toPoint()).y()
        return at <= y < at + lay.emotion.h

    # --- the view's mouse events (True: handled here) -----------------------------------------
    def press(self, event: QMouseEvent) -> bool:
        view = self.view
        if self.under_kept_curve(event):
            event.accept()
            return True
        button, pos = event.button(), event.position().toPoint()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self.space_down
        ):
            self._pan_from = pos
            view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return True
        if button != Qt.MouseButton.LeftButton:
            return False
        item = view.itemAt(pos)
        if isinstance(item, FeelingPointItem):
            # Select its card, but do not scroll to it: the face is being dragged.
            view.selection.select([item.touchpoint_id])
            self.gesture = FeelingDrag(view.journey_scene, item)
            event.accept()
            return True
        if isinstance(item, CardItem):
            self._press_card(item, event)
            event.accept()
            return True
        kind, part_id = view.part_at(pos)
        if kind in ("stage", "department") and part_id is not None:
            self._header_press = (kind, part_id, pos)
            event.accept()
            return True
        return False

    def _press_card(self, item: CardItem, event: QMouseEvent) -> None:
        view, mods = self.view, event.modifiers()
        if view.card_clicked is not None and not mods:  # (a dot vote: a click is a dot)
            view.walk.select_only(item.touchpoint_id)
            view.card_clicked(item.touchpoint_id)
            return
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            view.selection.toggle(item.touchpoint_id)
            return
        if item.touchpoint_id not in view.selection:
            view.selection.select([item.touchpoint_id])
        pos = event.position().toPoint()
        self._pending = (item, view.mapToScene(pos), pos)

    def move(self, event: QMouseEvent) -> bool:
        view, pos = self.view, event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            view.zooming.scroll_by(-delta.x(), -delta.y())
            view.title_editor.follow()
            return True
        far = QApplication.startDragDistance()
        if self._header_press is not None and self.gesture is None:
            kind, part_id, press = self._header_press
            if (pos - press).manhattanLength() >= far:
                self.gesture = HeaderDrag(view.journey_scene, kind, part_id)
        if self._pending is not None and self.gesture is None:
            item, start, press = self._pending
            if (pos - press).manhattanLength() >= far:
                self.gesture = CardDrag(view.journey_scene, item, start)
        if self.gesture is not None:
            self.gesture.move(view.mapToScene(pos))
            return True
        return False

    def release(self, event: QMouseEvent) -> bool:
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self.stop_panning()
            return True
        self._pending = None
        self._header_press = None
        if self.gesture is not None and event.button() == Qt.MouseButton.LeftButton:
            gesture, self.gesture = self.gesture, None
            self._finishing = True
            try:
                gesture.finish(self.view.mapToScene(event.position().toPoint()))
            finally:
                self._finishing = False
            return True
        return False

    def double_click(self, event: QMouseEvent) -> bool:
        view = self.view
        if self.under_kept_curve(event):
            event.accept()
            return True
        pos = event.position().toPoint()
        item = view.itemAt(pos)
        if isinstance(item, CardItem) and view.card_clicked is not None:
            if not event.modifiers():  # (in a dot vote, a second click is a second dot)
                view.card_clicked(item.touchpoint_id)
            return True
        if isinstance(item, CardItem):
            view.walk.select_only(item.touchpoint_id)
            view.edit_title(item.touchpoint_id)
            return True
        kind, part_id = view.part_at(pos)
        if kind in ("stage", "department") and part_id is not None:
            view.title_editor.start_part(kind, part_id)
            return True
        return False
