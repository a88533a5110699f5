"""The clipboard's touchpoints: lines of text, and touchpoints copied between maps."""

import pytest
from factories import small_map

from cxmapper.model.problems import MapError
from cxmapper.model.templates import load_template
from cxmapper.model.transfer import copied, listed_lines, pasted


def test_pasted_lines_lose_their_list_markers_and_blank_lines():
    text = "- Sees an ad\n\n* Reads reviews\n• Asks a friend\n1. Visits the shop\n2) Buys\n  Pays\t online  \n"
    assert listed_lines(text) == [
        "Sees an ad",
        "Reads reviews",
        "Asks a friend",
        "Visits the shop",
        "Buys",
        "Pays online",
    ]
    assert listed_lines("-5 degrees outside") == ["-5 degrees outside"]  # not a marker


def test_touchpoints_paste_into_another_map_with_what_they_need():
    source = small_map()
    target = load_template("product-lifecycle")
    plan = pasted(target, copied(source, ["t2", "t1"]), "stage-usage")
    assert [t.title for t in plan.touchpoints] == ["Compares offers", "Monthly bill"]  # in time
    ids = {t.id for t in target.touchpoints}
    assert not ids & {t.id for t in plan.touchpoints}  # never an id of the target
    assert {d.name for d in plan.departments} == set()  # Sales and Billing exist by name
    billing = next(d for d in target.departments if d.name == "Billing")
    assert plan.touchpoints[1].department_id == billing.id
    bill = plan.touchpoints[1]
    assert bill.pain_points == ["Charged for a week before install"] and bill.moment_of_truth
    assert all(t.stage_id == "stage-usage" for t in plan.touchpoints)
    # into a map without those departments and channels: they are made
    bare = load_template("product-lifecycle").model_copy(update={"departments": [], "channels": []})
    bare.touchpoints = []
    plan = pasted(bare, copied(source, ["t1", "t2"]), "stage-usage")
    assert [d.name for d in plan.departments] == ["Sales", "Billing"]
    assert {c.name for c in plan.channels} == {"Web", "Mail"}


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b'{"format": "other"}',
        b'{"format": "cxmapper-touchpoints", "version": 1, '
        b'"touchpoints": [{"id": "x", "title": ""}]}',
    ],
)
def test_foreign_or_broken_clipboard_data_is_refused_in_words(raw):
    with pytest.raises(MapError) as refused:
        pasted(small_map(), raw, "s-sales")
    assert "the clipboard" in str(refused.value)


def test_a_table_from_a_spreadsheet_is_read_like_the_csv_import():
    from cxmapper.model.transfer import is_table, tabled

    text = (
        "Stage\tTouchpoint\tDepartment\tFeeling\tPain points\n"
        "Awareness\tHears on the radio\tMarketing\t1\t\n"
        "Aftercare\tGets a survey\tCustomer success\t-1\tToo long\n"
    )
    assert is_table(text) and not is_table("just\ta line\nof text")
    journey = load_template("product-lifecycle")
    plan = tabled(journey, text)
    first, second = plan.touchpoints
    assert first.stage_id == "stage-awareness" and first.department_id == "dept-marketing"
    assert first.feeling == 1
    assert [s.name for s in plan.stages] == ["Aftercare"]  # a stage it lacks is added
    assert second.stage_id == plan.stages[0].id and second.pain_points == ["Too long"]
    assert [d.name for d in plan.departments] == ["Customer success"]
    with pytest.raises(MapError) as refused:
        tabled(journey, "Stage\tTouchpoint\tFeeling\nUsage\tCalls\tvery cross\n")
    assert "row 2" in str(refused.value) and "feeling" in str(refused.value)


