"""The main window's menus: File, Edit, Map, View and Help, every action with its keys (the
standard ones first, then the ones users type on any keyboard), built once per window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from cxmapper.app.clipboard_actions import ClipboardActions
from cxmapper.app.curves_menu import CurvesMenu
from cxmapper.app.feeling_actions import FeelingActions
from cxmapper.app.focus_cycle import FocusCycle
from cxmapper.app.handoff_actions import HandoffActions
from cxmapper.app.rows_menu import RowsMenu
from cxmapper.app.timer import WorkshopTimer
from cxmapper.app.vote_actions import VoteActions
from cxmapper.app.votes_shown_menu import VotesShownMenu
from cxmapper.app.workshop import WorkshopMode

# Ctrl with the keypad's Enter (the main Return key is "Ctrl+Return")
ENTER_ON_KEYPAD = QKeySequence(
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier | Qt.Key.Key_Enter
)


def build_menus(w) -> None:
    keys = QKeySequence.StandardKey
    file_menu = w.menuBar().addMenu("&File")
    w._action(file_menu, "&New…", w.new_map, [keys.New, "Ctrl+N"], "A new map, from a template")
    w._action(file_menu, "&Open…", w.choose_and_open, [keys.Open, "Ctrl+O"])
    w.recent_menu = file_menu.addMenu("Open &Recent")
    w._fill_recent()
    file_menu.addSeparator()
    w._action(file_menu, "&Save", w.save, [keys.Save, "Ctrl+S"])
    w._action(file_menu, "Save &As…", w.save_as, [keys.SaveAs, "Ctrl+Shift+S"])
    file_menu.addSeparator()
    w._action(
        file_menu,
        "&Import CSV…",
        w.import_csv,
        tip="A new map from a spreadsheet of touchpoints",
    )
    w._action(
        file_menu,
        "Import &Mermaid…",
        w.import_mermaid,
        tip="A new map from a Mermaid journey diagram",
    )
    export_menu = file_menu.addMenu("&Export")
    w._action(export_menu, "&PDF…", w.export_pdf, ["Ctrl+E"])
    w._action(export_menu, "P&NG…", w.export_png, ["Ctrl+Shift+E"])
    w._action(export_menu, "&SVG…", w.export_svg)
    w._action(export_menu, "&JSON…", w.export_json)
    w._action(export_menu, "&CSV…", w.export_csv)
    w._action(export_menu, "&Mermaid…", w.export_mermaid)
    file_menu.addSeparator()
    preferences = w._action(
        file_menu, "Pre&ferences…", w.show_preferences, [keys.Preferences, "Ctrl+,"]
    )
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addSeparator()
    w._action(file_menu, "&Close", w.close, [keys.Close, "Ctrl+W"])
    w._action(file_menu, "&Quit", w.quit, [keys.Quit, "Ctrl+Q"])

    edit = w.menuBar().addMenu("&Edit")
    w.undo_action = w._action(edit, "&Undo", w.undo, [keys.Undo])
    w.redo_action = w._action(edit, "&Redo", w.redo, [keys.Redo, "Ctrl+Shift+Z", "Ctrl+Y"])
    edit.addSeparator()
    w.clipboard = ClipboardActions(w, edit)
    edit.addSeparator()
    w._action(edit, "&Find…", w.find, [keys.Find, "Ctrl+F"])
    w._action(edit, "Find &Next", lambda: w.find_step(1), [keys.FindNext, "F3"])
    w._action(edit, "Find &Previous", lambda: w.find_step(-1), [keys.FindPrevious, "Shift+F3"])
    edit.addSeparator()
    w._action(edit, "&Rename touchpoint", w.rename_selection, ["F2"])
    # Delete only: the X11 standard Delete keys include Ctrl+D (Duplicate).
    w.delete_action = w._action(edit, "&Delete", w.delete_selection, ["Delete"])
    # Only while the map has the focus: Delete in another panel belongs to that panel.
    w.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    w._action(edit, "Select &All", w.select_all, [keys.SelectAll])

    journey_menu = w.menuBar().addMenu("&Map")
    w.move_actions: list[QAction] = []
    w._action(
        journey_menu,
        "Edit the &Map…",
        w.edit_map,
        ["Ctrl+I"],
        "The map's title, description, scenario and persona, in the Inspector",
    )
    w._action(
        journey_menu,
        "Add &Touchpoint",
        w.capture,
        ["Ctrl+Return", "Ctrl+Enter", ENTER_ON_KEYPAD, "Ctrl+T"],
        "A touchpoint after the selected one (or in the stage on screen): type its name, Enter "
        "for the next",
    )
    w.feelings = FeelingActions(w, journey_menu.addMenu("Rate &Feeling"))
    for text, by, keys_ in (
        ("Move to &Next Stage", (1, 0), "Alt+Right"),
        ("Move to &Previous Stage", (-1, 0), "Alt+Left"),
        ("Move to the Lane &Above", (0, -1), "Alt+Up"),
        ("Move to the Lane &Below", (0, 1), "Alt+Down"),
    ):
        action = w._action(journey_menu, text, lambda _c=False, b=by: w.move_selection(*b), [keys_])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        w.move_actions.append(action)
    w.handoffs = HandoffActions(w, journey_menu)
    journey_menu.addSeparator()
    w.votes = VoteActions(w, journey_menu)
    journey_menu.addSeparator()
    w._action(journey_menu, "Add &Stage", w.add_stage, ["Ctrl+Shift+T"])
    w._action(journey_menu, "Add &Department", w.add_department, ["Ctrl+Shift+L"])
    w._action(journey_menu, "Add &Channel", w.add_channel)
    journey_menu.addSeparator()
    w._action(journey_menu, "Stages, Departments and Channels…", lambda: w.show_structure("stage"))

    view = w.menuBar().addMenu("&View")
    w._action(
        view,
        "Zoom &In",
        lambda: w.view and w.view.zoom_in(),
        [keys.ZoomIn, "Ctrl+=", "Ctrl++"],
    )
    w._action(view, "Zoom &Out", lambda: w.view and w.view.zoom_out(), [keys.ZoomOut, "Ctrl+-"])
    w._action(view, "&Fit to Window", lambda: w.view and w.view.fit_to_window(), ["Ctrl+0"])
    w._action(view, "&Actual Size", lambda: w.view and w.view.actual_size(), ["Ctrl+1"])
    view.addSeparator()
    w.rows_menu = RowsMenu(w, view.addMenu("&Rows Under the Lanes"))
    w.curves_menu = CurvesMenu(w, view.addMenu("&Emotion Curves"))
    w.votes_menu = VotesShownMenu(w, view.addMenu("&Votes on the Cards"))
    w.workshop = WorkshopMode(w, view)
    w.timer = WorkshopTimer(w, view.addMenu("&Timer"))
    view.addSeparator()
    for dock in (w.palette_dock, w.structure_dock, w.inspector_dock):
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    w.focus_cycle = FocusCycle(w, view)

    help_menu = w.menuBar().addMenu("&Help")
    w._action(help_menu, "&Keyboard Shortcuts", w.show_shortcuts, [keys.HelpContents])
    about = w._action(help_menu, "&About cxmapper", w.show_about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
