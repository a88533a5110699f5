"""The canvas as a user works it: drop from the palette, drag cards and feelings, select, delete,
rename, zoom; every change one undo step that restores the exact previous model."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from cxmapper.app.window import MainWindow
from cxmapper.canvas.dragdata import TOUCHPOINT_MIME, encode_kind
from cxmapper.document.document import JourneyDocument
from cxmapper.model.templates import load_template


def snapshot(window):
    return window.document.journey.model_dump()


def viewport_point(window, x, y):
    window.view.centerOn(x, y)
    return window.view.mapFromScene(QPointF(x, y))


def card_center(window, tid):
    c = window.scene.layout.cards[tid].rect.center
    return c.x, c.y


def lane_of(window, department_id):
    return next(lane for lane in window.scene.layout.lanes if lane.department_id == department_id)


def drag(qtbot, window, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    """Press at scene point start, move in steps, release at end (all in one view position)."""
    view = window.view
    view.centerOn((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    a = view.mapFromScene(QPointF(*start))
    b = view.mapFromScene(QPointF(*end))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, modifier, a)
    for k in range(1, 6):
        qtbot.mouseMove(view.viewport(), a + (b - a) * (k / 5))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifier, b)


def send_drag(
    window,
    kind,
    scene_point,
    drop=True,
    actions=Qt.DropAction.CopyAction,
    modifiers=Qt.KeyboardModifier.NoModifier,
):
    view = window.view
    pos = viewport_point(window, *scene_point)
    mime = QMimeData()
    mime.setData(TOUCHPOINT_MIME, encode_kind(kind))
    button = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(pos, actions, mime, button, modifiers)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(pos, actions, mime, button, modifiers)
    QApplication.sendEvent(view.viewport(), move)
    shown = window.scene.indicator.isVisible()
    accepted = move.isAccepted()
    if drop:
        event = QDropEvent(QPointF(pos), actions, mime, button, modifiers)
        QApplication.sendEvent(view.viewport(), event)
        window.last_drop_action = event.dropAction()
    return accepted, shown


def test_the_scene_draws_every_touchpoint_and_feeling(window):
    journey = window.document.journey
    assert set(window.scene.cards) == {t.id for t in journey.touchpoints}
    assert set(window.scene.points) == {t.id for t in journey.touchpoints}  # unrated ones as "?"
    unrated = {tid for tid, item in window.scene.points.items() if item.point.feeling is None}
    assert unrated == {t.id for t in journey.touchpoints if t.feeling is None}
    assert window.scene.curve.path().elementCount() > 1


def test_dropping_from_the_palette_creates_a_touchpoint_where_dropped(window, qtbot):
    before = snapshot(window)
    # Between "Chooses the pack size" and "Pays at checkout" (Purchase), in the Billing lane.
    lay = window.scene.layout
    a, b = lay.cards["tp-chooses-pack"], lay.cards["tp-pays-online"]
    billing = lane_of(window, "dept-billing")
    accepted, shown = send_drag(window, "email", ((a.slot_x + b.slot_x) / 2, billing.rect.center.y))
    assert accepted and shown
    journey = window.document.journey
    assert len(journey.touchpoints) == len(before["touchpoints"]) + 1
    new = journey.touchpoints[-1]
    assert (new.stage_id, new.department_id, new.channel_id) == (
        "stage-purchase",
        "dept-billing",
        "email",
    )
    order = [t.id for t in journey.touchpoints_in_time_order() if t.stage_id == "stage-purchase"]
    assert order.index("tp-chooses-pack") < order.index(new.id) < order.index("tp-pays-online")
    assert new.id in window.scene.cards
    assert window.view.title_editor.isVisible()  # ready to type the touchpoint's name
    qtbot.keyClicks(window.view.title_editor, "Gets an invoice")
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Return)
    assert journey.touchpoints[-1].title == "Gets an invoice"
    assert window.document.undo_stack.count() == 1  # dropping and naming: one step
    assert window.document.undo_stack.undoText() == "Add touchpoint 'Gets an invoice'"
    window.document.undo_stack.undo()
    assert snapshot(window) == before
    assert new.id not in window.scene.cards
    window.document.undo_stack.redo()
    assert window.document.journey.touchpoints[-1].id == new.id
    assert window.document.journey.touchpoints[-1].title == "Gets an invoice"
    assert window.scene.selected_ids() == [new.id]  # what reappears is selected


def test_a_drop_outside_the_timeline_does_nothing(window):
    before = snapshot(window)
    lay = window.scene.layout
    for point in [
        (lay.timeline.x + 50, lay.emotion.center.y),
        (10, 10),
        (lay.lanes[0].label.center.x, lay.lanes[0].label.center.y),
    ]:
        accepted, shown = send_drag(window, "web", point)
        assert not accepted and not shown
    assert snapshot(window) == before
    assert window.document.undo_stack.count() == 0


def test_dragging_a_card_into_another_lane_changes_its_owner(window, qtbot):
    before = snapshot(window)
    start = card_center(window, "tp-sees-ad")
    support = lane_of(window, "dept-support")
    drag(qtbot, window, start, (start[0], support.rect.center.y))
    tp = window.document.touchpoint("tp-sees-ad")
    assert tp.department_id == "dept-support" and tp.stage_id == "stage-awareness"
    assert window.scene.layout.cards["tp-sees-ad"].rect.y > support.rect.y
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert snapshot(window) == before


def test_dragging_a_card_into_another_stage_and_later_in_time(window, qtbot):
    before = snapshot(window)
    lay = window.scene.layout
    start = card_center(window, "tp-sees-ad")
    pay = lay.cards["tp-pays-online"]
    drag(qtbot, window, start, (pay.rect.right - 8, start[1]))
    tp = window.document.touchpoint("tp-sees-ad")
    assert tp.stage_id == "stage-purchase"
    order = [t.id for t in window.document.journey.touchpoints_in_time_order()]
    assert order.index("tp-sees-ad") == order.index("tp-pays-online") + 1
    window.document.undo_stack.undo()
    assert snapshot(window) == before
    window.document.undo_stack.redo()
    assert window.document.touchpoint("tp-sees-ad").stage_id == "stage-purchase"


def test_several_selected_cards_move_together(window, qtbot):
    before = snapshot(window)
    view = window.view
    start = card_center(window, "tp-sees-ad")
    drag(qtbot, window, start, start)  # a click selects
    other = card_center(window, "tp-compares-reviews")
    view.centerOn(*other)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        view.mapFromScene(QPointF(*other)),
    )
    assert set(window.scene.selected_ids()) == {"tp-sees-ad", "tp-compares-reviews"}
    sales = lane_of(window, "dept-sales")
    drag(qtbot, window, start, (start[0], sales.rect.center.y))
    moved = {
        window.document.touchpoint(t).department_id for t in ("tp-sees-ad", "tp-compares-reviews")
    }
    assert moved == {"dept-sales"}
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert snapshot(window) == before


def test_escape_cancels_a_drag(window, qtbot):
    before = snapshot(window)
    view = window.view
    start = card_center(window, "tp-sees-ad")
    support = lane_of(window, "dept-support")
    view.centerOn(start[0], (start[1] + support.rect.center.y) / 2)
    a = view.mapFromScene(QPointF(*start))
    b = view.mapFromScene(QPointF(start[0], support.rect.center.y))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for k in range(1, 4):
        qtbot.mouseMove(view.viewport(), a + (b - a) * (k / 3))
    assert window.scene.indicator.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b
    )
    assert snapshot(window) == before
    assert not window.scene.indicator.isVisible()
    item = window.scene.cards["tp-sees-ad"]
    assert item.pos().y() == window.scene.layout.cards["tp-sees-ad"].rect.y


def test_dragging_a_face_sets_the_feeling_snapping_to_five_levels(window, qtbot):
    before = snapshot(window)
    point = window.scene.layout.points[0]
    tid = point.touchpoint_id
    assert window.document.touchpoint(tid).feeling == 0
    lay = window.scene.layout
    drag(qtbot, window, (point.center.x, point.center.y), (point.center.x, lay.level_y[-2] + 6))
    assert window.document.touchpoint(tid).feeling == -2
    assert window.scene.points[tid].pos().y() == lay.level_y[-2]
    window.document.undo_stack.undo()
    assert snapshot(window) == before


def test_select_and_delete_then_undo(window, qtbot):
    before = snapshot(window)
    view = window.view
    c = card_center(window, "tp-compares-reviews")
    drag(qtbot, window, c, c)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not window.document.has_touchpoint("tp-compares-reviews")
    assert (
        "tp-compares-reviews" not in window.scene.cards
        and "tp-compares-reviews" not in window.scene.points
    )
    window.document.undo_stack.undo()
    assert snapshot(window) == before
    assert "tp-compares-reviews" in window.scene.cards


def test_rubber_band_selects_several_cards(window, qtbot):
    view = window.view
    lay = window.scene.layout
    a, b = lay.cards["tp-sees-ad"].rect, lay.cards["tp-compares-reviews"].rect
    drag(qtbot, window, (a.x - 3, a.y - 4), (b.right + 3, b.bottom + 4))
    assert set(window.scene.selected_ids()) == {"tp-sees-ad", "tp-compares-reviews"}
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.document.undo_stack.count() == 1
    assert not window.document.has_touchpoint("tp-sees-ad")


def test_arrow_keys_walk_through_time_and_lanes(window, qtbot):
    view = window.view
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.scene.selected_ids() == ["tp-compares-reviews"]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert window.scene.selected_ids() == ["tp-sees-ad"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.document.touchpoint(window.scene.selected_ids()[0]).department_id == "dept-sales"


def test_enter_edits_the_title_in_place_and_escape_cancels(window, qtbot):
    view = window.view
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.title_editor
    assert editor.isVisible() and editor.selectedText() == "Sees a social media ad"
    qtbot.keyClicks(editor, "Sees a TV ad")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.document.touchpoint("tp-sees-ad").title == "Sees a social media ad"
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClicks(editor, "Sees a TV ad")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.touchpoint("tp-sees-ad").title == "Sees a TV ad"
    assert window.scene.cards["tp-sees-ad"].box.content.title_lines[0].startswith("Sees a TV")


def test_double_click_edits_the_title(window, qtbot):
    view = window.view
    c = card_center(window, "tp-sees-ad")
    view.centerOn(*c)
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(*c))
    )
    assert view.title_editor.isVisible()


def test_zoom_with_keys_and_ctrl_wheel_stays_within_limits(window, qtbot):
    view = window.view
    view.actual_size()
    view.zoom_in()
    assert view.zoom() == pytest.approx(1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() == pytest.approx(0.8)
    pos = QPointF(view.viewport().width() / 2, view.viewport().height() / 2)
    under = view.mapToScene(pos.toPoint())
    wheel = QWheelEvent(
        pos,
        view.viewport().mapToGlobal(pos),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(1.0)
    after = view.mapToScene(pos.toPoint())
    assert (
        abs(after.x() - under.x()) < 3 and abs(after.y() - under.y()) < 3
    )  # zoomed around the pointer
    for _ in range(40):
        view.zoom_in()
    assert view.zoom() == pytest.approx(6.0)
    view.fit_to_window()
    assert view.zoom() < 1


def test_palette_offers_a_blank_kind_and_one_per_channel(window):
    palette = window.palette
    assert palette.count() == 1 + len(window.document.journey.channels)
    mime = palette.mimeData([palette.item(2)])
    assert mime.hasFormat(TOUCHPOINT_MIME)
    assert bytes(mime.data(TOUCHPOINT_MIME).data()) == encode_kind(
        window.document.journey.channels[1].id
    )


def test_undo_and_redo_shortcuts_restore_exactly(window, qtbot):
    before = snapshot(window)
    start = card_center(window, "tp-sees-ad")
    drag(qtbot, window, start, (start[0], lane_of(window, "dept-billing").rect.center.y))
    after = snapshot(window)
    assert window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window) == before
    assert not window.isWindowModified()
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert snapshot(window) == after


def test_the_whole_map_paints_without_errors_and_cards_show(window):
    """Render every item (header, lanes, cards, faces, legend) into an image, as printing would."""
    from PySide6.QtGui import QColor, QImage, QPainter

    scene = window.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width() / 2), int(rect.height() / 2), QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    box = scene.layout.cards["tp-sees-ad"].rect
    stripe = image.pixelColor(int((box.x + box.w / 2) / 2), int((box.y + 8) / 2))
    assert stripe.name() == "#0072b2"  # the owner's colour (Marketing) across the card's top
    paper = image.pixelColor(int((box.right - 10) / 2), int((box.bottom - 12) / 2))
    assert paper.name() == "#ffffff"


def test_palette_enter_adds_after_the_selected_touchpoint(window, qtbot):
    window.scene.select_ids(["tp-sees-ad"])
    window.palette.kind_activated.emit("phone")
    journey = window.document.journey
    new = journey.touchpoints[-1]
    assert (new.stage_id, new.department_id, new.channel_id) == (
        "stage-awareness",
        "dept-marketing",
        "phone",
    )
    order = [t.id for t in journey.touchpoints_in_time_order()]
    assert order.index(new.id) == order.index("tp-sees-ad") + 1
    assert window.view.title_editor.isVisible()


def test_middle_button_and_space_drag_pan_the_view(window, qtbot):
    view = window.view
    view.zoom_by(2.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    vp = view.viewport()
    a, b = QPoint(600, 400), QPoint(500, 400)
    qtbot.mousePress(vp, Qt.MouseButton.MiddleButton, pos=a)
    qtbot.mouseMove(vp, b)
    qtbot.mouseRelease(vp, Qt.MouseButton.MiddleButton, pos=b)
    assert bar.value() == before + 100
    before_model = snapshot(window)
    qtbot.keyPress(view, Qt.Key.Key_Space)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=b)
    qtbot.mouseMove(vp, a)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=a)
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert bar.value() == before
    assert snapshot(window) == before_model  # panning over cards never moves them


def test_no_shortcut_is_listed_twice(window):
    """The same key twice on one action makes Qt call it ambiguous and do nothing."""
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        keys = [k.toString() for k in action.shortcuts()]
        assert len(keys) == len(set(keys)), (action.text(), keys)
    redo = [k.toString() for k in window.redo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in redo and "Ctrl+Y" in redo


def test_an_edit_during_a_drag_ends_the_drag_cleanly(window, qtbot):
    view = window.view
    start = card_center(window, "tp-sees-ad")
    window.scene.select_ids(["tp-sees-ad", "tp-compares-reviews"])
    view.centerOn(*start)
    a = view.mapFromScene(QPointF(*start))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), a + QPoint(30, 90))
    qtbot.mouseMove(view.viewport(), a + QPoint(60, 180))
    assert window.scene.indicator.isVisible()
    window.delete_action.trigger()  # Delete pressed while the mouse button is still down
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=a + QPoint(60, 180))
    assert not window.document.has_touchpoint("tp-sees-ad")
    assert not window.scene.indicator.isVisible()
    for tid, item in window.scene.cards.items():
        box = window.scene.layout.cards[tid].rect
        assert (item.pos().x(), item.pos().y()) == (box.x, box.y), tid
    assert not window.document.has_touchpoint("tp-compares-reviews")  # selected: deleted too


def test_cards_at_the_same_time_moved_into_a_gap_stay_together(window, qtbot):
    journey = window.document.journey
    window.document.move_touchpoints(
        {"tp-compares-reviews": ("stage-awareness", 0.0, "dept-sales")}
    )
    assert {
        journey.touchpoints[0].position,
        window.document.touchpoint("tp-compares-reviews").position,
    } == {0.0}
    window.scene.select_ids(["tp-sees-ad", "tp-compares-reviews"])
    lay = window.scene.layout
    a, b = lay.cards["tp-chooses-pack"], lay.cards["tp-pays-online"]
    start = card_center(window, "tp-sees-ad")
    drag(qtbot, window, start, ((a.slot_x + b.slot_x) / 2, start[1]))
    moved = [window.document.touchpoint(t) for t in ("tp-sees-ad", "tp-compares-reviews")]
    assert {t.stage_id for t in moved} == {"stage-purchase"}
    assert moved[0].position == moved[1].position  # still at the same time


def test_a_dragged_along_card_that_would_leave_the_lanes_stays_in_its_stage(window, qtbot):
    window.scene.select_ids(["tp-sees-ad", "tp-chooses-pack"])
    start = card_center(window, "tp-chooses-pack")
    marketing = lane_of(window, "dept-marketing")
    drag(qtbot, window, start, (start[0], marketing.rect.center.y))
    assert window.document.touchpoint("tp-chooses-pack").department_id == "dept-marketing"
    sees = window.document.touchpoint("tp-sees-ad")
    assert (sees.stage_id, sees.department_id) == ("stage-awareness", "dept-marketing")


def test_a_palette_drop_is_always_a_copy(window):
    lay = window.scene.layout
    point = (lay.cards["tp-sees-ad"].slot_x, lane_of(window, "dept-billing").rect.center.y)
    both = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    send_drag(window, "web", point, actions=both, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert (
        window.last_drop_action == Qt.DropAction.CopyAction
    )  # Shift must not take it from the palette


def test_adding_from_the_palette_scrolls_the_new_card_into_view(window, qtbot):
    view = window.view
    view.actual_size()
    last = window.scene.layout.time_order[-1]
    window.scene.select_ids([last])
    view.horizontalScrollBar().setValue(0)
    window.palette.kind_activated.emit("email")
    editor = view.title_editor
    assert editor.isVisible()
    assert view.viewport().rect().intersects(editor.geometry())


def test_delete_in_the_palette_does_not_delete_cards(window, qtbot):
    window.scene.select_ids(["tp-sees-ad"])
    window.palette.setFocus()
    qtbot.keyClick(window.palette, Qt.Key.Key_Delete)
    assert window.document.has_touchpoint("tp-sees-ad")


def test_undoing_a_delete_selects_what_comes_back(window, qtbot):
    window.scene.select_ids(["tp-sees-ad", "tp-compares-reviews"])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    window.document.undo_stack.undo()
    assert set(window.scene.selected_ids()) == {"tp-sees-ad", "tp-compares-reviews"}


def test_arrow_down_reaches_a_card_stacked_below_first(window, qtbot):
    window.document.move_touchpoints(
        {"tp-compares-reviews": ("stage-awareness", 0.0, "dept-marketing")}
    )
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    assert window.scene.selected_ids() == ["tp-compares-reviews"]


def test_an_unrated_touchpoint_is_rated_by_dragging_its_question_mark(window, qtbot):
    tid = "tp-registers-warranty"
    assert window.document.touchpoint(tid).feeling is None
    item = window.scene.points[tid]
    lay = window.scene.layout
    drag(qtbot, window, (item.pos().x(), item.pos().y()), (item.pos().x(), lay.level_y[1]))
    assert window.document.touchpoint(tid).feeling == 1
    window.document.undo_stack.undo()
    assert window.document.touchpoint(tid).feeling is None


def test_a_map_without_departments_still_takes_drops(qtbot, tmp_path):
    from cxmapper.model.journey import JourneyMap, Stage

    w = MainWindow()
    w.set_document(JourneyDocument(JourneyMap(title="Blank", stages=[Stage(id="s", name="Start")])))
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert [lane.department_id for lane in w.scene.layout.lanes] == [None]
    lane = w.scene.layout.lanes[0].rect
    accepted, _ = send_drag(w, "", (w.scene.layout.stages[0].column.center.x, lane.center.y))
    assert accepted and len(w.document.journey.touchpoints) == 1
    w.document.undo_stack.setClean()
    w.close()


def test_opening_another_map_lets_the_old_one_go(window, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    from cxmapper.model.fileformat import save_map

    first = window.document
    path = tmp_path / "other.json"
    save_map(load_template("retail-store-visit"), path)
    assert window.files.open_path(str(path))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(JourneyDocument) == [window.document]
    assert window.document is not first
    assert window.undo_action.text() == "&Undo"


def test_undo_text_shows_ampersands_literally(window):
    window.document.set_fields("touchpoint", ["tp-sees-ad"], {"title": "Q&A session"})
    window.document.set_fields("touchpoint", ["tp-sees-ad"], {"title": "Questions"})
    assert window.undo_action.text() == "&Undo Rename touchpoint 'Q&&A session'"


def test_save_as_suggests_a_file_name_any_system_accepts():
    from cxmapper.app.file_actions import file_name_for

    assert (
        file_name_for("Product lifecycle: first ad / renewal?")
        == "Product lifecycle- first ad - renewal"
    )
    assert file_name_for("...") == "journey map"


def test_undo_puts_every_stage_back_where_it_was(window):
    def columns():
        return [(st.column.x, st.column.w) for st in window.scene.layout.stages]

    before = columns()
    doc = window.document
    doc.set_fields(
        "touchpoint",
        ["tp-sees-ad"],
        {"stage_id": "stage-registration", "department_id": "dept-sales"},
    )
    moved = columns()
    assert moved != before  # Registration grew to take the card
    doc.set_fields("touchpoint", ["tp-creates-account"], {"feeling": 2})
    doc.undo()
    assert columns() == moved
    doc.undo()
    assert columns() == before  # not a stage wider than it was
    doc.redo()
    assert columns() == moved


def test_zooming_out_on_a_map_that_fits_leaves_no_offset_for_later(qtbot):
    """A zoom keeps a plain scale: shrinking the window after zooming out on a map that fitted
    gives scroll bars that start at the map's edge, not off it."""
    from factories import close_quietly, map_window, small_map

    window = next(map_window(qtbot, small_map()))
    try:
        view = window.view
        window.resize(1800, 1200)
        qtbot.wait(50)
        view.zoom_by(0.5)
        assert (view.transform().dx(), view.transform().dy()) == (0, 0)
        window.resize(500, 400)
        qtbot.wait(50)
        view.zoom_by(3.0)
        assert view.horizontalScrollBar().minimum() == 0 == view.verticalScrollBar().minimum()
    finally:
        close_quietly(window)


def test_re_rating_a_card_moves_its_face_without_laying_out_the_map_again(window):
    lay = window.scene.layout
    tid = lay.points[0].touchpoint_id
    feeling = lay.points[0].feeling
    new = -2 if feeling != -2 else 2
    window.document.set_feeling(tid, new)
    after = window.scene.layout
    assert after.stages is lay.stages and after.lanes is lay.lanes  # not laid out anew
    face = window.scene.points[tid]
    assert face.pos().y() == pytest.approx(after.level_y[new])
    assert after.cards[tid].content.feeling == new
    window.document.undo()
    assert window.scene.points[tid].pos().y() == pytest.approx(lay.level_y[feeling])
