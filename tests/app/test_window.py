"""The main window: opens maps (the sample when none is given), saves them, and never loses work."""

import pytest
from factories import close_quietly, small_map
from PySide6.QtWidgets import QMessageBox

from cxmapper.app.saving import Saving
from cxmapper.app.window import MainWindow
from cxmapper.model.fileformat import load_map, save_map
from cxmapper.model.safe_write import SaveError


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    yield w
    close_quietly(w)


def make_a_change(window):
    tid = window.document.journey.touchpoints[0].id
    window.document.set_fields("touchpoint", [tid], {"title": "Changed title"})


def test_with_no_file_it_shows_the_sample_map(window):
    window.show_sample()
    assert window.document.journey.title.startswith("Product lifecycle")
    assert window.windowTitle().startswith("Untitled")
    assert len(window.scene.cards) == len(window.document.journey.touchpoints)


def test_it_opens_a_map_file(window, tmp_path):
    path = tmp_path / "broadband.json"
    save_map(small_map(), path)
    assert window.files.open_path(str(path))
    assert window.windowTitle().startswith("broadband.json")
    assert set(window.scene.cards) == {"t1", "t2"}


def test_a_bad_file_is_explained_and_the_open_map_stays(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    good = tmp_path / "good.json"
    save_map(small_map(), good)
    window.files.open_path(str(good))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cxmapper-journey-map", "schema_version": 1, "title": 5}')
    assert not window.files.open_path(str(bad))
    assert "title: must be text" in shown[0]
    assert window.document.journey == small_map()
    assert window.windowTitle().startswith("good.json")


def test_save_writes_the_file_and_marks_it_clean(window, tmp_path):
    path = tmp_path / "m.json"
    save_map(small_map(), path)
    window.files.open_path(str(path))
    make_a_change(window)
    assert window.isWindowModified()
    assert window.saving.save()
    assert not window.isWindowModified()
    saved = load_map(path)
    assert saved.touchpoints[0].title == "Changed title"
    assert saved.metadata.modified > small_map().metadata.modified
    assert (tmp_path / "m.json.bak").exists()


def test_save_as_for_a_new_map_asks_for_a_name(window, tmp_path, monkeypatch):
    window.show_sample()
    target = tmp_path / "workshop"
    monkeypatch.setattr(Saving, "ask_save_path", lambda self: target.with_suffix(".json"))
    assert window.saving.save()
    assert load_map(tmp_path / "workshop.json").title == window.document.journey.title
    assert window.windowTitle().startswith("workshop.json")


def test_a_failed_save_says_why_and_keeps_the_changes(window, tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    save_map(small_map(), path)
    window.files.open_path(str(path))
    make_a_change(window)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def refuse(*args, **kwargs):
        raise SaveError(f"cannot save {path}: the disk is full")

    monkeypatch.setattr("cxmapper.document.document.save_map", refuse)
    assert not window.saving.save()
    assert "the disk is full" in shown[0] and "nothing was lost" in shown[0]
    assert window.isWindowModified()
    assert load_map(path) == small_map()


@pytest.mark.parametrize(("answer", "closes"), [("Discard", True), ("Cancel", False)])
def test_closing_with_unsaved_changes_asks_first(window, monkeypatch, answer, closes):
    window.show_sample()
    window.show()
    make_a_change(window)
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.close()
    assert asked and "Save the changes" in asked[0]
    assert window.isVisible() is not closes


def test_a_pdf_exported_by_cxmapper_opens_and_saving_never_overwrites_it(
    window, tmp_path, monkeypatch
):
    from cxmapper.export.pdf import export_pdf

    pdf = tmp_path / "shared.pdf"
    pdf.write_bytes(export_pdf(small_map()))
    before = pdf.read_bytes()
    assert window.files.open_path(str(pdf))
    assert window.document.journey == small_map()
    assert "from the PDF" in window.windowTitle()
    asked = []
    monkeypatch.setattr(
        MainWindow, "ask_file", lambda self, suggested, *a: asked.append(suggested) or None
    )
    make_a_change(window)
    assert not window.saving.save()  # no file yet: Save asks where (cancelled here)
    assert asked == [tmp_path / "shared.json"]
    assert pdf.read_bytes() == before


def test_export_pdf_remembers_the_choices(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from cxmapper.app.export_dialog import PdfExportDialog
    from cxmapper.export.paper import PdfOptions

    QSettings().clear()
    window.show_sample()
    out = tmp_path / "map.pdf"
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: out)

    def accept(dialog):
        dialog.set_options(PdfOptions("A4", landscape=False, poster=True, report=False))
        return PdfExportDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfExportDialog, "exec", accept)
    assert window.exports.export_pdf()
    assert out.read_bytes().startswith(b"%PDF-")
    assert PdfExportDialog.remembered() == PdfOptions(
        "A4", landscape=False, poster=True, report=False
    )
    assert load_map(out) == window.document.journey


def test_export_dialog_keeps_orientation_and_fit_as_two_choices(window):
    from cxmapper.app.export_dialog import PdfExportDialog
    from cxmapper.export.paper import PdfOptions

    dialog = PdfExportDialog(window)
    for landscape in (True, False):
        for poster in (True, False):
            options = PdfOptions("A3", landscape=landscape, poster=poster)
            dialog.set_options(options)
            assert dialog.options() == options
    dialog.set_options(PdfOptions("A3", landscape=True, poster=False))
    dialog.poster.click()
    assert dialog.landscape.isChecked()  # choosing a poster leaves the orientation alone
    dialog.deleteLater()


def test_the_export_dialog_offers_a_poster_of_a_chosen_number_of_sheets(window):
    from cxmapper.app.export_dialog import PdfExportDialog
    from cxmapper.export.paper import PdfOptions

    dialog = PdfExportDialog(window)
    dialog.columns.setValue(4)
    dialog.rows.setValue(3)
    assert dialog.fitted.isChecked()
    assert dialog.options().sheets == (4, 3) and dialog.options().poster
    dialog.remember()
    assert PdfExportDialog.remembered().sheets == (4, 3)
    dialog.set_options(PdfOptions("A3"))
    assert dialog.one_page.isChecked() and dialog.options().sheets is None


def test_view_shows_a_row_under_the_lanes_as_an_edit_of_the_map(window, qtbot):
    from PySide6.QtWidgets import QMenu

    window.show_sample()
    window.show()
    qtbot.waitExposed(window)
    action = window.rows_menu.actions["pain_points"]
    # View > Rows Under the Lanes > Pain points, unticked: the sample shows no rows
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu)]
    assert [m.title().replace("&", "") for m in menus] == ["Rows Under the Lanes"]
    assert action.text().replace("&", "") == "Pain points"
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    assert window.document.journey.rows == ["pain_points"]
    assert [row.kind for row in window.scene.layout.rows] == ["pain_points"]
    assert window.isWindowModified()  # stored in the file: the map changed
    window.rows_menu.actions["quotes"].trigger()
    assert window.document.journey.rows == ["pain_points", "quotes"]
    window.undo()
    assert window.document.journey.rows == ["pain_points"]
    assert not window.rows_menu.actions["quotes"].isChecked()
    window.undo()
    assert window.scene.layout.rows == [] and not action.isChecked()


def test_the_export_dialog_chooses_the_maps_rows(window, tmp_path, monkeypatch):
    from cxmapper.app.export_dialog import PdfExportDialog

    window.show_sample()
    out = tmp_path / "map.pdf"
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: out)

    def accept(dialog):
        assert not dialog.row_boxes["opportunities"].isChecked()
        dialog.row_boxes["opportunities"].setChecked(True)
        return PdfExportDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfExportDialog, "exec", accept)
    assert window.exports.export_pdf()
    assert window.document.journey.rows == ["opportunities"]  # the screen shows it too
    assert load_map(out).rows == ["opportunities"]
