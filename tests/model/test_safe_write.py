"""Saving never leaves a broken or missing file, whatever fails and whenever the process dies."""

import errno
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap

import pytest
from factories import small_map

from cxmapper.model.fileformat import load_map, map_to_bytes, save_map
from cxmapper.model.safe_write import TEMP_SUFFIX, SaveError, backup_paths, write_atomically


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_previous_versions_are_kept_as_rotating_backups(tmp_path):
    path = tmp_path / "journey.json"
    for version in range(1, 6):
        write_atomically(path, f"v{version}".encode(), backups=3)
    assert path.read_bytes() == b"v5"
    assert [p.name for p in backup_paths(path, 3)] == [
        "journey.json.bak",
        "journey.json.bak2",
        "journey.json.bak3",
    ]
    assert [p.read_bytes() for p in backup_paths(path, 3)] == [b"v4", b"v3", b"v2"]
    assert not (tmp_path / "journey.json.bak4").exists()
    assert leftovers(tmp_path) == []


def test_saving_identical_content_changes_nothing(tmp_path):
    path = tmp_path / "journey.json"
    write_atomically(path, b"one", backups=3)
    write_atomically(path, b"two", backups=3)
    write_atomically(path, b"two", backups=3)
    assert (tmp_path / "journey.json.bak").read_bytes() == b"one"
    assert not (tmp_path / "journey.json.bak2").exists()


def test_the_files_permissions_are_kept(tmp_path):
    path = tmp_path / "journey.json"
    write_atomically(path, b"one")
    os.chmod(path, 0o640)
    write_atomically(path, b"two")
    assert (os.stat(path).st_mode & 0o777) == 0o640


@pytest.mark.parametrize(
    ("broken", "error", "reason"),
    [
        ("os.replace", OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        ("os.fsync", OSError(errno.EIO, "Input/output error"), "Input/output error"),
        (
            "tempfile.mkstemp",
            PermissionError(errno.EACCES, "Permission denied"),
            "permission denied",
        ),
    ],
)
def test_a_failed_save_raises_a_clear_error_and_leaves_the_file_untouched(
    tmp_path, monkeypatch, broken, error, reason
):
    path = tmp_path / "journey.json"
    save_map(small_map(), path)
    before = path.read_bytes()
    changed = small_map()
    changed.title = "Changed"

    def fail(*args, **kwargs):
        raise error

    module, name = broken.split(".")
    monkeypatch.setattr({"os": os, "tempfile": tempfile}[module], name, fail)
    with pytest.raises(SaveError, match=reason):
        save_map(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores permissions"
)
def test_a_read_only_folder_is_reported(tmp_path):
    path = tmp_path / "journey.json"
    save_map(small_map(), path)
    os.chmod(tmp_path, 0o555)
    try:
        with pytest.raises(SaveError, match="permission denied"):
            save_map(small_map().model_copy(update={"title": "New"}), path)
    finally:
        os.chmod(tmp_path, 0o755)


def test_a_folder_in_the_way_is_reported(tmp_path):
    (tmp_path / "journey.json").mkdir()
    with pytest.raises(SaveError, match="not a regular file"):
        save_map(small_map(), tmp_path / "journey.json")


def test_a_missing_folder_is_reported(tmp_path):
    with pytest.raises(SaveError, match="folder does not exist"):
        save_map(small_map(), tmp_path / "gone" / "journey.json")


SAVER = textwrap.dedent(
    """
    import sys
    from cxmapper.model.safe_write import write_atomically
    path, first, second = sys.argv[1:4]
    versions = [open(first, "rb").read(), open(second, "rb").read()]
    print("saving", flush=True)
    i = 0
    while True:
        write_atomically(path, versions[i % 2], backups=3)
        i += 1
    """
)


@pytest.mark.slow
def test_killing_the_process_mid_save_never_leaves_a_broken_file(tmp_path):
    """SIGKILL a process that saves big maps in a loop, at random moments; check what is left."""
    big = small_map()
    big.touchpoints = [
        t.model_copy(update={"id": f"t{i}", "description": "words " * 200})
        for i in range(400)
        for t in big.touchpoints[:1]
    ]
    versions = [map_to_bytes(big), map_to_bytes(big.model_copy(update={"title": "Second"}))]
    sources = []
    for n, data in enumerate(versions):
        sources.append(tmp_path / f"source{n}.bin")
        sources[-1].write_bytes(data)
    target = tmp_path / "maps" / "journey.json"
    target.parent.mkdir()
    target.write_bytes(versions[0])
    rng = random.Random(20261122)
    for _ in range(8):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), str(sources[0]), str(sources[1])],
            stdout=subprocess.PIPE,
        )
        assert saver.stdout.readline() == b"saving\n"
        try:
            saver.wait(timeout=rng.uniform(0.05, 0.6))
        except subprocess.TimeoutExpired:
            saver.send_signal(signal.SIGKILL)
            saver.wait()
        assert saver.returncode == -signal.SIGKILL, "the saver stopped by itself"
        for path in [target, *backup_paths(target, 3)]:
            if path.exists():
                assert path.read_bytes() in versions, f"{path.name} is broken"
                load_map(path)
    assert target.exists()


