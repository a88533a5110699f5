"""File > Open Recent: the files opened or saved last, in every window alike (the list is the
editor's: a file saved in one window is at the top of all of them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.canvas.tooltips import plain


class RecentFiles(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.menu: QMenu | None = None

    def build(self, menu: QMenu) -> None:
        """The menu it keeps filled (made by the File menu)."""
        self.menu = menu
        self.fill()
        editor().recent_changed.connect(self.fill)

    def fill(self) -> None:
        menu = self.menu
        menu.clear()
        files = settings.recent_files()
        for n, path in enumerate(files, 1):
            name = path.name.replace("&", "&&")  # a file name's "&" is not a mnemonic
            action = menu.addAction(f"&{n} {name}" if n < 10 else name)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not files:
            menu.addAction("No recent files").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear)

    def open_recent(self, path: Path) -> None:
        if not path.is_file():
            message = plain(f"{path} is no longer there.")
            QMessageBox.information(self.window, "Open Recent", message)
            settings.add_recent(path)  # moved to the top, then gone from the (filtered) list
            editor().recent_changed.emit()
            return
        self.window.files.open_file(path)

    @staticmethod
    def clear() -> None:
        settings.clear_recent()
        editor().recent_changed.emit()
