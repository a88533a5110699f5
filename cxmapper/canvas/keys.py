"""The keyboard on the map: the arrows walk the cards (walking.py), Enter or F2 renames the
selected card and typing on it renames it starting with that key, Delete deletes, Page Down and
Page Up walk the stages, Escape cancels a drag or clears the selection (and leaves workshop
mode), Space held pans with the mouse, the Menu key or Shift+F10 opens the menu of the card or
the stage on screen.

The rating digits never get here: they are Map > Rate Feeling's keys, and its actions on the
map take them first (as Qt's shortcuts do, before a key is delivered)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class Keys:
    def __init__(self, view) -> None:
        self.view = view

    def press(self, event: QKeyEvent) -> bool:
        """True: handled here; False: the view's own (scrolling...)."""
        view, key, mods = self.view, event.key(), event.modifiers()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            view.mouse.space_down = True
            view.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return True
        if key == Qt.Key.Key_Escape:
            if view.mouse.gesture is not None:
                view.cancel_gesture()
            else:
                view.selection.clear()
                view.escaped.emit()  # and out of workshop mode, if on
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and not mods:
            step = 1 if key == Qt.Key.Key_PageDown else -1
            view.show_stage(view.current_stage() + step)
            return True
        if key == Qt.Key.Key_Delete and not mods:
            view.delete_selection()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            ids = view.selection.ids
            if ids:
                view.edit_title(ids[0])
            return True
        if key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
        ):
            self.open_menu_here()
            return True
        typed = event.text()
        plain = not mods & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if plain and typed.isprintable() and typed.strip() and view.mouse.gesture is None:
            ids = view.selection.ids
            if len(ids) == 1:  # typing on a selected card renames it, starting with that key
                view.edit_title(ids[0], typed=typed)
                return True
        if key in ARROWS and not mods & Qt.KeyboardModifier.ControlModifier:
            view.walk.step(*ARROWS[key])
            return True
        return False

    def release(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.view.mouse.space_down = False
            self.view.mouse.stop_panning()
            return True
        return False

    def open_menu_here(self) -> None:
        """Menu key or Shift+F10: the selected card's menu at the card; with no card selected,
        the menu of the stage on screen at its header."""
        view = self.view
        ids = view.selection.ids
        lay = view.journey_scene.layout
        if ids and ids[0] in lay.cards:
            kind, part_id = "touchpoint", ids[0]
            view.walk.show(part_id)
            r = lay.cards[part_id].rect
            at = QPointF(r.x + min(r.w / 2, 40), r.y + min(r.h / 2, 30))
        elif lay.stages:
            stage = lay.stages[view.current_stage()]
            kind, part_id = "stage", stage.stage_id
            head = stage.header
            view.ensureVisible(QRectF(head.x, head.y, min(head.w, 80), head.h), 20, 20)
            at = QPointF(head.x + min(head.w / 2, 60), head.y + head.h / 2)
        else:
            return
        point = view.mapFromScene(at)
        view.context_menu_requested.emit(kind, part_id, at, view.viewport().mapToGlobal(point))
