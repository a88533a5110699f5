"""File format version 2: the blueprint, evidence and the future state. Every file version 1
wrote opens unchanged in meaning (now as a map of the current version); a version 1 cxmapper
refuses a version 2 file, and any later one."""

import json
from pathlib import Path

import pytest
from factories import version_2_data
from history import old_cxmapper, run_old, said_the_same

from cxmapper.model import fileformat, migrations
from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes, map_to_data
from cxmapper.model.journey import SCHEMA_VERSION
from cxmapper.model.problems import MapError

V1 = sorted((Path(__file__).parent.parent / "data" / "v1").glob("*.json"))


def test_the_version_1_files_are_the_ones_version_1_wrote():
    assert len(V1) >= 7  # the four templates, the stress map, an empty map, one with rows
    for path in V1:
        assert json.loads(path.read_text())["schema_version"] == 1, path.name


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_every_version_1_file_opens_unchanged_in_meaning(path):
    old = json.loads(path.read_text(encoding="utf-8"))
    journey = load_map(path)
    assert journey.schema_version == SCHEMA_VERSION == 3
    new = map_to_data(journey)
    said_the_same(old, new)
    # and it says nothing new: no layer, no evidence, no future state, no handoff, no votes
    assert all(d["blueprint_layer"] is None for d in new["departments"])
    for tp in new["touchpoints"]:
        assert tp["evidence"] is None and tp["sources"] == [] and tp["leads_to"] == []
        assert tp["future_feeling"] is None and tp["future_note"] == ""
        assert tp["future_state"] == "same"
        assert tp["votes"] == {}
    assert new["curves"] == "current"
    assert new["votes_shown"] is None
    assert map_from_bytes(map_to_bytes(journey)) == journey  # and saves as version 3


def test_the_migration_is_a_step_on_plain_data():
    data = json.loads(V1[0].read_text(encoding="utf-8"))
    upgraded = migrations.migrate(data, 1, current=2)
    assert upgraded["schema_version"] == 2
    assert upgraded["touchpoints"][0]["future_state"] == "same"
    assert upgraded["departments"][0]["blueprint_layer"] is None
    assert "votes" not in upgraded["touchpoints"][0]  # version 2 had no votes
    assert migrations.migrate(data, 1) == migrations.migrate(upgraded, 2)  # then the next step


def _future_files(tmp_path):
    """A version 2 file, and the file this cxmapper saves (version 3 now), of the same map."""
    v2, now = tmp_path / "version 2.json", tmp_path / "saved now.json"
    v2.write_text(json.dumps(version_2_data(load_map(V1[0]))), encoding="utf-8")
    now.write_bytes(map_to_bytes(load_map(V1[0])))
    return {2: v2, SCHEMA_VERSION: now}


def test_a_version_1_cxmapper_refuses_a_version_2_file(monkeypatch, tmp_path):
    """Version 1's loader: reads up to schema 1, with the check it has always had."""
    files = _future_files(tmp_path)
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(fileformat, "migrate", lambda d, v: migrations.migrate(d, v, current=1))
    for version, path in files.items():
        with pytest.raises(MapError) as caught:
            load_map(path)
        message = str(caught.value)
        assert (
            f"made by a newer cxmapper (schema version {version}; this cxmapper reads up to "
            "version 1)" in message
        )


def test_a_file_from_a_cxmapper_newer_still_is_refused_by_this_one():
    data = map_to_data(load_map(V1[0])) | {"schema_version": SCHEMA_VERSION + 1}
    with pytest.raises(MapError) as caught:
        fileformat.map_from_data(data)
    assert f"made by a newer cxmapper (schema version {SCHEMA_VERSION + 1}" in str(caught.value)


def test_handoffs_must_lead_to_touchpoints_of_the_map_once_and_never_to_themselves():
    data = map_to_data(load_map(V1[0]))
    first, second = data["touchpoints"][0], data["touchpoints"][1]
    first["leads_to"] = [first["id"], "nowhere", second["id"], second["id"]]
    with pytest.raises(MapError) as caught:
        fileformat.map_from_data(data)
    problems = "\n".join(caught.value.problems)
    assert "leads_to[0]: a touchpoint cannot hand off to itself" in problems
    assert 'leads_to[1]: refers to touchpoint "nowhere", which is not in the map' in problems
    assert f'leads_to[3]: hands off to touchpoint "{second["id"]}" twice' in problems
    assert f'touchpoint "{first["title"]}" (touchpoints[0]).leads_to' in problems  # by name


def test_new_fields_are_checked_in_the_users_words():
    data = map_to_data(load_map(V1[0]))
    data["touchpoints"][0]["evidence"] = "rumoured"
    data["touchpoints"][0]["future_feeling"] = 5
    data["departments"][0]["blueprint_layer"] = "basement"
    with pytest.raises(MapError) as caught:
        fileformat.map_from_data(data)
    problems = "\n".join(caught.value.problems)
    assert "evidence" in problems and "observed" in problems
    assert "future_feeling" in problems and "2" in problems
    assert "blueprint_layer" in problems and "frontstage" in problems


def test_the_real_version_1_cxmapper_refuses_a_version_2_file(tmp_path):
    old = old_cxmapper(1, tmp_path / "v1")
    if old is None:
        pytest.skip("no git history here to take version 1 from")
    files = _future_files(tmp_path)
    script = (
        "import sys\n"
        "from cxmapper.model.fileformat import load_map\n"
        "from cxmapper.model.journey import SCHEMA_VERSION\n"
        "assert SCHEMA_VERSION == 1\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n        load_map(path)\n"
        "    except Exception as e:\n        print(e)\n"
    )
    done = run_old(old, script, *files.values(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    refusals = done.stdout.splitlines()
    assert len(refusals) == 2, done.stdout
    for version, refusal in zip(files, refusals, strict=True):
        assert (
            f"made by a newer cxmapper (schema version {version}; this cxmapper reads up to "
            "version 1)" in refusal
        )
