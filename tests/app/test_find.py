"""Edit > Find (Ctrl+F) and its filter: matches bright, the rest dimmed, Enter to the next."""

from PySide6.QtCore import Qt

from cxmapper.model.search import Filter, found
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
    bar = window.find_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.text.hasFocus, timeout=2000)  # typing goes to the find box
    qtbot.keyClicks(bar.text, "support")
    matches = bar.matches
    assert len(matches) >= 2
    cards = window.scene.cards
    assert all(cards[i].opacity() == 1.0 for i in matches)
    assert all(item.opacity() < 1.0 for tid, item in cards.items() if tid not in matches)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [matches[0]]
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [matches[1]]
    assert bar.count.text() == f"2 of {len(matches)}"
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(item.opacity() == 1.0 for item in cards.values())


def test_the_filter_keeps_one_owners_cards_bright(window, qtbot):
    window.find()
    bar = window.find_bar
    bar.filter.setCurrentIndex(bar.filter.findText("Owner: Sales"))
    sales = {t.id for t in window.document.journey.touchpoints if t.department_id == "dept-sales"}
    assert set(bar.matches) == sales
    dimmed = {tid for tid, item in window.scene.cards.items() if item.opacity() < 1}
    assert dimmed == set(window.scene.cards) - sales
