"""Hostile files through the real command line: every command that reads a map ends in exit 2
with a message naming the file, never a traceback, in bounded memory and time (measured on the
process itself, not asserted from inside it)."""

import json
import os
import subprocess
import sys
import time

import pytest
from factories import small_map

from cxmapper.model.fileformat import map_to_bytes, save_map

MOST_MEMORY_MB = 500
MOST_SECONDS = 10


def good_data():
    return json.loads(map_to_bytes(small_map()))


def with_dates(when):
    data = good_data()
    data["metadata"]["created"] = when
    return json.dumps(data).encode()


def with_list_in_contributors():
    data = good_data()
    data["touchpoints"][0]["contributing_department_ids"] = [[]]
    return json.dumps(data).encode()


def version_1_with_version_2_values():
    data = good_data()
    data["schema_version"] = 1
    data["touchpoints"][0]["future_feeling"] = 99
    return json.dumps(data).encode()


def millions_of_tiny_values():
    head = b'{"format": "cxmapper-journey-map", "schema_version": 2, "stages": ['
    return head + b"{}," * 2_500_000 + b"{}]}"


def nested_deeply():
    return b'{"format": "cxmapper-journey-map", "schema_version": 2, "stages": ' + b"[" * 500_000


HOSTILE = {
    "late.json": lambda: with_dates("9999-12-31T23:59:59-14:00"),
    "early.json": lambda: with_dates("0001-01-01T00:00:00+14:00"),
    "lists.json": with_list_in_contributors,
    "v1.json": version_1_with_version_2_values,
    "tiny-values.json": millions_of_tiny_values,
    "deep.json": nested_deeply,
}


# The command line as `cxmapper` runs it, telling its own peak memory (VmHWM) on the way out:
# getrusage's figure for a child would count the test run it was forked from.
RUN = """
import atexit, sys
from cxmapper.cli import main

def peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\nPEAK {kb}\\n")

atexit.register(peak)
sys.exit(main(sys.argv[1:]))
"""


def measured(*args):
    """Run cxmapper; (exit code, stderr, peak memory in MB, seconds)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CXMAPPER_DEBUG", None)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", RUN, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )
    seconds = time.monotonic() - start
    err, _, peak = done.stderr.decode("utf-8", "replace").rpartition("\nPEAK ")
    return done.returncode, err, int(peak) / 1024, seconds


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_map_is_refused_by_every_command_that_reads_it(tmp_path, name):
    hostile = tmp_path / name
    hostile.write_bytes(HOSTILE[name]())
    good = tmp_path / "good.json"
    save_map(small_map(), good)
    commands = [
        ("validate", hostile),
        ("diff", good, hostile),
        ("merge", good, good, hostile, "-o", tmp_path / "merged.json"),
        ("export", hostile, "--json", tmp_path / "out.json"),
    ]
    for command in commands:
        code, err, memory, seconds = measured(*command)
        assert code == 2, (command, err)
        assert "Traceback" not in err and name in err, err
        assert memory < MOST_MEMORY_MB, f"{command[0]}: {memory:.0f} MB"
        assert seconds < MOST_SECONDS, f"{command[0]}: {seconds:.1f} s"
    assert not (tmp_path / "merged.json").exists() and not (tmp_path / "out.json").exists()


IMPORTS = {
    "tall.csv": (b"touchpoint,stage\n" + b"x,s\n" * 4_000_000, "import-csv"),
    "wide.csv": (b"touchpoint,stage\n" + b"a," * 7_000_000 + b"a\n", "import-csv"),
    "nul.csv": (b"touchpoint,stage\n\x00\x00,s\n" * 1000, "import-csv"),
    "long-title.mmd": (b"journey\ntitle " + b"x" * 3_000_000 + b"\n", "import-mermaid"),
    "tasks.mmd": (b"journey\nsection S\n" + b"t: 3: A\n" * 400_000, "import-mermaid"),
    "sections.mmd": (b"journey\n" + b"section\ts\n" * 200_000, "import-mermaid"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_a_hostile_spreadsheet_or_diagram_ends_in_a_map_or_a_message(tmp_path, name):
    data, command = IMPORTS[name]
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.json"
    code, err, memory, seconds = measured(command, source, "-o", out)
    assert "Traceback" not in err, err
    assert (code == 0 and out.exists()) or (code == 2 and name in err and not out.exists()), err
    assert memory < MOST_MEMORY_MB, f"{memory:.0f} MB"
    assert seconds < MOST_SECONDS, f"{seconds:.1f} s"
