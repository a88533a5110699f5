"""The main window: the canvas in the middle, the palette beside it, File/Edit/View menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox

from cxmapper.canvas.scene import JourneyScene
from cxmapper.canvas.view import JourneyView
from cxmapper.document.document import JourneyDocument
from cxmapper.model.journey import FEELING_WORDS
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError
from cxmapper.model.templates import new_map
from cxmapper.panels.palette import Palette

FILE_FILTER = "Journey maps (*.json);;All files (*)"


def feeling_label(feeling: int) -> str:
    """ "+2 very positive", "0 neutral", "-1 negative"."""
    sign = "+" if feeling > 0 else ""
    return f"{sign}{feeling} {FEELING_WORDS[feeling]}"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.document: JourneyDocument | None = None
        self.scene: JourneyScene | None = None
        self.view: JourneyView | None = None
        self.palette = Palette([], self)
        self.palette.kind_activated.connect(self.add_after_selection)
        dock = QDockWidget("Touchpoints", self)
        dock.setObjectName("palette")
        dock.setWidget(self.palette)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.resize(1400, 900)
        self._build_menus()

    # --- menus -------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open…", self.choose_and_open, [keys.Open])
        self._action(file_menu, "&Save", self.save, [keys.Save])
        self._action(file_menu, "Save &As…", self.save_as, [keys.SaveAs, "Ctrl+Shift+S"])
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, [keys.Quit, "Ctrl+Q"])

        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(
            edit, "&Undo", lambda: self.document and self.document.undo_stack.undo(), [keys.Undo]
        )
        self.redo_action = self._action(
            edit,
            "&Redo",
            lambda: self.document and self.document.undo_stack.redo(),
            [keys.Redo, "Ctrl+Shift+Z", "Ctrl+Y"],
        )
        edit.addSeparator()
        self._action(edit, "&Rename touchpoint", self.rename_selection, ["F2"])
        self._action(
            edit, "&Delete", lambda: self.view and self.view.delete_selection(), [keys.Delete]
        )
        self._action(edit, "Select &All", self.select_all, [keys.SelectAll])

        view = self.menuBar().addMenu("&View")
        self._action(
            view,
            "Zoom &In",
            lambda: self.view and self.view.zoom_in(),
            [keys.ZoomIn, "Ctrl+=", "Ctrl++"],
        )
        self._action(
            view, "Zoom &Out", lambda: self.view and self.view.zoom_out(), [keys.ZoomOut, "Ctrl+-"]
        )
        self._action(
            view, "&Fit to Window", lambda: self.view and self.view.fit_to_window(), ["Ctrl+0"]
        )
        self._action(
            view, "&Actual Size", lambda: self.view and self.view.actual_size(), ["Ctrl+1"]
        )

    # --- the document ------------------------------------------------------------------------
    def set_document(self, document: JourneyDocument) -> None:
        old_view = self.view
        self.document = document
        document.setParent(self)
        self.scene = JourneyScene(document, self)
        self.view = JourneyView(self.scene, self)
        self.setCentralWidget(self.view)
        if old_view is not None:
            old_view.deleteLater()
        self.palette.set_channels(document.journey.channels)
        document.file_changed.connect(self._update_title)
        document.changed.connect(lambda _change: self._update_status())
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z:.0%}"))
        self.view.title_editor.problem.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )
        undo = document.undo_stack
        undo.canUndoChanged.connect(self.undo_action.setEnabled)
        undo.canRedoChanged.connect(self.redo_action.setEnabled)
        undo.undoTextChanged.connect(lambda t: self.undo_action.setText(f"&Undo {t}".strip()))
        undo.redoTextChanged.connect(lambda t: self.redo_action.setText(f"&Redo {t}".strip()))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._update_title()
        self._update_status()
        self.view.setFocus()

    def _update_title(self) -> None:
        if self.document:
            self.setWindowTitle(f"{self.document.display_name()}[*] — cxmapper")
            self.setWindowModified(self.document.modified)

    def _update_status(self) -> None:
        if self.document:
            self.statusBar().showMessage(self.document.journey.summary())
            self.zoom_label.setText(f"{self.view.zoom():.0%}")

    def show_sample(self) -> None:
        self.set_document(JourneyDocument(new_map(), None))

    def open_path(self, path: str, fallback_to_sample: bool = False) -> bool:
        try:
            document = JourneyDocument.open(path)
        except MapError as exc:
            QMessageBox.critical(self, "Cannot open the map", exc.message())
            if fallback_to_sample and self.document is None:
                self.show_sample()
            return False
        self.set_document(document)
        return True

    def choose_and_open(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open journey map", start, FILE_FILTER)
        if path:
            self.open_path(path)

    def save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        suggested = str(self.document.path or Path.home() / f"{self.document.journey.title}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save journey map", suggested, FILE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if self.view is not None:
            self.view.title_editor.commit()
        try:
            self.document.save(path)
        except (SaveError, ValueError) as exc:
            QMessageBox.critical(
                self, "Cannot save the map", f"{exc}\n\nThe map is still open; nothing was lost."
            )
            return False
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False when the user cancels."""
        if self.document is None or not self.document.modified:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.document.display_name()}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    # --- editing commands ------------------------------------------------------------------
    def select_all(self) -> None:
        if self.scene:
            self.scene.select_ids(list(self.scene.layout.time_order))

    def rename_selection(self) -> None:
        if self.scene and self.view:
            ids = self.scene.selected_ids()
            if ids:
                self.view.edit_title(ids[0])

    def add_after_selection(self, kind: str) -> None:
        """Palette Enter/double-click: a touchpoint just after the selected one (same lane)."""
        if self.document is None or not self.document.journey.stages:
            return
        ids = self.scene.selected_ids()
        if ids:
            stage_id, position, department_id = self.document.place_of(ids[-1])
            place = (stage_id, position + 0.5, department_id)
        else:
            journey = self.document.journey
            stage = journey.stages[0]
            last = max(
                (t.position for t in journey.touchpoints if t.stage_id == stage.id), default=-1.0
            )
            dept = journey.departments[0].id if journey.departments else None
            place = (stage.id, last + 1, dept)
        channel = self.document.journey.channel(kind) if kind else None
        title = f"{channel.name} touchpoint" if channel else "New touchpoint"
        new_id = self.document.add_touchpoint(place, title, channel.id if channel else None)
        self.scene.select_ids([new_id])
        self.view.edit_title(new_id)
