"""Stages, departments and channels: the Structure dock, the canvas's headers and labels, the
right-click menus, File > New; each edit one undo step back to the exact model."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QDialog

import cxmapper.panels.removal as removal
from cxmapper.app.new_map_dialog import NewMapDialog
from cxmapper.app.window import MainWindow
from cxmapper.canvas.tooltips import touchpoint_tip


def dump(window):
    return window.document.journey.model_dump()


def undo_back(window, before):
    after = dump(window)
    window.undo()
    assert dump(window) == before
    window.redo()
    assert dump(window) == after


def names(window, kind):
    return [p.name for p in window.document.parts(kind)]


def test_structure_dock_adds_renames_moves_and_removes_a_stage(qtbot, window):
    stages = window.structure.lists["stage"]
    stages.select("s-sales")
    before = dump(window)
    stages.add()  # after the current one, then its name is being edited
    assert names(window, "stage") == ["Sales", "New stage", "Monthly bill"]
    undo_back(window, before)
    new = window.document.journey.stages[1].id
    stages.select(new)
    item = stages.list.currentItem()
    before = dump(window)
    item.setText("Install")
    assert names(window, "stage") == ["Sales", "Install", "Monthly bill"]
    assert window.undo_action.text() == "&Undo Rename stage 'New stage'"
    undo_back(window, before)
    before = dump(window)
    stages.move(1)
    assert names(window, "stage") == ["Sales", "Monthly bill", "Install"]
    undo_back(window, before)
    stages.select(new)
    item = stages.list.currentItem()
    item.setText("   ")  # refused: the list shows the name back and says why
    assert stages.list.currentItem().text() == "Install"
    assert "must not be empty" in stages.problem.text()


def test_stage_goal_and_description_typed_in_the_dock(qtbot, window):
    stages = window.structure.lists["stage"]
    stages.select("s-bill")
    window.structure.stage_goal.editor.setFocus()
    qtbot.keyClicks(window.structure.stage_goal.editor, "Understand the bill")
    assert window.document.journey.stage("s-bill").customer_goal == "Understand the bill"
    assert window.scene.layout.stages[1].goal_line == "Understand the bill"
    assert window.document.undo_stack.count() == 1


@pytest.mark.parametrize(("answer", "left"), [("move", ["t1", "t2"]), ("delete", ["t1"])])
def test_removing_a_stage_with_touchpoints_asks_move_or_delete(monkeypatch, window, answer, left):
    asked = []
    monkeypatch.setattr(removal, "choose", lambda *a: asked.append(a) or answer)
    before = dump(window)
    window.structure.lists["stage"].select("s-bill")
    window.structure.lists["stage"].remove()
    assert asked and asked[0][3] == 1 and "Sales" in asked[0][4]
    assert [t.id for t in window.document.journey.touchpoints] == left
    assert names(window, "stage") == ["Sales"]
    assert window.document.undo_stack.count() == 1
    undo_back(window, before)


def test_cancelling_the_question_removes_nothing(monkeypatch, window):
    monkeypatch.setattr(removal, "choose", lambda *a: None)
    before = dump(window)
    window.structure.lists["department"].select("d-sales")
    window.structure.lists["department"].remove()
    assert dump(window) == before and window.document.undo_stack.count() == 0


def test_departments_add_recolour_and_reorder(window):
    departments = window.structure.lists["department"]
    departments.select("d-billing")
    before = dump(window)
    departments.add()
    new = departments.current_id()
    assert names(window, "department")[-1] == "New department"
    assert window.scene.layout.lanes[2].department_id == new  # a lane appears at once
    undo_back(window, before)
    departments.select(new)
    before = dump(window)
    window.structure.recolour("#d55e00")
    assert window.document.part("department", new).colour == "#d55e00"
    assert window.scene.layout.lanes[2].colour == "#d55e00"
    undo_back(window, before)
    before = dump(window)
    departments.select(new)
    departments.move(-1)
    assert [d.id for d in window.document.journey.departments] == ["d-sales", new, "d-billing"]
    undo_back(window, before)


def test_channels_add_rename_remove_and_the_palette_follows(window):
    channels = window.structure.lists["channel"]
    channels.add()
    channels.list.currentItem().setText("Chatbot")
    assert "Chatbot" in [window.palette.item(k).text() for k in range(window.palette.count())]
    before = dump(window)
    channels.select("web")
    channels.remove()
    assert window.document.touchpoint("t1").channel_id is None
    assert "Web" not in [window.palette.item(k).text() for k in range(window.palette.count())]
    undo_back(window, before)


def header_point(window, rect):
    view = window.view
    view.centerOn(rect.center.x, rect.center.y)
    return view.mapFromScene(QPointF(rect.x + 30, rect.y + 20))


def test_double_click_a_stage_header_or_a_lane_label_to_rename(qtbot, window):
    stage = window.scene.layout.stages[1]
    qtbot.mouseDClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=header_point(window, stage.header)
    )
    editor = window.view.title_editor
    assert editor.isVisible() and editor.text() == "Monthly bill"
    editor.selectAll()
    qtbot.keyClicks(editor, "Usage")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.journey.stage("s-bill").name == "Usage"
    assert window.undo_action.text() == "&Undo Rename stage 'Monthly bill'"
    lane = window.scene.layout.lanes[0]
    point = window.view.mapFromScene(QPointF(lane.label.x + 40, lane.label.center.y))
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert editor.isVisible() and editor.text() == "Sales"
    editor.selectAll()
    qtbot.keyClicks(editor, "Marketing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.journey.department("d-sales").name == "Marketing"


def actions(menu):
    found = []
    for action in menu.actions():
        if action.menu():
            found += [f"{action.text()}/{a.text()}" for a in action.menu().actions() if a.text()]
        elif action.text():
            found.append(action.text())
    return found


def test_right_click_menus_offer_what_applies_there(window):
    menus = window.context_menus
    card = actions(menus.build("touchpoint", "t1", QPointF()))
    assert {"Rename", "Edit in Inspector", "Delete", "Feeling/Very positive"} <= set(card)
    stage = actions(menus.build("stage", "s-sales", QPointF()))
    assert {
        "Rename stage",
        "Add stage before",
        "Add stage after",
        "Move right",
        "Remove stage…",
    } <= set(stage)
    lane = actions(menus.build("department", "d-sales", QPointF()))
    assert {
        "Rename department",
        "Colour/Custom colour…",
        "Add department below",
        "Remove department…",
    } <= set(lane)
    lanes = window.scene.layout.lanes_area
    empty = actions(menus.build("canvas", None, QPointF(lanes.x + 5, lanes.y + 5)))
    assert {"Add touchpoint here", "Add stage", "Add department", "Edit the map…"} <= set(empty)


def test_menu_entries_do_their_edit(window):
    menu = window.context_menus.build("stage", "s-sales", QPointF())
    next(a for a in menu.actions() if a.text() == "Add stage before").trigger()
    assert names(window, "stage")[0] == "New stage"
    menu = window.context_menus.build("touchpoint", "t1", QPointF())
    feeling = next(a for a in menu.actions() if a.text() == "Feeling").menu()
    next(a for a in feeling.actions() if a.text() == "Very negative").trigger()
    assert window.document.touchpoint("t1").feeling == -2


def test_a_card_tooltip_shows_full_title_and_annotations_escaped(journey):
    tp = journey.touchpoints[1]
    tp.title = "Bill <b>AT&T</b>"
    tip = touchpoint_tip(journey, tp)
    assert "Bill &lt;b&gt;AT&amp;T&lt;/b&gt;" in tip
    assert "Charged for a week before install" in tip and "Billing starts at order" in tip


@pytest.mark.parametrize("choice", ["", "retail-store-visit"])
def test_file_new_offers_a_blank_map_or_a_template(monkeypatch, window, choice):
    def accept(dialog):
        for row in range(dialog.choices.count()):
            if dialog.choices.item(row).data(Qt.ItemDataRole.UserRole) == choice:
                dialog.choices.setCurrentRow(row)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewMapDialog, "exec", accept)
    window.new_map()
    journey = window.document.journey
    if choice == "":
        assert len(journey.stages) == 1 and len(journey.departments) == 1
        assert journey.touchpoints == []
    else:
        assert journey.title.startswith("Store visit")
    assert window.document.path is None and window.windowTitle().startswith("Untitled")
    assert QApplication.focusWidget() is window.view  # ready to type into


def test_blank_map_is_ready_to_type_into(qtbot, window, monkeypatch):
    monkeypatch.setattr(NewMapDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    window.new_map()
    window.palette.kind_activated.emit("")
    editor = window.view.title_editor
    assert editor.isVisible()
    qtbot.keyClicks(editor, "Sees an ad")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    (tp,) = window.document.journey.touchpoints
    assert tp.title == "Sees an ad" and tp.department_id == "department-1"


def test_only_delete_deletes_a_card(qtbot, window):
    window.scene.select_ids(["t1"])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Duplicate
    assert window.document.has_touchpoint("t1")
    window.scene.select_ids(["t1"])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.has_touchpoint("t1")
    assert [k.toString() for k in window.delete_action.shortcuts()] == ["Del"]


def test_the_map_has_the_keyboard_when_a_map_opens(qtbot):
    w = MainWindow()
    w.show()
    w.show_sample()
    qtbot.waitExposed(w)
    qtbot.wait(20)
    assert QApplication.focusWidget() is w.view
    w.close()
    w.deleteLater()


def press_drag_release(qtbot, window, start, end):
    view = window.view
    view.centerOn((start.x() + end.x()) / 2, (start.y() + end.y()) / 2)
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    for k in range(1, 6):
        qtbot.mouseMove(view.viewport(), a + (b - a) * (k / 5))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


def test_drag_a_stage_header_or_a_lane_label_to_reorder(qtbot, window):
    lay = window.scene.layout
    first, second = lay.stages[0].header, lay.stages[1].header
    before = dump(window)
    press_drag_release(
        qtbot,
        window,
        QPointF(first.x + 20, first.y + 20),
        QPointF(second.right - 10, second.y + 20),
    )
    assert names(window, "stage") == ["Monthly bill", "Sales"]
    assert window.document.undo_stack.count() == 1
    undo_back(window, before)
    window.undo()
    top, bottom = lay.lanes[0].label, lay.lanes[1].label
    press_drag_release(
        qtbot, window, QPointF(top.x + 40, top.center.y), QPointF(bottom.x + 40, bottom.bottom - 5)
    )
    assert names(window, "department") == ["Billing", "Sales"]


def test_a_department_goes_into_a_blueprint_layer_and_its_lane_moves_with_it(window):
    departments = window.structure.lists["department"]
    departments.select("d-billing")
    before = dump(window)
    layers = window.structure.layer_choice
    for dep, layer in (("d-billing", "customer"), ("d-sales", "backstage")):
        departments.select(dep)
        k = layers.findData(layer)
        layers.setCurrentIndex(k)
        layers.activated.emit(k)
    assert window.document.part("department", "d-billing").blueprint_layer == "customer"
    lay = window.scene.layout
    assert [lane.department_id for lane in lay.lanes] == ["d-billing", "d-sales"]
    assert [line.name for line in lay.blueprint_lines] == ["Line of visibility"]
    departments.select("d-billing")
    assert layers.currentData() == "customer"
    window.undo()
    window.undo()
    assert dump(window) == before
    assert window.scene.layout.blueprint_lines == []


def test_a_cards_menu_holds_its_stage_and_lane_menus_for_the_keyboard(window):
    """Menu or Shift+F10 on a card reaches every command of its stage and its lane."""
    tp = window.document.touchpoint("t1")
    stage = window.document.journey.stage(tp.stage_id).name
    lane = window.document.journey.department(tp.department_id).name
    card = actions(window.context_menus.build("touchpoint", "t1", QPointF()))
    assert f"Stage “{stage}”/Move right" in card
    assert f"Lane “{lane}”/Add department below" in card
    menu = window.context_menus.build("touchpoint", "t1", QPointF())
    lane_menu = next(a for a in menu.actions() if a.text().startswith("Lane")).menu()
    next(a for a in lane_menu.actions() if a.text() == "Move down").trigger()
    assert [d.name for d in window.document.journey.departments].index(lane) == 1
