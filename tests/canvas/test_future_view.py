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
