"""Edit > Cut, Copy, Paste, Duplicate: touchpoints through the system clipboard.

Copied touchpoints go on the clipboard under cxmapper's own type, with every annotation, and as
plain text (their titles) for other programs, so they paste into another window or another
cxmapper as they were. Plain text pasted from elsewhere becomes one touchpoint a line.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from cxmapper.model.fields import EditRefused
from cxmapper.model.problems import MapError
from cxmapper.model.transfer import (
    MIME,
    as_text,
    copied,
    is_table,
    listed_lines,
    pasted,
    tabled,
)

# By name: on X11 Qt's standard Delete keys include Ctrl+D, which is Duplicate here.
KEYS = {"Cu&t": "Ctrl+X", "&Copy": "Ctrl+C", "&Paste": "Ctrl+V", "D&uplicate": "Ctrl+D"}
MOST_LINES = 500  # a paste of more lines than this is surely not a list of touchpoints


class ClipboardActions:
    def __init__(self, window) -> None:
        self.window = window
        slots = {
            "Cu&t": self.cut,
            "&Copy": self.copy,
            "&Paste": self.paste,
            "D&uplicate": self.duplicate,
        }
        self.actions: list[QAction] = []
        for text, key in KEYS.items():
            action = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            # Only while the map has the focus: Ctrl+C in a text box copies its text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slots[text])
            self.actions.append(action)

    def attach(self, view) -> None:
        for action in self.actions:
            view.addAction(action)

    def _selected(self) -> list[str]:
        w = self.window
        return w.selection.ids if w.document and w.selection is not None else []

    def copy(self) -> bool:
        ids = self._selected()
        if not ids:
            self.window.statusBar().showMessage("Select touchpoints to copy them", 4000)
            return False
        journey = self.window.document.journey
        data = QMimeData()
        data.setData(MIME, copied(journey, ids))
        data.setText(as_text(journey, ids))
        QGuiApplication.clipboard().setMimeData(data)
        n = len(ids)
        self.window.statusBar().showMessage(f"Copied {n} touchpoint" + "s" * (n != 1), 4000)
        return True

    def cut(self) -> None:
        if self.copy():
            self.window.edit.delete_selection()

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        if data is None or self.window.document is None:
            return
        if data.hasFormat(MIME):
            self._paste_copied(bytes(data.data(MIME)))
        elif data.hasText():
            self._paste_lines(data.text())

    def duplicate(self) -> None:
        ids = self._selected()
        if ids:
            journey = self.window.document.journey
            self._paste_copied(copied(journey, ids), after=ids[-1])

    def _after(self) -> str | None:
        """Where a paste goes: after the last selected touchpoint in time (or the map's last)."""
        ids = self._selected()  # (in time order)
        return ids[-1] if ids else None

    def _paste_copied(self, raw: bytes, after: str | None = None) -> None:
        doc = self.window.document
        after = after or self._after()
        try:
            stage = doc.touchpoint(after).stage_id if after else None
            plan = pasted(doc.journey, raw, stage or self._first_stage())
            self._show(doc.paste_touchpoints(plan, after))
        except (MapError, EditRefused) as exc:
            self.window.status.show_problem(f"Nothing was pasted: {exc}")

    def _paste_lines(self, text: str) -> None:
        if is_table(text):  # columns copied from a spreadsheet, under a header row
            try:
                plan = tabled(self.window.document.journey, text)
                self._show(self.window.document.paste_touchpoints(plan, None))
                if plan.notes:  # how the table was read (a 1 to 5 feeling scale...)
                    self.window.statusBar().showMessage("Pasted: " + "; ".join(plan.notes), 15000)
            except (MapError, EditRefused) as exc:
                self.window.status.show_problem(f"Nothing was pasted: {exc}")
            return
        titles = listed_lines(text)
        if not titles:
            return
        if len(titles) > MOST_LINES:
            self.window.status.show_problem(
                f"Nothing was pasted: {len(titles)} lines is more than a list of touchpoints "
                f"(at most {MOST_LINES}); for a spreadsheet use File > Import CSV"
            )
            return
        try:
            self._show(self.window.document.add_titled(titles, self._after()))
        except EditRefused as exc:
            self.window.status.show_problem(f"Nothing was pasted: {exc}")

    def _first_stage(self) -> str:
        stages = self.window.document.journey.stages
        if not stages:
            raise EditRefused("the map has no stages yet: a touchpoint needs a stage")
        return stages[0].id

    def _show(self, ids: list[str]) -> None:
        if ids:  # what was pasted becomes the selection, scrolled into view
            self.window.selection.select(ids)
            self.window.view.show_touchpoint(ids[-1])
