"""Recovery copies, whatever they hold: read_copy gives a Recoverable or MapError naming the
copy; then everything the editor does with a Recoverable works: the recovery dialog's columns
(the title, the last edit as `when` shows it, where()) and Restore (a document on the map, its
file, the PDF it came from and the file's stamp). The map must save and load again.

Copies are made by copy_bytes() and mutated: the whole record (the map inside included), and
its own fields ("edited", "path", "opened_from", "disk_stamp", "format", "version") given
hostile values. See fuzzing.py for the long run (CXMAPPER_FUZZ=long).
"""

import json
import os
from datetime import datetime, timezone

import pytest
from factories import FIXED_TIME, small_map
from fuzzing import (
    DATES,
    NUMBERS,
    SEED,
    STRINGS,
    TEMPLATES,
    Campaign,
    Mutator,
    count,
    examples,
    to_json_bytes,
    usable,
)
from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.recovery import SUFFIX, Recoverable, copy_bytes, read_copy
from cxmapper.model.templates import load_template


def show_and_restore(found) -> None:
    """What the editor does with a copy it read: list it, then restore it."""
    from cxmapper.app.recovery_dialog import when
    from cxmapper.document.document import JourneyDocument

    assert isinstance(found, Recoverable)
    assert found.edited.tzinfo is not None
    row = [found.journey.title, when(found.edited), found.where()]
    assert all(isinstance(cell, str) for cell in row)
    assert all(isinstance(note, str) for note in found.notes)
    found.file_changed_since()
    document = JourneyDocument(found.journey, found.path)  # FileActions.restore
    document.opened_from = found.opened_from
    document.disk_stamp = found.disk_stamp
    document.display_name()
    document.changed_on_disk()
    usable(found.journey)


@pytest.fixture
def places(tmp_path):
    """Files a copy may name: a map, another file, nothing yet, a folder, a link in a loop."""
    (tmp_path / "a map.json").write_bytes(map_to_bytes(small_map()))
    (tmp_path / "notes.txt").write_text("not a map")
    (tmp_path / "folder.json").mkdir()
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    here = str(tmp_path)
    return [
        None, "", "relative.json", "/", here, f"{here}/a map.json", f"{here}/notes.txt",
        f"{here}/new.json", f"{here}/new.txt", f"{here}/folder.json", f"{here}/loop.json",
        f"{here}/pipe.json", f"{here}/\ud800.json", f"{here}/\udcff.json", f"{here}/\udcff",
        f"{here}/" + "a" * 300 + ".json", "/" + "a/" * 2_100 + "x.json", f"{here}/x\x00.json",
        "/dev/null", "/dev/zero", "/proc/self/mem", "C:\\Users\\ana\\map.json",
        "//server/share/map.json", f"{here}/a map.json\n", 5, [], {}, True, 1.5,
    ]  # fmt: skip


STAMPS = [
    None, [1, 2], [-1, 0], [0, -1], [2**70, 2**70], [1.5, 2], [True, 1], [1], [1, 2, 3], "1,2",
    {}, [None, None], [10**30, 0], [-(2**63), 2**63],
]  # fmt: skip
EDITED = [*DATES, None, 5, 1e308, [], {}, "x" * 100, "2026-05-01T09:30:00+14:00", "\ud800"]
RECORD_FIELDS = ("edited", "path", "opened_from", "disk_stamp", "format", "version", "map")


def _maps() -> list:
    return [load_template(p.stem) for p in TEMPLATES[:3]] + [small_map()]


@pytest.mark.slow
def test_mutated_recovery_copies_recover_or_are_refused(tmp_path, places):
    campaign = Campaign("recovery")
    m = Mutator(SEED + 7)
    copy = tmp_path / "recovery" / "1234-abcd" / f"map-1{SUFFIX}"
    copy.parent.mkdir(parents=True)
    maps = _maps()
    records = []
    for journey in maps:
        raw = copy_bytes(journey, tmp_path / "a map.json", None, FIXED_TIME, (1, 2))
        records.append(json.loads(raw))
    for n in range(count("recovery")):
        base = m.rng.randrange(len(records))
        record = json.loads(json.dumps(records[base]))
        said = [f"#{n} a copy of map {base}"]
        for _ in range(m.rng.choice([1, 1, 2, 3])):
            field = m.pick(RECORD_FIELDS)
            if field == "edited":
                record[field] = m.pick(EDITED)
            elif field in ("path", "opened_from"):
                record[field] = m.pick(places)
            elif field == "disk_stamp":
                record[field] = m.pick(STAMPS)
            elif field == "map":
                record["map"], recipe = m.mutate_json(record["map"])
                said.append(f"its map: {recipe}")
                continue
            else:
                record[field] = m.pick([*STRINGS[:10], *NUMBERS[:8], None, "cxmapper-recovery"])
            said.append(f"{field} = {record[field]!r:.80}")
        if m.chance(0.15):
            record, recipe = m.mutate_json(record)
            said.append(f"the record: {recipe}")
        data, how = m.json_bytes(record)
        said.append(how.strip() or "as JSON")
        if m.chance(0.15):
            data, recipe = m.mutate_bytes(data)
            said.append(recipe)
        copy.write_bytes(data)
        campaign.attempt(
            "; ".join(said),
            data,
            lambda: read_copy(copy),
            source=str(copy),
            check=show_and_restore,
        )
    campaign.assert_clean()


