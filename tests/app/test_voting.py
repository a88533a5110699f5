"""Dot voting on the projector (issue 20): Map > Start Vote, a dot a keystroke or a click, one
undo step each, people taking turns with their dots, saved with the map, results by dots."""

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cxmapper.app.help import shortcut_rows
from cxmapper.app.vote_dialog import VoteDialog
from cxmapper.app.vote_results import VoteResults
from cxmapper.canvas.scene import FAINT
from cxmapper.document.document import JourneyDocument
from cxmapper.model.fileformat import load_map
from cxmapper.model.templates import load_template

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def room(blueprint):
    return blueprint


def focused():
    return QApplication.focusWidget()


def in_time(w, with_pain=True):
    doc = w.document
    order = w.scene.layout.time_order
    return [t for t in order if not with_pain or doc.touchpoint(t).pain_points]


def dots(w, tid, topic="pain_points"):
    return w.document.touchpoint(tid).votes.get(topic, 0)


def test_a_room_votes_from_the_keyboard_each_dot_one_undo_step(room, qtbot):
    doc = room.document
    painful = in_time(room)
    assert 3 <= len(painful) < len(room.scene.layout.time_order)  # some cards are left out
    room.votes.start("pain_points", 2)
    assert room.scene.selected_ids() == [painful[0]]  # the first card voted on, chosen
    steps = doc.undo_stack.count()
    # Person 1: a dot on the first card, Right (past the cards without pain points), a dot.
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert room.scene.selected_ids() == [painful[1]]
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    assert "person 2" in room.votes.banner.text()  # their last dot handed over
    # Person 2: two dots on the same card.
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    assert [dots(room, t) for t in painful[:2]] == [1, 3]
    assert doc.undo_stack.count() == steps + 4
    assert doc.undo_stack.undoText().startswith("Vote for touchpoint")
    assert "pain points" in doc.undo_stack.undoText()
    assert not room.view.title_editor.isVisible()  # a V is a dot, never a rename
    # Shift+V takes one off: the last dot put on comes back to its person.
    assert "person 3" in room.votes.banner.text()
    qtbot.keyClick(focused(), Qt.Key.Key_V, SHIFT)
    assert dots(room, painful[1]) == 2
    assert "person 2" in room.votes.banner.text() and "1 dot left" in room.votes.banner.text()
    doc.undo()
    doc.undo()
    assert dots(room, painful[1]) == 2
    assert "person 2" in room.votes.banner.text()


def test_cards_left_out_are_faint_and_refuse_a_dot(room, qtbot):
    painless = [t for t in room.scene.layout.time_order if t not in in_time(room)]
    room.votes.start("pain_points", 3)
    assert room.scene.cards[painless[0]].opacity() == pytest.approx(FAINT)
    assert room.scene.cards[in_time(room)[0]].opacity() == 1.0
    room.scene.select_ids([painless[0]])
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    assert room.document.touchpoint(painless[0]).votes == {}
    assert "has no pain points to vote on" in room.statusBar().currentMessage()
    room.votes.end()
    assert all(item.opacity() == 1.0 for item in room.scene.cards.values())


