"""The main window. Until the canvas lands, it shows the map as an outline: stages, their
touchpoints in time order, who owns them, through which channel, and how the customer feels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTreeWidget, QTreeWidgetItem

from cxmapper.model.fileformat import load_map
from cxmapper.model.journey import FEELING_WORDS, JourneyMap
from cxmapper.model.problems import MapError
from cxmapper.model.templates import new_map

COLUMNS = ("Stage / touchpoint", "Department", "Channel", "Feeling", "Pain points")


def feeling_label(feeling: int) -> str:
    """ "+2 very positive", "0 neutral", "-1 negative"."""
    sign = "+" if feeling > 0 else ""
    return f"{sign}{feeling} {FEELING_WORDS[feeling]}"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.journey: JourneyMap | None = None
        self.path: Path | None = None
        self.outline = QTreeWidget(self)
        self.outline.setHeaderLabels(COLUMNS)
        self.outline.setAlternatingRowColors(True)
        self.setCentralWidget(self.outline)
        self.resize(1200, 800)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_and_open)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def show_map(self, journey: JourneyMap, path: Path | None) -> None:
        self.journey, self.path = journey, path
        shown = path.name if path else f"{journey.title} (sample)"
        self.setWindowTitle(f"{shown} — cxmapper")
        self.outline.clear()
        stage_items = {}
        for stage in journey.stages:
            item = QTreeWidgetItem([stage.name])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.outline.addTopLevelItem(item)
            stage_items[stage.id] = item
        for tp in journey.touchpoints_in_time_order():
            department = journey.department(tp.department_id)
            channel = journey.channel(tp.channel_id)
            feeling = "not rated" if tp.feeling is None else feeling_label(tp.feeling)
            QTreeWidgetItem(
                stage_items[tp.stage_id],
                [
                    tp.title,
                    department.name if department else "unassigned",
                    channel.name if channel else "",
                    feeling,
                    "; ".join(tp.pain_points),
                ],
            )
        self.outline.expandAll()
        for column in range(len(COLUMNS) - 1):
            self.outline.resizeColumnToContents(column)
        self.statusBar().showMessage(journey.summary())

    def show_sample(self) -> None:
        self.show_map(new_map(), None)

    def open_path(self, path: str, fallback_to_sample: bool = False) -> bool:
        try:
            journey = load_map(path)
        except MapError as exc:
            QMessageBox.critical(self, "Cannot open the map", exc.message())
            if fallback_to_sample and self.journey is None:
                self.show_sample()
            return False
        self.show_map(journey, Path(path))
        return True

    def choose_and_open(self) -> None:
        start = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open journey map", start, "Journey maps (*.json);;All files (*)"
        )
        if path:
            self.open_path(path)
