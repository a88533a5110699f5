"""Help > Keyboard Shortcuts (every menu action's keys, read from the menus themselves, plus the
map's own keys) and Help > About (the version and the bundled fonts' licences)."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper import __version__
from cxmapper.bundled import resource

# Keys the map handles itself (not menu actions).
MAP_KEYS = [
    (
        "Map",
        "Arrow keys",
        "Select the next touchpoint left, right, up or down (Right: the next in time)",
    ),
    ("Map", "1, 2, 3, 4, 5, 0", "Rate the selected touchpoints' feeling (0: not rated)"),
    ("Map", "Enter", "Rename the selected touchpoint (or keep the new name while renaming)"),
    (
        "Map",
        "A letter",
        "Rename the selected touchpoint from that letter; only Enter keeps the name",
    ),
    ("Map", "Escape", "Stop renaming; cancel a drag"),
    ("Map", "Menu, Shift+F10", "The selected touchpoint's menu (none selected: the stage's)"),
    ("Panels", "Escape", "Back to the map"),
    ("Map", "Double-click", "Rename a touchpoint, a stage header or a lane label"),
    ("Map", "Click (in a vote)", "A dot on the card; the arrows walk the cards voted on"),
    ("Map", "Drag", "Move touchpoints, a feeling face, a stage header or a lane label"),
    ("Map", "Ctrl+wheel", "Zoom on the pointer"),
]

KEYS_ON_EVERY_KEYBOARD = re.compile(
    r"(?:(?:Ctrl|Shift|Alt|Meta)\+)*(?:.|F(?:[1-9]|1[0-2])|Del|Ins|Home|End|PgUp|PgDown|Return|"
    r"Enter|Esc|Tab|Space|Backspace|Left|Right|Up|Down)"
)


def on_every_keyboard(key: str) -> bool:
    """Ctrl+S, F2, Del: not the extra keys some keyboards have (X11's "Open", "Zoom In", F14)."""
    return KEYS_ON_EVERY_KEYBOARD.fullmatch(key) is not None


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
            keys = [k for k in keys if k and on_every_keyboard(k)]
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
        wanted = sum(self.table.columnWidth(c) for c in range(3)) + 60
        screen = window.screen()
        most = screen.availableGeometry().width() - 40 if screen else 1000
        self.resize(min(max(720, wanted), most), 560)


def licence_markdown() -> str:
    """The bundled fonts' README (Markdown) and each licence in full, as one Markdown text."""
    fonts = resource("fonts")
    parts = [fonts.joinpath("README.md").read_text(encoding="utf-8")]
    for entry in sorted(fonts.iterdir(), key=lambda e: e.name):
        if entry.name.endswith("-LICENSE.txt"):
            text = entry.read_text(encoding="utf-8", errors="replace").replace("```", "'''")
            parts.append(f"### {entry.name}\n\n```\n{text}\n```")
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About cxmapper")
        self.heading = QLabel(
            f"<h2>cxmapper {__version__}</h2>"
            "<p>Customer journey maps: stages, swimlanes, touchpoints and the emotion curve, "
            "offline, exported as PDF, PNG, SVG, JSON and CSV.</p>"
            "<p>Bundled fonts and their licences:</p>"
        )
        self.heading.setWordWrap(True)
        self.licences = QTextBrowser()
        self.licences.setOpenLinks(False)  # nothing in it is fetched or followed
        self.licences.setMarkdown(licence_markdown())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.licences)
        layout.addWidget(buttons)
        self.resize(720, 560)


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()
