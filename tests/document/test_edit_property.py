"""Any sequence of edits, sensible or not, leaves a valid map; undoing them all gives back the
original bytes, and redoing them all gives back the edited map."""

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmapper.document.document import EditRefused, JourneyDocument
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import JourneyMap
from cxmapper.model.templates import load_template

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
VALUES = {
    "title": TEXT,
    "name": TEXT,
    "description": TEXT,
    "scenario": TEXT,
    "customer_goal": TEXT,
    "emotion": TEXT,
    "root_cause": TEXT,
    "feeling": st.one_of(st.none(), st.integers(-3, 3)),
    "expectation": st.sampled_from(["unknown", "below", "met", "exceeded", "great"]),
    "pain_points": st.lists(TEXT, max_size=3),
    "quotes": st.lists(TEXT, max_size=2),
    "goals": st.lists(TEXT, max_size=2),
    "moment_of_truth": st.booleans(),
    "colour": st.sampled_from(["#123456", "#ABCDEF", "red", "#0072b2"]),
    "icon": st.sampled_from(["web", "phone", "fax"]),
}
FIELDS = {
    "map": ["title", "description", "scenario"],
    "persona": ["name", "description", "goals"],
    "stage": ["name", "description", "customer_goal"],
    "department": ["name", "colour"],
    "channel": ["name", "icon"],
    "touchpoint": [
        "title",
        "description",
        "emotion",
        "root_cause",
        "feeling",
        "expectation",
        "pain_points",
        "quotes",
        "moment_of_truth",
    ],
}

edit = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(sorted(FIELDS)), st.integers(0, 30), st.data()),
    st.tuples(
        st.just("add"), st.sampled_from(["stage", "department", "channel"]), st.integers(0, 9)
    ),
    st.tuples(
        st.just("remove"),
        st.sampled_from(["stage", "department", "channel"]),
        st.integers(0, 30),
        st.booleans(),
    ),
    st.tuples(
        st.just("reorder"),
        st.sampled_from(["stage", "department"]),
        st.integers(0, 30),
        st.integers(0, 9),
    ),
    st.tuples(
        st.just("move"), st.integers(0, 30), st.integers(0, 30), st.integers(0, 30), st.floats(0, 9)
    ),
    st.tuples(st.just("touchpoint"), st.integers(0, 30), st.booleans()),
)


def ids(doc, kind):
    return [p.id for p in doc.parts(kind)] if kind not in ("map", "persona") else [kind]


def apply(doc, op):
    kind = op[0]
    if kind == "set":
        _, part_kind, k, data = op
        choices = ids(doc, part_kind)
        if not choices:
            return
        field = data.draw(st.sampled_from(FIELDS[part_kind]))
        value = data.draw(VALUES[field])
        doc.set_field(part_kind, choices[k % len(choices)], field, value)
    elif kind == "add":
        _, part_kind, index = op
        getattr(doc, f"add_{part_kind}")(**({"index": index} if part_kind != "channel" else {}))
    elif kind == "remove":
        _, part_kind, k, keep = op
        choices = ids(doc, part_kind)
        if choices:
            target = choices[k % len(choices)]
            if part_kind == "channel":
                doc.remove_channel(target)
            else:
                getattr(doc, f"remove_{part_kind}")(target, keep_touchpoints=keep)
    elif kind == "reorder":
        _, part_kind, k, index = op
        choices = ids(doc, part_kind)
        if choices:
            getattr(doc, f"move_{part_kind}")(choices[k % len(choices)], index)
    elif kind == "move":
        _, t, s, d, position = op
        tps, stages, deps = ids(doc, "touchpoint"), ids(doc, "stage"), ids(doc, "department")
        if tps and stages:
            lane = deps[d % len(deps)] if deps and d % 3 else None
            doc.move_touchpoints({tps[t % len(tps)]: (stages[s % len(stages)], position, lane)})
    elif kind == "touchpoint":
        _, t, add = op
        tps, stages = ids(doc, "touchpoint"), ids(doc, "stage")
        if add and stages:
            doc.add_touchpoint((stages[t % len(stages)], t / 3, None), f"Touchpoint {t}")
        elif tps:
            doc.delete_touchpoints([tps[t % len(tps)]])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(edit, min_size=1, max_size=14))
def test_random_edits_then_undo_everything_gives_the_original_bytes(qapp, ops):
    journey = load_template("car-service-visit")
    original = map_to_bytes(journey)
    doc = JourneyDocument(journey)
    for op in ops:
        with contextlib.suppress(EditRefused):
            apply(doc, op)
        JourneyMap.model_validate(doc.journey.model_dump())  # never invalid in memory
    edited = map_to_bytes(doc.journey)
    while doc.undo_stack.canUndo():
        doc.undo()
    assert map_to_bytes(doc.journey) == original
    while doc.undo_stack.canRedo():
        doc.redo()
    assert map_to_bytes(doc.journey) == edited
