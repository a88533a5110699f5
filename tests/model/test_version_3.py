"""File format version 3: dot votes. Every file version 2 wrote opens unchanged in meaning, with
no votes; votes are saved as counts by topic and refused in words when a file holds bad ones; a
version 2 cxmapper refuses a version 3 file."""

import functools
import json
from pathlib import Path

import pytest
from factories import (
    small_map,
    stress_map,
    version_1_data,
    version_2_data,
    voted_journey_maps,
    voted_map,
)
from history import file_at, files_at, last_commit_of, old_cxmapper, run_old, said_the_same
from hypothesis import HealthCheck, given, settings

from cxmapper.model import migrations
from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes, map_to_data
from cxmapper.model.journey import (
    BLUEPRINT_LAYERS,
    MAX_VOTES,
    SCHEMA_VERSION,
    Department,
    JourneyMap,
)
from cxmapper.model.problems import MapError

V1 = sorted((Path(__file__).parent.parent / "data" / "v1").glob("*.json"))
NO_HISTORY = "no git history here to take version 2 from"


def _version_2_templates() -> dict[str, bytes]:
    """The templates as the last version 2 cxmapper shipped them (none without git history)."""
    commit = last_commit_of(2)
    if commit is None:
        return {}
    paths = [p for p in files_at(commit, "resources/templates") if p.endswith(".json")]
    return {Path(p).stem: file_at(commit, p) for p in paths}


V2_TEMPLATES = _version_2_templates()


def _everything_of_version_2() -> JourneyMap:
    """small_map using all that version 2 added: rows, both curves, evidence and sources, the
    future state (feelings, notes, new and removed cards), handoffs, every blueprint layer."""
    journey = small_map()
    journey.rows = ["pain_points", "opportunities", "quotes"]
    journey.curves = "both"
    journey.departments += [
        Department(id=f"d-{layer}", name=f"{layer.title()} team", colour="#009e73")
        for layer in BLUEPRINT_LAYERS
    ]
    for department, layer in zip(journey.departments[2:], BLUEPRINT_LAYERS, strict=True):
        department.blueprint_layer = layer
    journey.departments[0].blueprint_layer = "frontstage"
    first, second = journey.touchpoints
    first.evidence, first.sources = "observed", ["Interview 3", "Web analytics, May"]
    first.future_feeling, first.future_note = 2, "One price, shown up front"
    first.leads_to = [second.id]
    first.contributing_department_ids = ["d-backstage"]
    second.evidence, second.future_state, second.future_feeling = "assumed", "removed", None
    new = second.model_copy(update={"id": "t3", "title": "Welcome call", "future_state": "new"})
    journey.touchpoints.append(new)
    return journey


def _future_only() -> JourneyMap:
    journey = stress_map()
    journey.curves = "future"
    journey.rows = ["quotes"]
    for n, tp in enumerate(journey.touchpoints):
        tp.future_feeling = (n % 5) - 2
        tp.future_state = ("same", "new", "removed")[n % 3]
    return journey


BUILT = {
    "empty": JourneyMap,
    "small": small_map,
    "everything of version 2": _everything_of_version_2,
    "future state only": _future_only,
}


@functools.cache
def _version_2_files() -> dict[str, bytes]:
    """Every version 2 file to open: the maps built here, and the version 2 templates."""
    built = {
        f"built: {name}": (json.dumps(version_2_data(make()), ensure_ascii=False, indent=2) + "\n")
        for name, make in BUILT.items()
    }
    return {
        **{name: text.encode() for name, text in built.items()},
        **{f"template: {name}": data for name, data in V2_TEMPLATES.items()},
    }


def _opens_unchanged_in_meaning(data: bytes) -> None:
    old = json.loads(data)
    assert old["schema_version"] == 2
    journey = map_from_bytes(data)
    assert journey.schema_version == SCHEMA_VERSION == 3
    new = map_to_data(journey)
    said_the_same(old, new)
    # every field as it was, and nothing new said: no votes on any card, none shown
    assert new == {
        **old,
        "schema_version": 3,
        "touchpoints": [{**tp, "votes": {}} for tp in old["touchpoints"]],
        "votes_shown": None,
    }
    assert map_from_bytes(map_to_bytes(journey)) == journey  # and saves as version 3


def test_the_version_2_templates_are_the_ones_version_2_wrote():
    if not V2_TEMPLATES:
        pytest.skip(NO_HISTORY)
    assert len(V2_TEMPLATES) >= 5 and "car-service-blueprint" in V2_TEMPLATES
    for name, data in V2_TEMPLATES.items():
        assert json.loads(data)["schema_version"] == 2, name


@pytest.mark.parametrize("name", sorted(_version_2_files()))
def test_every_version_2_file_opens_unchanged_in_meaning(name):
    _opens_unchanged_in_meaning(_version_2_files()[name])


