"""The File menu as a user meets it: every item and its keys, one map per window, Open Recent,
Import CSV, drops, exports, Close and Quit; Preferences and Help; the window on the screen."""

import csv

from factories import close_quietly, small_map
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.app.saving import Saving
from cxmapper.app.window import MainWindow
from cxmapper.model.fileformat import load_map, save_map


def menu_items(window, title):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def keys(action):
    return [k.toString() for k in action.shortcuts()]


def saved(tmp_path, name="map.json", title=None):
    journey = small_map()
    if title:
        journey.title = title
    path = tmp_path / name
    save_map(journey, path)
    return path


def test_the_file_menu_has_every_item_with_the_standard_keys(window):
    items = menu_items(window, "&File")
    assert "Ctrl+N" in keys(items["New…"])
    assert "Ctrl+O" in keys(items["Open…"])
    assert "Ctrl+S" in keys(items["Save"])
    assert "Ctrl+Shift+S" in keys(items["Save As…"])
    assert "Ctrl+W" in keys(items["Close"])
    assert "Ctrl+Q" in keys(items["Quit"])
    assert "Import CSV…" in items and "Import Mermaid…" in items
    recent = {a.text().replace("&", "") for a in items["Open Recent"].menu().actions()}
    assert "Clear" in recent
    exports = {a.text().replace("&", "") for a in items["Export"].menu().actions()}
    assert {"PDF…", "PNG…", "SVG…", "JSON…", "CSV…", "Mermaid…"} <= exports


def test_a_never_saved_map_is_untitled(window):
    assert window.windowTitle() == "Untitled[*] — cxmapper"
    window.document.set_fields(
        "touchpoint", [window.document.journey.touchpoints[0].id], {"title": "x"}
    )
    assert window.isWindowModified()  # Qt shows the standard unsaved mark


def test_opening_a_file_uses_this_window_until_it_holds_work(window, tmp_path, monkeypatch):
    first, second = saved(tmp_path, "a.json", "Map A"), saved(tmp_path, "b.json", "Map B")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(first)], ""))
    window.files.choose_and_open()  # the untouched sample makes way
    assert len(editor().windows) == 1 and window.document.journey.title == "Map A"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(second)], ""))
    window.files.choose_and_open()  # a map with a file stays: B gets a window of its own
    assert [w.document.journey.title for w in editor().windows] == ["Map A", "Map B"]
    window.files.open_file(first)  # already open: that window comes forward, no third window
    assert len(editor().windows) == 2


def test_new_opens_another_window_when_this_one_has_a_map(window, tmp_path, monkeypatch):
    from cxmapper.app.new_map_dialog import NewMapDialog

    window.files.open_path(str(saved(tmp_path)))
    monkeypatch.setattr(NewMapDialog, "exec", lambda self: NewMapDialog.DialogCode.Accepted)
    window.new_map()
    assert len(editor().windows) == 2
    assert window.document.journey.title == small_map().title  # what was open stays open
    assert editor().windows[1].windowTitle().startswith("Untitled")


def test_open_recent_lists_opened_and_saved_files_and_clear_empties_it(
    window, tmp_path, monkeypatch
):
    a, b = saved(tmp_path, "a.json"), saved(tmp_path, "b.json")
    window.files.open_path(str(a))
    monkeypatch.setattr(Saving, "ask_save_path", lambda self: b)
    window.saving.save_as()
    assert settings.recent_files() == [b, a]
    recent = window.recent.menu.actions()
    assert [x.text() for x in recent[:2]] == ["&1 b.json", "&2 a.json"]
    recent[1].trigger()  # a.json opens (in a new window: this one has b.json)
    assert any(w.document.path == a for w in editor().windows)
    clear = next(x for x in window.recent.menu.actions() if x.text() == "&Clear")
    clear.trigger()
    assert settings.recent_files() == []
    assert not next(x for x in window.recent.menu.actions() if x.text() == "&Clear").isEnabled()


def test_the_recent_list_keeps_the_length_the_user_chose(window, tmp_path):
    settings.set_recent_length(3)
    for n in range(5):
        settings.add_recent(saved(tmp_path, f"m{n}.json"))
    assert [p.name for p in settings.recent_files()] == ["m4.json", "m3.json", "m2.json"]