def test_a_click_on_a_card_is_a_dot(room, qtbot):
    room.votes.start("touchpoints", 3)
    tid = room.scene.layout.time_order[3]
    item = room.scene.cards[tid]
    room.view.ensureVisible(item)
    qtbot.wait(10)
    centre = room.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(room.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert dots(room, tid, "touchpoints") == 1
    assert room.scene.selected_ids() == [tid]
    room.votes.end()
    qtbot.mouseClick(room.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert dots(room, tid, "touchpoints") == 1  # after the vote a click only selects


def test_a_person_has_only_their_dots_and_hands_over(room, qtbot):
    order = room.scene.layout.time_order
    room.votes.start("touchpoints", 3)
    room.scene.select_ids(order[:2])
    qtbot.keyClick(focused(), Qt.Key.Key_V)  # a dot on each of two cards
    assert [dots(room, t, "touchpoints") for t in order[:2]] == [1, 1]
    room.scene.select_ids(order[2:4])
    qtbot.keyClick(focused(), Qt.Key.Key_V)  # two more than the one dot left
    assert [dots(room, t, "touchpoints") for t in order[2:4]] == [0, 0]
    assert "Person 1 has 1 dot left" in room.statusBar().currentMessage()
    qtbot.keyClick(focused(), Qt.Key.Key_N)  # person 1 keeps their last dot
    assert "person 2" in room.votes.banner.text() and "3 dots left" in room.votes.banner.text()
    qtbot.keyClick(focused(), Qt.Key.Key_N)  # not before a dot
    assert "Person 2 has not put a dot" in room.statusBar().currentMessage()


def test_votes_are_saved_with_the_map_and_shown(room, qtbot, tmp_path):
    painful = in_time(room)
    room.votes.start("pain_points", 5)
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_V)
    room.votes.end()
    assert "3 dots" in room.statusBar().currentMessage()
    assert room.document.journey.votes_shown == "pain_points"
    path = tmp_path / "voted.json"
    room.document.save(path)
    saved = load_map(path)
    voted = {t.id: t.votes for t in saved.touchpoints if t.votes}
    assert voted == {painful[0]: {"pain_points": 3}}
    assert saved.votes_shown == "pain_points"
    assert (
        room.scene.layout.cards[painful[0]].content != room.scene.layout.cards[painful[1]].content
    )


def test_starting_a_vote_shows_its_dots_and_may_start_afresh(room, qtbot):
    doc = room.document
    room.votes.start("touchpoints", 3)
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    room.votes.end()
    steps = doc.undo_stack.count()
    room.votes.start("touchpoints", 3, afresh=True)
    assert all(not t.votes for t in doc.journey.touchpoints)
    assert doc.undo_stack.count() == steps + 1  # taking them off is one undo step
    assert doc.undo_stack.undoText() == "Start a vote on touchpoints"
    # An undo back past the start ends the vote (its dots are back).
    doc.undo()
    assert room.votes.round is None
    assert "before the vote began" in room.statusBar().currentMessage()
    assert sum(t.votes.get("touchpoints", 0) for t in doc.journey.touchpoints) == 1


def test_the_dialog_offers_what_the_map_can_vote_on(room, qtbot):
    journey = room.document.journey
    dialog = VoteDialog(journey, "pain_points", 3, room)
    assert dialog.topic() == "pain_points"
    assert dialog.dots.value() == 3
    assert not dialog.afresh.isVisibleTo(dialog)
    assert all(b.isEnabled() for b in dialog.buttons.values())
    dialog.buttons["opportunities"].setChecked(True)
    assert dialog.topic() == "opportunities"
    # A map whose cards have no opportunities cannot vote on them.
    bare = journey.model_copy(
        update={
            "touchpoints": [t.model_copy(update={"opportunities": []}) for t in journey.touchpoints]
        }
    )
    dialog = VoteDialog(bare, "opportunities", 3, room)
    assert not dialog.buttons["opportunities"].isEnabled()
    assert dialog.topic() == "touchpoints"


def test_start_vote_from_the_menu_with_its_keys(room, qtbot):
    chosen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VoteDialog)
        dialog.dots.setValue(4)
        chosen["topic"] = dialog.topic()
        dialog.accept()

    QTimer.singleShot(50, answer)
    qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert chosen["topic"] == "pain_points"  # the default: touchpoints with pain points
    assert room.votes.round is not None and room.votes.round.dots == 4
    room.activateWindow()  # (offscreen, the window is not given back its focus by itself)
    qtbot.wait(10)
    assert focused() is room.view
    qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert room.votes.round is None  # the same keys end it
    rows = {(keys, what) for _menu, keys, what in shortcut_rows(room)}
    assert ("V", "Vote for Selected Card") in rows
    assert ("Shift+V", "Take a Dot Off") in rows
    assert ("N", "Next Voter") in rows


def test_outside_a_vote_a_letter_still_renames(room, qtbot):
    tid = room.scene.layout.time_order[0]
    room.scene.select_ids([tid])
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    assert room.view.title_editor.isVisible()
    assert room.document.touchpoint(tid).votes == {}
    qtbot.keyClick(room.view.title_editor, Qt.Key.Key_Escape)
    assert not room.view.title_editor.isVisible()