# --- hypothesis ---------------------------------------------------------------------------

hypothesis_copies = Campaign("recovery (hypothesis)")
anything = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)


@examples(60)
@given(
    journey=st.sampled_from([small_map(), load_template("car-service-blueprint")]),
    edited=st.sampled_from(EDITED) | anything,
    path=st.sampled_from(["/tmp/x.json", "/tmp/\ud800.json", "", "x"]) | anything,
    opened_from=st.sampled_from(["/tmp/x.pdf", "/\udcff"]) | anything,
    stamp=st.sampled_from(STAMPS) | st.lists(anything, max_size=3),
)
def test_any_fields_around_a_valid_map(tmp_path, journey, edited, path, opened_from, stamp):
    record = json.loads(copy_bytes(journey, None))
    record.update(edited=edited, path=path, opened_from=opened_from, disk_stamp=stamp)
    copy = tmp_path / f"hypothesis{SUFFIX}"
    copy.write_bytes(to_json_bytes(record, ascii_only=True)[0])
    hypothesis_copies.must(lambda: read_copy(copy), show_and_restore, source=str(copy))


@examples(30)
@given(st.datetimes(timezones=st.timezones() | st.just(timezone.utc)))
def test_any_edited_time_copy_bytes_can_write(tmp_path, edited):
    copy = tmp_path / f"edited{SUFFIX}"
    copy.write_bytes(copy_bytes(small_map(), None, edited=edited))
    hypothesis_copies.must(lambda: read_copy(copy), show_and_restore, source=str(copy))


# --- fixed cases --------------------------------------------------------------------------

fixed = Campaign("recovery (fixed cases)")


def _record(**fields):
    record = json.loads(
        copy_bytes(small_map(), None, edited=datetime(2026, 5, 1, tzinfo=timezone.utc))
    )
    record.update(fields)
    return record


FIXED = {
    "edited at the end of time, west": _record(edited="9999-12-31T23:59:59-14:00"),
    "edited at the start of time, east": _record(edited="0001-01-01T00:00:00+14:00"),
    "edited at the start of time, in UTC": _record(edited="0001-01-01T00:00:00+00:00"),
    "edited at the end of time, in UTC": _record(edited="9999-12-31T23:59:59+00:00"),
    "edited as a number": _record(edited=1e308),
    "a path with a lone surrogate": _record(path="/tmp/\ud800.json", disk_stamp=[1, 2]),
    "a path from a file name that is not UTF-8": _record(path="/tmp/\udcff.json"),
    "opened from a path with a lone surrogate": _record(opened_from="/tmp/\ud800.pdf"),
    "a path of 300 characters in one name": _record(path="/tmp/" + "a" * 300 + ".json"),
    "a path too long for the system": _record(path="/" + "a/" * 2_100 + "x.json"),
    "a stamp of huge numbers": _record(path="/tmp/x.json", disk_stamp=[2**70, 2**70]),
    "version true": _record(version=True),
    "the map of version 1 with version 2's fields": _record(
        map={**json.loads(map_to_bytes(small_map())), "schema_version": 1, "curves": []}
    ),
}


@pytest.mark.parametrize("name", list(FIXED))
def test_fixed_case(name, tmp_path):
    copy = tmp_path / f"case{SUFFIX}"
    copy.write_bytes(to_json_bytes(FIXED[name], ascii_only=True)[0])
    fixed.must(lambda: read_copy(copy), show_and_restore, source=str(copy))


# --- at start-up: the whole path, from the folder of a gone editor to the dialog ------------

startup = Campaign("recovery at start-up")


def test_an_editor_starting_after_a_crash_offers_what_it_can_and_sets_aside_the_rest(
    qtbot, tmp_path, places
):
    """A gone editor's folder of mutated copies (its lock free): RecoveryFolder.left_behind()
    reads each (read_copy), sets aside what holds no map, and the recovery dialog lists the
    rest: nothing raises, every copy is either offered or said."""
    from cxmapper.app.recovery import RecoveryFolder
    from cxmapper.app.recovery_dialog import RecoveryDialog

    root = tmp_path / "recovery"
    gone = root / "4242-deadbeef"
    gone.mkdir(parents=True)
    m = Mutator(SEED + 10)
    record = json.loads(copy_bytes(small_map(), tmp_path / "a map.json", None, FIXED_TIME, (1, 2)))
    safe_places = [p for p in places if not (isinstance(p, str) and "\ud800" in p)]
    for n in range(30):  # (the lone surrogate in a path is a fixed case above)
        doc = dict(record, path=m.pick(safe_places), edited=m.pick(EDITED))
        if m.chance(0.5):
            doc, _ = m.mutate_json(doc)
        (gone / f"map-{n}{SUFFIX}").write_bytes(m.json_bytes(doc)[0])
    folder = RecoveryFolder(root)

    def offered():
        sessions = folder.left_behind()
        maps = [found for s in sessions for found in s.maps]
        problems = [p for s in sessions for p in s.problems]
        assert len(maps) + len(problems) == 30, (len(maps), problems)
        for found in maps:
            show_and_restore(found)
        dialog = RecoveryDialog(maps, problems)
        qtbot.addWidget(dialog)
        assert dialog.list.topLevelItemCount() == len(maps)
        for s in sessions:
            s.release()
        return maps

    startup.must(offered)
    folder.close()
