"""The docks beside the map: the palette of touchpoints above the Inspector and Structure (those
two tabbed), all in one column at the right, so the map has the rest of the window's width (all
of a map at fit to window). View lists them to show or hide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from cxmapper.panels.inspector import Inspector
from cxmapper.panels.palette import Palette
from cxmapper.panels.structure import Structure


class Docks:
    def __init__(self, window) -> None:
        self.window = window
        self.palette = Palette([], window)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.palette_dock = self._dock("Touchpoints", "palette", self.palette, right)
        self.structure = Structure(window)
        self.inspector = Inspector(window)
        self.inspector.tell.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.inspector_dock = self._dock("Inspector", "inspector", self.inspector, right)
        self.structure_dock = self._dock("Structure", "structure", self.structure, right)
        # (a dock behind a tab is shown too, out of sight: its tab coming forward builds it)
        self.structure_dock.visibilityChanged.connect(lambda on: on and self.structure.build())
        window.splitDockWidget(self.palette_dock, self.inspector_dock, Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.inspector_dock, self.structure_dock)
        self.inspector_dock.raise_()
        self.sized = False  # (or the user's own sizes, restored with the window's layout)
        # View's entries that show or hide them
        self.toggles = [
            dock.toggleViewAction()
            for dock in (self.palette_dock, self.structure_dock, self.inspector_dock)
        ]

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def widgets(self) -> list[QDockWidget]:
        return [self.palette_dock, self.inspector_dock, self.structure_dock]

    def size(self, first: bool = False) -> None:
        """Narrow docks, so that the map has most of the window (on a 1280 laptop too)."""
        w = self.window
        if not first and w.view is not None and w.view.width() >= w.width() // 3:
            return  # the map has its room (or the user chose the docks' widths)
        docks = min(300, int(w.width() * 0.22))
        w.resizeDocks([self.inspector_dock], [docks], Qt.Orientation.Horizontal)
        palette = self.palette.height_for(docks - 12) + 24  # and the dock's title
        rest = max(200, w.height() - palette - 120)
        w.resizeDocks(
            [self.palette_dock, self.inspector_dock], [palette, rest], Qt.Orientation.Vertical
        )

    def show_structure(self, kind: str, part_id: str | None = None) -> None:
        self.structure_dock.show()
        self.structure_dock.raise_()
        self.structure.show_kind(kind, part_id)

    def show_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def focus_inspector(self) -> None:
        self.show_inspector()
        self.inspector.choice("title").editor.setFocus()
