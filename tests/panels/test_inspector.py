"""The Inspector as a user works it: every field of a touchpoint, several at once, the map and
persona; edits apply as you type, one undo step per field and pause; refused values are
explained beside the field."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


def select(window, *ids):
    window.scene.select_ids(list(ids))


def field(window, name, kind="touchpoint"):
    inspector = window.inspector
    form = inspector.touchpoint_form if kind == "touchpoint" else inspector.map_form
    return form.field(kind, name)


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_nothing_selected_shows_the_map_and_one_selected_shows_the_touchpoint(window):
    assert window.inspector.pages.currentWidget() is window.inspector.map_form
    assert field(window, "title", "map").editor.text() == "Broadband, first month"
    assert field(window, "name", "persona").editor.text() == "Ana"
    select(window, "t2")
    assert window.inspector.pages.currentWidget() is window.inspector.touchpoint_form
    assert field(window, "title").editor.text() == "Monthly bill"
    assert field(window, "root_cause").editor.toPlainText() == "Billing starts at order"
    assert field(window, "pain_points").editor.toPlainText() == "Charged for a week before install"
    assert field(window, "expectation").editor.currentData() == "below"
    assert field(window, "feeling").buttons[-2].isChecked()


def test_typing_a_description_applies_as_you_type_in_one_undo_step(qtbot, window):
    select(window, "t1")
    before = window.document.journey.model_dump()
    editor = field(window, "description").editor
    type_into(qtbot, editor, "Reads three sites")
    assert window.document.touchpoint("t1").description == "Reads three sites"
    assert window.document.undo_stack.count() == 1
    assert window.undo_action.text() == "&Undo Change description of touchpoint 'Compares offers'"
    window.undo()
    assert window.document.journey.model_dump() == before
    assert editor.toPlainText() == ""  # an undo updates the inspector


def test_a_pause_or_leaving_the_field_starts_a_new_undo_step(qtbot, window):
    select(window, "t1")
    editor = field(window, "emotion").editor
    editor.selectAll()
    type_into(qtbot, editor, "glad")
    window.inspector._pause.timeout.emit()  # the pause after typing
    qtbot.keyClicks(editor, "!")
    assert window.document.touchpoint("t1").emotion == "glad!"
    assert window.document.undo_stack.count() == 2
    editor.editingFinished.emit()  # leaving the field
    qtbot.keyClicks(editor, "?")
    assert window.document.undo_stack.count() == 3


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("stage_id", "s-bill", "s-bill"),
        ("channel_id", "mail", "mail"),
        ("channel_id", None, None),
        ("department_id", "d-billing", "d-billing"),
        ("department_id", None, None),
        ("expectation", "exceeded", "exceeded"),
        ("evidence", "observed", "observed"),
        ("evidence", None, None),
        ("future_state", "removed", "removed"),
    ],
)
def test_choices_change_the_touchpoint_and_undo(window, name, value, expected):
    select(window, "t1")
    before = window.document.journey.model_dump()
    combo = field(window, name).editor
    k = combo.findData(value)
    assert k >= 0
    combo.setCurrentIndex(k)
    combo.activated.emit(k)
    assert getattr(window.document.touchpoint("t1"), name) == expected
    window.undo()
    assert window.document.journey.model_dump() == before


def test_feeling_faces_and_not_rated(qtbot, window):
    select(window, "t1")
    buttons = field(window, "feeling").buttons
    qtbot.mouseClick(buttons[-2], Qt.MouseButton.LeftButton)
    assert window.document.touchpoint("t1").feeling == -2
    assert window.scene.points["t1"].point.feeling == -2  # the canvas updates at once
    qtbot.mouseClick(buttons[None], Qt.MouseButton.LeftButton)
    assert window.document.touchpoint("t1").feeling is None


def test_lists_are_one_item_per_line(qtbot, window):
    select(window, "t1")
    for name in ("pain_points", "opportunities", "quotes"):
        editor = field(window, name).editor
        editor.setFocus()
        editor.setPlainText("First\n\n  Second  \n")
        assert getattr(window.document.touchpoint("t1"), name) == ["First", "Second"]


def test_text_fields_and_checks(qtbot, window):
    select(window, "t1")
    type_into(qtbot, field(window, "root_cause").editor, "No comparison page")
    qtbot.mouseClick(field(window, "moment_of_truth").editor, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(field(window, "partner_owned").editor, Qt.MouseButton.LeftButton)
    tp = window.document.touchpoint("t1")
    assert tp.root_cause == "No comparison page"
    assert tp.moment_of_truth and tp.partner_owned


def test_contributing_departments(window):
    select(window, "t1")
    departments = field(window, "contributing_department_ids").editor
    billing = departments.item(1)
    billing.setCheckState(Qt.CheckState.Checked)
    assert window.document.touchpoint("t1").contributing_department_ids == ["d-billing"]
    billing.setCheckState(Qt.CheckState.Unchecked)
    assert window.document.touchpoint("t1").contributing_department_ids == []


def test_title_typing_renames_the_card_and_an_empty_title_is_explained(qtbot, window):
    select(window, "t1")
    title = field(window, "title")
    title.editor.setFocus()
    title.editor.selectAll()
    qtbot.keyClicks(title.editor, "Reads reviews")
    assert window.scene.layout.cards["t1"].content.title_lines[0].startswith("Reads")
    title.editor.selectAll()
    qtbot.keyClick(title.editor, Qt.Key.Key_Delete)
    assert window.document.touchpoint("t1").title == "Reads reviews"
    assert title.error.isVisibleTo(window.inspector)
    assert title.error.text() == "Must not be empty"
    title.editor.editingFinished.emit()  # leaving the field puts the map's value back
    assert title.editor.text() == "Reads reviews"


def test_pasting_several_lines_into_a_name_joins_them(qtbot, window):
    select(window, "t1")
    title = field(window, "title").editor
    title.setFocus()
    title.selectAll()
    QGuiApplication.clipboard().setText("Calls the\nhelpline")
    title.paste()
    title.editingFinished.emit()
    assert window.document.touchpoint("t1").title in ("Calls the helpline", "Calls thehelpline")
    assert not field(window, "title").error.isVisibleTo(window.inspector)


def test_several_selected_share_fields_show_mixed_and_edit_together(qtbot, window):
    select(window, "t1", "t2")
    assert window.inspector.touchpoint_form.heading.text() == "2 touchpoints selected"
    assert field(window, "emotion").editor.placeholderText() == "Mixed"
    assert field(window, "expectation").editor.currentIndex() == -1
    assert not any(b.isChecked() for b in field(window, "feeling").buttons.values())
    before = window.document.journey.model_dump()
    type_into(qtbot, field(window, "emotion").editor, "tired")
    assert {window.document.touchpoint(t).emotion for t in ("t1", "t2")} == {"tired"}
    assert window.document.undo_stack.count() == 1
    window.undo()
    assert window.document.journey.model_dump() == before


def test_a_canvas_edit_updates_the_inspector(window):
    select(window, "t1")
    window.document.set_feeling("t1", 2)
    window.document.set_fields("touchpoint", ["t1"], {"title": "Renamed on the map"})
    assert field(window, "feeling").buttons[2].isChecked()
    assert field(window, "title").editor.text() == "Renamed on the map"


def test_the_map_and_persona_fields(qtbot, window):
    before = window.document.journey.model_dump()
    title = field(window, "title", "map").editor
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Switching provider")
    type_into(qtbot, field(window, "scenario", "map").editor, " fast")
    type_into(qtbot, field(window, "description", "map").editor, "About")
    name = field(window, "name", "persona").editor
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Bea")
    type_into(qtbot, field(window, "description", "persona").editor, " a lot")
    goals = field(window, "goals", "persona").editor
    goals.setFocus()
    goals.setPlainText("Pay less\nNo visits")
    journey = window.document.journey
    assert journey.title == "Switching provider"
    assert " fast" in journey.scenario and journey.description == "About"
    assert journey.persona.name == "Bea" and journey.persona.goals == ["Pay less", "No visits"]
    assert window.scene.layout.header.title == "Switching provider"  # the canvas header too
    while window.document.undo_stack.canUndo():
        window.undo()
    assert window.document.journey.model_dump() == before


def test_every_field_is_reachable_with_tab_in_form_order(qtbot, window):
    select(window, "t1")
    fields = window.inspector.touchpoint_form.fields
    first = fields[0].editor
    first.setFocus()
    seen = [first]
    widget = first
    for _ in range(40):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(
            window
        ):
            widget = widget.nextInFocusChain()
        seen.append(widget)
    editors = [f.editor for f in fields]
    order = []
    for w in seen:
        for k, editor in enumerate(editors):
            if (w is editor or editor.isAncestorOf(w)) and k not in order:
                order.append(k)
    assert order == list(range(len(editors)))


def test_evidence_sources_and_the_future_state(qtbot, window):
    select(window, "t1")
    evidence = field(window, "evidence").editor
    k = evidence.findData("assumed")
    evidence.setCurrentIndex(k)
    evidence.activated.emit(k)
    sources = field(window, "sources").editor
    sources.setFocus()
    sources.setPlainText("interview 7\n\nNPS survey Q3\n")
    qtbot.mouseClick(field(window, "future_feeling").buttons[2], Qt.MouseButton.LeftButton)
    type_into(qtbot, field(window, "future_note").editor, "Offers compared on one page")
    tp = window.document.touchpoint("t1")
    assert tp.evidence == "assumed"
    assert tp.sources == ["interview 7", "NPS survey Q3"]
    assert tp.future_feeling == 2 and tp.future_note == "Offers compared on one page"
    card = window.scene.cards["t1"].box.content
    assert card.evidence == "assumed" and card.evidence_box is not None  # on the card at once
    assert window.scene.points["t1"].point.feeling == tp.feeling  # today's face stays


def test_hands_off_to_lists_the_cards_after_it_and_draws_the_arrow(window):
    select(window, "t1")
    handoffs = field(window, "leads_to").editor
    listed = [handoffs.item(r).data(Qt.ItemDataRole.UserRole) for r in range(handoffs.count())]
    assert listed == ["t2"]  # not itself
    handoffs.item(0).setCheckState(Qt.CheckState.Checked)
    assert window.document.touchpoint("t1").leads_to == ["t2"]
    arrows = window.scene.layout.handoffs
    assert [(h.from_id, h.to_id) for h in arrows] == [("t1", "t2")]
    window.undo()
    assert window.document.touchpoint("t1").leads_to == []
    assert window.scene.layout.handoffs == []
    assert handoffs.item(0).checkState() == Qt.CheckState.Unchecked


def test_the_wheel_scrolls_the_inspector_past_a_drop_down_and_changes_nothing(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    select(window, "t1")
    combo = field(window, "expectation").editor
    before = window.document.touchpoint("t1").expectation
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(combo.mapToGlobal(combo.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert window.document.touchpoint("t1").expectation == before
    assert not wheel.isAccepted()  # left to the scroll area
    assert field(window, "future_feeling").buttons[None].text() == "="  # "as today"


def test_the_map_form_does_not_get_the_touchpoint_forms_length(window, qtbot):
    inspector = window.inspector
    window.inspector_dock.show()
    window.inspector_dock.raise_()
    select(window, "t1")
    qtbot.wait(20)
    assert inspector.verticalScrollBar().maximum() > 0  # the touchpoint's many fields scroll
    select(window)  # nothing selected: the map's few fields, and no blank length under them
    qtbot.wait(20)
    assert inspector.verticalScrollBar().maximum() == 0  # it fits: nothing to scroll to


def test_a_name_past_the_limit_is_explained_not_cut_without_a_word(qtbot, window):
    select(window, "t1")
    title = field(window, "title")
    title.editor.setFocus()
    title.editor.selectAll()
    long_name = "A name the room called out " * 10  # 270 characters
    QGuiApplication.clipboard().setText(long_name)
    title.editor.paste()
    assert title.editor.text() == long_name  # all of it still there to shorten
    assert window.document.touchpoint("t1").title != long_name.strip()
    assert "too long (at most 200 characters)" in title.error.text()
    title.editor.editingFinished.emit()
    assert "Title not changed: Is too long" in window.statusBar().currentMessage()


def test_a_one_line_field_shows_the_beginning_of_its_value(window):
    journey_title = window.document.journey.title
    select(window)
    title = field(window, "title", kind="map")
    assert title.editor.text() == journey_title
    assert title.editor.cursorPosition() == 0


def test_tab_into_a_text_box_puts_the_caret_after_its_text(qtbot, window):
    select(window, "t1")
    window.document.set_field("touchpoint", "t1", "description", "Already said")
    title = field(window, "title").editor
    description = field(window, "description").editor
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(description.hasFocus)
    assert description.textCursor().position() == len("Already said")
    assert description.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
