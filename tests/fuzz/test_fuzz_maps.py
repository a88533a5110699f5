"""Map files (.json), whatever they hold: a map, or MapError naming the file and the place.

Read as `cxmapper validate`, diff and merge read them (load_map) and as the editor opens them
(JourneyDocument.open); a map that loads must save and load again as the same map. See
fuzzing.py for the long run (CXMAPPER_FUZZ=long).
"""

import json

import pytest
from factories import small_map, stress_map, voted_journey_maps, voted_map
from fuzzing import (
    DATES,
    HOSTILE_VOTE_COUNTS,
    HOSTILE_VOTE_TOPICS,
    SEED,
    STRINGS,
    TEMPLATES,
    V1_MAPS,
    VOTE_TOPICS,
    Campaign,
    Mutator,
    as_version,
    count,
    examples,
    open_in_editor,
    raw,
    to_json_bytes,
    usable,
)
from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes
from cxmapper.model.journey import FORMAT_NAME, MAX_VOTES


def _documents(paths):
    return [json.loads(p.read_bytes()) for p in paths]


def _voted_stress_map():
    """stress_map after a long dot vote: dots on every card, on every topic, the most on one."""
    journey = stress_map()
    for n, tp in enumerate(journey.touchpoints):
        tp.votes = {"touchpoints": n % 7, "pain_points": n % 3, "opportunities": n % 2}
    journey.touchpoints[0].votes = {"pain_points": MAX_VOTES}
    journey.votes_shown = "touchpoints"
    return journey


MAPS = [small_map(), stress_map(), voted_map(), _voted_stress_map()]
DOCS = _documents(TEMPLATES) + [json.loads(map_to_bytes(m)) for m in MAPS]
V2_DOCS = [as_version(d, 2) for d in DOCS[:-2]]  # as version 2 wrote them: no votes
V1_DOCS = _documents(V1_MAPS)


def _reader(data: bytes, path, how: str):
    """A quarter of the inputs are read from a file, as `cxmapper validate` (load_map) or the
    editor (File > Open) read them; the rest from memory, as both do once the file is read."""
    if how == "memory":
        return lambda: map_from_bytes(data)
    path.write_bytes(data)
    return (lambda: open_in_editor(path)) if how == "editor" else (lambda: load_map(path))


def _campaign(name, docs, tmp_path, seed, older=None):
    """`older`: the mutator's edit that puts later versions' fields in an older file (on half
    of the inputs)."""
    campaign = Campaign(name)
    m = Mutator(seed)
    path = tmp_path / "fuzzed map.json"
    corpus = [json.dumps(d).encode() for d in docs]
    for n in range(count(name)):
        base = m.rng.randrange(len(docs))
        doc, recipe = m.mutate_json(docs[base])
        if older and m.chance(0.5) and isinstance(doc, dict):
            doc, more = older(m, doc)
            recipe += "; " + more
        data, how = m.json_bytes(doc)
        recipe = f"#{n} from {name} document {base}: {recipe}{how}"
        byte_edits = m.chance(0.2)
        if byte_edits:
            data, said = m.mutate_bytes(data, corpus)
            recipe += "; " + said
        reader = m.pick(["memory"] * 6 + ["file", "editor"])

        def remake(d, reader=reader):
            small, _ = to_json_bytes(d)
            return small, _reader(small, path, reader)

        campaign.attempt(
            f"{recipe} (read from {reader})",
            data,
            _reader(data, path, reader),
            source="" if reader == "memory" else str(path),
            check=usable,
            doc=None if byte_edits else doc,
            remake=remake,
        )
    campaign.assert_clean()


@pytest.mark.slow
def test_mutated_maps_load_or_are_refused(tmp_path):
    _campaign("map", DOCS, tmp_path, SEED)


@pytest.mark.slow
def test_mutated_version_1_maps_load_or_are_refused(tmp_path):
    _campaign("v1map", V1_DOCS, tmp_path, SEED + 1, older=Mutator.version_2_in_1)


@pytest.mark.slow
def test_mutated_version_2_maps_load_or_are_refused(tmp_path):
    _campaign("v2map", V2_DOCS, tmp_path, SEED + 2, older=Mutator.version_3_in_2)


# --- hypothesis ---------------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(DATES + STRINGS)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
hypothesis_maps = Campaign("map (hypothesis)")


def _paths(doc, path=()):
    yield path
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*path, i))


@examples(40)
@given(journey=voted_journey_maps(), data=st.data())
def test_a_valid_map_with_any_value_anywhere(journey, data):
    doc = json.loads(map_to_bytes(journey))
    paths = [p for p in _paths(doc) if p]
    path = data.draw(st.sampled_from(paths), label="path")
    value = data.draw(json_values, label="value")
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    raw, _ = to_json_bytes(doc, ascii_only=data.draw(st.booleans(), label="ascii"))
    hypothesis_maps.must(lambda: map_from_bytes(raw), usable)


