"""The running editor: its windows (one map each), its recovery folder, and what happens at start.

Closing the last window quits (Qt's default). Each window's map is autosaved by its own
Autosave; this object only owns what is shared between windows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from cxmapper.app.recovery import RecoveryFolder
from cxmapper.model.bulk import release_long_lived


class Editor(QObject):
    recent_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.windows: list = []
        self._recovery: RecoveryFolder | None = None
        self.told_autosave_failed = False
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def recovery(self) -> RecoveryFolder:
        if self._recovery is None:
            self._recovery = RecoveryFolder()
        return self._recovery

    def add(self, window) -> None:
        self.windows.append(window)

    def remove(self, window) -> None:
        if window in self.windows:
            self.windows.remove(window)
            release_long_lived()  # its map can go; the others are kept again at the next open

    def new_window(self):
        from cxmapper.app.window import MainWindow

        window = MainWindow()
        window.show()
        return window

    def window_for(self, path: Path):
        """The window that already shows this file, if one does."""
        target = Path(path).resolve()
        for window in self.windows:
            doc = window.document
            if doc is not None and doc.path is not None and doc.path.resolve() == target:
                return window
        return None

    def close(self) -> None:
        if self._recovery is not None:
            self._recovery.close()
            self._recovery = None


_editor: Editor | None = None


def editor() -> Editor:
    """The one Editor of this process (made when first asked for)."""
    global _editor
    if _editor is None:
        _editor = Editor()
    return _editor


def forget_editor() -> None:
    """For tests: the next editor() starts afresh (its own recovery session)."""
    global _editor
    if _editor is not None:
        _editor.close()
    _editor = None
