"""Any removal of a stage, department, channel or touchpoints, planned on any map, leaves a whole
map (every reference mended) and its inverse gives the map back; the mending is one rule for
the editor and for a merge, whether a touchpoint is a model or its data."""

from factories import journey_maps, voted_journey_maps
from hypothesis import given, settings
from hypothesis import strategies as st

from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import JourneyMap
from cxmapper.model.plans import EditRefused, apply_edit, removal
from cxmapper.model.plans.mending import Remaining, mended

any_maps = journey_maps() | voted_journey_maps()


FIELDS = {
    "stage": ("stage_id",),
    "department": ("department_id", "contributing_department_ids"),
    "channel": ("channel_id",),
    "touchpoint": ("leads_to",),
}


def references(journey: JourneyMap, kind: str) -> set[str]:
    """Every id of a part of `kind` a touchpoint refers to."""
    found = set()
    for tp in journey.touchpoints:
        for name in FIELDS[kind]:
            value = getattr(tp, name)
            found |= set(value) if isinstance(value, list) else {value}
    return found - {None}


@settings(max_examples=80, deadline=None)
@given(
    journey=any_maps,
    kind=st.sampled_from(["stage", "department", "channel", "touchpoint"]),
    pick=st.integers(0, 99),
    keep=st.booleans(),
)
def test_any_removal_mends_every_reference_and_undoes_field_for_field(journey, kind, pick, keep):
    before, data = map_to_bytes(journey), journey.model_dump()
    ids = [p.id for p in getattr(journey, f"{kind}s")]
    if not ids:
        return
    gone = ids[pick % len(ids)]
    if kind == "touchpoint":
        edit = removal.delete_touchpoints(journey, ids[pick % len(ids) :][:3])
    elif kind == "channel":
        edit = removal.remove_channel(journey, gone)
    else:
        try:
            edit = getattr(removal, f"remove_{kind}")(journey, gone, keep)
        except EditRefused as refused:  # the map's only stage
            assert kind == "stage" and len(ids) == 1 and "only stage" in str(refused)
            return
    undo = apply_edit(journey, edit)
    JourneyMap.model_validate(journey.model_dump())  # whole: it would load
    assert gone not in references(journey, kind) and gone not in {
        p.id for p in getattr(journey, f"{kind}s")
    }
    apply_edit(journey, undo)
    assert journey.model_dump() == data and map_to_bytes(journey) == before


@settings(max_examples=60, deadline=None)
@given(journey=any_maps, data=st.data())
def test_a_touchpoint_and_its_data_are_mended_alike(journey, data):
    def some(parts):
        ids = [p.id for p in parts]
        return data.draw(st.none() | st.sets(st.sampled_from(ids)) if ids else st.none())

    stages = [s.id for s in journey.stages]
    remaining = Remaining(
        stages=data.draw(st.none() | st.sets(st.sampled_from(stages))),
        departments=some(journey.departments),
        channels=some(journey.channels),
        touchpoints=some(journey.touchpoints),
        stage_for=lambda gone: stages[0],
        lane_for=lambda gone: None,
    )
    for tp in journey.touchpoints:
        change = mended(tp, remaining)
        assert change == mended(tp.model_dump(), remaining)
        after = {**tp.model_dump(), **change}
        if remaining.stages is not None and tp.stage_id not in remaining.stages:
            assert after["stage_id"] == stages[0]
        for name, kept in (
            ("department_id", remaining.departments),
            ("channel_id", remaining.channels),
        ):
            assert kept is None or after[name] is None or after[name] in kept
        if remaining.departments is not None:
            assert set(after["contributing_department_ids"]) <= remaining.departments
        if remaining.touchpoints is not None:
            assert set(after["leads_to"]) <= remaining.touchpoints - {tp.id}
