"""File format version 2: the blueprint, evidence and the future state. Every file version 1
wrote opens unchanged in meaning; a version 1 cxmapper refuses a version 2 file."""

import json
from pathlib import Path

import pytest

from cxmapper.model import fileformat, migrations
from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes, map_to_data
from cxmapper.model.problems import MapError

V1 = sorted((Path(__file__).parent.parent / "data" / "v1").glob("*.json"))


def _said_the_same(old, new, where="map"):
    """Everything the old data says, the new data says too (it may say more)."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            if key == "schema_version":
                continue
            assert key in new, f"{where}.{key} was lost"
            _said_the_same(value, new[key], f"{where}.{key}")
    elif isinstance(old, list):
        assert isinstance(new, list) and len(new) == len(old), where
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _said_the_same(a, b, f"{where}[{i}]")
    else:
        assert old == new, f"{where}: {old!r} became {new!r}"


def test_the_version_1_files_are_the_ones_version_1_wrote():
    assert len(V1) >= 7  # the four templates, the stress map, an empty map, one with rows
    for path in V1:
        assert json.loads(path.read_text())["schema_version"] == 1, path.name


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_every_version_1_file_opens_unchanged_in_meaning(path):
    old = json.loads(path.read_text(encoding="utf-8"))
    journey = load_map(path)
    assert journey.schema_version == 2
    new = map_to_data(journey)
    _said_the_same(old, new)
    # and it says nothing new: no layer, no evidence, no future state, no handoff
    assert all(d["blueprint_layer"] is None for d in new["departments"])
    for tp in new["touchpoints"]:
        assert tp["evidence"] is None and tp["sources"] == [] and tp["leads_to"] == []
        assert tp["future_feeling"] is None and tp["future_note"] == ""
        assert tp["future_state"] == "same"
    assert new["curves"] == "current"
    assert map_from_bytes(map_to_bytes(journey)) == journey  # and saves as version 2


def test_the_migration_is_a_step_on_plain_data():
    data = json.loads(V1[0].read_text(encoding="utf-8"))
    upgraded = migrations.migrate(data, 1)
    assert upgraded["schema_version"] == 2
    assert upgraded["touchpoints"][0]["future_state"] == "same"
    assert upgraded["departments"][0]["blueprint_layer"] is None


def test_a_version_1_cxmapper_refuses_a_version_2_file(monkeypatch, tmp_path):
    """Version 1's loader: reads up to schema 1, with the check it has always had."""
    path = tmp_path / "future.json"
    path.write_bytes(map_to_bytes(load_map(V1[0])))  # saved by this cxmapper: version 2
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(fileformat, "migrate", lambda d, v: migrations.migrate(d, v, current=1))
    with pytest.raises(MapError) as caught:
        load_map(path)
    message = str(caught.value)
    assert "made by a newer cxmapper (schema version 2; this cxmapper reads up to version 1)" in (
        message
    )


def test_a_file_from_a_cxmapper_newer_still_is_refused_by_this_one():
    data = map_to_data(load_map(V1[0])) | {"schema_version": 3}
    with pytest.raises(MapError) as caught:
        fileformat.map_from_data(data)
    assert "made by a newer cxmapper (schema version 3" in str(caught.value)


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


ROOT = Path(__file__).resolve().parent.parent.parent


def _version_1_source(into: Path) -> Path | None:
    """cxmapper as it was before version 2, out of the project's own git history (None when
    this is not a git checkout, such as a source archive)."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    found = subprocess.run(
        [
            git,
            "-C",
            ROOT,
            "log",
            "--format=%H",
            "-S",
            "SCHEMA_VERSION = 2",
            "--",
            "cxmapper/model/journey.py",
        ],
        capture_output=True,
        text=True,
    )
    commits = found.stdout.split()
    if found.returncode or not commits:
        return None
    archive = subprocess.run(
        [git, "-C", ROOT, "archive", f"{commits[-1]}^", "cxmapper"], capture_output=True
    )
    if archive.returncode:
        return None
    import io as _io
    import tarfile

    with tarfile.open(fileobj=_io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def test_the_real_version_1_cxmapper_refuses_a_version_2_file(tmp_path):
    import subprocess
    import sys

    old = _version_1_source(tmp_path / "v1")
    if old is None:
        pytest.skip("no git history here to take version 1 from")
    path = tmp_path / "future.json"
    path.write_bytes(map_to_bytes(load_map(V1[0])))
    script = (
        "import sys\n"
        "from cxmapper.model.fileformat import load_map\n"
        "from cxmapper.model.journey import SCHEMA_VERSION\n"
        "assert SCHEMA_VERSION == 1\n"
        "try:\n    load_map(sys.argv[1])\n"
        "except Exception as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(old), "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    assert "made by a newer cxmapper (schema version 2; this cxmapper reads up to version 1)" in (
        done.stdout
    )
