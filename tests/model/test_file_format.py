"""The .json format: exact round trips, stable bytes, and clear refusals of bad files."""

import json
import os

import pytest
from factories import journey_maps, small_map, version_1_data
from hypothesis import HealthCheck, given, settings

from cxmapper.model import migrations
from cxmapper.model.fileformat import (
    MAX_FILE_BYTES,
    load_map,
    map_from_bytes,
    map_from_data,
    map_to_bytes,
    save_map,
)
from cxmapper.model.journey import SCHEMA_VERSION, JourneyMap
from cxmapper.model.problems import MapError


def problems_of(raw, tmp_path, name="map.json"):
    path = tmp_path / name
    path.write_bytes(raw if isinstance(raw, bytes) else json.dumps(raw).encode())
    with pytest.raises(MapError) as caught:
        load_map(path)
    return caught.value


def as_data(journey):
    return json.loads(map_to_bytes(journey))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_every_valid_map_survives_save_and_load_exactly(journey):
    data = map_to_bytes(journey)
    again = map_from_bytes(data)
    assert again == journey
    assert map_to_bytes(again) == data


def test_output_is_pretty_utf8_with_newline_and_stable(journey):
    journey.touchpoints[0].title = "Café 東京 🙂"
    data = map_to_bytes(journey)
    assert data.endswith(b"}\n")
    assert "Café 東京 🙂".encode() in data  # readable in diffs, not \u escapes
    assert b'\n  "format": "cxmapper-journey-map",\n  "schema_version": 3,' in data
    assert map_to_bytes(map_from_bytes(data)) == data == map_to_bytes(journey.model_copy(deep=True))


def test_save_and_load_file(tmp_path, journey):
    path = tmp_path / "journey.json"
    save_map(journey, path)
    assert load_map(path) == journey


def test_a_bom_is_accepted(journey):
    assert map_from_bytes(b"\xef\xbb\xbf" + map_to_bytes(journey)) == journey


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["touchpoints"][1].update(feeling=5),
            'touchpoint "Monthly bill" (touchpoints[1]).feeling: must be between -2',
        ),
        (
            lambda d: d["touchpoints"][1].update(feeling="bad"),
            'touchpoint "Monthly bill" (touchpoints[1]).feeling: must be a whole number',
        ),
        (
            lambda d: d["touchpoints"][1].update(feeling=True),
            'touchpoint "Monthly bill" (touchpoints[1]).feeling: must be a whole number',
        ),
        (
            lambda d: d["touchpoints"][0].update(stage_id="s-gone"),
            'touchpoint "Compares offers" (touchpoints[0]).stage_id: refers to stage "s-gone", which is not in the map',
        ),
        (
            lambda d: d["touchpoints"][0].update(department_id="d-x"),
            'touchpoint "Compares offers" (touchpoints[0]).department_id: refers to department "d-x"',
        ),
        (
            lambda d: d["touchpoints"][0].update(channel_id="fax"),
            'touchpoint "Compares offers" (touchpoints[0]).channel_id: refers to channel "fax"',
        ),
        (
            lambda d: d["touchpoints"][0].update(contributing_department_ids=["d-sales", "nope"]),
            'contributing_department_ids[1]: refers to department "nope"',
        ),
        (
            lambda d: d["stages"][1].update(id="s-sales"),
            'stage "Monthly bill" (stages[1]).id: the id "s-sales" is already used by stage "Sales" (stages[0])',
        ),
        (
            lambda d: d["departments"][0].update(colour="blue"),
            'department "Sales" (departments[0]).colour: must be a colour written as #rrggbb',
        ),
        (
            lambda d: d["touchpoints"][0].update(title=""),
            "(touchpoints[0]).title: must not be empty",
        ),
        (
            lambda d: d["touchpoints"][0].update(title="x" * 201),
            "(touchpoints[0]).title: is too long (at most 200 characters)",
        ),
        (
            lambda d: d["touchpoints"][0].update(expectation="great"),
            "(touchpoints[0]).expectation: must be 'unknown', 'below', 'met' or 'exceeded'",
        ),
        (
            lambda d: d["touchpoints"][0].update(position=-1),
            "(touchpoints[0]).position: must be a number from 0 to 1000000",
        ),
        (
            lambda d: d["touchpoints"][0].pop("stage_id"),
            'touchpoint "Compares offers" (touchpoints[0]).stage_id: is missing',
        ),
        (
            lambda d: d["touchpoints"][0].update(colour="#ffffff"),
            "(touchpoints[0]).colour: is not a field cxmapper knows",
        ),
        (lambda d: d.update(stages="Sales"), "stages: must be a list"),
        (lambda d: d["persona"].update(goals=["a\nb"]), "persona.goals[0]: must be a single line"),
        (
            lambda d: d["metadata"].update(created="2026-05-01T10:00:00"),
            "metadata.created: must be a date and time with a time zone",
        ),
        (
            lambda d: d["touchpoints"][0].update(id="has space"),
            "(touchpoints[0]).id: must be an id of letters, digits",
        ),
    ],
)
def test_invalid_maps_are_refused_naming_the_place(tmp_path, change, expected):
    data = as_data(small_map())
    change(data)
    error = problems_of(data, tmp_path)
    assert any(expected in p for p in error.problems), error.problems
    assert "map.json" in error.message()