def test_a_card_menu_holds_the_dot_while_voting(room, qtbot):
    tid = in_time(room)[0]
    room.votes.start("pain_points", 3)
    menu = room.context_menus.build("touchpoint", tid, QPointF(0, 0))
    texts = [a.text() for a in menu.actions()]
    assert "&Vote for Selected Card" in texts and "Take a &Dot Off" in texts
    next(a for a in menu.actions() if a.text() == "&Vote for Selected Card").trigger()
    assert dots(room, tid) == 1


def test_results_list_the_cards_by_dots(room, qtbot):
    order = in_time(room)
    room.votes.start("pain_points", 9)
    for tid, n in ((order[0], 1), (order[1], 4), (order[2], 2), (order[3], 2)):
        for _ in range(n):
            room.votes.vote([tid])
    results = VoteResults(room, "pain_points")
    rows = [results.table.topLevelItem(i) for i in range(results.table.topLevelItemCount())]
    ranks = [(r.text(0), r.text(1), r.text(2)) for r in rows]
    title = {t: room.document.touchpoint(t).title for t in order}
    assert ranks[0] == ("1", "4", title[order[1]])
    assert {ranks[1][2], ranks[2][2]} == {title[order[2]], title[order[3]]}
    assert ranks[1][0] == ranks[2][0] == "2"  # equal dots, equal rank
    assert ranks[3] == ("4", "1", title[order[0]])
    assert "9 dots on 4 cards" in results.said.text()
    results.table.itemActivated.emit(rows[0], 0)
    assert room.scene.selected_ids() == [order[1]]


def test_clear_votes_is_one_undo_step(room, qtbot, monkeypatch):
    room.votes.start("touchpoints", 3)
    for tid in room.scene.layout.time_order[:3]:
        room.votes.vote([tid])
    room.votes.end()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    room.votes.ask_and_clear()
    doc = room.document
    assert all(not t.votes for t in doc.journey.touchpoints)
    assert doc.undo_stack.undoText() == "Clear the votes on touchpoints"
    doc.undo()
    assert sum(t.votes.get("touchpoints", 0) for t in doc.journey.touchpoints) == 3


def test_view_chooses_which_votes_the_cards_show(room, qtbot):
    doc = room.document
    room.votes_menu.actions["opportunities"].trigger()
    assert doc.journey.votes_shown == "opportunities"
    assert doc.undo_stack.undoText() == "Show the votes on opportunities"
    doc.undo()
    assert doc.journey.votes_shown is None
    assert room.votes_menu.actions[None].isChecked()


def test_a_vote_ends_with_its_map(room, qtbot):
    room.votes.start("touchpoints", 3)
    room.set_document(JourneyDocument(load_template("retail-store-visit"), None))
    assert room.votes.round is None
    assert room.view.card_clicked is None
    assert room.votes.start_action.isEnabled()


def test_dots_from_a_wall_are_typed_into_the_inspector(room, qtbot):
    """A workshop voted with paper dots: the counts go in afterwards, by the card."""
    tid = in_time(room)[0]
    room.scene.select_ids([tid])
    field = room.inspector.touchpoint_form.field("touchpoint", "votes")
    box = field.boxes["pain_points"]
    box.setValue(7)
    box.editingFinished.emit()
    doc = room.document
    assert doc.touchpoint(tid).votes == {"pain_points": 7}
    room.scene.select_ids(in_time(room)[:2])  # different dots: not changed from here
    assert not field.editor.isEnabled()
    doc.undo()
    assert doc.touchpoint(tid).votes == {}


def test_the_banner_has_a_strip_of_its_own_under_the_map(room, qtbot):
    view = room.view
    height = view.viewport().height()
    room.votes.start("pain_points", 3)
    banner = room.votes.banner
    assert banner.isVisible() and banner.parent() is view
    assert view.viewport().height() < height  # the map made room for it
    assert not banner.geometry().intersects(view.viewport().geometry())  # no card under it
    assert banner.width() == view.viewport().width()
    room.votes.end()
    assert not banner.isVisible()
    assert view.viewport().height() == height


