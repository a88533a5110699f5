"""The future state on the canvas: View > Emotion Curves, the dashed curve, faces that set the
future feeling, handoff arrows and the blueprint's lines."""

from PySide6.QtCore import Qt
from test_canvas import drag

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def test_the_curves_menu_shows_the_future_and_a_face_dragged_sets_the_future_feeling(window, qtbot):
    doc, view = window.document, window.view
    tid = window.scene.layout.points[0].touchpoint_id
    feeling = doc.touchpoint(tid).feeling
    qtbot.keyClick(view, Qt.Key.Key_2, CTRL_ALT)  # View > Emotion Curves > Future State
    assert doc.journey.curves == "future"
    assert window.curves_menu.actions["future"].isChecked()
    lay = window.scene.layout
    point = next(p for p in lay.points if p.touchpoint_id == tid)
    assert point.field == "future_feeling"
    assert window.scene.curve.pen().dashPattern()  # the future's curve is dashed
    drag(qtbot, window, (point.center.x, point.center.y), (point.center.x, lay.level_y[2] + 4))
    assert doc.touchpoint(tid).future_feeling == 2
    assert doc.touchpoint(tid).feeling == feeling  # today's stays as it was
    doc.undo()
    assert doc.touchpoint(tid).future_feeling is None
    qtbot.keyClick(view, Qt.Key.Key_3, CTRL_ALT)
    assert doc.journey.curves == "both"
    assert window.scene.layout.future_points  # the second curve
    assert window.scene.overlay.boundingRect().width() > 0
    assert not window.scene.curve.pen().dashPattern()  # today's solid again
    doc.undo()
    doc.undo()
    assert doc.journey.curves == "current"
    assert window.curves_menu.actions["current"].isChecked()


def test_handoff_arrows_and_blueprint_lines_are_drawn_on_screen(window, qtbot):
    doc = window.document
    doc.set_field("touchpoint", "tp-sees-ad", "leads_to", ["tp-compares-reviews"])
    assert [(h.from_id, h.to_id) for h in window.scene.layout.handoffs] == [
        ("tp-sees-ad", "tp-compares-reviews")
    ]
    assert window.scene.overlay.boundingRect().width() > 0
    doc.set_field("department", "dept-support", "blueprint_layer", "backstage")
    lay = window.scene.layout
    # the one backstage lane first; the lanes in no layer after, under a line of their own
    assert lay.lanes[0].department_id == "dept-support"
    assert [line.name for line in lay.blueprint_lines] == [
        "Line of visibility",
        "No blueprint layer",
    ]


def test_hand_off_in_order_links_the_selected_cards_and_remove_handoffs_unlinks(window, qtbot):
    doc = window.document
    ids = [t.id for t in doc.journey.touchpoints_in_time_order()][:3]
    window.scene.select_ids(list(reversed(ids)))  # in time order whatever the clicks' order
    window.view.setFocus()
    steps = doc.undo_stack.count()
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert doc.touchpoint(ids[0]).leads_to == [ids[1]]
    assert doc.touchpoint(ids[1]).leads_to == [ids[2]]
    assert doc.undo_stack.count() == steps + 1
    assert len(window.scene.layout.handoffs) == 2
    window.scene.select_ids([ids[1]])
    window.handoffs.unlink.trigger()
    assert doc.touchpoint(ids[0]).leads_to == [] and doc.touchpoint(ids[1]).leads_to == []
    doc.undo()
    assert doc.touchpoint(ids[0]).leads_to == [ids[1]]


def test_a_card_dropped_on_a_blueprint_line_lands_in_the_nearer_lane(window):
    from cxmapper.layout.drop import drop_target

    doc = window.document
    doc.set_field("department", "dept-support", "blueprint_layer", "backstage")
    doc.set_field("department", "dept-marketing", "blueprint_layer", "frontstage")
    lay = window.scene.layout
    line = lay.blueprint_lines[-1]
    above = drop_target(lay, lay.stages[0].column.center.x, line.band.y + 1)
    below = drop_target(lay, lay.stages[0].column.center.x, line.band.bottom - 1)
    lanes = [lane.department_id for lane in lay.lanes]
    k = next(i for i, lane in enumerate(lay.lanes) if lane.rect.y >= line.band.bottom)
    assert above.department_id == lanes[k - 1] and below.department_id == lanes[k]