@examples(60)
@given(
    st.binary(max_size=400)
    | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_any_bytes(data):
    hypothesis_maps.must(lambda: map_from_bytes(data), usable)


_KEYS = ["id", "name", "title", "stage_id", "department_id", "channel_id", "feeling", "position"]
parts = st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=5), json_values, max_size=6)
votes = st.dictionaries(
    st.sampled_from(VOTE_TOPICS + HOSTILE_VOTE_TOPICS) | st.text(max_size=5),
    st.integers(-2, MAX_VOTES + 2) | st.sampled_from(HOSTILE_VOTE_COUNTS) | json_values,
    max_size=4,
)
touchpoints = st.builds(
    lambda part, more: {**part, **more},
    parts,
    st.fixed_dictionaries({}, optional={"votes": votes | json_values}),
)


@examples(60)
@given(
    version=st.sampled_from([1, 2, 3]) | json_scalars,
    fields=st.fixed_dictionaries(
        {},
        optional={
            "title": json_values,
            "stages": st.lists(parts, max_size=3) | json_values,
            "departments": st.lists(parts, max_size=3) | json_values,
            "channels": st.lists(parts, max_size=3),
            "touchpoints": st.lists(touchpoints, max_size=3) | json_values,
            "persona": st.dictionaries(st.sampled_from(["name", "goals", "x"]), json_values),
            "metadata": st.dictionaries(
                st.sampled_from(["created", "modified", "authors", "app_version"]),
                st.sampled_from(DATES) | json_values,
            ),
            "rows": json_values,
            "curves": json_values,
            "votes_shown": st.sampled_from([None, *VOTE_TOPICS]) | json_values,
        },
    ),
)
def test_any_document_of_the_right_format(version, fields):
    doc = {"format": FORMAT_NAME, "schema_version": version, **fields}
    raw, _ = to_json_bytes(doc)
    hypothesis_maps.must(lambda: map_from_bytes(raw), usable)


# --- fixed cases: what fuzzing found (each must load or be refused with MapError) -------------

fixed = Campaign("map (fixed cases)")


def _doc(**fields):
    return {"format": FORMAT_NAME, "schema_version": 2, **fields}


def _tp(**fields):
    return {"id": "t1", "title": "T", "stage_id": "s1", **fields}


STAGE = [{"id": "s1", "name": "S"}]
FIXED = {
    # The file's dates: a time zone moves them past year 9999 or before year 1.
    "created at the end of time, west": _doc(metadata={"created": "9999-12-31T23:59:59-14:00"}),
    "created at the start of time, east": _doc(metadata={"created": "0001-01-01T00:00:00+14:00"}),
    "modified at the end of time": _doc(metadata={"modified": "9999-12-31T23:59:59.999999-00:01"}),
    # A list where an id is expected, in a list the whole-map checks go through.
    "contributing department [[]]": _doc(
        stages=STAGE, touchpoints=[_tp(contributing_department_ids=[[]])]
    ),
    "contributing department {}": _doc(
        stages=STAGE, touchpoints=[_tp(contributing_department_ids=[{}])]
    ),
    "handoff [[]]": _doc(stages=STAGE, touchpoints=[_tp(leads_to=[[]])]),
    "a version-1 file with a list in contributing departments": {
        **_doc(stages=STAGE, touchpoints=[_tp(contributing_department_ids=[[]])]),
        "schema_version": 1,
    },
    "a version-1 file with version-2 fields, wrong": {
        **_doc(
            stages=STAGE,
            departments=[{"id": "d", "name": "D", "blueprint_layer": 7}],
            touchpoints=[_tp(evidence=[], leads_to=[[]], future_feeling="x")],
            curves=[],
            rows={},
        ),
        "schema_version": 1,
    },
    "a version-2 file with version-3 fields, wrong": _doc(
        stages=STAGE, touchpoints=[_tp(votes={"dots": -1, "pain_points": "3"})], votes_shown=[]
    ),
    "a version-1 file with version-2 and version-3 fields": {
        **_doc(stages=STAGE, touchpoints=[_tp(votes={}, leads_to=[])], curves="both"),
        "schema_version": 1,
    },
    "votes of every wrong kind": {
        **_doc(
            stages=STAGE,
            touchpoints=[
                _tp(id=f"t{n}", votes=votes)
                for n, votes in enumerate(
                    [
                        {"pain_points": raw("9" * 5_000)},
                        {"touchpoints": raw("1e99999")},
                        {"opportunities": raw("NaN")},
                        {raw('"\\ud800"'): 1},
                        {"pain_points": 2**63, "dots": [], "": None},
                        {"touchpoints": True, "pain_points": 1.5, "opportunities": -0.0},
                    ]
                )
            ],
            votes_shown={"pain_points": 1},
        ),
        "schema_version": 3,
    },
    "schema version of 400 digits": {**_doc(), "schema_version": raw("9" * 400)},
    "an id as a lone surrogate": _doc(stages=[{"id": raw('"\\ud800"'), "name": "S"}]),
    "a title as a lone surrogate": _doc(title=raw('"\\udfff\\ud800"')),
    "nested 100000 deep": _doc(title=raw("[" * 100_000 + "]" * 100_000)),
}


@pytest.mark.parametrize("name", list(FIXED))
def test_fixed_case(name, tmp_path):
    path = tmp_path / "case.json"
    path.write_bytes(to_json_bytes(FIXED[name])[0])
    fixed.must(lambda: load_map(path), usable, source=str(path))
    fixed.must(lambda: open_in_editor(path), usable, source=str(path))
