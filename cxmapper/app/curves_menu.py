"""View > Emotion Curves: today's curve, the future state's, or both (dashed and coloured).

Which curve a map shows is part of the map (saved with it, undone with Ctrl+Z), like its rows
under the lanes: the screen, the PDF and the next reader see the same curves.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from cxmapper.model.fields import MAP_ID

CHOICES = (
    ("current", "&Current State", "Ctrl+Alt+1", "Today's curve: how the customer feels now"),
    ("future", "&Future State", "Ctrl+Alt+2", "The future state's curve, dashed"),
    ("both", "&Both States", "Ctrl+Alt+3", "Today's curve and the future state's, dashed"),
)
NAMES = {"current": "current state", "future": "future state", "both": "both states"}


class CurvesMenu:
    def __init__(self, window) -> None:
        self.window = window
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for curves, text, keys, tip in CHOICES:
            action = QAction(text, window)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(keys))
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, c=curves: self.set(c))
            self.group.addAction(action)
            self.actions[curves] = action

    def follow(self) -> None:
        """Tick the curves the open map shows (after an edit, an undo, another map)."""
        document = self.window.document
        shown = document.journey.curves if document else "current"
        self.actions[shown].setChecked(True)

    def set(self, curves: str) -> None:
        document = self.window.document
        if document is None:
            return
        text = f"Show the {NAMES[curves]}'s curve" if curves != "both" else "Show both curves"
        document.set_fields("map", MAP_ID, {"curves": curves}, text)
        self.follow()
