"""What the planner refuses, in the users' words, before anything changes; and the limits a
file is held to."""

import pytest
from factories import small_map

from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import MAX_STAGES, JourneyMap, Stage
from cxmapper.model.plans import EditRefused, removal, structure, touchpoints
from cxmapper.model.plans import fields as plan
from cxmapper.model.transfer import Pasted

REFUSED = [
    (lambda j: plan.set_fields(j, "stage", "s-sales", {"name": "  "}), "must not be empty"),
    (lambda j: plan.set_fields(j, "touchpoint", "t1", {"feeling": 3}), "between -2"),
    (
        lambda j: plan.set_fields(j, "touchpoint", "t1", {"channel_id": "fax"}),
        'touchpoint "Compares offers": channel refers to channel "fax", which is not in the map',
    ),
    (lambda j: plan.set_fields(j, "touchpoint", "t1", {"leads_to": ["t1"]}), "hand off to itself"),
    (lambda j: plan.set_fields(j, "touchpoint", "t1", {"id": "x"}), "cannot be edited"),
    (
        lambda j: plan.set_fields(j, "stage", "nowhere", {"name": "x"}),
        "No stage with the id 'nowhere' is in the map",
    ),
    (
        lambda j: plan.add_dots(j, ["t1"], "pain_points", -1),
        "Touchpoint 'Compares offers' has no dot to take off (pain points)",
    ),
    (
        lambda j: touchpoints.move_touchpoints(j, {"t1": ("s-sales", 0, "d-ghost")}),
        'The department "d-ghost" is not in the map',
    ),
    (
        lambda j: touchpoints.add_touchpoint(j, ("s-ghost", 0, None)),
        'The stage "s-ghost" is not in the map',
    ),
    (lambda j: touchpoints.add_touchpoint(j, ("s-sales", 0, None), "a\nb"), "single line"),
    (lambda j: structure.add_stage(j, "  "), "must not be empty"),
    (lambda j: structure.add_department(j, colour="blue"), "#rrggbb"),
    (
        lambda j: structure.move_stage(j, "s-ghost", 0),
        "No stage with the id 's-ghost' is in the map",
    ),
]


@pytest.mark.parametrize(("planned", "words"), REFUSED)
def test_refused_in_the_users_words_and_nothing_changes(planned, words):
    journey = small_map()
    before = map_to_bytes(journey)
    with pytest.raises(EditRefused) as refused:
        planned(journey)
    assert words in str(refused.value)
    assert "pydantic" not in str(refused.value) and "Input should" not in str(refused.value)
    assert map_to_bytes(journey) == before


def test_the_only_stage_cannot_be_removed():
    journey = small_map()
    journey.stages = journey.stages[:1]
    journey.touchpoints = journey.touchpoints[:1]
    with pytest.raises(EditRefused, match="Stage 'Sales' is the map's only stage: add another"):
        removal.remove_stage(journey, "s-sales")


def test_a_map_without_stages_takes_no_paste():
    journey = JourneyMap()
    one = small_map().touchpoints[0].model_copy(update={"department_id": None, "channel_id": None})
    with pytest.raises(EditRefused, match="The map has no stages yet: a touchpoint needs a stage"):
        touchpoints.paste_touchpoints(journey, Pasted(touchpoints=[one]), None)


def test_a_part_past_the_limit_is_refused_in_the_files_words():
    journey = small_map()
    journey.stages += [Stage(id=f"s{i}", name=f"S{i}") for i in range(MAX_STAGES - 2)]
    with pytest.raises(EditRefused) as refused:
        structure.add_stage(journey)
    assert f"stages: has too many items (at most {MAX_STAGES})" in str(refused.value)
