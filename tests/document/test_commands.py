"""Every edit of the document: validated before it is pushed, one undo step, and undo/redo give
back the exact model."""

import pytest

from cxmapper.document.document import EditRefused, JourneyDocument
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.templates import load_template


@pytest.fixture
def doc(qapp, journey):
    return JourneyDocument(journey)


def dump(doc):
    return doc.journey.model_dump()


def check_undo_redo(doc, before):
    after = dump(doc)
    assert after != before
    doc.undo()
    assert dump(doc) == before
    doc.redo()
    assert dump(doc) == after
    assert doc.undo_stack.count() >= 1


def test_set_fields_of_every_kind_of_part_undo_and_redo(doc):
    edits = [
        ("map", "map", {"title": "New title", "description": "About it", "scenario": "Moves"}),
        ("persona", "persona", {"name": "Bo", "goals": ["Pay less"]}),
        ("stage", "s-sales", {"name": "Buying", "description": "d", "customer_goal": "Pick"}),
        ("department", "d-sales", {"name": "Sales team", "colour": "#112233"}),
        ("channel", "web", {"name": "Website", "icon": "mobile"}),
        (
            "touchpoint",
            "t1",
            {
                "description": "Long text",
                "expectation": "exceeded",
                "quotes": ["Wow"],
                "contributing_department_ids": ["d-billing"],
                "moment_of_truth": True,
                "partner_owned": True,
                "feeling": None,
            },
        ),
    ]
    for kind, pid, fields in edits:
        before = dump(doc)
        assert doc.set_fields(kind, [pid], fields)
        check_undo_redo(doc, before)


def test_values_are_cleaned_before_compared_so_a_no_op_pushes_nothing(doc):
    assert not doc.set_field("stage", "s-sales", "name", "  Sales  ")
    assert not doc.set_field("department", "d-sales", "colour", "#0072B2")
    assert not doc.set_field("touchpoint", "t1", "pain_points", ["  ", ""])
    assert doc.undo_stack.count() == 0
    assert doc.set_field("stage", "s-sales", "name", "  Buying ")
    assert doc.journey.stages[0].name == "Buying"


@pytest.mark.parametrize(
    ("kind", "pid", "field", "value", "words"),
    [
        ("stage", "s-sales", "name", "   ", "must not be empty"),
        ("touchpoint", "t1", "title", "a\nb", "single line"),
        ("touchpoint", "t1", "feeling", 3, "between -2"),
        ("touchpoint", "t1", "department_id", "nowhere", 'department "nowhere"'),
        ("touchpoint", "t1", "stage_id", "nowhere", 'stage "nowhere"'),
        ("touchpoint", "t1", "channel_id", "fax", 'channel "fax"'),
        ("touchpoint", "t1", "contributing_department_ids", ["ghost"], "ghost"),
        ("department", "d-sales", "colour", "blue", "#rrggbb"),
        ("map", "map", "title", "x" * 201, "too long"),
        ("touchpoint", "t1", "id", "other", "cannot be edited"),
    ],
)
def test_bad_values_are_refused_in_the_users_words_and_nothing_changes(
    doc, kind, pid, field, value, words
):
    before = dump(doc)
    with pytest.raises(EditRefused) as refused:
        doc.set_field(kind, pid, field, value)
    assert words in str(refused.value)
    assert "pydantic" not in str(refused.value) and "Input should" not in str(refused.value)
    assert dump(doc) == before
    assert doc.undo_stack.count() == 0


def test_a_move_to_a_department_that_does_not_exist_is_refused_not_pushed(doc):
    with pytest.raises(EditRefused, match="not in the map"):
        doc.move_touchpoints({"t1": ("s-sales", 0, "d-ghost")})
    assert doc.undo_stack.count() == 0


def test_several_touchpoints_edited_together_are_one_step(doc):
    before = dump(doc)
    assert doc.set_fields("touchpoint", ["t1", "t2"], {"expectation": "met"})
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Change expectation of 2 touchpoints"
    check_undo_redo(doc, before)


def test_typing_with_one_merge_key_is_one_undo_step(doc):
    before = dump(doc)
    for text in ("C", "Ca", "Cal", "Call"):
        doc.set_field("touchpoint", "t1", "description", text, merge_key=("description", 1))
    assert doc.undo_stack.count() == 1
    doc.set_field("touchpoint", "t1", "description", "Call back", merge_key=("description", 2))
    assert doc.undo_stack.count() == 2
    doc.undo()
    assert doc.touchpoint("t1").description == "Call"
    doc.undo()
    assert dump(doc) == before


def test_undo_texts_name_the_edit(doc):
    doc.set_field("stage", "s-sales", "name", "Usage")
    doc.set_field("stage", "s-sales", "name", "Use")
    assert doc.undo_stack.undoText() == "Rename stage 'Usage'"
    doc.set_field("department", "d-sales", "colour", "#000000")
    assert doc.undo_stack.undoText() == "Recolour department 'Sales'"


def test_changes_name_kind_ids_fields_and_initiator(doc):
    seen = []
    doc.changed.connect(seen.append)
    me = object()
    doc.set_field("touchpoint", "t1", "description", "x", initiator=me)
    (changes,) = seen
    change = changes.of("touchpoint")
    assert change.ids == {"t1"} and change.fields == {"description"}
    assert changes.initiator is me
    assert not changes.drawn  # the canvas does not draw descriptions
    doc.undo()
    assert seen[-1].initiator is None
    assert [(c.kind, c.ids, c.fields) for c in seen[-1].parts] == [
        ("touchpoint", {"t1"}, {"description"})
    ]
    doc.set_field("touchpoint", "t1", "title", "Shown")
    assert seen[-1].drawn


