"""Edit > Find (Ctrl+F) and its filter: matches bright, the rest dimmed, Enter to the next."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cxmapper.model.search import Filter, found, hits
from cxmapper.model.templates import load_template

CTRL = Qt.KeyboardModifier.ControlModifier


def test_find_looks_in_every_text_of_a_touchpoint_and_its_places():
    journey = load_template("product-lifecycle")
    assert found(journey, "CHECKOUT") == ["tp-pays-online"]  # any case, in the title
    by_quote = found(journey, "three steps")
    quoted = {t.id for t in journey.touchpoints if any("Three steps" in q for q in t.quotes)}
    assert quoted and set(by_quote) == quoted  # in the customer's own words
    assert set(found(journey, "billing")) >= {
        t.id for t in journey.touchpoints if t.department_id == "dept-billing"
    }  # the owner's name
    calls = next(t.id for t in journey.touchpoints if t.title == "Calls support")
    assert calls in found(journey, "support calls")  # every word, in any order
    wifi = {t.id for t in journey.touchpoints if any("Wi-Fi" in q for q in t.quotes)}
    assert wifi and wifi <= set(found(journey, "wifi"))  # "Wi-Fi" is "wifi"
    pains = found(journey, "", Filter("pain_points"))
    assert pains == [t.id for t in journey.touchpoints_in_time_order() if t.pain_points]


def test_ctrl_f_dims_what_does_not_match_and_enter_goes_to_each_match(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    bar = window.edit.find_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.text.hasFocus, timeout=2000)  # typing goes to the find box
    qtbot.keyClicks(bar.text, "support")
    matches = bar.matches
    assert len(matches) >= 2
    cards = window.scene.cards
    assert all(cards[i].opacity() == 1.0 for i in matches)
    assert all(item.opacity() < 1.0 for tid, item in cards.items() if tid not in matches)
    cards_found = [i for i, h in enumerate(bar.hits) if h.kind == "touchpoint"]
    for _ in range(cards_found[1] + 1):  # Enter, Enter... to the second card found
        qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [matches[1]]
    assert bar.count.text() == f"{cards_found[1] + 1} of {len(bar.hits)}"
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(item.opacity() == 1.0 for item in cards.values())


def test_the_filter_keeps_one_owners_cards_bright(window, qtbot):
    window.edit.find()
    bar = window.edit.find_bar
    bar.filter.setCurrentIndex(bar.filter.findText("Owner: Sales"))
    sales = {t.id for t in window.document.journey.touchpoints if t.department_id == "dept-sales"}
    assert set(bar.matches) == sales
    dimmed = {tid for tid, item in window.scene.cards.items() if item.opacity() < 1}
    assert dimmed == set(window.scene.cards) - sales


def test_find_looks_in_every_text_of_the_map_in_reading_order():
    journey = load_template("product-lifecycle")
    found_support = [(h.kind, h.name) for h in hits(journey, "support")]
    stage = ("stage", "Support & maintenance")
    assert stage in found_support  # a stage's name
    after = found_support[found_support.index(stage) + 1]
    assert after == ("touchpoint", "Searches the help centre")  # then its cards, in time
    assert found_support[-1] == ("department", "Customer support")  # the lanes after
    assert [h.kind for h in hits(journey, "remote-working parent")] == ["map"]  # the persona
    goal = hits(journey, "fair price")  # a stage's customer goal
    assert [(h.kind, h.name) for h in goal] == [("stage", "Purchase")]
    assert ("channel", "Phone") in [(h.kind, h.name) for h in hits(journey, "phone")]
    assert all(h.kind == "touchpoint" for h in hits(journey, "support", Filter("pain_points")))


def test_enter_goes_to_a_stage_a_lane_and_the_persona_too(window, qtbot):
    window.edit.find()
    bar = window.edit.find_bar
    qtbot.keyClicks(bar.text, "fair price")
    assert [h.kind for h in bar.hits] == ["stage"]
    assert len(window.scene.marks.rects) == 1  # the stage's header is framed
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == []
    assert window.structure_dock.isVisible()
    stages = window.structure.lists["stage"]
    assert window.structure.currentWidget() is stages
    assert stages.current_id() == "stage-purchase"
    assert window.scene.marks.current is not None
    header = next(s.header for s in window.scene.layout.stages if s.stage_id == "stage-purchase")
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(header.x + 10, header.y + 10)  # scrolled into view
    # typing stays in the bar: the window keeps the keys, and they go to the find box
    assert window.isActiveWindow()
    assert QApplication.focusWidget() is bar.text
    bar.text.setText("Customer support")
    lanes = [h for h in bar.hits if h.kind == "department"]
    assert lanes and bar.hits[-1] == lanes[-1]
    bar.step(-1)  # Shift+Enter from the start: the last match, the lane
    assert window.structure.lists["department"].current_id() == "dept-support"
    bar.text.setText("remote-working")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert bar.count.text() == "1 of 1"
    assert window.inspector.form is window.inspector.map_form  # the map's own fields
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)
    assert window.scene.marks.rects == [] and window.scene.marks.current is None


def test_find_and_filter_by_evidence_and_the_future_state():
    journey = load_template("car-service-blueprint")
    observed = [t.id for t in journey.touchpoints_in_time_order() if t.evidence == "observed"]
    assert observed and found(journey, "", Filter("evidence", "observed")) == observed
    unsaid = [t.id for t in journey.touchpoints_in_time_order() if t.evidence is None]
    assert found(journey, "", Filter("evidence", "")) == unsaid
    new = found(journey, "", Filter("future_state", "new"))
    assert [
        journey.touchpoints[[t.id for t in journey.touchpoints].index(i)].future_state for i in new
    ] == ["new"] * len(new)
    assert found(journey, "interview 7")  # in a card's sources
    assert found(journey, "express key box")  # in a future-state note


def test_the_filter_menu_offers_evidence_and_the_future_state(window, qtbot):
    window.edit.find()
    names = [
        window.edit.find_bar.filter.itemText(i) for i in range(window.edit.find_bar.filter.count())
    ]
    for name in (
        "Evidence: Observed",
        "Evidence: Assumed",
        "Evidence: Proposed",
        "Evidence: not said",
        "New in the future state",
        "Retired in the future state",
    ):
        assert name in names
