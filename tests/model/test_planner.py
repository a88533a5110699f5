"""The planner without Qt: every edit the document offers, planned as plain data on a map and
made on a plain map; its inverse gives the map back field for field, and making it again gives
the edited map again."""

from factories import small_map

from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import JourneyMap
from cxmapper.model.plans import (
    Edit,
    InsertParts,
    RemoveParts,
    ReorderParts,
    SetFields,
    apply_edit,
    removal,
    structure,
    touchpoints,
)
from cxmapper.model.plans import fields as plan
from cxmapper.model.templates import load_template
from cxmapper.model.transfer import copied, pasted


def made(journey: JourneyMap, edit: Edit) -> JourneyMap:
    """`edit` made on `journey`: the map stays whole, the inverse gives it back byte for byte
    and field for field, and the edit made again gives the same map."""
    before, data = map_to_bytes(journey), journey.model_dump()
    undo = apply_edit(journey, edit)
    after = journey.model_dump()
    JourneyMap.model_validate(after)
    assert undo.text == edit.text
    apply_edit(journey, undo)
    assert journey.model_dump() == data and map_to_bytes(journey) == before
    apply_edit(journey, edit)
    assert journey.model_dump() == after
    return journey


def test_fields_of_every_kind_of_part_are_one_step_each_named_as_the_edit_menu_says():
    journey = small_map()
    edits = [
        (("map", "map", {"title": "New title"}), "Change the map's title"),
        (("persona", "persona", {"goals": ["Pay less"]}), "Change the persona's goals"),
        (("stage", "s-sales", {"name": "Buying"}), "Rename stage 'Sales'"),
        (("department", "d-sales", {"colour": "#112233"}), "Recolour department 'Sales'"),
        (("channel", "web", {"icon": "mobile"}), "Change icon of channel 'Web'"),
        (
            ("touchpoint", ["t1", "t2"], {"expectation": "met"}),
            "Change expectation of 2 touchpoints",
        ),
    ]
    for (kind, ids, fields), text in edits:
        edit = plan.set_fields(journey, kind, ids, fields)
        assert edit.text == text and len(edit.steps) == 1
        made(journey, edit)
    assert journey.title == "New title" and journey.stages[0].name == "Buying"
    assert journey.departments[0].colour == "#112233"
    assert [t.expectation for t in journey.touchpoints] == ["met", "met"]


def test_values_are_cleaned_and_an_edit_that_changes_nothing_is_no_edit():
    journey = small_map()
    assert plan.set_fields(journey, "stage", "s-sales", {"name": "  Sales "}) is None
    assert plan.set_fields(journey, "department", "d-sales", {"colour": "#0072B2"}) is None
    edit = plan.set_fields(journey, "stage", "s-sales", {"name": "  Buying "})
    assert edit.steps == (SetFields("stage", {"s-sales": {"name": "Buying"}}),)


def test_each_part_its_own_values_a_feeling_and_dots():
    journey = small_map()
    edit = plan.set_values(
        journey,
        "touchpoint",
        {
            "t1": {"contributing_department_ids": ["d-billing"]},
            "t2": {"leads_to": ["t1"]},
        },
    )
    made(journey, edit)
    assert journey.touchpoints[1].leads_to == ["t1"]
    edit = plan.set_feeling(journey, "t1", 2)
    assert edit.text == "Feeling of touchpoint 'Compares offers': very positive"
    made(journey, edit)
    edit = plan.set_feeling(journey, "t2", 1, "future_feeling")
    assert edit.text == "Future feeling of touchpoint 'Monthly bill': positive"
    made(journey, edit)
    assert plan.set_feeling(journey, "t2", 1, "future_feeling") is None
    edit = plan.add_dots(journey, ["t1", "t2"], "touchpoints", 3)
    assert edit.text == "Put 3 dots on 2 touchpoints (touchpoints)"
    made(journey, edit)
    assert [t.votes for t in journey.touchpoints] == [{"touchpoints": 3}, {"touchpoints": 3}]


def test_moving_touchpoints_renumbers_their_stages():
    journey = small_map()
    edit = touchpoints.move_touchpoints(journey, {"t2": ("s-sales", 0.5, "d-sales")})
    assert edit.text == "Move touchpoint 'Monthly bill'"
    made(journey, edit)
    assert [(t.stage_id, t.position) for t in journey.touchpoints] == [
        ("s-sales", 0.0),
        ("s-sales", 1.0),
    ]
    assert touchpoints.move_touchpoints(journey, {"t2": ("s-sales", 1.0, "d-sales")}) is None
    edit = touchpoints.move_to_stage(journey, ["t1", "t2"], "s-bill")
    assert edit.text == "Move 2 touchpoints"
    made(journey, edit)
    order = [t.id for t in journey.touchpoints_in_time_order()]
    assert order == ["t1", "t2"] and {t.stage_id for t in journey.touchpoints} == {"s-bill"}