def test_every_problem_is_listed_at_once(tmp_path):
    data = as_data(small_map())
    data["touchpoints"][0]["feeling"] = 9
    data["touchpoints"][1]["expectation"] = "?"
    data["title"] = ""
    error = problems_of(data, tmp_path)
    assert len(error.problems) == 3
    assert "3 problems" in error.message()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "the file is empty"),
        (
            b'{"format": "cxmapper-journey-map",\n  "title": "x",,}',
            "not valid JSON: Expecting property name enclosed in double quotes at line 2, column 16",
        ),
        (b"\xff\xfe{}", "not UTF-8 text: invalid byte at line 1, column 1"),
        (b"[1, 2]", "not a cxmapper journey map: the file holds JSON, but not an object"),
        (b'{"title": "x"}', 'not a cxmapper journey map: it has no "format" field'),
        (b'{"format": "drawio"}', 'its "format" is "drawio"'),
        (b'{"format": "cxmapper-journey-map"}', "schema_version: must be a whole number"),
        (
            b'{"format": "cxmapper-journey-map", "schema_version": "1"}',
            "schema_version: must be a whole number",
        ),
        (
            b'{"format": "cxmapper-journey-map", "schema_version": 0}',
            "schema_version: 0 is not a version cxmapper has ever written",
        ),
        (
            b'{"format": "cxmapper-journey-map", "schema_version": 99, "future": 1}',
            "made by a newer cxmapper (schema version 99",
        ),
        (
            b'{"format": "cxmapper-journey-map", "schema_version": 1, "title": "a", "title": "b"}',
            'the key "title" appears twice',
        ),
        (
            b'{"format": "cxmapper-journey-map", "schema_version": 1, "touchpoints": [{"position": NaN}]}',
            "NaN is not a number JSON allows",
        ),
        (b'{"a": ' + b"1" * 5000 + b"}", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"%PDF-1.7\n%binary", "this PDF cannot be read"),
    ],
)
def test_broken_and_hostile_files_get_a_clear_message(tmp_path, raw, expected):
    error = problems_of(raw, tmp_path)
    assert any(expected in p for p in error.problems), error.problems


def test_oversized_files_are_refused_before_reading(tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(MapError, match=r"too large \(32 MB; the limit is 32 MB\)"):
        load_map(path)


def test_folders_missing_files_and_pipes_are_refused(tmp_path):
    with pytest.raises(MapError, match="it is a folder"):
        load_map(tmp_path)
    with pytest.raises(MapError, match="does not exist"):
        load_map(tmp_path / "nope.json")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        with pytest.raises(MapError, match="not a regular file"):
            load_map(tmp_path / "pipe.json")  # would block forever if it were opened


def test_migrations_run_step_by_step_and_keep_everything(monkeypatch):
    """The mechanism, with a pretend version 2 that renamed `scenario` to `journey_goal`."""
    seen = []

    def v1_to_v2(data):
        seen.append(data["schema_version"])
        data["journey_goal"] = data.pop("scenario")
        return data

    data = as_data(small_map()) | {"schema_version": 1}
    upgraded = migrations.migrate(data, 1, current=2, steps={1: v1_to_v2})
    assert seen == [1]
    assert upgraded["schema_version"] == 2
    assert upgraded["journey_goal"] == "Switches provider"
    assert "scenario" not in upgraded
    with pytest.raises(migrations.NewerFileError):
        migrations.migrate(data, 3, current=2, steps={1: v1_to_v2})


def test_loading_goes_through_the_registered_steps(monkeypatch):
    """A file of an older version is upgraded by STEPS before validation."""

    def v0_to_v1(data):
        data["scenario"] = data.pop("goal")
        return data

    monkeypatch.setitem(migrations.STEPS, 0, v0_to_v1)
    data = version_1_data(small_map())  # a version-0 file cannot hold what version 2 added
    data["schema_version"] = 0
    data["goal"] = data.pop("scenario")
    journey = map_from_data(data)
    assert journey.scenario == "Switches provider"
    assert journey.schema_version == SCHEMA_VERSION


def test_building_an_invalid_map_in_code_fails_too():
    with pytest.raises(ValueError, match="refers to stage"):
        JourneyMap.model_validate(
            {**as_data(small_map()), "stages": [{"id": "other", "name": "X"}]}
        )


@pytest.mark.parametrize(
    ("char", "code"), [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\x85", "U+0085")]
)
def test_control_characters_are_refused_with_their_code(tmp_path, char, code):
    data = as_data(small_map())
    data["touchpoints"][0]["description"] = f"ok{char}"
    error = problems_of(data, tmp_path)
    assert error.problems == [
        f'touchpoint "Compares offers" (touchpoints[0]).description: contains a control character ({code}) at position 3'
    ]


def test_tabs_and_line_breaks_are_text():
    journey = small_map()
    journey.touchpoints[0].description = "line one\r\n\tline two"
    assert map_from_bytes(map_to_bytes(journey)) == journey


def test_broken_references_are_listed_with_bad_values_in_one_run(tmp_path):
    data = as_data(small_map())
    data["touchpoints"][0]["stage_id"] = "nope"
    data["touchpoints"][1]["feeling"] = 9
    problems = problems_of(data, tmp_path).problems
    assert any("(touchpoints[1]).feeling" in p for p in problems)
    assert any('(touchpoints[0]).stage_id: refers to stage "nope"' in p for p in problems)


def test_names_quoted_in_messages_cannot_carry_terminal_escapes(tmp_path):
    data = as_data(small_map())
    data["touchpoints"][0]["title"] = "\x1b[31mRED\u202e"
    data["touchpoints"][0]["feeling"] = 7
    message = problems_of(data, tmp_path).message()
    assert "\x1b" not in message and "\u202e" not in message


def test_names_are_trimmed_and_dates_must_be_text(tmp_path):
    journey = small_map()
    journey.stages[0].name = "  Sales  "
    assert journey.stages[0].name == "Sales"
    data = as_data(small_map())
    data["metadata"]["created"] = 0
    assert any(
        "metadata.created: must be a date and time" in p
        for p in problems_of(data, tmp_path).problems
    )
