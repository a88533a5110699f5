"""The workshop, as the room sees it (issue 20): feelings from the keyboard, capture where the
room is looking, type-to-rename that cannot surprise, every command from the keyboard."""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from cxmapper.app.help import shortcut_rows

CTRL = Qt.KeyboardModifier.ControlModifier
DIGIT = {-2: Qt.Key.Key_1, -1: Qt.Key.Key_2, 0: Qt.Key.Key_3, 1: Qt.Key.Key_4, 2: Qt.Key.Key_5}
DIGIT[None] = Qt.Key.Key_0


def focused():
    return QApplication.focusWidget()


class KeysReaching(QObject):
    """The texts of the key presses a widget is given (after the shortcuts had their turn)."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.texts: list[str] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress:
            self.texts.append(event.text())
        return False


def test_twenty_cards_are_rated_from_the_keyboard_in_at_most_45_keystrokes(blueprint, qtbot):
    view, doc = blueprint.view, blueprint.document
    order = list(blueprint.scene.layout.time_order)[:20]
    steps = doc.undo_stack.count()
    wanted, pressed = {}, 0
    cycle = [-2, -1, 0, 1, 2, None]

    def press(key):
        nonlocal pressed
        pressed += 1
        qtbot.keyClick(focused(), key)

    press(Qt.Key.Key_Right)  # nothing selected: the first card in time
    for n, tid in enumerate(order):
        assert blueprint.scene.selected_ids() == [tid]
        value = next(v for v in cycle[n % 6 :] + cycle if v != doc.touchpoint(tid).feeling)
        wanted[tid] = value
        press(DIGIT[value])
        assert blueprint.scene.selected_ids() == [tid]  # rating moves nothing
        assert not view.title_editor.isVisible()  # and never starts a rename
        if n < len(order) - 1:
            press(Qt.Key.Key_Right)  # the next card in time, in any lane
    assert pressed <= 45, pressed
    assert {tid: doc.touchpoint(tid).feeling for tid in order} == wanted
    assert doc.undo_stack.count() == steps + 20  # one undo step a rating
    assert doc.undo_stack.undoText().startswith("Feeling of ")
    last = order[-1]
    doc.undo()
    assert doc.touchpoint(last).feeling != wanted[last]
    assert all(doc.touchpoint(t).feeling == wanted[t] for t in order[:-1])


def test_in_the_future_state_view_the_keys_set_the_future_feeling(blueprint, qtbot):
    doc = blueprint.document
    blueprint.curves_menu.set("future")
    tid = blueprint.scene.layout.time_order[0]
    today = doc.touchpoint(tid).feeling
    blueprint.scene.select_ids([tid])
    qtbot.keyClick(blueprint.view, Qt.Key.Key_5)
    assert doc.touchpoint(tid).future_feeling == 2 and doc.touchpoint(tid).feeling == today
    assert doc.undo_stack.undoText().startswith("Future feeling of ")
    qtbot.keyClick(blueprint.view, Qt.Key.Key_0)
    assert doc.touchpoint(tid).future_feeling is None


def test_keypad_digits_rate_and_several_cards_are_rated_in_one_step(blueprint, qtbot):
    doc = blueprint.document
    ids = list(blueprint.scene.layout.time_order[:3])
    blueprint.scene.select_ids(ids)
    steps = doc.undo_stack.count()
    qtbot.keyClick(blueprint.view, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)
    assert [doc.touchpoint(t).feeling for t in ids] == [-2, -2, -2]
    assert doc.undo_stack.count() == steps + 1


def test_the_rating_keys_are_always_rate_feelings_and_never_reach_the_maps_own_keys(
    blueprint, qtbot
):
    """Map > Rate Feeling's actions on the map take every rating key (main keys and keypad, one
    card or several, either curve, nothing selected) before the map is given the key: the
    map's own key handling has no rating of its own to fall back on."""
    view, doc = blueprint.view, blueprint.document
    reaching = KeysReaching(view)
    ids = list(blueprint.scene.layout.time_order[:3])
    for curves, field in (("current", "feeling"), ("future", "future_feeling")):
        blueprint.curves_menu.set(curves)
        for selected in (ids[:1], ids):
            blueprint.scene.select_ids(selected)
            for feeling, key in DIGIT.items():
                for keypad in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                    qtbot.keyClick(view, key, keypad)
                    rated = [getattr(doc.touchpoint(t), field) for t in selected]
                    assert rated == [feeling] * len(selected)
    blueprint.scene.clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_3)  # nothing selected: said in the status bar
    assert "Select a touchpoint" in blueprint.statusBar().currentMessage()
    assert not [text for text in reaching.texts if text and text in "012345"]