def test_a_new_touchpoint_makes_room_for_itself_and_names_its_id():
    journey = small_map()
    journey.touchpoints[0].position = 3.0  # (as a file may have it: renumbered by the edit)
    edit = touchpoints.add_touchpoint(journey, ("s-sales", 1, "d-billing"), " Calls ", "web")
    assert edit.text == "Add touchpoint 'Calls'"
    (new,) = edit.added("touchpoint")
    assert isinstance(edit.steps[0], InsertParts) and isinstance(edit.steps[1], SetFields)
    made(journey, edit)
    in_time = [t.id for t in journey.touchpoints_in_time_order()]
    assert in_time == [new, "t1", "t2"] and journey.touchpoints[-1].channel_id == "web"


def test_lines_and_copies_are_pasted_after_a_touchpoint_in_their_order():
    journey = small_map()
    edit = touchpoints.add_titled(journey, ["One", "Two"], "t1")
    assert edit.text == "Paste 2 touchpoints"
    made(journey, edit)
    one, two = edit.added("touchpoint")
    in_time = [t.id for t in journey.touchpoints_in_time_order()]
    assert in_time == ["t1", one, two, "t2"]
    other = small_map()
    other.departments[1].name = "Only over there"
    plan_ = pasted(journey, copied(other, ["t2"]), "s-sales")
    edit = touchpoints.paste_touchpoints(journey, plan_, None)
    assert [type(s) for s in edit.steps] == [InsertParts, InsertParts]
    made(journey, edit)
    assert journey.departments[-1].name == "Only over there"
    assert touchpoints.paste_touchpoints(journey, type(plan_)(), None) is None


def test_deleting_touchpoints_drops_the_handoffs_to_them():
    journey = small_map()
    journey.touchpoints[0].leads_to = ["t2"]
    edit = removal.delete_touchpoints(journey, ["t2", "ghost"])
    assert edit.text == "Delete touchpoint 'Monthly bill'"
    assert edit.steps == (
        SetFields("touchpoint", {"t1": {"leads_to": []}}),
        RemoveParts("touchpoint", ("t2",)),
    )
    made(journey, edit)
    assert removal.delete_touchpoints(journey, ["ghost"]) is None


def test_stages_departments_and_channels_added_and_moved():
    journey = load_template("subscription-service")
    edit = structure.add_stage(journey, None, 1)
    assert edit.text == "Add stage 'New stage'"
    made(journey, edit)
    assert journey.stages[1].id == edit.added("stage")[0] == "stage-new-stage"
    edit = structure.move_stage(journey, "stage-new-stage", 0)
    assert edit.steps[0] == ReorderParts(
        "stage", ("stage-new-stage", *[s.id for s in journey.stages if s.id != "stage-new-stage"])
    )
    made(journey, edit)
    assert structure.move_stage(journey, "stage-new-stage", 0) is None
    edit = structure.add_department(journey, "Partners", index=0)
    made(journey, edit)
    assert journey.departments[0].name == "Partners"
    assert journey.departments[0].colour not in {d.colour for d in journey.departments[1:]}
    made(journey, structure.move_department(journey, journey.departments[0].id, 9))
    edit = structure.add_channel(journey, "Chat app")
    made(journey, edit)
    assert journey.channels[-1].icon == "mobile"
    made(journey, structure.move_channel(journey, "web", 3))
    assert journey.channels[3].id == "web"


def test_a_removed_stage_takes_or_moves_its_touchpoints():
    journey = small_map()
    journey.touchpoints[0].leads_to = ["t2"]
    edit = removal.remove_stage(journey.model_copy(deep=True), "s-bill", keep_touchpoints=False)
    assert edit.text == "Remove stage 'Monthly bill'"
    kept = made(journey.model_copy(deep=True), edit)
    assert [t.id for t in kept.touchpoints] == ["t1"] and kept.touchpoints[0].leads_to == []
    moved = made(journey, removal.remove_stage(journey, "s-sales"))
    assert [s.id for s in moved.stages] == ["s-bill"]
    assert [t.id for t in moved.touchpoints_in_time_order()] == ["t1", "t2"]


def test_a_removed_department_moves_its_touchpoints_up_and_is_nobodys_contributor():
    journey = load_template("subscription-service")
    edit = removal.remove_department(journey, "dept-billing")
    made(journey, edit)
    by_id = {t.id: t for t in journey.touchpoints}
    assert by_id["tp-first-bill"].department_id == "dept-customer-service"
    assert by_id["tp-sales-call"].contributing_department_ids == []
    # a card of Billing that listed the lane above as contributing now owns it: listed once
    assert by_id["tp-credit-applied"].department_id == "dept-customer-service"
    assert by_id["tp-credit-applied"].contributing_department_ids == []
    edit = removal.remove_department(journey, "dept-network", keep_touchpoints=False)
    made(journey, edit)
    assert "tp-wifi-setup" not in {t.id for t in journey.touchpoints}


def test_a_removed_channel_leaves_its_touchpoints_on_none():
    journey = small_map()
    edit = removal.remove_channel(journey, "web")
    assert edit.text == "Remove channel 'Web'"
    made(journey, edit)
    assert journey.touchpoints[0].channel_id is None and journey.channel("web") is None