def test_add_stage_before_and_after_rename_move_and_undo(doc):
    before = dump(doc)
    new = doc.add_stage("Onboarding", index=1)
    assert [s.id for s in doc.journey.stages] == ["s-sales", new, "s-bill"]
    assert doc.undo_stack.undoText() == "Add stage 'Onboarding'"
    check_undo_redo(doc, before)
    before = dump(doc)
    assert doc.move_stage(new, 0)
    assert doc.journey.stages[0].id == new
    check_undo_redo(doc, before)
    with pytest.raises(EditRefused, match="must not be empty"):
        doc.add_stage("  ")


def test_new_parts_get_fresh_names_and_ids(doc):
    a = doc.add_stage()
    b = doc.add_stage()
    assert a != b
    assert [s.name for s in doc.journey.stages[-2:]] == ["New stage", "New stage 2"]
    d = doc.add_department()
    assert doc.part("department", d).colour not in ("#0072b2", "#e69f00")


def test_removing_a_stage_moves_its_touchpoints_to_the_stage_before(doc):
    doc.add_touchpoint(("s-bill", 5, "d-sales"), "Second bill")
    before = dump(doc)
    assert doc.remove_stage("s-bill", keep_touchpoints=True)
    assert [s.id for s in doc.journey.stages] == ["s-sales"]
    assert {t.stage_id for t in doc.journey.touchpoints} == {"s-sales"}
    titles = [t.title for t in doc.journey.touchpoints_in_time_order()]
    assert titles[0] == "Compares offers" and set(titles[1:]) == {"Monthly bill", "Second bill"}
    assert doc.undo_stack.undoText() == "Remove stage 'Monthly bill'"
    check_undo_redo(doc, before)


def test_removing_the_first_stage_moves_its_touchpoints_before_the_next_ones(doc):
    before = dump(doc)
    doc.remove_stage("s-sales")
    order = [t.id for t in doc.journey.touchpoints_in_time_order()]
    assert order.index("t1") < order.index("t2")
    check_undo_redo(doc, before)


def test_removing_a_stage_can_delete_its_touchpoints_in_one_step(doc):
    before = dump(doc)
    count = doc.undo_stack.count()
    doc.remove_stage("s-bill", keep_touchpoints=False)
    assert [t.id for t in doc.journey.touchpoints] == ["t1"]
    assert doc.undo_stack.count() == count + 1
    check_undo_redo(doc, before)


def test_the_only_stage_cannot_be_removed(doc):
    doc.remove_stage("s-bill", keep_touchpoints=False)
    with pytest.raises(EditRefused, match="only stage"):
        doc.remove_stage("s-sales")


def test_removing_a_department_moves_or_deletes_its_touchpoints(doc):
    doc.set_field("touchpoint", "t1", "contributing_department_ids", ["d-billing"])
    before = dump(doc)
    doc.remove_department("d-billing")
    assert doc.touchpoint("t2").department_id == "d-sales"
    assert doc.touchpoint("t1").contributing_department_ids == []
    check_undo_redo(doc, before)
    doc.undo()
    doc.remove_department("d-billing", keep_touchpoints=False)
    assert not doc.has_touchpoint("t2")
    check_undo_redo(doc, before)


def test_removing_the_last_department_leaves_its_touchpoints_unassigned(doc):
    doc.remove_department("d-sales")
    before = dump(doc)
    doc.remove_department("d-billing")
    assert {t.department_id for t in doc.journey.touchpoints} == {None}
    check_undo_redo(doc, before)


def test_channels_add_rename_remove(doc):
    before = dump(doc)
    cid = doc.add_channel("Chat app")
    assert doc.part("channel", cid).icon == "mobile"
    check_undo_redo(doc, before)
    before = dump(doc)
    doc.remove_channel("web")
    assert doc.touchpoint("t1").channel_id is None
    assert doc.journey.channel("web") is None
    check_undo_redo(doc, before)


def test_every_edit_leaves_a_valid_map_that_saves_byte_for_byte_after_undo(qapp):
    journey = load_template("subscription-service")
    original = map_to_bytes(journey)
    doc = JourneyDocument(journey)
    stage = journey.stages[1].id
    doc.remove_stage(stage)
    doc.add_department("Partners", index=0)
    doc.remove_department(journey.departments[2].id, keep_touchpoints=False)
    doc.remove_channel(journey.channels[0].id)
    while doc.undo_stack.canUndo():
        doc.undo()
    assert map_to_bytes(doc.journey) == original


def test_deleting_a_touchpoint_drops_the_handoffs_to_it_and_undo_brings_both_back(doc):
    doc.set_field("touchpoint", "t1", "leads_to", ["t2"])
    before = dump(doc)
    steps = doc.undo_stack.count()
    doc.delete_touchpoints(["t2"])
    assert doc.touchpoint("t1").leads_to == []  # the map stays whole: no arrow to nothing
    assert doc.undo_stack.count() == steps + 1  # one step
    check_undo_redo(doc, before)
    doc.undo()
    assert doc.touchpoint("t1").leads_to == ["t2"]


def test_removing_a_stage_with_its_touchpoints_drops_the_handoffs_to_them(doc):
    doc.set_field("touchpoint", "t1", "leads_to", ["t2"])
    doc.remove_stage("s-bill", keep_touchpoints=False)
    assert doc.touchpoint("t1").leads_to == []
    doc.undo()
    assert doc.touchpoint("t1").leads_to == ["t2"]


def test_a_handoff_to_a_touchpoint_not_in_the_map_or_to_itself_is_refused(doc):
    with pytest.raises(EditRefused):
        doc.set_field("touchpoint", "t1", "leads_to", ["nowhere"])
    with pytest.raises(EditRefused):
        doc.set_field("touchpoint", "t1", "leads_to", ["t1"])
    assert doc.touchpoint("t1").leads_to == []