def test_a_digit_typed_in_a_name_is_part_of_the_name(blueprint, qtbot):
    doc = blueprint.document
    tid = blueprint.scene.layout.time_order[0]
    feeling = doc.touchpoint(tid).feeling
    blueprint.scene.select_ids([tid])
    qtbot.keyClick(blueprint.view, Qt.Key.Key_F2)
    editor = blueprint.view.title_editor
    editor.selectAll()
    qtbot.keyClicks(editor, "2 cups of coffee, 5 minutes")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.touchpoint(tid).title == "2 cups of coffee, 5 minutes"
    assert doc.touchpoint(tid).feeling == feeling


def test_the_rating_keys_are_on_the_cards_menu_and_in_help(blueprint):
    tid = blueprint.scene.layout.time_order[0]
    blueprint.scene.select_ids([tid])
    menu = blueprint.context_menus.build("touchpoint", tid, None)
    feeling = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Feeling")
    keys = {a.text(): a.shortcut().toString() for a in feeling.actions() if not a.isSeparator()}
    assert keys == {
        "Very positive": "5",
        "Positive": "4",
        "Neutral": "3",
        "Negative": "2",
        "Very negative": "1",
        "Not rated": "0",
    }
    assert all(a.isShortcutVisibleInContextMenu() for a in feeling.actions())
    rows = shortcut_rows(blueprint)
    assert ("Map > Rate Feeling", "5", "Very positive") in rows
    assert ("Map > Rate Feeling", "0", "Not rated") in rows
    feeling.actions()[0].trigger()  # the menu's entry rates the card, as the key does
    assert blueprint.document.touchpoint(tid).feeling == 2


def test_a_click_in_the_inspector_never_leaves_the_arrows_re_rating(blueprint, qtbot):
    doc, view = blueprint.document, blueprint.view
    first, second = blueprint.scene.layout.time_order[:2]
    blueprint.scene.select_ids([first])
    faces = blueprint.inspector.choice("feeling").buttons
    qtbot.mouseClick(faces[-2], Qt.MouseButton.LeftButton)
    assert doc.touchpoint(first).feeling == -2
    assert focused() is view  # the map kept the keyboard
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert doc.touchpoint(first).feeling == -2  # not re-rated
    assert blueprint.scene.selected_ids() == [second]  # the arrow walked the map
    # A face reached with Tab: arrows move between the faces and choose nothing.
    blueprint.scene.select_ids([first])
    faces[-2].setFocus(Qt.FocusReason.TabFocusReason)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Down):
        qtbot.keyClick(focused(), key)
    assert doc.touchpoint(first).feeling == -2
    assert focused() is faces[0]  # moved -2 -> -1 -> 0 -> -1 -> 0
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # Space chooses
    assert doc.touchpoint(first).feeling == 0


def test_capture_goes_into_the_stage_page_down_walked_to(blueprint, qtbot):
    view, doc = blueprint.view, blueprint.document
    view.actual_size()
    view.show_stage(0)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    stage = doc.journey.stages[2]
    assert view.current_stage() == 2
    blueprint.scene.clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(view.title_editor, "Said in the room")
    qtbot.keyClick(view.title_editor, Qt.Key.Key_Return)
    qtbot.keyClicks(view.title_editor, "And the next")
    qtbot.keyClick(view.title_editor, Qt.Key.Key_Return)
    qtbot.keyClick(view.title_editor, Qt.Key.Key_Escape)
    in_stage = [t for t in doc.journey.touchpoints_in_time_order() if t.stage_id == stage.id]
    assert [t.title for t in in_stage[-2:]] == ["Said in the room", "And the next"]
    first_lane = blueprint.scene.layout.lanes[0].department_id
    assert in_stage[-2].department_id == first_lane


def test_with_the_map_scrolled_by_hand_capture_goes_into_the_leftmost_stage(blueprint, qtbot):
    view, doc = blueprint.view, blueprint.document
    view.actual_size()
    view.show_stage(3)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 1)  # by hand
    index = view.current_stage()
    assert index == 3
    place = blueprint.touchpoints.place_on_screen()
    assert place[0] == doc.journey.stages[3].id
    positions = [t.position for t in doc.journey.touchpoints if t.stage_id == place[0]]
    assert place[1] > max(positions, default=-1)


