"""The main window, one map each: the canvas in the middle, the palette, the Inspector and the
Structure dock beside it, File/Edit/Map/View/Help menus; autosaved while it has unsaved edits."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from cxmapper.app import settings
from cxmapper.app.context_menus import ContextMenus
from cxmapper.app.editor import editor
from cxmapper.app.export_actions import ExportActions
from cxmapper.app.file_actions import FileActions, file_name_for  # noqa: F401 - re-exported
from cxmapper.app.menus import build_menus
from cxmapper.app.recovery import Autosave
from cxmapper.canvas.scene import JourneyScene
from cxmapper.canvas.tooltips import plain
from cxmapper.canvas.view import JourneyView
from cxmapper.document.document import JourneyDocument
from cxmapper.layout.journey_layout import lanes_of
from cxmapper.model.bulk import keep_long_lived
from cxmapper.model.edits import place_after
from cxmapper.model.fields import EditRefused, part_of
from cxmapper.model.selection import Selection
from cxmapper.panels.inspector import Inspector
from cxmapper.panels.palette import Palette
from cxmapper.panels.structure import Structure


def unique_keys(shortcuts) -> list[QKeySequence]:
    """Key sequences without repeats: a platform's standard keys may already hold one we add
    (Redo is Ctrl+Shift+Z on X11), and the same key twice makes Qt call it ambiguous."""
    keys: dict[str, QKeySequence] = {}
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(shortcut)
        else:
            sequences = [QKeySequence(shortcut)]
        for sequence in sequences:
            if not sequence.isEmpty():
                keys.setdefault(sequence.toString(), sequence)
    return list(keys.values())


class MainWindow(FileActions, ExportActions, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)  # a map, spreadsheet or exported PDF dropped on it opens
        editor().add(self)
        self.autosave: Autosave | None = None
        self.was_shown = False  # a window never shown (a file that failed) remembers no layout
        self.document: JourneyDocument | None = None
        self.scene: JourneyScene | None = None
        self.view: JourneyView | None = None
        self.selection: Selection | None = None  # the open map's selected touchpoints
        self.palette = Palette([], self)
        self.palette.kind_activated.connect(self.add_after_selection)
        # One column of docks at the right: the palette above the inspector and structure, so
        # the map has the rest of the window's width (all of a map at fit to window).
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.palette_dock = self._dock("Touchpoints", "palette", self.palette, right)
        self.structure = Structure(self)
        self.inspector = Inspector(self)
        self.inspector.tell.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.inspector_dock = self._dock("Inspector", "inspector", self.inspector, right)
        self.structure_dock = self._dock("Structure", "structure", self.structure, right)
        # (a dock behind a tab is shown too, out of sight: its tab coming forward builds it)
        self.structure_dock.visibilityChanged.connect(lambda on: on and self.structure.build())
        self.splitDockWidget(self.palette_dock, self.inspector_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.inspector_dock, self.structure_dock)
        self.inspector_dock.raise_()
        self._docks_sized = False
        self.setCentralWidget(QWidget())  # the map's place until a map is open
        self.context_menus = ContextMenus(self)
        self._find_bar = None
        # The map's summary and zoom stay put: menu hints and messages show on the left.
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # it holds the map's title
        self.zoom_label = QLabel()
        self.autosave_label = QLabel()  # shown only while autosave cannot write
        self.autosave_label.setStyleSheet("QLabel { color: #b42318; font-weight: bold; }")
        self.autosave_label.hide()
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.statusBar().addPermanentWidget(self.summary_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_menus()
        self.fit_to_screen()
        self.restore_layout()
        editor().recent_changed.connect(self._fill_recent)

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
            self._docks_sized = True

    def remember_layout(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # --- menus -------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts(unique_keys(shortcuts))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        build_menus(self)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
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
        clear.triggered.connect(self.clear_recent)

    def quit(self) -> None:
        """Close every window, each asking about its unsaved changes; Cancel stops there."""
        for window in list(editor().windows):
            if not window.close():
                return

    def show_preferences(self) -> None:
        from cxmapper.app.preferences import PreferencesDialog

        if PreferencesDialog(self).exec() == PreferencesDialog.DialogCode.Accepted:
            delay = settings.autosave_delay_ms()
            for window in editor().windows:
                if window.autosave is not None:
                    window.autosave.set_delay(delay)
            editor().recent_changed.emit()

    def show_shortcuts(self) -> None:
        from cxmapper.app.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from cxmapper.app.help import show_about

        show_about(self)

    # --- the document ------------------------------------------------------------------------
    def set_document(self, document: JourneyDocument) -> None:
        old_view, old_document = self.view, self.document
        self.document = document
        document.setParent(self)
        self.selection = document.selection  # (one selection a map, the map's own)
        self.scene = JourneyScene(document, document)
        self.view = JourneyView(self.scene, self)
        self.setCentralWidget(self.view)
        self.view.show()  # now, so that it can take the keyboard at once
        self.view.addAction(self.delete_action)
        self.clipboard.attach(self.view)
        for action in (*self.move_actions, self.handoffs.link, self.handoffs.unlink):
            self.view.addAction(action)
        self.feelings.attach(self.view)
        self.votes.attach(self.view)
        self.view.escaped.connect(lambda: self.workshop.set_on(False))
        self.view.stage_shown.connect(self._say_stage)
        self.view.horizontalScrollBar().valueChanged.connect(self._follow_stage)
        self.autosave = Autosave(
            document, editor().recovery, settings.autosave_delay_ms(), self._journey_as_typed
        )
        self.autosave.failed.connect(self._autosave_failed)
        self.autosave.working.connect(self.autosave_label.hide)
        self.view.title_editor.textEdited.connect(self.autosave.edited)
        self.view.title_editor.closed.connect(self.autosave.edited)
        if old_view is not None:
            old_view.deleteLater()
        if old_document is not None:
            old_document.undo_stack.disconnect(self)
            for child in old_document.findChildren(Autosave):
                child.discard()  # replaced by a map that needed no window of its own
            old_document.deleteLater()  # with its scene and undo history
        self.palette.set_channels(document.journey.channels)
        self.rows_menu.follow()
        self.curves_menu.follow()
        self.votes_menu.follow()
        self.votes.document_replaced()
        document.file_changed.connect(self._update_title)
        document.changed.connect(self._update_status)
        document.changed.connect(self._follow_channels)
        document.changed.connect(self.refresh_found)
        self.view.context_menu_requested.connect(self.context_menus.show)
        self.inspector.set_document(document, self.selection)
        self.structure.set_document(document)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.title_editor.problem.connect(self._show_problem)
        self.view.title_editor.next_wanted.connect(self._capture_next)
        self.view.title_editor.closed.connect(self._capture_closed)
        self._run_previous: str | None = None
        undo = document.undo_stack
        undo.canUndoChanged.connect(self.undo_action.setEnabled)
        undo.canRedoChanged.connect(self.redo_action.setEnabled)
        undo.undoTextChanged.connect(self._undo_text)
        undo.redoTextChanged.connect(self._redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._undo_text("")
        self._redo_text("")
        self._update_title()
        self._update_status()
        self.give_map_the_keyboard()
        if self.isVisible():  # a new central widget can leave the docks with all the room
            QTimer.singleShot(0, self, self._size_docks)
        keep_long_lived()  # the map, its layout and items: not scanned by every later collection

    def _journey_as_typed(self):
        """The map with the name being typed in place, for autosave; None when none is."""
        typed = self.view.title_editor.pending() if self.view is not None else None
        if typed is None:
            return None
        kind, part_id, field, text = typed
        journey = self.document.journey.model_copy(deep=True)
        part = part_of(journey, kind, part_id)
        if part is None:
            return None
        try:
            setattr(part, field, text)
        except ValueError:  # not a name the map could hold (yet): keep what is kept
            return None
        return journey

    def give_map_the_keyboard(self) -> None:
        """The map has the keyboard when a map opens (also once the window shows)."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        view = self.view
        QTimer.singleShot(0, view, lambda: view is self.view and view.setFocus())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.was_shown = True
        if not self._docks_sized:  # the map gets the room; docks are as wide as they need
            self._docks_sized = True
            QTimer.singleShot(0, self, lambda: self._size_docks(first=True))
        if self.view is not None:
            self.give_map_the_keyboard()

    def _size_docks(self, first: bool = False) -> None:
        """Narrow docks, so that the map has most of the window (on a 1280 laptop too)."""
        if not first and self.view is not None and self.view.width() >= self.width() // 3:
            return  # the map has its room (or the user chose the docks' widths)
        docks = min(300, int(self.width() * 0.22))
        self.resizeDocks([self.inspector_dock], [docks], Qt.Orientation.Horizontal)
        palette = self.palette.height_for(docks - 12) + 24  # and the dock's title
        rest = max(200, self.height() - palette - 120)
        self.resizeDocks(
            [self.palette_dock, self.inspector_dock], [palette, rest], Qt.Orientation.Vertical
        )

    def _follow_channels(self, changes) -> None:
        if changes.of("channel"):
            self.palette.set_channels(self.document.journey.channels)
        self.rows_menu.follow()
        self.curves_menu.follow()
        self.votes_menu.follow()

    def set_rows(self, rows: list[str]) -> None:
        self.rows_menu.set(rows)

    def undo(self) -> None:
        if self.document:
            self.view.cancel_gesture()
            self.document.undo()

    def redo(self) -> None:
        if self.document:
            self.view.cancel_gesture()
            self.document.redo()

    def delete_selection(self) -> None:
        if self.view:
            self.view.delete_selection()

    def _undo_text(self, text: str) -> None:
        self.undo_action.setText(f"&Undo {text.replace('&', '&&')}".strip())

    def _redo_text(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text.replace('&', '&&')}".strip())

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom:.0%}")

    def _autosave_failed(self, text: str) -> None:
        """Crash safety is off: say so where it stays in view, and once in a dialog."""
        self.autosave_label.setText("⚠ Autosave is off")
        self.autosave_label.setToolTip(plain(text))
        self.autosave_label.show()
        self._show_problem(text)
        if not editor().told_autosave_failed:
            editor().told_autosave_failed = True
            QMessageBox.warning(
                self,
                "Autosave is off",
                plain(
                    f"{text}\n\nEditing goes on, but unsaved changes cannot be recovered after a "
                    "crash. Save often, or fix the folder and restart cxmapper."
                ),
            )

    @property
    def find_bar(self):
        """Edit > Find's bar, built when first asked for."""
        if self._find_bar is None:
            from cxmapper.app.find_bar import FindBar  # (not before Find is used: start-up)

            self._find_bar = FindBar(self)
        return self._find_bar

    def refresh_found(self, _changes=None) -> None:
        """What Find found, found again (the map changed, or is drawn in other sizes)."""
        if self._find_bar is not None:
            self._find_bar.refresh()

    def find(self) -> None:
        self.find_bar.open_bar()

    def find_step(self, by: int) -> None:
        if self.find_bar.isVisible() and self.find_bar.hits:
            self.find_bar.step(by)
        else:
            self.find()

    def dock_widgets(self) -> list:
        return [self.palette_dock, self.inspector_dock, self.structure_dock]

    def _follow_stage(self, _value: int) -> None:
        """In workshop mode the status bar names the stage at the left as the map scrolls."""
        if self.workshop.on and self.document and self.document.journey.stages:
            index = self.view.current_stage()
            stage = self.document.journey.stages[index]
            if getattr(self, "_stage_said", None) != stage.id:
                self._say_stage(stage.id)

    def _say_stage(self, stage_id: str) -> None:
        self._stage_said = stage_id
        stage = self.document.journey.stage(stage_id) if self.document else None
        if stage is not None:
            n = [s.id for s in self.document.journey.stages].index(stage_id) + 1
            self.statusBar().showMessage(
                f"Stage {n} of {len(self.document.journey.stages)}: {stage.name}", 6000
            )

    def _show_problem(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _update_title(self) -> None:
        if self.document:
            self.setWindowTitle(f"{self.document.display_name()}[*] — cxmapper")
            self.setWindowModified(self.document.modified)

    def _update_status(self, _change=None) -> None:
        if self.document:
            self.summary_label.setText(self.document.journey.summary())
            self.zoom_label.setText(f"{self.view.zoom():.0%}")

    def select_all(self) -> None:
        if self.selection is not None:
            self.selection.select_all()

    def rename_selection(self) -> None:
        if self.selection is not None and self.view:
            ids = self.selection.ids
            if ids:
                self.view.edit_title(ids[0])

    def add_after_selection(self, kind: str, run: bool = False) -> None:
        """Palette Enter/double-click, Ctrl+Enter: a touchpoint just after the selected one (same
        lane); with nothing selected, in the stage on screen (place_on_screen)."""
        if self.document is None:
            return
        if not self.document.journey.stages:
            self._show_problem("This map has no stages yet: a touchpoint needs a stage.")
            return
        ids = self.selection.ids
        place = place_after(self.document.journey, ids[-1]) if ids else self.place_on_screen()
        self._add_touchpoint(place, kind, run)

    def place_on_screen(self):
        """Where the room is looking: the stage on screen (the one Page Down / Page Up walked
        to, else the leftmost in view), the first lane, after the stage's last card."""
        journey = self.document.journey
        stage_id = journey.stages[min(self.view.current_stage(), len(journey.stages) - 1)].id
        lane = next(iter(lanes_of(journey)), None)
        if lane is None and journey.departments:
            lane = journey.departments[0].id
        last = max((t.position for t in journey.touchpoints if t.stage_id == stage_id), default=-1)
        return (stage_id, float(last) + 1.0, lane)

    def move_selection(self, stages: int, lanes: int) -> None:
        """Alt+arrows: the selected cards to the next or previous stage (at its end, in their
        lanes and order), or to the lane above or below, one undo step; they stay selected."""
        ids = self.selection.ids if self.selection is not None else []
        if not ids:
            return
        journey = self.document.journey
        if stages:  # each card one stage on from its own
            order = [s.id for s in journey.stages]
            groups: dict[str, list[str]] = {}
            for tid in ids:
                k = order.index(self.document.touchpoint(tid).stage_id) + stages
                if 0 <= k < len(order):
                    groups.setdefault(order[k], []).append(tid)
            if groups:
                n = len(ids)
                text = "Move " + ("a touchpoint" if n == 1 else f"{n} touchpoints") + " a stage"

                def move() -> None:
                    with self.document.macro(text):
                        for stage_id, moving in groups.items():
                            self.document.move_to_stage(moving, stage_id)

                self._refused(move)
        else:
            # among the departments as the lanes show them (grouped by layer in a blueprint);
            # an unassigned card moves up into the last
            departments = [d for d in lanes_of(journey) if d is not None]
            moves = {}
            for tid in ids:
                stage, position, lane = self.document.place_of(tid)
                k = (departments.index(lane) if lane in departments else len(departments)) + lanes
                if 0 <= k < len(departments):
                    moves[tid] = (stage, position, departments[k])
            if moves:
                self._refused(lambda: self.document.move_touchpoints(moves))
        self.selection.select(ids)
        self.view.show_touchpoint(ids[0])

    def capture(self) -> None:
        """Ctrl+Enter: a capture run. A new touchpoint after the selected one (or, with nothing
        selected, at the end of the stage on screen) with its name editor open; Enter keeps the
        name and opens the next one after it, Escape ends the run and a card left without a name
        is not kept."""
        self.add_after_selection("", run=True)

    def _capture_next(self, touchpoint_id: str) -> None:
        place = place_after(self.document.journey, touchpoint_id)
        self._add_touchpoint(place, "", run=True)
        self._run_previous = touchpoint_id

    def _capture_closed(self) -> None:
        """A run ended on an empty new card: the last one named is selected again, so
        Alt+Right or Ctrl+Enter go on from it."""
        previous, self._run_previous = self._run_previous, None
        if previous and self.document.has_touchpoint(previous) and self.selection.is_empty():
            self.view.select_and_show(previous)

    def add_touchpoint_at(self, target) -> None:
        self._add_touchpoint((target.stage_id, target.position, target.department_id), "")

    def _add_touchpoint(self, place, kind: str, run: bool = False) -> None:
        channel = self.document.journey.channel(kind) if kind else None
        title = f"{channel.name} touchpoint" if channel else "New touchpoint"
        new_id = self._refused(
            lambda: self.document.add_touchpoint(place, title, channel.id if channel else None)
        )
        if new_id is None:
            return
        self.view.select_and_show(new_id)
        self.view.edit_title(new_id, run=run, fresh=run)

    # --- the map's structure ------------------------------------------------------------------
    def _refused(self, action):
        try:
            return action()
        except EditRefused as refused:
            QMessageBox.information(self, "Not changed", plain(str(refused)))
            return None

    def add_stage(self) -> None:
        ids = self.selection.ids if self.selection is not None else []
        journey = self.document.journey
        index = len(journey.stages)
        if ids:
            stage = self.document.touchpoint(ids[-1]).stage_id
            index = [s.id for s in journey.stages].index(stage) + 1
        self.context_menus.add_and_name("stage", index)

    def add_department(self) -> None:
        self.context_menus.add_and_name("department", len(self.document.journey.departments))

    def add_channel(self) -> None:
        new = self._refused(lambda: self.document.add_channel())
        if new:
            self.show_structure("channel", new)
            self.structure.lists["channel"].rename()

    def show_structure(self, kind: str, part_id: str | None = None) -> None:
        self.structure_dock.show()
        self.structure_dock.raise_()
        self.structure.show_kind(kind, part_id)

    def custom_colour(self, department_id: str) -> None:
        start = QColor(self.document.part("department", department_id).colour)
        colour = QColorDialog.getColor(start, self, "Lane colour")
        if colour.isValid():
            self._refused(
                lambda: self.document.set_field(
                    "department", department_id, "colour", colour.name()
                )
            )

    def edit_map(self) -> None:
        """Nothing selected: the Inspector shows the map; its title field gets the keyboard."""
        if self.selection is not None:
            self.selection.clear()
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        field = self.inspector.map_form.field("map", "title")
        field.editor.setFocus()
        field.editor.selectAll()

    def focus_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.choice("title").editor.setFocus()

    def new_map(self) -> None:
        """A map from a template, in this window if it holds nothing yet, else in a new one."""
        from cxmapper.app.new_map_dialog import NewMapDialog

        dialog = NewMapDialog(self)
        if dialog.exec() != NewMapDialog.DialogCode.Accepted:
            return
        self.window_for_a_map().show_opened(JourneyDocument(dialog.journey(), None))
