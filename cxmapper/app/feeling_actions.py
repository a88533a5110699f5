"""Map > Rate Feeling: one key rates the selected cards (1 very negative .. 5 very positive,
0 not rated), so a room's feelings go in from the keyboard; the right arrow walks to the next
card in time. The same actions, with their keys, are on a card's right-click menu.

While the map shows the future state's curve the keys set the future feeling, as dragging a face
does there. The keys belong to the map only: in a panel a digit is a digit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from cxmapper.model.journey import FEELING_WORDS

# One key rates the selected cards (a digit never starts a rename): 1 very negative .. 5 very
# positive, 0 not rated. On the main keys and the keypad alike (Qt matches a shortcut's digit
# on the keypad too).
FEELING_KEYS: dict[str, int | None] = {"1": -2, "2": -1, "3": 0, "4": 1, "5": 2, "0": None}


def rating_word(feeling: int | None) -> str:
    return "not rated" if feeling is None else FEELING_WORDS[feeling]


def rating_text(feeling: int | None) -> str:
    word = rating_word(feeling)
    return word[:1].upper() + word[1:]


class FeelingActions:
    def __init__(self, window) -> None:
        self.window = window
        self.actions: list[QAction] = []
        self.entries: list[QAction | None] = []  # Rate Feeling's menu
        # Most positive at the top, as the faces stand on the curve; "not rated" last.
        keys = sorted(FEELING_KEYS.items(), key=lambda kv: -3 if kv[1] is None else kv[1])
        for key, feeling in reversed(keys):
            if feeling is None:
                self.entries.append(None)
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
            self.entries.append(action)
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
        w.try_edit(lambda: self.set_feeling(feeling, ids))

    def set_feeling(self, feeling: int | None, ids: list[str] | None = None) -> bool:
        """The selected cards' (or these cards') feeling, the future state's while the map
        shows the future state's curve (as dragging a face does there); one undo step, and the
        selection stays where it is."""
        w = self.window
        ids = w.selection.ids if ids is None else ids
        if not ids:
            return False
        field = "future_feeling" if w.scene.layout.curves == "future" else "feeling"
        if len(ids) == 1:  # (named in the undo text: "Feeling of Monthly bill: positive")
            return w.document.set_feeling(ids[0], feeling, field)
        which = "Future feeling" if field == "future_feeling" else "Feeling"
        text = f"{which} of {len(ids)} touchpoints: {rating_word(feeling)}"
        return w.document.set_fields("touchpoint", ids, {field: feeling}, text)
