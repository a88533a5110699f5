"""Map > Rate Feeling: one key rates the selected cards (1 very negative .. 5 very positive,
0 not rated), so a room's feelings go in from the keyboard; the right arrow walks to the next
card in time. The same actions, with their keys, are on a card's right-click menu.

While the map shows the future state's curve the keys set the future feeling, as dragging a face
does there. The keys belong to the map only: in a panel a digit is a digit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from cxmapper.canvas.view import FEELING_KEYS
from cxmapper.model.journey import FEELING_WORDS


def rating_text(feeling: int | None) -> str:
    word = "not rated" if feeling is None else FEELING_WORDS[feeling]
    return word[:1].upper() + word[1:]


class FeelingActions:
    def __init__(self, window, menu) -> None:
        self.window = window
        self.actions: list[QAction] = []
        # Most positive at the top, as the faces stand on the curve; "not rated" last.
        keys = sorted(FEELING_KEYS.items(), key=lambda kv: -3 if kv[1] is None else kv[1])
        for key, feeling in reversed(keys):
            if feeling is None:
                menu.addSeparator()
            action = QAction(rating_text(feeling), window)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setShortcutVisibleInContextMenu(True)
            action.setStatusTip(
                "The selected touchpoints' feeling (the future feeling while the map shows the "
                "future state's curve); the right arrow walks to the next one in time"
            )
            action.setData(feeling)  # (what it sets: None clears)
            action.triggered.connect(lambda _=False, f=feeling: self.rate(f))
            menu.addAction(action)
            self.actions.append(action)

    def for_menu(self, menu, ids: list[str]) -> None:
        """The same entries, with the same keys shown, on a card's menu: for the cards the menu
        was opened on (a key pressed while it is open rates them too)."""
        for shared in self.actions:
            action = QAction(shared.text(), menu)
            action.setShortcut(shared.shortcut())
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setShortcutVisibleInContextMenu(True)
            feeling = shared.data()
            action.triggered.connect(lambda _=False, f=feeling: self.rate(f, ids))
            menu.addAction(action)

    def attach(self, view) -> None:
        """The keys work while the map (or its name editor, which takes digits as text) has
        the keyboard."""
        for action in self.actions:
            view.addAction(action)

    def rate(self, feeling: int | None, ids: list[str] | None = None) -> None:
        w = self.window
        if w.view is None:
            return
        if ids is None and w.view.title_editor.hasFocus():
            return  # (a digit typed in a name is the name's)
        if not ids and w.selection.is_empty():
            w.statusBar().showMessage("Select a touchpoint to rate its feeling", 4000)
            return
        w._refused(lambda: w.view.rate(feeling, ids))
