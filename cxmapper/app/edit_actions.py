"""Edit > Undo and Redo (named after the edit they take back or do again), Find, Find Next and
Find Previous (the find bar, built when first asked for), Rename touchpoint, Delete and Select
All. Cut, Copy, Paste and Duplicate are clipboard_actions.py's."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from cxmapper.app.menus import action


class EditActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        keys = QKeySequence.StandardKey
        self.undo_action = action(window, "&Undo", self.undo, [keys.Undo])
        self.redo_action = action(window, "&Redo", self.redo, [keys.Redo, "Ctrl+Shift+Z", "Ctrl+Y"])
        self.find_actions = [
            action(window, "&Find…", self.find, [keys.Find, "Ctrl+F"]),
            action(window, "Find &Next", lambda: self.find_step(1), [keys.FindNext, "F3"]),
            action(
                window,
                "Find &Previous",
                lambda: self.find_step(-1),
                [keys.FindPrevious, "Shift+F3"],
            ),
        ]
        # Delete only: the X11 standard Delete keys include Ctrl+D (Duplicate).
        self.delete_action = action(window, "&Delete", self.delete_selection, ["Delete"])
        # Only while the map has the focus: Delete in another panel belongs to that panel.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.selection_actions = [
            action(window, "&Rename touchpoint", self.rename_selection, ["F2"]),
            self.delete_action,
            action(window, "Select &All", self.select_all, [keys.SelectAll]),
        ]
        self._find_bar = None

    # --- undo and redo ---------------------------------------------------------------------
    def follow(self, undo_stack, before=None) -> None:
        """Undo and Redo follow a map's history (`before`: the one of the map it replaces)."""
        if before is not None:
            before.disconnect(self)
        undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        undo_stack.undoTextChanged.connect(self._undo_text)
        undo_stack.redoTextChanged.connect(self._redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._undo_text("")
        self._redo_text("")

    def undo(self) -> None:
        w = self.window
        if w.document:
            w.view.cancel_gesture()
            w.document.undo()

    def redo(self) -> None:
        w = self.window
        if w.document:
            w.view.cancel_gesture()
            w.document.redo()

    def _undo_text(self, text: str) -> None:
        self.undo_action.setText(f"&Undo {text.replace('&', '&&')}".strip())

    def _redo_text(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text.replace('&', '&&')}".strip())

    # --- the selection -----------------------------------------------------------------------
    def delete_selection(self) -> None:
        if self.window.view:
            self.window.view.delete_selection()

    def select_all(self) -> None:
        if self.window.selection is not None:
            self.window.selection.select_all()

    def rename_selection(self) -> None:
        w = self.window
        if w.selection is not None and w.view:
            ids = w.selection.ids
            if ids:
                w.view.edit_title(ids[0])

    # --- find --------------------------------------------------------------------------------
    @property
    def find_bar(self):
        """Edit > Find's bar, built when first asked for."""
        if self._find_bar is None:
            from cxmapper.app.find_bar import FindBar  # (not before Find is used: start-up)

            self._find_bar = FindBar(self.window)
        return self._find_bar

    def refresh_found(self, _changes=None) -> None:
        """What Find found, found again (the map changed, or is drawn in other sizes)."""
        if self._find_bar is not None:
            self._find_bar.refresh()

    def find(self) -> None:
        self.find_bar.open_bar()

    def find_step(self, by: int) -> None:
        if self.find_bar.isVisible() and self.find_bar.hits:
            self.find_bar.step(by)
        else:
            self.find()