def test_a_stray_key_then_a_focus_change_renames_nothing(blueprint, qtbot):
    view, doc = blueprint.view, blueprint.document
    tid = blueprint.scene.layout.time_order[0]
    title = doc.touchpoint(tid).title
    blueprint.scene.select_ids([tid])
    steps = doc.undo_stack.count()
    qtbot.keyClicks(view, "k")  # a stray key on the selected card
    editor = view.title_editor
    assert editor.isVisible() and editor.text() == "k"
    blueprint.inspector.choice("title").editor.setFocus()  # the keyboard goes elsewhere
    qtbot.wait(10)
    assert doc.touchpoint(tid).title == title and editor.isVisible() and editor.text() == "k"
    assert blueprint.open_map.journey_as_typed() is not None  # autosave still has what is typed
    # A click on the map: still nothing renamed; the keyboard comes back to the name.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert doc.touchpoint(tid).title == title and editor.text() == "k"
    assert focused() is editor
    assert doc.undo_stack.count() == steps
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and doc.touchpoint(tid).title == title
    # Typed and kept with Enter: renamed.
    blueprint.scene.select_ids([tid])
    view.setFocus()
    qtbot.keyClicks(view, "K")
    qtbot.keyClicks(editor, "eys handed over")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.touchpoint(tid).title == "Keys handed over"


def test_a_rename_asked_for_is_still_kept_when_the_keyboard_goes_elsewhere(blueprint, qtbot):
    view, doc = blueprint.view, blueprint.document
    tid = blueprint.scene.layout.time_order[0]
    blueprint.scene.select_ids([tid])
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClicks(view.title_editor, "Asked for")
    blueprint.inspector.choice("description").editor.setFocus()
    assert doc.touchpoint(tid).title == "Asked for" and not view.title_editor.isVisible()


def test_a_name_typed_on_one_card_is_dropped_when_another_rename_starts(blueprint, qtbot):
    view, doc = blueprint.view, blueprint.document
    a, b = blueprint.scene.layout.time_order[:2]
    title = doc.touchpoint(a).title
    blueprint.scene.select_ids([a])
    qtbot.keyClicks(view, "x")
    view.edit_title(b)
    assert doc.touchpoint(a).title == title
    assert view.title_editor.target == ("touchpoint", b)


@pytest.fixture
def menus(qtbot):
    """The menus that open, as (where, entries); each closed at once, as Escape would."""
    shown = []

    def close_it():
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append((menu.pos(), [a.text() for a in menu.actions()]))
            menu.close()
        else:
            QTimer.singleShot(10, close_it)

    return shown, lambda: QTimer.singleShot(0, close_it)


@pytest.mark.parametrize(
    "key, mods",
    [
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_menu_and_shift_f10_open_the_selected_cards_menu_at_it(blueprint, qtbot, menus, key, mods):
    view = blueprint.view
    tid = blueprint.scene.layout.time_order[5]
    view.select_and_show(tid)
    shown, close_soon = menus
    close_soon()
    qtbot.keyClick(view, key, mods)
    assert len(shown) == 1
    pos, texts = shown[0]
    assert "Rename" in texts and "Feeling" in texts
    card = blueprint.scene.cards[tid]
    on_screen = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
    corner = view.viewport().mapToGlobal(on_screen.topLeft())
    assert on_screen.translated(corner - on_screen.topLeft()).contains(pos)


def test_with_no_card_selected_the_menu_key_opens_the_stage_on_screens_menu(
    blueprint, qtbot, menus
):
    view = blueprint.view
    view.actual_size()
    view.show_stage(0)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    blueprint.scene.clearSelection()
    shown, close_soon = menus
    close_soon()
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    pos, texts = shown[0]
    assert "Rename stage" in texts
    head = blueprint.scene.layout.stages[view.current_stage()].header
    assert view.current_stage() == 1
    top_left = view.viewport().mapToGlobal(view.mapFromScene(head.x, head.y))
    assert top_left.x() <= pos.x() <= top_left.x() + head.w * view.zoom()
    assert top_left.y() <= pos.y() <= top_left.y() + head.h * view.zoom()


def test_f6_and_shift_f6_go_round_the_map_and_the_panels_and_escape_returns(blueprint, qtbot):
    w = blueprint
    w.view.setFocus()
    qtbot.wait(10)
    seen = []
    for _ in range(4):
        qtbot.keyClick(focused(), Qt.Key.Key_F6)
        seen.append(
            next(p for p in w.focus_cycle.panes() if p is focused() or p.isAncestorOf(focused()))
        )
    assert seen == [w.palette_dock, w.inspector_dock, w.structure_dock, w.view]
    qtbot.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert w.structure_dock.isAncestorOf(focused())
    assert w.structure_dock.isVisible()  # brought from behind the Inspector's tab
    qtbot.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert w.inspector_dock.isAncestorOf(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # Escape in a panel: back to the map
    assert focused() is w.view
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert focused() is w.view
