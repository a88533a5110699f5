"""Edit > Find (Ctrl+F): a bar over the map to find any text of it (the title and persona, a
stage's name or goal, a lane, a channel, any of a touchpoint's words), and a filter (owner,
channel, feeling, pain points...). Cards that do not match are dimmed and the other parts found
are framed; Enter or F3 goes to the next match in reading order (Shift for the one before):
a card is selected, a stage, lane or channel shown in Structure, the map's own texts in the
Inspector, and scrolled into view. Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from cxmapper.canvas.found import dim_cards, frame_found, place_found
from cxmapper.model.search import Filter, Hit, filters_of, hits


class FindBar(QWidget):
    """Built when Find is first chosen (start-up does not wait for it), in a toolbar of its
    own over the map: shown and hidden with it."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.toolbar = QToolBar("Find", window)
        self.toolbar.setObjectName("find")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self)
        self.toolbar.hide()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Find in the map: a card, a note, a quote, a stage, a lane…")
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
        self.hits: list[Hit] = []
        self.matches: list[str] = []  # the touchpoints found: bright; the rest dimmed
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
        self.toolbar.show()
        self.text.setFocus()
        self.text.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.toolbar.hide()
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
        self.hits = hits(self.window.document.journey, query, keep)
        self.matches = [h.part_id for h in self.hits if h.kind == "touchpoint"]
        self.at = -1
        searching = bool(query.strip()) or bool(keep.kind)
        self._dim(set(self.matches), everything=not searching)
        self._mark()
        n = len(self.hits)
        self.count.setText("" if not searching else f"{n} found" if n else "none found")

    def _dim(self, bright: set[str], everything: bool = False) -> None:
        scene = self.window.scene
        if scene is None:
            return
        dim_cards(scene, None if everything else bright)
        if everything:
            frame_found(scene, [])

    def _mark(self) -> None:
        """Frame the parts found that are not cards; the current one, card or not, heavier."""
        scene = self.window.scene
        if scene is None:
            return
        current = self.hits[self.at] if 0 <= self.at < len(self.hits) else None
        frame_found(scene, self.hits, current)

    def next(self) -> None:
        self.step(1)

    def step(self, by: int) -> None:
        if not self.hits:
            return
        start = self.at if self.at >= 0 else (-1 if by > 0 else 0)  # none yet: first or last
        self.at = (start + by) % len(self.hits)
        self.go_to(self.hits[self.at])
        self._mark()
        self.count.setText(f"{self.at + 1} of {len(self.hits)}")

    def go_to(self, hit: Hit) -> None:
        """Show a match: a card selected; any other part in view, and in its panel."""
        w = self.window
        if hit.kind in ("touchpoint", "map") and w.inspector_dock.isVisible():
            w.inspector_dock.raise_()  # (back from Structure, where a stage found was shown)
        if hit.kind == "touchpoint":
            w.view.select_and_show(hit.part_id)
            return
        w.selection.clear()  # (the Inspector shows the map's own fields)
        place = place_found(w.scene, hit)
        if place is not None:
            w.view.ensureVisible(place, 40, 40)
        if hit.kind != "map" and not w.workshop.on:  # (workshop mode keeps the docks away)
            w.docks.show_structure(hit.kind, hit.part_id)