def test_the_built_version_2_files_say_all_that_version_2_could():
    files = {name: json.loads(data) for name, data in _version_2_files().items()}
    everything = files["built: everything of version 2"]
    assert everything["rows"] and everything["curves"] == "both"
    layers = {d["blueprint_layer"] for d in everything["departments"]}
    assert layers >= set(BLUEPRINT_LAYERS)
    states = {tp["future_state"] for tp in everything["touchpoints"]}
    assert states == {"same", "new", "removed"}
    assert any(tp["leads_to"] for tp in everything["touchpoints"])
    assert any(tp["sources"] and tp["evidence"] for tp in everything["touchpoints"])
    assert files["built: future state only"]["curves"] == "future"


def test_a_version_1_file_opens_as_version_3_through_both_steps():
    data = json.loads(V1[0].read_text(encoding="utf-8"))
    as_2 = migrations.migrate(data, 1, current=2)
    assert as_2["schema_version"] == 2 and "votes_shown" not in as_2
    assert migrations.migrate(data, 1) == migrations.migrate(as_2, 2)
    journey = load_map(V1[0])
    assert journey.schema_version == 3 and journey.votes_shown is None
    assert journey.touchpoints and all(tp.votes == {} for tp in journey.touchpoints)


# --- a version 2 file cannot hold version 3's fields --------------------------------------


def _refusal(data: dict) -> list[str]:
    with pytest.raises(MapError) as refused:
        map_from_bytes(json.dumps(data).encode())
    return refused.value.problems


def test_a_version_2_file_holding_votes_is_refused_by_name():
    data = version_2_data(small_map())
    map_from_bytes(json.dumps(data).encode())  # a true version-2 map reads
    data["touchpoints"][1]["votes"] = {"pain_points": 3}
    data["votes_shown"] = "pain_points"
    assert _refusal(data) == [
        "votes_shown: is not a field of version 2 maps (it came with version 3): set "
        "schema_version to 3",
        'touchpoint "Monthly bill" (touchpoints[1]).votes: is not a field of version 2 maps '
        "(it came with version 3): set schema_version to 3",
    ]
    data["schema_version"] = 3  # as the message says: then the votes are read
    journey = map_from_bytes(json.dumps(data).encode())
    assert journey.touchpoints[1].votes == {"pain_points": 3}
    assert journey.votes_shown == "pain_points"


@pytest.mark.parametrize(
    ("field", "value"), [("votes", {}), ("votes_shown", None), ("votes_shown", "touchpoints")]
)
def test_even_an_empty_version_3_field_in_a_version_2_file_is_refused(field, value):
    data = version_2_data(small_map())
    (data if field == "votes_shown" else data["touchpoints"][0])[field] = value
    problems = _refusal(data)
    assert len(problems) == 1
    assert f"{field}: is not a field of version 2 maps (it came with version 3)" in problems[0]
    if field == "votes":
        assert problems[0].startswith('touchpoint "Compares offers" (touchpoints[0]).votes')


def test_a_version_1_file_holding_votes_is_refused_naming_its_own_version():
    data = version_1_data(small_map())
    data["touchpoints"][0]["votes"] = {"touchpoints": 1}
    data["curves"] = "both"
    assert _refusal(data) == [
        "curves: is not a field of version 1 maps (it came with version 2): set schema_version "
        "to 3",
        'touchpoint "Compares offers" (touchpoints[0]).votes: is not a field of version 1 maps '
        "(it came with version 3): set schema_version to 3",
    ]
    data["schema_version"] = 3  # as the message says: one change, and the map opens
    journey = map_from_bytes(json.dumps(data).encode())
    assert journey.curves == "both" and journey.touchpoints[0].votes == {"touchpoints": 1}


# --- votes in a version 3 file ------------------------------------------------------------


def test_votes_survive_save_and_load():
    journey = voted_map()
    again = map_from_bytes(map_to_bytes(journey))
    assert again == journey
    assert again.touchpoints[1].votes == {"touchpoints": 5, "pain_points": 4, "opportunities": 1}
    assert again.votes_shown == "pain_points"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(voted_journey_maps())
def test_every_map_with_votes_survives_save_and_load_exactly(journey):
    data = map_to_bytes(journey)
    again = map_from_bytes(data)
    assert again == journey
    assert map_to_bytes(again) == data


def _saved_votes(journey) -> list[dict]:
    return [tp["votes"] for tp in json.loads(map_to_bytes(journey))["touchpoints"]]


def test_a_topic_without_dots_is_not_written():
    journey = voted_map()
    journey.touchpoints[0].votes = {"touchpoints": 0}
    journey.touchpoints[1].votes = {"pain_points": 0, "opportunities": 2}
    assert _saved_votes(journey) == [{}, {"opportunities": 2}]
    data = json.loads(map_to_bytes(voted_map()))
    data["touchpoints"][0]["votes"] = {"touchpoints": 0, "pain_points": 0}  # a file may say 0
    assert map_from_bytes(json.dumps(data).encode()).touchpoints[0].votes == {}