def test_import_csv_makes_a_new_map_that_saves_as_json(window, tmp_path, monkeypatch):
    sheet = tmp_path / "workshop notes.csv"
    with sheet.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["stage", "department", "title", "feeling"])
        writer.writerow(["Discover", "Marketing", "Sees a poster", "1"])
        writer.writerow(["Buy", "Sales", "Pays at the till", "-1"])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(sheet), ""))
    window.files.import_csv()
    doc = window.document
    assert [tp.title for tp in doc.journey.touchpoints] == ["Sees a poster", "Pays at the till"]
    assert doc.path is None and window.windowTitle().startswith("workshop notes.csv (imported)")
    asked = []
    monkeypatch.setattr(
        MainWindow, "ask_file", lambda self, suggested, *a: asked.append(suggested) or None
    )
    window.saving.save()
    assert asked == [tmp_path / "workshop notes.json"]  # never over the spreadsheet


def test_a_bad_spreadsheet_is_explained_and_nothing_changes(window, tmp_path, monkeypatch):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("stage,title,feeling\nDiscover,Sees a poster,nine\n")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(sheet), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda p, title, text: shown.append(text))
    before = window.document
    window.files.import_csv()
    assert "bad.csv" in shown[0] and "row 2" in shown[0]
    assert window.document is before and len(editor().windows) == 1


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    return event.isAccepted()


def test_dropping_maps_on_the_window_opens_them(window, tmp_path):
    from cxmapper.export.pdf import export_pdf

    a = saved(tmp_path, "a.json", "Map A")
    pdf = tmp_path / "shared.pdf"
    journey = small_map()
    journey.title = "From the PDF"
    pdf.write_bytes(export_pdf(journey))
    assert drop(window, [a, pdf])
    titles = sorted(w.document.journey.title for w in editor().windows)
    assert titles == ["From the PDF", "Map A"]
    assert not drop(window, [tmp_path / "notes.txt"])  # not a map: not taken


def test_a_file_that_cannot_be_opened_names_the_problem_and_nothing_changes(
    window, tmp_path, monkeypatch
):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cxmapper-journey-map", "schema_version": 1, "stages": 3}')
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda p, title, text: shown.append(text))
    before = window.document
    assert not window.files.open_file(bad)
    assert "bad.json" in shown[0] and "stages" in shown[0]
    assert window.document is before and len(editor().windows) == 1


def test_export_json_and_csv_write_copies(window, tmp_path, monkeypatch):
    targets = iter([tmp_path / "copy.json", tmp_path / "rows.csv"])
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: next(targets))
    assert window.exports.export_json()
    assert load_map(tmp_path / "copy.json") == window.document.journey.model_copy(
        update={"metadata": load_map(tmp_path / "copy.json").metadata}
    )
    assert window.document.path is None  # a copy: the window's map is still unsaved
    assert window.exports.export_csv()
    rows = list(csv.DictReader((tmp_path / "rows.csv").open()))
    assert len(rows) == len(window.document.journey.touchpoints)


def test_a_failed_export_says_why(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda p, title, text: shown.append(text))
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: tmp_path / "missing" / "m.svg")
    assert not window.exports.export_svg()
    assert "folder does not exist" in shown[0]


def test_quit_closes_every_window_and_cancel_stops_it(window, tmp_path, monkeypatch):
    other = MainWindow()
    other.files.open_path(str(saved(tmp_path)))
    other.show()
    other.document.set_fields("touchpoint", ["t1"], {"title": "Unsaved"})
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    window.saving.quit()
    assert other.isVisible()  # its question was cancelled: it stays, with its changes
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    window.saving.quit()
    assert editor().windows == []


def test_the_status_bar_keeps_the_map_summary(window):
    window.statusBar().showMessage("Open a map from a file")  # a menu hint
    assert window.summary_label.isVisible()
    assert "touchpoints" in window.summary_label.text()


def test_the_window_fits_the_screen_it_opens_on(window):
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()


def test_the_palette_can_be_closed_and_shown_again_from_view(window):
    items = menu_items(window, "&View")
    toggle = items["Touchpoints"]
    window.palette_dock.close()
    assert not toggle.isChecked()
    toggle.trigger()
    assert window.palette_dock.isVisible()


def test_preferences_set_the_autosave_delay_and_the_pdf_default(window, monkeypatch):
    from cxmapper.app.export_dialog import PdfExportDialog
    from cxmapper.app.preferences import PreferencesDialog

    def choose(dialog):
        dialog.delay.setValue(2500)
        dialog.page_size.setCurrentText("A4")
        dialog.orientation.setCurrentIndex(1)
        dialog.recent.setValue(4)
        dialog.accept()
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose)
    window.editor_actions.show_preferences()
    assert window.autosave._timer.interval() == 2500
    assert settings.recent_length() == 4
    options = PdfExportDialog.remembered()
    assert options.page_size == "A4" and not options.landscape


