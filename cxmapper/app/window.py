"""The main window, one map each: the canvas in the middle, the palette, the Inspector and the
Structure dock beside it, File/Edit/Map/View/Help menus; autosaved while it has unsaved edits.

The window is composed of small controllers, each with one job (files, saving, exports, the
open map, the status bar, the docks, the edit, touchpoint and structure actions...); the menus
(menus.py) place their actions. What is left here is the composition, where the window sits on
the screen, and the window's own Qt events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QWidget

from cxmapper.app.clipboard_actions import ClipboardActions
from cxmapper.app.context_menus import ContextMenus
from cxmapper.app.curves_menu import CurvesMenu
from cxmapper.app.docks import Docks
from cxmapper.app.edit_actions import EditActions
from cxmapper.app.editor import editor
from cxmapper.app.editor_actions import EditorActions
from cxmapper.app.export_actions import ExportActions
from cxmapper.app.feeling_actions import FeelingActions
from cxmapper.app.file_actions import FileActions
from cxmapper.app.focus_cycle import FocusCycle
from cxmapper.app.handoff_actions import HandoffActions
from cxmapper.app.menus import build_menus
from cxmapper.app.open_map import OpenMap
from cxmapper.app.recent_files import RecentFiles
from cxmapper.app.rows_menu import RowsMenu
from cxmapper.app.saving import Saving
from cxmapper.app.status_bar import StatusBar
from cxmapper.app.structure_actions import StructureActions
from cxmapper.app.timer import WorkshopTimer
from cxmapper.app.touchpoint_actions import TouchpointActions
from cxmapper.app.vote_actions import VoteActions
from cxmapper.app.votes_shown_menu import VotesShownMenu
from cxmapper.app.workshop import WorkshopMode
from cxmapper.app.zoom_actions import ZoomActions
from cxmapper.canvas.tooltips import plain
from cxmapper.document.document import JourneyDocument
from cxmapper.model.fields import EditRefused


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)  # a map, spreadsheet or exported PDF dropped on it opens
        editor().add(self)
        self.was_shown = False  # a window never shown (a file that failed) remembers no layout
        self.open_map = OpenMap(self)
        self.docks = Docks(self)
        self.palette = self.docks.palette
        self.inspector = self.docks.inspector
        self.structure = self.docks.structure
        self.palette_dock = self.docks.palette_dock
        self.inspector_dock = self.docks.inspector_dock
        self.structure_dock = self.docks.structure_dock
        self.setCentralWidget(QWidget())  # the map's place until a map is open
        self.context_menus = ContextMenus(self)
        self.status = StatusBar(self)
        self.summary_label = self.status.summary_label
        # The menus' controllers, then the menus that place their actions
        self.files = FileActions(self)
        self.recent = RecentFiles(self)
        self.saving = Saving(self)
        self.exports = ExportActions(self)
        self.editor_actions = EditorActions(self)
        self.edit = EditActions(self)
        self.undo_action, self.redo_action = self.edit.undo_action, self.edit.redo_action
        self.delete_action = self.edit.delete_action
        self.clipboard = ClipboardActions(self)
        self.structure_actions = StructureActions(self)
        self.touchpoints = TouchpointActions(self)
        self.palette.kind_activated.connect(self.touchpoints.add_after_selection)
        self.feelings = FeelingActions(self)
        self.handoffs = HandoffActions(self)
        self.votes = VoteActions(self)
        self.zoom_actions = ZoomActions(self)
        self.rows_menu = RowsMenu(self)
        self.curves_menu = CurvesMenu(self)
        self.votes_menu = VotesShownMenu(self)
        self.workshop = WorkshopMode(self)
        self.timer = WorkshopTimer(self)
        self.focus_cycle = FocusCycle(self)
        build_menus(self)
        self.fit_to_screen()
        self.restore_layout()

    # --- the open map: OpenMap's, read through the window by the other controllers ----------
    @property
    def document(self) -> JourneyDocument | None:
        return self.open_map.document

    @property
    def scene(self):
        return self.open_map.scene

    @property
    def view(self):
        return self.open_map.view

    @property
    def selection(self):
        return self.open_map.selection

    @property
    def autosave(self):
        return self.open_map.autosave

    def set_document(self, document: JourneyDocument) -> None:
        self.open_map.show(document)

    def show_sample(self) -> None:
        self.files.show_sample()

    def new_map(self) -> None:
        self.files.new_map()

    def export(self, writer) -> bool:
        return self.exports.export(writer)

    def capture(self) -> None:
        self.touchpoints.capture()

    def undo(self) -> None:
        self.edit.undo()

    def redo(self) -> None:
        self.edit.redo()

    def select_all(self) -> None:
        self.edit.select_all()

    # --- the window's own dialogs --------------------------------------------------------------
    def ask_file(self, suggested: Path, title: str, filters: str, suffix: str) -> Path | None:
        """A save dialog that adds the suffix itself, so its overwrite check sees the real name."""
        dialog = QFileDialog(self, title, str(suggested.parent), filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.selectFile(suggested.name)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def try_edit(self, edit):
        """Make an edit; one the map refuses is said in a dialog (nothing changed): None."""
        try:
            return edit()
        except EditRefused as refused:
            QMessageBox.information(self, "Not changed", plain(str(refused)))
            return None

    # --- where the window is --------------------------------------------------------------------
    def fit_to_screen(self) -> None:
        """A comfortable size that fits the screen the window opens on (1280x720 too)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 900)
            return
        area = screen.availableGeometry()
        # A further window opens a little lower and to the right, and smaller, so that all of it
        # (its status bar too) stays on the screen.
        step = 28 * ((len(editor().windows) - 1) % 6)
        # As wide as a laptop's screen (the whole map at fit to window), up to 1600 x 1000.
        # (less the window's frame, not known before it is shown: its status bar stays on screen)
        width = min(1600, area.width() - 8) - step
        height = min(1000, area.height() - 40) - step
        self.resize(width, height)
        left = area.x() + (area.width() - width - step) // 2 + step
        top = area.y() + (area.height() - height - step) // 2 + step
        self.move(left, top)

    def restore_layout(self) -> None:
        """Geometry, maximised state and docks as the user left them (first window only)."""
        if len(editor().windows) > 1:
            return
        s = QSettings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
            self.docks.sized = True

    def remember_layout(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())

    # --- Qt's events -----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.was_shown = True
        if not self.docks.sized:  # the map gets the room; docks are as wide as they need
            self.docks.sized = True
            QTimer.singleShot(0, self, lambda: self.docks.size(first=True))
        if self.view is not None:
            self.open_map.give_map_the_keyboard()

    def closeEvent(self, event) -> None:
        if not self.saving.maybe_save():
            event.ignore()
            return
        try:
            if self.autosave is not None:
                self.autosave.discard()  # saved or discarded: nothing left to recover
            if self.was_shown:
                self.remember_layout()
        finally:
            editor().remove(self)
            event.accept()

    def dragEnterEvent(self, event) -> None:
        self.files.drag_entered(event)

    def dragMoveEvent(self, event) -> None:
        self.files.drag_entered(event)

    def dropEvent(self, event) -> None:
        self.files.dropped(event)
