"""One selection a map, shared: a selection made through the model is shown by the Inspector
and by the cards (and their faces), a click on the map is the model's too, and a touchpoint
deleted leaves it; each change is announced once."""

from PySide6.QtCore import QPointF, Qt

from cxmapper.model.selection import Selection


def selected_cards(window) -> set[str]:
    return {tid for tid, item in window.scene.cards.items() if item.isSelected()}


def click_card(qtbot, window, tid, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = window.view
    centre = window.scene.layout.cards[tid].rect.center
    view.centerOn(centre.x, centre.y)
    at = view.mapFromScene(QPointF(centre.x, centre.y))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, at)


def test_the_inspector_and_the_cards_follow_a_selection_made_through_the_model(window):
    selection = window.selection
    assert isinstance(selection, Selection)
    assert window.view.selection is selection and window.scene.selection is selection
    selection.select(["tp-pays-online"])
    inspector = window.inspector
    assert inspector.pages.currentWidget() is inspector.touchpoint_form
    assert inspector.choice("title").editor.text() == "Pays at checkout"
    assert selected_cards(window) == {"tp-pays-online"}
    assert window.scene.points["tp-pays-online"].highlighted
    selection.select(["tp-unboxes", "tp-sees-ad"])
    assert inspector.ids == ["tp-sees-ad", "tp-unboxes"]  # in time order
    assert inspector.touchpoint_form.heading.text() == "2 touchpoints selected"
    assert selected_cards(window) == {"tp-sees-ad", "tp-unboxes"}
    assert not window.scene.points["tp-pays-online"].highlighted
    selection.clear()
    assert inspector.form is inspector.map_form
    assert selected_cards(window) == set()


def test_a_click_and_a_ctrl_click_on_the_map_select_through_the_model(window, qtbot):
    heard = []
    window.selection.subscribe(heard.append)
    click_card(qtbot, window, "tp-tracks-parcel")
    assert window.selection.ids == ["tp-tracks-parcel"]
    assert window.inspector.ids == ["tp-tracks-parcel"]
    click_card(qtbot, window, "tp-chooses-pack", Qt.KeyboardModifier.ControlModifier)
    assert window.selection.ids == ["tp-chooses-pack", "tp-tracks-parcel"]
    assert selected_cards(window) == {"tp-chooses-pack", "tp-tracks-parcel"}
    assert heard == [["tp-tracks-parcel"], ["tp-chooses-pack", "tp-tracks-parcel"]]
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.selection.is_empty() and selected_cards(window) == set()


def test_select_all_is_one_announcement_in_the_maps_time_order(window):
    heard = []
    window.selection.subscribe(heard.append)
    window.select_all()
    assert len(heard) == 1
    assert heard[0] == window.scene.layout.time_order == window.selection.order
    assert selected_cards(window) == set(window.scene.cards)


def test_a_deleted_touchpoint_leaves_the_selection_and_undo_brings_it_back(window):
    selection = window.selection
    selection.select(["tp-unboxes", "tp-creates-account"])
    heard = []
    selection.subscribe(heard.append)
    window.document.delete_touchpoints(["tp-unboxes"])
    assert selection.ids == ["tp-creates-account"]
    assert "tp-unboxes" not in selection.order
    assert heard == [["tp-creates-account"]]  # once
    assert window.inspector.ids == ["tp-creates-account"]
    window.undo()
    assert selection.ids == ["tp-unboxes"]  # what comes back comes back selected
    assert selected_cards(window) == {"tp-unboxes"}
    assert window.inspector.ids == ["tp-unboxes"]


def test_another_map_in_the_window_brings_a_selection_of_its_own(window):
    old = window.selection
    old.select(["tp-unboxes"])
    window.show_sample()
    assert window.selection is not old and window.selection.is_empty()
    assert window.inspector.form is window.inspector.map_form
    old.select(["tp-sees-ad"])  # the old map's selection no longer reaches the Inspector
    assert window.inspector.ids == []
