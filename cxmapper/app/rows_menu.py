"""View > Rows Under the Lanes: show or hide the rows of pain points, opportunities and quotes.

Which rows a map shows is part of the map (saved with it, undone with Ctrl+Z), so the screen,
the PDF and the next person to open the file see the same rows.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from cxmapper.model.fields import MAP_ID
from cxmapper.model.journey import ROW_NAMES, ROWS

KEYS = {"pain_points": "Ctrl+Alt+P", "opportunities": "Ctrl+Alt+O", "quotes": "Ctrl+Alt+Q"}


class RowsMenu:
    def __init__(self, window) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        for kind in ROWS:
            name = ROW_NAMES[kind]
            action = QAction(f"&{name}", window)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(KEYS[kind]))
            action.setStatusTip(f"A row under the lanes listing each touchpoint's {name.lower()}")
            action.triggered.connect(lambda checked, k=kind: self.show(k, checked))
            self.actions[kind] = action

    def follow(self) -> None:
        """Tick the rows the open map shows (after an edit, an undo, another map)."""
        document = self.window.document
        shown = document.journey.rows if document else []
        for kind, action in self.actions.items():
            action.setChecked(kind in shown)

    def show(self, kind: str, shown: bool) -> None:
        document = self.window.document
        if document:
            rows = [r for r in document.journey.rows if r != kind] + ([kind] if shown else [])
            self.set(rows)

    def set(self, rows: list[str]) -> None:
        document = self.window.document
        before = document.journey.rows
        changed = [ROW_NAMES[r].lower() for r in ROWS if (r in rows) != (r in before)]
        word = "Show" if len(rows) > len(before) else "Hide"
        text = f"{word} the {' and '.join(changed)} row" + ("s" if len(changed) > 1 else "")
        document.set_fields("map", MAP_ID, {"rows": rows}, text if changed else "")
        self.follow()
