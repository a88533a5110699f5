"""Cut, copy, paste and duplicate in the editor, also between two windows, and pasted lists."""

import pytest
from factories import close_quietly
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from cxmapper.app.window import MainWindow
from cxmapper.document.document import JourneyDocument
from cxmapper.model.templates import load_template

CTRL = Qt.KeyboardModifier.ControlModifier


def opened(qtbot, name="product-lifecycle"):
    w = MainWindow()
    w.set_document(JourneyDocument(load_template(name), None))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.view.setFocus()
    return w


@pytest.fixture
def window(qtbot):
    w = opened(qtbot)
    yield w
    close_quietly(w)


def in_time(window):
    return [t.title for t in window.document.journey.touchpoints_in_time_order()]


def test_a_pasted_list_becomes_touchpoints_after_the_selection_in_one_step(window, qtbot):
    QGuiApplication.clipboard().setText("- Hears of it\n\n- Reads a review\n3. Asks a friend\n")
    window.scene.select_ids(["tp-sees-ad"])
    steps = window.document.undo_stack.count()
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    order = in_time(window)
    at = order.index("Sees a social media ad")
    assert order[at + 1 : at + 4] == ["Hears of it", "Reads a review", "Asks a friend"]
    assert window.document.undo_stack.count() == steps + 1
    chosen = {window.document.touchpoint(i).title for i in window.scene.selected_ids()}
    assert chosen == {"Hears of it", "Reads a review", "Asks a friend"}
    new = [t for t in window.document.journey.touchpoints if t.title == "Asks a friend"][0]
    assert (new.stage_id, new.department_id) == ("stage-awareness", "dept-marketing")
    window.document.undo()
    assert "Hears of it" not in in_time(window)


def test_copy_and_paste_between_two_windows_keeps_every_annotation(window, qtbot):
    other = opened(qtbot, "retail-store-visit")
    try:
        window.scene.select_ids(["tp-pays-online"])
        original = window.document.touchpoint("tp-pays-online")
        qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)
        assert QGuiApplication.clipboard().text() == original.title  # for other programs
        other.activateWindow()
        other.view.setFocus()
        other.scene.clearSelection()
        before = {d.name for d in other.document.journey.departments}
        other.clipboard.paste()
        copy = next(t for t in other.document.journey.touchpoints if t.title == original.title)
        assert copy.pain_points == original.pain_points and copy.feeling == original.feeling
        names = {d.name for d in other.document.journey.departments}
        assert window.document.journey.department(original.department_id).name in names
        assert names >= before
    finally:
        close_quietly(other)


def test_duplicate_and_cut(window, qtbot):
    window.scene.select_ids(["tp-sees-ad"])
    count = len(window.document.journey.touchpoints)
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    titles = in_time(window)
    assert titles.count("Sees a social media ad") == 2 and len(titles) == count + 1
    assert window.document.has_touchpoint("tp-sees-ad")  # Ctrl+D never deletes
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(window.view, Qt.Key.Key_X, CTRL)
    assert not window.document.has_touchpoint("tp-sees-ad")
    assert QGuiApplication.clipboard().mimeData().hasFormat("application/x-cxmapper-touchpoints")


def test_a_clipboard_that_is_not_touchpoints_says_so_and_changes_nothing(window, qtbot):
    data = QMimeData()
    data.setData("application/x-cxmapper-touchpoints", b"{broken")
    QGuiApplication.clipboard().setMimeData(data)
    count = window.document.undo_stack.count()
    window.clipboard.paste()
    assert window.document.undo_stack.count() == count
    assert "Nothing was pasted" in window.statusBar().currentMessage()


def test_a_pasted_table_lands_in_its_stages_in_one_step(window, qtbot):
    QGuiApplication.clipboard().setText(
        "Stage\tTouchpoint\tDepartment\nUsage\tAsks in the forum\tProduct & app\n"
        "Aftercare\tGets a survey\tMarketing\n"
    )
    steps = window.document.undo_stack.count()
    window.clipboard.paste()
    journey = window.document.journey
    forum = next(t for t in journey.touchpoints if t.title == "Asks in the forum")
    assert forum.stage_id == "stage-usage" and forum.department_id == "dept-product"
    assert journey.stages[-1].name == "Aftercare"
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo()
    assert [s.name for s in window.document.journey.stages][-1] != "Aftercare"


def test_a_pasted_table_of_1_to_5_feelings_is_read_the_right_way_round_and_says_so(window):
    QGuiApplication.clipboard().setText(
        "Stage\tTouchpoint\tFeeling\nUsage\tLoves the app\t5\nUsage\tHates the bill\t1\n"
        "Usage\tShrugs\t3\n"
    )
    window.clipboard.paste()
    feelings = {t.title: t.feeling for t in window.document.journey.touchpoints}
    assert (feelings["Loves the app"], feelings["Hates the bill"], feelings["Shrugs"]) == (2, -2, 0)
    assert "1 to 5 scale" in window.statusBar().currentMessage()