def test_topics_are_written_in_one_order_whatever_order_they_came_in():
    journey = voted_map()
    journey.touchpoints[1].votes = {"opportunities": 1, "touchpoints": 2, "pain_points": 3}
    data = map_to_bytes(journey)
    votes = data[data.index(b'"votes": {', data.index(b'"Monthly bill"')) :]
    assert votes.index(b'"touchpoints"') < votes.index(b'"pain_points"')
    assert votes.index(b'"pain_points"') < votes.index(b'"opportunities"')
    doc = json.loads(map_to_bytes(voted_map()))
    doc["touchpoints"][1]["votes"] = {"opportunities": 1, "pain_points": 3, "touchpoints": 2}
    read = map_from_bytes(json.dumps(doc).encode())
    assert list(read.touchpoints[1].votes) == ["touchpoints", "pain_points", "opportunities"]
    assert map_to_bytes(read) == data


def test_the_most_dots_a_card_can_hold_are_kept():
    journey = voted_map()
    journey.touchpoints[1].votes = {"pain_points": MAX_VOTES}
    assert map_from_bytes(map_to_bytes(journey)).touchpoints[1].votes == {"pain_points": MAX_VOTES}


HERE = 'touchpoint "Monthly bill" (touchpoints[1]).votes'
TOPICS = "'touchpoints', 'pain_points' or 'opportunities'"


COUNT = "must be a number of dots from 0 to 100,000"


@pytest.mark.parametrize(
    ("votes", "problem"),
    [
        pytest.param({"pain_points": -1}, f"{HERE}.pain_points: {COUNT}", id="negative"),
        pytest.param({"touchpoints": MAX_VOTES + 1}, f"{HERE}.touchpoints: {COUNT}", id="over"),
        pytest.param({"pain_points": 10**30}, f"{HERE}.pain_points: {COUNT}", id="huge"),
        pytest.param(
            {"dots": 3},
            f'{HERE}: "dots" is not a topic of dot votes (it must be {TOPICS})',
            id="unknown topic",
        ),
        pytest.param(
            {"Pain points": 1},
            f'{HERE}: "Pain points" is not a topic of dot votes (it must be {TOPICS})',
            id="topic as shown",
        ),
        pytest.param(
            {"pain_points": True}, f"{HERE}.pain_points: must be a whole number", id="true"
        ),
        pytest.param({"pain_points": 1.5}, f"{HERE}.pain_points: must be a whole number", id="1.5"),
        pytest.param({"pain_points": "3"}, f"{HERE}.pain_points: must be a whole number", id="'3'"),
        pytest.param(
            {"pain_points": None}, f"{HERE}.pain_points: must be a whole number", id="null"
        ),
        pytest.param(["pain_points"], f"{HERE}: must be an object ({{...}})", id="a list"),
        pytest.param(3, f"{HERE}: must be an object ({{...}})", id="a number"),
    ],
)
def test_bad_votes_are_refused_naming_the_card(votes, problem):
    data = json.loads(map_to_bytes(voted_map()))
    data["touchpoints"][1]["votes"] = votes
    assert _refusal(data) == [problem]


def test_bad_votes_shown_are_refused():
    data = json.loads(map_to_bytes(voted_map()))
    data["votes_shown"] = "dots"
    assert _refusal(data) == [f"votes_shown: must be {TOPICS}"]


def test_a_bad_vote_in_a_file_is_refused_naming_the_file(tmp_path):
    data = json.loads(map_to_bytes(voted_map()))
    data["touchpoints"][0]["votes"] = {"touchpoints": -3}
    path = tmp_path / "workshop.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MapError) as refused:
        load_map(path)
    assert str(refused.value) == (
        f'{path}: touchpoint "Compares offers" (touchpoints[0]).votes.touchpoints: must be a '
        "number of dots from 0 to 100,000"
    )


# --- the real version 2 cxmapper --------------------------------------------------------------


def test_the_real_version_2_cxmapper_refuses_a_version_3_file(tmp_path):
    """The last cxmapper that wrote version 2, out of the project's history, run as it was."""
    old = old_cxmapper(2, tmp_path / "v2")
    if old is None:
        pytest.skip(NO_HISTORY)
    path = tmp_path / "voted.json"
    path.write_bytes(map_to_bytes(voted_map()))
    script = (
        "import sys\n"
        "from cxmapper.model.fileformat import load_map\n"
        "from cxmapper.model.journey import SCHEMA_VERSION\n"
        "assert SCHEMA_VERSION == 2\n"
        "try:\n    load_map(sys.argv[1])\n"
        "except Exception as e:\n    print(e)\n"
    )
    done = run_old(old, script, path, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "made by a newer cxmapper (schema version 3; this cxmapper reads up to version 2)" in (
        done.stdout
    )


def test_the_built_version_2_files_are_what_version_2_wrote(tmp_path):
    """The real version 2 cxmapper reads each built file and saves it again byte for byte: they
    are files it could have written."""
    old = old_cxmapper(2, tmp_path / "v2")
    if old is None:
        pytest.skip(NO_HISTORY)
    paths = []
    for n, (name, data) in enumerate(sorted(_version_2_files().items())):
        if name.startswith("built: "):
            paths.append(tmp_path / f"built-{n}.json")
            paths[-1].write_bytes(data)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cxmapper.model.fileformat import load_map, map_to_bytes\n"
        "for path in sys.argv[1:]:\n"
        "    print(map_to_bytes(load_map(path)) == Path(path).read_bytes())\n"
    )
    done = run_old(old, script, *paths, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"] * len(BUILT)
