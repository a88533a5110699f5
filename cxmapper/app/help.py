"""Help > Keyboard Shortcuts (every menu action's keys, read from the menus themselves, plus the
map's own keys) and Help > About (the version and the bundled fonts' licences)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper import __version__
from cxmapper.bundled import resource

# Keys the map handles itself (not menu actions).
MAP_KEYS = [
    ("Map", "Arrow keys", "Select the next touchpoint left, right, up or down"),
    ("Map", "Enter", "Rename the selected touchpoint (or keep the new name while renaming)"),
    ("Map", "Escape", "Stop renaming; cancel a drag"),
    ("Map", "Double-click", "Rename a touchpoint, a stage header or a lane label"),
    ("Map", "Drag", "Move touchpoints, a feeling face, a stage header or a lane label"),
    ("Map", "Ctrl+wheel", "Zoom on the pointer"),
]


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, keys, what) for every menu action that has keys, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {_clean(action.menu().title())}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = [k for k in keys if k]
            if keys and not action.isSeparator():
                rows.append((path, ", ".join(keys), _clean(action.text())))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _clean(top.menu().title()))
    return rows + MAP_KEYS


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTreeWidget()
        self.table.setHeaderLabels(["Menu", "Keys", "Does"])
        self.table.setRootIsDecorated(False)
        for menu, keys, what in shortcut_rows(window):
            self.table.addTopLevelItem(QTreeWidgetItem([menu, keys, what]))
        for column in range(3):
            self.table.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)


def licence_text() -> str:
    fonts = resource("fonts")
    parts = [fonts.joinpath("README.md").read_text(encoding="utf-8")]
    for entry in sorted(fonts.iterdir(), key=lambda e: e.name):
        if entry.name.endswith("-LICENSE.txt"):
            parts.append(f"\n===== {entry.name} =====\n")
            parts.append(entry.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About cxmapper")
        heading = QLabel(
            f"<h2>cxmapper {__version__}</h2>"
            "<p>Customer journey maps: stages, swimlanes, touchpoints and the emotion curve, "
            "offline, exported as PDF, PNG, SVG, JSON and CSV.</p>"
            "<p>Bundled fonts and their licences:</p>"
        )
        heading.setWordWrap(True)
        self.licences = QPlainTextEdit(licence_text())
        self.licences.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.licences)
        layout.addWidget(buttons)
        self.resize(640, 520)


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()