def test_saving_through_a_symbolic_link_updates_the_real_file(tmp_path):
    real = tmp_path / "maps" / "journey.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new", backups=1)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert (real.parent / "journey.json.bak").read_bytes() == b"old"


def test_temporaries_of_killed_saves_are_cleared_by_a_later_save(tmp_path):
    path = tmp_path / "journey.json"
    write_atomically(path, b"one")
    stale = tmp_path / f".journey.json.abc123{TEMP_SUFFIX}"
    fresh = tmp_path / f".journey.json.def456{TEMP_SUFFIX}"
    stale.write_bytes(b"half a map")
    fresh.write_bytes(b"another save in progress")
    os.utime(stale, (1, 1))
    write_atomically(path, b"two")
    assert not stale.exists()
    assert fresh.exists()  # maybe another process's save: left alone


def test_a_long_file_name_the_file_system_accepts_can_be_saved(tmp_path):
    path = tmp_path / ("a" * 240 + ".json")
    write_atomically(path, b"x", backups=0)
    assert path.read_bytes() == b"x"


@pytest.mark.parametrize("length", [251, 252, 253, 254, 255])
def test_a_name_the_file_system_just_takes_saves_again_and_again_with_its_backups(tmp_path, length):
    path = tmp_path / ("b" * (length - 5) + ".json")
    for version in range(1, 6):
        write_atomically(path, f"v{version}".encode(), backups=3)
    assert path.read_bytes() == b"v5"
    backups = backup_paths(path, 3)
    assert [p.read_bytes() for p in backups] == [b"v4", b"v3", b"v2"]
    assert all(
        len(p.name.encode()) <= 255 and p.name.endswith((".bak", ".bak2", ".bak3")) for p in backups
    )
    assert leftovers(tmp_path) == []


def test_two_long_names_that_begin_alike_keep_their_own_backups(tmp_path):
    first = tmp_path / ("c" * 249 + "1.json")
    second = tmp_path / ("c" * 249 + "2.json")
    for path in (first, second):
        write_atomically(path, b"old " + path.name[-6:].encode(), backups=1)
        write_atomically(path, b"new", backups=1)
    assert backup_paths(first, 1) != backup_paths(second, 1)
    assert backup_paths(first, 1)[0].read_bytes() == b"old 1.json"
    assert backup_paths(second, 1)[0].read_bytes() == b"old 2.json"


def test_a_read_only_file_is_not_replaced(tmp_path):
    path = tmp_path / "journey.json"
    write_atomically(path, b"kept")
    os.chmod(path, 0o444)
    with pytest.raises(SaveError, match="read-only"):
        write_atomically(path, b"replaced", backups=3)
    assert path.read_bytes() == b"kept"
    assert not (tmp_path / "journey.json.bak").exists()
    write_atomically(path, b"kept")  # nothing to write is not an error


def test_a_link_to_nothing_is_refused_and_nothing_is_made(tmp_path):
    link = tmp_path / "journey.json"
    link.symlink_to(tmp_path / "elsewhere" / "missing.json")
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(SaveError, match="a link to .*missing.json, which does not exist"):
        write_atomically(link, b"map")
    assert link.is_symlink() and not (tmp_path / "elsewhere" / "missing.json").exists()


def test_a_given_mode_is_the_files_whatever_was_there(tmp_path):
    path = tmp_path / "copy.json"
    write_atomically(path, b"one")
    os.chmod(path, 0o644)
    write_atomically(path, b"two", mode=0o600)
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_the_temporary_of_a_killed_save_goes_at_the_next_save_at_once(tmp_path):
    path = tmp_path / "journey.json"
    write_atomically(path, b"one")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = tmp_path / f".journey.json.{gone.stdout.strip()}.abc123{TEMP_SUFFIX}"
    alive = tmp_path / f".journey.json.{os.getppid()}.def456{TEMP_SUFFIX}"
    dead.write_bytes(b"half a map")
    alive.write_bytes(b"a save in progress in a running process")
    write_atomically(path, b"two")
    assert not dead.exists()  # minutes are not waited for: its saver is gone
    assert alive.exists()
