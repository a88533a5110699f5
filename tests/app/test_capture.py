"""Capture at the speed of sticky notes: Ctrl+Enter runs, typing on a card, Enter for the next."""

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def in_time(window):
    return [t.title for t in window.document.journey.touchpoints_in_time_order()]


def test_ctrl_enter_captures_one_touchpoint_after_another(window, qtbot):
    view, doc = window.view, window.document
    window.scene.select_ids(["tp-sees-ad"])
    steps = doc.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    editor = view.title_editor
    assert editor.isVisible() and editor.text() == ""  # the new card's name, to type
    qtbot.keyClicks(editor, "Hears of it from a friend")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible()  # at once the next one, after it
    qtbot.keyClicks(editor, "Reads a review")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # ends the run: the empty third card goes
    assert [doc.touchpoint(i).title for i in window.scene.selected_ids()] == ["Reads a review"]
    order = in_time(window)
    at = order.index("Sees a social media ad")
    assert order[at + 1 : at + 3] == ["Hears of it from a friend", "Reads a review"]
    assert "New touchpoint" not in order
    new = [t for t in doc.journey.touchpoints if t.title == "Reads a review"][0]
    assert (new.stage_id, new.department_id) == ("stage-awareness", "dept-marketing")
    assert doc.undo_stack.count() == steps + 2  # each touchpoint its own undo step
    doc.undo()
    assert "Reads a review" not in in_time(window)
    assert "Hears of it from a friend" in in_time(window)
    doc.redo()
    assert "Reads a review" in in_time(window) and "New touchpoint" not in in_time(window)


def test_with_nothing_selected_it_goes_into_the_stage_on_screen(window, qtbot):
    window.scene.clearSelection()
    journey = window.document.journey
    stage = journey.stages[window.view.current_stage()]
    qtbot.keyClick(window.view, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClicks(window.view.title_editor, "Leaves a review")
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Enter)
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Escape)
    in_stage = [t for t in journey.touchpoints_in_time_order() if t.stage_id == stage.id]
    assert in_stage[-1].title == "Leaves a review"  # after the stage's last card
    assert in_stage[-1].department_id == window.scene.layout.lanes[0].department_id


def test_enter_on_an_empty_new_card_ends_the_run_and_keeps_nothing(window, qtbot):
    window.scene.select_ids(["tp-sees-ad"])
    count, steps = len(window.document.journey.touchpoints), window.document.undo_stack.count()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Return)
    assert not window.view.title_editor.isVisible()
    assert len(window.document.journey.touchpoints) == count
    assert window.document.undo_stack.count() == steps  # no step to undo, none to redo
    assert not window.document.undo_stack.canRedo()


def test_typing_on_a_selected_card_renames_it_from_that_letter(window, qtbot):
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClicks(window.view, "S")  # one key on the selected card
    qtbot.keyClicks(window.view.title_editor, "pots a banner")  # the keys that follow
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Return)
    assert window.document.touchpoint("tp-sees-ad").title == "Spots a banner"
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)  # never deletes the card
    assert window.document.has_touchpoint("tp-sees-ad")


def test_alt_arrows_move_the_selected_cards_between_stages_and_lanes(window, qtbot):
    doc = window.document
    window.scene.select_ids(["tp-sees-ad"])
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Right, alt)
    assert doc.touchpoint("tp-sees-ad").stage_id == "stage-purchase"
    qtbot.keyClick(window.view, Qt.Key.Key_Down, alt)
    assert doc.touchpoint("tp-sees-ad").department_id == "dept-sales"
    assert window.scene.selected_ids() == ["tp-sees-ad"]  # still the one being moved
    qtbot.keyClick(window.view, Qt.Key.Key_Left, alt)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, alt)  # no stage before the first: stays
    assert doc.touchpoint("tp-sees-ad").stage_id == "stage-awareness"
    doc.undo()
    assert doc.touchpoint("tp-sees-ad").stage_id == "stage-purchase"


def test_escape_keeps_a_name_already_typed_and_ends_the_run(window, qtbot):
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(window.view.title_editor, "Left with escape")
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Escape)
    assert not window.view.title_editor.isVisible()
    assert "Left with escape" in in_time(window)


def test_ctrl_enter_is_bound_for_both_enter_keys(window):
    add = next(
        a for a in window.findChildren(type(window.undo_action)) if a.text() == "Add &Touchpoint"
    )
    keys = [k.toString() for k in add.shortcuts()]
    assert "Ctrl+Return" in keys and "Ctrl+Enter" in keys


def test_alt_right_moves_each_selected_card_one_stage_on_from_its_own(window, qtbot):
    doc = window.document
    window.scene.select_ids(["tp-sees-ad", "tp-chooses-pack"])
    before = {i: doc.touchpoint(i).stage_id for i in window.scene.selected_ids()}
    steps = doc.undo_stack.count()
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    order = [s.id for s in doc.journey.stages]
    for tid, stage in before.items():
        assert order.index(doc.touchpoint(tid).stage_id) == order.index(stage) + 1
    assert doc.undo_stack.count() == steps + 1