def test_handoffs_among_pasted_touchpoints_follow_them_to_their_new_ids():
    journey = small_map()
    journey.touchpoints[0].leads_to = ["t2"]
    raw = copied(journey, ["t1", "t2"])
    again = pasted(journey, raw, "s-sales")  # pasted into the map they came from: new ids
    first, second = again.touchpoints
    assert first.id not in ("t1", "t2") and first.leads_to == [second.id]
    alone = pasted(journey, copied(journey, ["t1"]), "s-sales")  # t2 is still in this map
    assert alone.touchpoints[0].leads_to == ["t2"]
    other = load_template("retail-store-visit")
    into_other = pasted(other, copied(journey, ["t1"]), other.stages[0].id)
    assert into_other.touchpoints[0].leads_to == []  # to nothing there: dropped


def test_a_table_pasted_with_feelings_from_one_to_five_is_read_on_that_scale():
    from cxmapper.model.transfer import is_table, tabled

    text = (
        "Stage\tTouchpoint\tFeeling\tFuture feeling\r\n"
        "Awareness\tHears on the radio\t4\t5\r\n"
        "Aftercare\tGets a survey\t1\t2\r\n"
        "Aftercare\tCalls back\t\t3\r\n"
        "Aftercare\tRenews\t3\t\r\n"
    )
    assert is_table(text)
    plan = tabled(load_template("product-lifecycle"), text)
    assert [(t.feeling, t.future_feeling) for t in plan.touchpoints] == [
        (1, 2),
        (-2, -1),
        (None, 0),
        (0, None),
    ]
    assert any(n.startswith("column feeling: feelings were on a 1 to 5 scale") for n in plan.notes)
    assert any(n.startswith("column future_feeling: feelings were on a 1 to 5") for n in plan.notes)


def test_a_table_pasted_with_worded_feelings_and_one_that_fits_no_scale():
    from cxmapper.model.transfer import tabled

    journey = load_template("product-lifecycle")
    words = "Stage\tTouchpoint\tFeeling\nUsage\tCalls\tVery Negative\nUsage\tPays\t\nUsage\tStays\tDELIGHTED\n"
    plan = tabled(journey, words)
    assert [t.feeling for t in plan.touchpoints] == [-2, None, 2] and plan.notes == []
    with pytest.raises(MapError) as refused:
        tabled(
            journey, "Stage\tTouchpoint\tFeeling\nUsage\tCalls\t5\nUsage\tPays\t0\nUsage\tGo\t4\n"
        )
    assert refused.value.problems == [
        'row 3, column feeling: "0" is not on the 1 to 5 scale of the column\'s other numbers '
        "(1 = very negative ... 5 = very positive): use one scale in the whole column, -2 to 2 "
        "or 1 to 5"
    ]
    assert "the pasted table" in str(refused.value)


def test_a_pasted_or_duplicated_card_is_a_new_card_without_the_dots_of_the_one_copied():
    journey = small_map()
    journey.touchpoints[1].votes = {"pain_points": 4, "touchpoints": 1}
    raw = copied(journey, ["t2"])
    assert b"votes" not in raw  # a cxmapper of file format 2 still pastes it
    again = pasted(journey, raw, "s-bill")  # Edit > Duplicate pastes a copy into its own map
    other = load_template("product-lifecycle")
    into_other = pasted(other, raw, "stage-usage")
    for plan in (again, into_other):
        (card,) = plan.touchpoints
        assert card.title == "Monthly bill" and card.pain_points  # all else as it was
        assert card.votes == {}
    assert journey.touchpoints[1].votes == {"touchpoints": 1, "pain_points": 4}  # still there


def test_a_table_pasted_with_vote_columns_keeps_its_counts():
    from cxmapper.model.transfer import tabled

    text = (
        "Stage\tTouchpoint\tVotes\tPain point votes\n"
        "Awareness\tHears on the radio\t3\t\n"
        "Aftercare\tGets a survey\t\t2\n"
    )
    plan = tabled(load_template("product-lifecycle"), text)
    assert [t.votes for t in plan.touchpoints] == [{"touchpoints": 3}, {"pain_points": 2}]
    with pytest.raises(MapError) as refused:
        tabled(load_template("product-lifecycle"), "Stage\tTouchpoint\tDots\nUsage\tCalls\tlots\n")
    assert refused.value.problems[0].startswith(
        'row 2, column votes_touchpoints: "lots" is not a number of votes'
    )