def test_each_dot_shows_on_its_card_at_once(room, qtbot):
    order = in_time(room)
    room.votes.start("pain_points", 9)
    assert not any(e.kind == "votes" for e in room.scene.layout.legend)
    room.votes.vote([order[0]])  # the first dot: the legend names the dots too
    assert any(e.kind == "votes" for e in room.scene.layout.legend)
    for _ in range(2):
        room.votes.vote([order[1]])
    cards = room.scene.cards
    assert cards[order[0]].box.content.votes_label == "1"
    assert cards[order[1]].box.content.votes_label == "2"
    assert cards[order[2]].box.content.votes == 0
    room.document.undo()
    assert cards[order[1]].box.content.votes_label == "1"


def test_undo_and_redo_keep_whose_turn_it_is(room, qtbot):
    """A person hands over, a dot is undone and redone: the turn is back where it was."""
    order = in_time(room)
    room.votes.start("pain_points", 3)
    room.votes.vote([order[0]])
    qtbot.keyClick(focused(), Qt.Key.Key_N)
    assert "person 2" in room.votes.banner.text()
    room.document.undo()
    assert "person 1" in room.votes.banner.text()
    room.document.redo()
    assert "person 2" in room.votes.banner.text() and "3 dots left" in room.votes.banner.text()
    # After an undo, another dot instead: person 1 again (their hand-over went with the dot).
    room.document.undo()
    room.votes.vote([order[1]])
    assert "person 1" in room.votes.banner.text() and "2 dots left" in room.votes.banner.text()


def test_only_the_rounds_own_dots_count_against_a_person(room, qtbot):
    order = in_time(room)
    room.votes.start("pain_points", 3)
    for tid in order[:3]:
        room.votes.vote([tid])
    room.votes.end()
    room.votes.start("pain_points", 3)  # the dots of the first round kept on the cards
    for tid in order[:3]:  # taken off: they were nobody's in this round
        room.votes.vote([tid], change=-1)
    room.votes.vote([order[3]])
    assert "person 1" in room.votes.banner.text() and "2 dots left" in room.votes.banner.text()
    # Dots typed into a card, or a card deleted, change nobody's turn either.
    room.document.set_fields("touchpoint", [order[4]], {"votes": {"pain_points": 9}})
    room.document.delete_touchpoints([order[3]])
    assert "person 1" in room.votes.banner.text() and "2 dots left" in room.votes.banner.text()


def test_a_double_click_while_voting_is_two_dots_and_no_rename(room, qtbot):
    room.votes.start("touchpoints", 3)
    tid = room.scene.layout.time_order[2]
    item = room.scene.cards[tid]
    room.view.ensureVisible(item)
    centre = room.view.mapFromScene(item.sceneBoundingRect().center())
    # What a double-click delivers: a click, then a double-click for the second press.
    qtbot.mouseClick(room.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(room.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert dots(room, tid, "touchpoints") == 2
    assert not room.view.title_editor.isVisible()


def test_up_and_down_walk_only_the_cards_voted_on(room, qtbot):
    room.votes.start("pain_points", 3)
    doc = room.document
    for key in [Qt.Key.Key_Down] * 6 + [Qt.Key.Key_Up] * 6 + [Qt.Key.Key_Right] * 4:
        qtbot.keyClick(focused(), key)
        assert all(doc.touchpoint(t).pain_points for t in room.scene.selected_ids())


def test_the_cards_show_the_running_votes_dots(room, qtbot):
    room.votes.start("pain_points", 3)
    assert not room.votes_menu.actions["opportunities"].isEnabled()
    room.votes.end()
    assert room.votes_menu.actions["opportunities"].isEnabled()


def test_clear_votes_finds_the_dots_there_are(room, qtbot, monkeypatch):
    room.votes.start("touchpoints", 3)
    room.votes.vote([room.scene.layout.time_order[0]])
    room.votes.end()
    room.votes_menu.actions["pain_points"].trigger()  # (no dots on pain points)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _w, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    room.votes.ask_and_clear()
    assert asked and "1 dot for touchpoints" in asked[0]


def test_a_title_with_an_apostrophe_reads_right(room, qtbot):
    tid = in_time(room)[0]
    room.document.set_fields("touchpoint", [tid], {"title": "Dana's call"})
    room.votes.start("pain_points", 3)
    room.votes.vote([tid], change=-1)
    assert room.statusBar().currentMessage() == "“Dana's call” has no dot to take off (pain points)"
