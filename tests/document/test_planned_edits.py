"""The document only runs plans: each intent is the planner's edit on the same map, pushed as
one undo step and announced once; the same edit made on a plain map gives the document's map,
change record and undo."""

import itertools
import uuid

import pytest

from cxmapper.document.document import JourneyDocument
from cxmapper.model.changes import ChangeCollector
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.plans import apply_edit, removal, structure, touchpoints
from cxmapper.model.plans import fields as plan
from cxmapper.model.templates import load_template
from cxmapper.model.transfer import copied, pasted

A, B = "tp-sales-call", "tp-first-bill"
BILL, SALES = "stage-monthly-bill", "stage-sales"


def clipboard(journey):
    return pasted(journey, copied(journey, [A, B]), SALES)


INTENTS = {  # (the document's intent, the planner's edit on the plain map)
    "set fields": (
        lambda d: d.set_fields("touchpoint", [A, B], {"expectation": "met"}),
        lambda j: plan.set_fields(j, "touchpoint", [A, B], {"expectation": "met"}),
    ),
    "set values": (
        lambda d: d.set_values("touchpoint", {A: {"leads_to": [B]}, B: {"feeling": 2}}),
        lambda j: plan.set_values(j, "touchpoint", {A: {"leads_to": [B]}, B: {"feeling": 2}}),
    ),
    "feeling": (
        lambda d: d.set_feeling(A, -2, "future_feeling"),
        lambda j: plan.set_feeling(j, A, -2, "future_feeling"),
    ),
    "dots": (
        lambda d: d.add_dots([A, B], "touchpoints", 2),
        lambda j: plan.add_dots(j, [A, B], "touchpoints", 2),
    ),
    "move": (
        lambda d: d.move_touchpoints({A: (BILL, 0.5, "dept-network"), B: (SALES, 9, None)}),
        lambda j: touchpoints.move_touchpoints(
            j, {A: (BILL, 0.5, "dept-network"), B: (SALES, 9, None)}
        ),
    ),
    "move to stage": (
        lambda d: d.move_to_stage([A, B], "stage-usage"),
        lambda j: touchpoints.move_to_stage(j, [A, B], "stage-usage"),
    ),
    "add": (
        lambda d: d.add_touchpoint((SALES, 1, "dept-sales"), "Calls", "phone"),
        lambda j: touchpoints.add_touchpoint(j, (SALES, 1, "dept-sales"), "Calls", "phone"),
    ),
    "lines": (
        lambda d: d.add_titled(["One", "Two"], A),
        lambda j: touchpoints.add_titled(j, ["One", "Two"], A),
    ),
    "paste": (
        lambda d: d.paste_touchpoints(clipboard(d.journey), B),
        lambda j: touchpoints.paste_touchpoints(j, clipboard(j), B),
    ),
    "delete": (
        lambda d: d.delete_touchpoints([A, B]),
        lambda j: removal.delete_touchpoints(j, [A, B]),
    ),
    "add stage": (
        lambda d: d.add_stage("Onboarding", 2),
        lambda j: structure.add_stage(j, "Onboarding", 2),
    ),
    "move stage": (
        lambda d: d.move_stage(BILL, 0),
        lambda j: structure.move_stage(j, BILL, 0),
    ),
    "remove stage": (
        lambda d: d.remove_stage(SALES),
        lambda j: removal.remove_stage(j, SALES),
    ),
    "remove stage and its touchpoints": (
        lambda d: d.remove_stage(BILL, keep_touchpoints=False),
        lambda j: removal.remove_stage(j, BILL, keep_touchpoints=False),
    ),
    "add department": (
        lambda d: d.add_department("Partners", None, 0),
        lambda j: structure.add_department(j, "Partners", None, 0),
    ),
    "move department": (
        lambda d: d.move_department("dept-billing", 0),
        lambda j: structure.move_department(j, "dept-billing", 0),
    ),
    "remove department": (
        lambda d: d.remove_department("dept-billing"),
        lambda j: removal.remove_department(j, "dept-billing"),
    ),
    "remove department and its touchpoints": (
        lambda d: d.remove_department("dept-network", keep_touchpoints=False),
        lambda j: removal.remove_department(j, "dept-network", keep_touchpoints=False),
    ),
    "add channel": (
        lambda d: d.add_channel("Chat app"),
        lambda j: structure.add_channel(j, "Chat app"),
    ),
    "move channel": (
        lambda d: d.move_channel("web", 4),
        lambda j: structure.move_channel(j, "web", 4),
    ),
    "remove channel": (
        lambda d: d.remove_channel("phone"),
        lambda j: removal.remove_channel(j, "phone"),
    ),
}


@pytest.fixture
def same_ids(monkeypatch):
    """New touchpoints get the same ids each time `again()` is called."""
    counter = itertools.count()

    class Fixed:
        def __init__(self, n):
            self.hex = f"{n:08x}"

    monkeypatch.setattr(uuid, "uuid4", lambda: Fixed(next(counter)))

    def again():
        nonlocal counter
        counter = itertools.count()

    return again


@pytest.mark.parametrize("name", INTENTS)
def test_each_intent_runs_the_planners_edit_as_on_a_plain_map(qapp, same_ids, name):
    intent, planned = INTENTS[name]
    doc = JourneyDocument(load_template("subscription-service"))
    plain = load_template("subscription-service")
    seen = []
    doc.changed.connect(seen.append)
    same_ids()
    intent(doc)
    assert doc.undo_stack.count() == 1 and len(seen) == 1  # one undo step, announced once
    command = doc.undo_stack.command(0)
    same_ids()
    edit = planned(plain)
    assert command.edit == edit and command.text() == edit.text
    changes = ChangeCollector()
    undo = apply_edit(plain, edit, changes)
    assert map_to_bytes(plain) == map_to_bytes(doc.journey)
    assert changes.collect().parts == seen[0].parts
    doc.undo()
    apply_edit(plain, undo)
    assert plain.model_dump() == doc.journey.model_dump()
    assert map_to_bytes(plain) == map_to_bytes(load_template("subscription-service"))


def test_a_plan_from_elsewhere_runs_as_one_undo_step(qapp):
    doc = JourneyDocument(load_template("subscription-service"))
    edit = removal.remove_department(doc.journey, "dept-billing")
    doc.run(edit)
    assert doc.undo_stack.undoText() == "Remove department 'Billing & finance'"
    assert doc.journey.department("dept-billing") is None
    doc.undo()
    assert map_to_bytes(doc.journey) == map_to_bytes(load_template("subscription-service"))
    assert doc.touchpoint(B).department_id == "dept-billing"  # found by id after undo


def test_no_change_pushes_nothing(qapp):
    doc = JourneyDocument(load_template("subscription-service"))
    assert not doc.move_stage(SALES, 0)
    assert not doc.delete_touchpoints(["nowhere"])
    assert doc.add_titled([], None) == [] and doc.undo_stack.count() == 0