def test_help_lists_every_shortcut(window):
    from cxmapper.app.help import on_every_keyboard, shortcut_rows

    rows = shortcut_rows(window)
    listed = {(menu, what) for menu, _keys, what in rows}
    assert ("File", "Save") in listed and ("File > Export", "PDF") in listed
    assert ("Edit", "Undo") in listed
    every = [a for a in window.findChildren(type(window.undo_action)) if a.shortcuts()]
    shown_keys = [k for _m, keys, _w in rows for k in keys.split(", ")]
    for action in every:
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.NativeText)
            if on_every_keyboard(text):
                assert text in shown_keys, action.text()
    # X11's extra keys ("Open", "Zoom In", F14) are not what a user would press
    assert not {"New", "Open", "Shift+Save", "Zoom In", "F14", "Exit"} & set(shown_keys)


def test_about_shows_the_version_and_the_font_licences(window):
    from cxmapper import __version__
    from cxmapper.app.help import AboutDialog

    dialog = AboutDialog(window)
    assert __version__ in dialog.heading.text()
    text = dialog.licences.toPlainText()
    assert "DejaVu" in text and "SIL Open Font License" in text and "Apache" in text


def test_close_closes_only_this_window(window, tmp_path):
    other = MainWindow()
    other.files.open_path(str(saved(tmp_path)))
    other.show()
    items = menu_items(other, "&File")
    items["Close"].trigger()
    assert editor().windows == [window]
    assert QApplication.quitOnLastWindowClosed()


def test_window_layout_is_remembered(window, qtbot):
    window.resize(700, 500)
    window.palette_dock.hide()
    window.close()
    again = MainWindow()
    again.show_sample()
    again.show()
    qtbot.waitExposed(again)
    assert again.size().width() == 700
    assert not again.palette_dock.isVisible()


def test_further_windows_stay_on_the_screen(window, tmp_path):
    area = QGuiApplication.primaryScreen().availableGeometry()
    for n in range(7):
        other = MainWindow()
        other.files.open_path(str(saved(tmp_path, f"m{n}.json")))
        other.show()
        frame = other.geometry()
        assert area.contains(frame), (n, frame, area)


def test_autosave_that_cannot_write_is_shown_and_told_once(qtbot, tmp_path, monkeypatch):
    from cxmapper.app.recovery import RecoveryFolder

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    editor()._recovery = RecoveryFolder(blocker / "recovery")
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, title, text: told.append(title))
    w = MainWindow()
    w.show_sample()
    w.show()
    for n in range(2):
        w.document.set_fields(
            "touchpoint", [w.document.journey.touchpoints[0].id], {"title": f"Edit {n}"}
        )
        w.autosave.write_now()
    assert told == ["Autosave is off"]
    assert (
        w.status.autosave_label.isVisible()
        and "recovery folder" in w.status.autosave_label.toolTip()
    )
    close_quietly(w)


def test_a_file_dropped_on_the_map_itself_opens(window, tmp_path, qtbot):
    from PySide6.QtGui import QDragEnterEvent

    path = saved(tmp_path, "dropped.json", "Dropped on the map")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    viewport = window.view.viewport()
    centre = viewport.rect().center()
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()  # the map passes it on to the window, which takes files
    drop_event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop_event)
    assert window.document.journey.title == "Dropped on the map"


def test_exports_never_suggest_the_file_the_map_came_from(window, tmp_path, monkeypatch):
    sheet = tmp_path / "notes.csv"
    sheet.write_text("stage,title\nDiscover,Sees a poster\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(sheet), ""))
    window.files.import_csv()
    asked = []
    monkeypatch.setattr(
        MainWindow, "ask_file", lambda self, suggested, *a: asked.append(suggested) or None
    )
    window.exports.export_csv()
    assert asked == [tmp_path / "notes-export.csv"]


def test_an_export_over_an_older_one_keeps_a_backup(window, tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    out.write_text("an older export")
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: out)
    assert window.exports.export_svg()
    assert (tmp_path / "map.svg.bak").read_text() == "an older export"


def test_mermaid_out_of_the_file_menu_and_back_in(window, tmp_path, monkeypatch):
    out = tmp_path / "map.mmd"
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: out)
    assert window.exports.export_mermaid()
    assert out.read_text(encoding="utf-8").startswith("journey\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window.files.import_mermaid()
    opened = editor().windows[-1]
    titles = [t.title for t in opened.document.journey.touchpoints_in_time_order()]
    assert titles == [t.title for t in window.document.journey.touchpoints_in_time_order()]
    assert opened.document.path is None  # saving asks where: never over the .mmd
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n section S\n tea: lots: me\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.files.import_mermaid()
    assert shown and "line 3" in shown[0]
