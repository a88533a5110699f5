"""Edit > Find (Ctrl+F): a bar over the map to find touchpoints by any of their words, and a
filter (owner, channel, feeling, pain points...). What does not match is dimmed; Enter or F3
goes to the next match (Shift for the one before), selected and scrolled into view; Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from cxmapper.model.search import Filter, filters_of, found

DIMMED = 0.2


class FindBar(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.text = QLineEdit()
        self.text.setPlaceholderText("Find in the map: a title, a note, a quote, an owner…")
        self.text.setClearButtonEnabled(True)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Filter")
        self.count = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(QLabel("Find:"))
        row.addWidget(self.text, 3)
        row.addWidget(self.filter, 1)
        row.addWidget(self.count)
        row.addWidget(close)
        self.matches: list[str] = []
        self.at = -1
        self.text.textChanged.connect(self.refresh)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.text.returnPressed.connect(self.next)
        for keys, step in (("Shift+Return", -1), ("Shift+Enter", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)

    def open_bar(self) -> None:
        if self.window.document is None:
            return
        self._fill_filters()
        self.window.find_toolbar.show()  # (the bar lives in it: shown and hidden with it)
        self.text.setFocus()
        self.text.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.window.find_toolbar.hide()
        self._dim(set(), everything=True)
        if self.window.view is not None:
            self.window.view.setFocus()

    def _fill_filters(self) -> None:
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        for name, keep in filters_of(self.window.document.journey):
            self.filter.addItem(name, keep)
        index = self.filter.findData(current) if current is not None else 0
        self.filter.setCurrentIndex(max(0, index))
        self.filter.blockSignals(False)

    def chosen(self) -> Filter:
        return self.filter.currentData() or Filter()

    def refresh(self, *_args) -> None:
        """Match again (after typing, a filter chosen, or an edit of the map)."""
        if not self.isVisible() or self.window.document is None:
            return
        query, keep = self.text.text(), self.chosen()
        self.matches = found(self.window.document.journey, query, keep)
        self.at = -1
        searching = bool(query.strip()) or bool(keep.kind)
        self._dim(set(self.matches), everything=not searching)
        n = len(self.matches)
        self.count.setText("" if not searching else f"{n} found" if n else "none found")

    def _dim(self, bright: set[str], everything: bool = False) -> None:
        scene = self.window.scene
        if scene is None:
            return
        for tid, item in scene.cards.items():
            item.setOpacity(1.0 if everything or tid in bright else DIMMED)

    def next(self) -> None:
        self.step(1)

    def step(self, by: int) -> None:
        if not self.matches:
            return
        self.at = (self.at + by) % len(self.matches)
        tid = self.matches[self.at]
        self.window.view.select_and_show(tid)
        self.count.setText(f"{self.at + 1} of {len(self.matches)}")
