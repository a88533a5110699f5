"""Never lose a map: autosave to the recovery folder, and what the next start offers."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import close_quietly, small_map

from cxmapper.app import launch, recovery_dialog
from cxmapper.app.editor import editor
from cxmapper.app.recovery import RecoveryFolder
from cxmapper.app.window import MainWindow
from cxmapper.model.fileformat import load_map, map_to_bytes, save_map
from cxmapper.model.recovery import copies_in, read_copy, write_copy

DRIVER = Path(__file__).with_name("editor_process.py")


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    yield w
    close_quietly(w)


def copy_of(window):
    return window.autosave.copy


def rename_first(window, title="Renamed in the workshop"):
    window.document.set_fields(
        "touchpoint", [window.document.journey.touchpoints[0].id], {"title": title}
    )


def test_an_edit_reaches_a_recovery_copy_soon_after_and_the_users_file_is_untouched(
    window, qtbot, tmp_path
):
    path = tmp_path / "map.json"
    save_map(small_map(), path)
    before = path.read_bytes()
    window.files.open_path(str(path))
    rename_first(window)
    qtbot.waitUntil(lambda: copy_of(window) is not None and copy_of(window).exists(), timeout=3000)
    found = read_copy(copy_of(window))
    assert found.journey.touchpoints[0].title == "Renamed in the workshop"
    assert found.path == path
    assert path.read_bytes() == before  # never the user's own file
    assert window.document.modified  # and never marked saved
    assert window.isWindowModified()
    root = editor().recovery.root
    assert root.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))
    assert not list(tmp_path.glob("*.recovery.json"))  # nothing beside the user's file


def test_typing_without_a_pause_still_reaches_the_copy_within_two_seconds(window, qtbot):
    window.show_sample()
    tid = window.document.journey.touchpoints[0].id
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < 2.6:  # an edit every 200 ms: the debounce never settles
        n += 1
        window.document.set_fields("touchpoint", [tid], {"title": f"Typing {n}"})
        qtbot.wait(200)
        if copy_of(window) is not None and copy_of(window).exists():
            break
    assert copy_of(window) is not None and copy_of(window).exists()
    assert time.monotonic() - start <= 2.6


def test_saving_removes_the_copy(window, qtbot, tmp_path):
    path = tmp_path / "map.json"
    save_map(small_map(), path)
    window.files.open_path(str(path))
    rename_first(window)
    window.autosave.write_now()
    assert copy_of(window).exists()
    assert window.saving.save()
    assert not copy_of(window).exists()
    assert load_map(path).touchpoints[0].title == "Renamed in the workshop"


def test_undoing_back_to_the_saved_map_removes_the_copy(window):
    window.show_sample()
    rename_first(window)
    window.autosave.write_now()
    assert copy_of(window).exists()
    window.undo()
    assert not window.document.modified
    assert not copy_of(window).exists()


def test_closing_and_discarding_removes_the_copy(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.show_sample()
    rename_first(window)
    window.autosave.write_now()
    copy = copy_of(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not copy.exists()


def test_cancelling_the_close_keeps_the_copy(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.show_sample()
    rename_first(window)
    window.autosave.write_now()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert copy_of(window).exists()


def leave_a_copy(root: Path, session: str, journey, path=None) -> Path:
    """What an editor killed mid-edit leaves: its session folder with a copy, no live lock."""
    copy = root / session / "map-1.recovery.json"
    write_copy(copy, journey, path)
    return copy


def test_restore_opens_each_map_unsaved_in_its_own_window_and_ctrl_s_saves_it_there(
    qtbot, tmp_path, monkeypatch
):
    root = editor().recovery.root
    path = tmp_path / "workshop.json"
    save_map(small_map(), path)
    edited = small_map()
    edited.touchpoints[0].title = "Edited before the power cut"
    leave_a_copy(root, "1-dead", edited, path)
    leave_a_copy(root, "2-dead", small_map())  # never saved
    asked = []
    monkeypatch.setattr(
        recovery_dialog, "ask", lambda maps, problems: asked.append(maps) or recovery_dialog.RESTORE
    )
    windows = launch.open_windows([])
    try:
        assert len(asked[0]) == 2
        assert len(windows) == 2  # no sample as well
        by_path = {str(w.document.path): w for w in windows}
        restored = by_path[str(path)]
        assert restored.document.modified
        assert restored.windowTitle().startswith("workshop.json")
        assert restored.isWindowModified()
        assert by_path["None"].windowTitle().startswith("Untitled")
        assert restored.saving.save()
        assert load_map(path).touchpoints[0].title == "Edited before the power cut"
        assert not (root / "1-dead").exists() and not (root / "2-dead").exists()
    finally:
        for w in windows:
            close_quietly(w)
    assert not copies_in(editor().recovery.folder)  # saved or closed: nothing left behind


def test_discard_removes_the_copies_and_later_keeps_them(qtbot, monkeypatch):
    root = editor().recovery.root
    copy = leave_a_copy(root, "1-dead", small_map())
    monkeypatch.setattr(recovery_dialog, "ask", lambda maps, problems: recovery_dialog.LATER)
    windows = launch.open_windows([])
    assert copy.exists()
    assert [w.document.journey.title for w in windows] != [small_map().title]  # the sample
    for w in windows:
        close_quietly(w)
    monkeypatch.setattr(recovery_dialog, "ask", lambda maps, problems: recovery_dialog.DISCARD)
    windows = launch.open_windows([])
    assert not copy.exists()
    for w in windows:
        close_quietly(w)


def test_a_running_editors_copies_are_never_taken(tmp_path):
    root = tmp_path / "recovery"
    other = RecoveryFolder(root)  # another editor, running (it holds its lock)
    write_copy(other.new_copy(), small_map(), None)
    me = RecoveryFolder(root)
    assert me.left_behind() == []
    assert copies_in(other.folder)
    other.close()


def test_a_killed_editors_lock_is_stale(tmp_path):
    root = tmp_path / "recovery"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_LOCK, str(root)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "LOCKED"
    assert RecoveryFolder(root).left_behind() == []  # alive: not ours
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    found = RecoveryFolder(root).left_behind()
    assert [m.journey.title for s in found for m in s.maps] == [small_map().title]


HOLD_A_LOCK = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
sys.path.insert(0, "tests")
app = QCoreApplication(["cxmapper"])
from cxmapper.app.recovery import RecoveryFolder
from cxmapper.model.recovery import write_copy
from factories import small_map
folder = RecoveryFolder(Path(sys.argv[1]))
write_copy(folder.new_copy(), small_map(), None)
print("LOCKED", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"format": "cxmapper-recovery", "version": 1, "edited": "x", "map": {}}',
        b'{"format": "cxmapper-recovery", "version": 1, "edited": "2026-01-01T00:00:00",'
        b' "path": "/etc/passwd", "map": {}}',
        b"[" * 100000,
        b"\xff\xfe\x00garbage",
    ],
)
def test_a_broken_or_hostile_copy_is_reported_and_set_aside(qtbot, monkeypatch, content):
    root = editor().recovery.root
    copy = root / "1-dead" / "map-1.recovery.json"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(content)
    told = []
    monkeypatch.setattr(
        recovery_dialog, "ask", lambda maps, problems: told.append(problems) or "later"
    )
    windows = launch.open_windows([])
    assert len(windows) == 1  # the editor started, on the sample
    assert told and "map-1.recovery.json" in told[0][0]
    assert not copy.exists()
    assert list((root / "set-aside").iterdir())
    for w in windows:
        close_quietly(w)


def test_only_the_map_decides_whether_a_copy_can_be_recovered(tmp_path):
    copy = tmp_path / "c.recovery.json"
    record = {"format": "cxmapper-recovery", "version": 1, "edited": "not a date"}
    record["map"] = json.loads(map_to_bytes(small_map()))
    save_map(small_map(), tmp_path / "workshop.json.bak")  # a map saved under any name
    save_map(small_map(), tmp_path / "notes.txt")
    for kept in ("workshop.json.bak", "notes.txt", "deleted since.json"):
        record["path"] = str(tmp_path / kept)
        copy.write_text(json.dumps(record))
        assert read_copy(copy).path == tmp_path / kept
    for unusable in ("relative/map.json", 42, ""):
        record["path"] = unusable
        record["disk_stamp"] = "garbage"
        copy.write_text(json.dumps(record))
        found = read_copy(copy)
        assert found.path is None and found.disk_stamp is None  # restored as never saved
        assert found.journey == small_map() and "never saved" in found.notes[0]


def test_a_copy_never_aims_a_save_at_a_file_that_is_not_a_map(tmp_path):
    (tmp_path / "bashrc").write_text("alias ls='rm -rf'\n")
    (tmp_path / "settings.json").write_text('{"theme": "dark"}')
    (tmp_path / "link.json").symlink_to(tmp_path / "bashrc")
    copy = tmp_path / "c.recovery.json"
    record = {"format": "cxmapper-recovery", "version": 1, "edited": "2026-01-01T00:00:00Z"}
    record["map"] = json.loads(map_to_bytes(small_map()))
    for target in ("bashrc", "settings.json", "link.json", "not yet there.txt", "autostart"):
        record["path"] = str(tmp_path / target)
        copy.write_text(json.dumps(record))
        found = read_copy(copy)
        assert found.path is None, target
        assert "not a journey map" in found.notes[0]
    assert (tmp_path / "bashrc").read_text() == "alias ls='rm -rf'\n"


@pytest.mark.parametrize("edited", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])
def test_a_copy_with_impossible_dates_is_set_aside_and_the_good_ones_are_still_offered(
    qtbot, monkeypatch, edited
):
    root = editor().recovery.root
    good = root / "1-dead" / "map-1.recovery.json"
    good.parent.mkdir(parents=True)
    journey = small_map()
    journey.title = "The good one"
    write_copy(good, journey, None)
    bad_map = root / "1-dead" / "map-2.recovery.json"
    bad_stamp = root / "1-dead" / "map-3.recovery.json"
    record = json.loads(good.read_bytes())
    record["map"]["metadata"]["modified"] = edited
    bad_map.write_text(json.dumps(record))
    record = json.loads(good.read_bytes())
    record["edited"] = edited  # only the copy's own stamp: the map is still recovered
    bad_stamp.write_text(json.dumps(record))
    told = []
    monkeypatch.setattr(
        recovery_dialog,
        "ask",
        lambda maps, problems: told.append(([m.journey.title for m in maps], problems)) or "later",
    )
    windows = launch.open_windows([])
    try:
        assert len(windows) == 1
        titles, problems = told[0]
        assert titles == ["The good one", "The good one"]
        assert len(problems) == 1 and "map-2.recovery.json" in problems[0]
        assert "between the years 1 and 9999" in problems[0]
        assert not bad_map.exists() and good.exists() and bad_stamp.exists()
    finally:
        for w in windows:
            close_quietly(w)


def test_recovery_copies_are_private_to_the_user(window, qtbot, tmp_path):
    path = tmp_path / "map.json"
    save_map(small_map(), path)
    os.chmod(path, 0o644)
    window.files.open_path(str(path))
    rename_first(window)
    qtbot.waitUntil(lambda: copy_of(window) is not None and copy_of(window).exists(), timeout=3000)
    assert copy_of(window).stat().st_mode & 0o777 == 0o600
    assert copy_of(window).parent.stat().st_mode & 0o777 == 0o700
    assert editor().recovery.root.stat().st_mode & 0o777 == 0o700


def test_restore_keeps_the_old_copy_when_the_new_one_cannot_be_written(qtbot, monkeypatch):
    from cxmapper.model.safe_write import SaveError

    root = editor().recovery.root
    copy = leave_a_copy(root, "1-dead", small_map())

    def full_disk(*args, **kwargs):
        raise SaveError("cannot save: the disk is full")

    monkeypatch.setattr("cxmapper.app.recovery.write_copy", full_disk)
    monkeypatch.setattr(recovery_dialog, "ask", lambda maps, problems: recovery_dialog.RESTORE)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    windows = launch.open_windows([])
    assert windows[0].document.journey.title == small_map().title
    assert copy.exists()  # the only copy on disk stays until a new one is safe
    for w in windows:
        close_quietly(w)


def test_a_copy_that_cannot_be_removed_does_not_break_closing(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = MainWindow()
    w.show_sample()
    w.show()
    rename_first(w)
    w.autosave.write_now()
    monkeypatch.setattr(
        "pathlib.Path.unlink",
        lambda self, *a, **k: (_ for _ in ()).throw(PermissionError(13, "in use")),
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    assert w.close()
    assert w not in editor().windows


def test_a_name_being_typed_counts_when_the_window_closes(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "map.json"
    save_map(small_map(), path)
    w = MainWindow()
    w.files.open_path(str(path))
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(20)
    w.view.edit_title("t1")
    qtbot.keyClicks(w.view.title_editor, "Typed, not yet kept")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Save
    )
    assert w.close()
    assert asked and "map.json" in asked[0]
    assert load_map(path).touchpoints[0].title == "Typed, not yet kept"


def test_the_question_restores_everything_on_enter(qtbot):
    found = read_copy_of(small_map())
    dialog = recovery_dialog.RecoveryDialog([found], [])
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isDefault()
    assert dialog.list.topLevelItem(0).text(0) == small_map().title
    assert dialog.list.topLevelItem(0).text(1).startswith("today")
    assert dialog.list.topLevelItem(0).text(2) == "never saved"
    dialog.show()
    from PySide6.QtCore import Qt

    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.choice == recovery_dialog.RESTORE


def read_copy_of(journey):
    import tempfile

    folder = Path(tempfile.mkdtemp())
    copy = folder / "map-1.recovery.json"
    write_copy(copy, journey, None)
    return read_copy(copy)


# --- a real editor process, killed -------------------------------------------------------------


def editor_env(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=os.pathsep.join([str(Path.cwd()), env.get("PYTHONPATH", "")]),
    )
    return env


def kill_after_an_edit(tmp_path, *args):
    env = editor_env(tmp_path)
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "edit", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert process.stdout.readline().strip() == "EDITED"
        time.sleep(1.2)  # one to two seconds after the edit
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    restarted = subprocess.run(
        [sys.executable, str(DRIVER), "restart"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    lines = restarted.stdout.splitlines()
    assert "ASKED Recover unsaved maps" in lines, restarted.stdout + restarted.stderr
    maps = [json.loads(line[4:]) for line in lines if line.startswith("MAP ")]
    return maps, lines, tmp_path / "data"


@pytest.mark.slow
def test_a_killed_editor_loses_nothing_of_a_saved_map(tmp_path):
    path = tmp_path / "workshop.json"
    save_map(small_map(), path)
    maps, lines, data = kill_after_an_edit(tmp_path, str(path))
    assert len(maps) == 1
    assert maps[0]["path"] == str(path) and maps[0]["modified"]
    assert maps[0]["title"].startswith("workshop.json")
    assert "Added before the crash" in maps[0]["touchpoints"]
    assert "SAVED True" in lines
    assert "Added before the crash" in [tp.title for tp in load_map(path).touchpoints]
    assert not list(data.rglob("*.recovery.json"))  # saved: no copy left behind


@pytest.mark.slow
def test_a_killed_editor_loses_nothing_of_a_never_saved_map(tmp_path):
    maps, _lines, data = kill_after_an_edit(tmp_path)
    assert len(maps) == 1
    assert maps[0]["path"] is None and maps[0]["modified"]
    assert maps[0]["title"].startswith("Untitled")
    assert "Added before the crash" in maps[0]["touchpoints"]


def test_a_name_being_typed_reaches_the_copy_before_enter(window, qtbot):
    from PySide6.QtCore import Qt

    window.show_sample()
    qtbot.wait(20)  # the map takes the keyboard once it is shown
    tid = window.document.journey.touchpoints[0].id
    window.view.edit_title(tid)
    qtbot.keyClicks(window.view.title_editor, "Half a name")
    qtbot.waitUntil(lambda: copy_of(window) is not None and copy_of(window).exists(), timeout=3000)
    assert read_copy(copy_of(window)).journey.touchpoints[0].title == "Half a name"
    assert not window.document.modified, window.document.undo_stack.undoText()  # nothing kept yet
    qtbot.keyClick(window.view.title_editor, Qt.Key.Key_Escape)  # changed their mind
    assert not copy_of(window).exists()


def test_an_autosave_that_cannot_be_written_says_so_once_and_editing_goes_on(qtbot, tmp_path):
    from cxmapper.app.recovery import Autosave
    from cxmapper.document.document import JourneyDocument

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    folder = RecoveryFolder(blocker / "recovery")
    assert "cannot make the recovery folder" in folder.problem
    doc = JourneyDocument(small_map())
    autosave = Autosave(doc, folder)
    told = []
    autosave.failed.connect(told.append)
    doc.set_fields("touchpoint", ["t1"], {"title": "One"})
    autosave.write_now()
    doc.set_fields("touchpoint", ["t1"], {"title": "Two"})
    autosave.write_now()
    assert len(told) == 1 and "recovery folder" in told[0]
    assert doc.touchpoint("t1").title == "Two"


def test_saving_a_restored_map_over_a_file_changed_since_asks_first(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from cxmapper.document.document import file_stamp

    path = tmp_path / "workshop.json"
    save_map(small_map(), path)
    stamp = file_stamp(path)
    edited = small_map()
    edited.touchpoints[0].title = "Edited before the crash"
    copy = editor().recovery.root / "1-dead" / "map-1.recovery.json"
    write_copy(copy, edited, path, disk_stamp=stamp)
    outside = small_map()
    outside.title = "Changed by a colleague"
    time.sleep(0.01)
    save_map(outside, path)  # another program writes the file after the crash
    shown = []
    monkeypatch.setattr(
        recovery_dialog,
        "ask",
        lambda maps, problems: shown.append([m.where() for m in maps]) or "restore",
    )
    windows = launch.open_windows([])
    assert "changed on disk since" in shown[0][0]
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    assert not windows[0].saving.save()
    assert "changed by another program" in asked[0]
    assert load_map(path).title == "Changed by a colleague"  # nothing replaced
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert windows[0].saving.save()
    assert load_map(path).touchpoints[0].title == "Edited before the crash"
    for w in windows:
        close_quietly(w)


def test_a_map_opened_by_a_relative_path_is_recovered(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    save_map(small_map(), tmp_path / "a.json")
    w = MainWindow()
    assert w.files.open_path("a.json")
    rename_first(w)
    w.autosave.write_now()
    found = read_copy(w.autosave.copy)
    assert found.path == tmp_path / "a.json"
    close_quietly(w)


@pytest.mark.slow
def test_a_real_editor_starts_past_hostile_copies_and_restores_the_good_ones(tmp_path):
    """The editor as users start it, with a recovery folder a hostile or unlucky past left:
    dates out of range, a copy aimed at another file, garbage, a map past the limits."""
    folder = tmp_path / "data" / "cxmapper" / "cxmapper" / "recovery" / "77-gone"
    folder.mkdir(parents=True)
    good = small_map()
    good.title = "Kept through it all"
    write_copy(folder / "map-1.recovery.json", good, None)
    record = json.loads((folder / "map-1.recovery.json").read_bytes())
    hostile = {
        "map-2": {**record, "edited": "9999-12-31T23:59:59-14:00"},  # still recovered
        "map-3": {**record, "path": "/etc/passwd"},  # still recovered, as never saved
        "map-4": {
            **record,
            "map": {
                **record["map"],
                "metadata": {**record["map"]["metadata"], "created": "0001-01-01T00:00:00+14:00"},
            },
        },
        "map-5": {
            **record,
            "map": {
                **record["map"],
                "stages": [{"id": f"s{i}", "name": f"S{i}"} for i in range(101)],
            },
        },
    }
    for name, content in hostile.items():
        (folder / f"{name}.recovery.json").write_text(json.dumps(content))
    (folder / "map-6.recovery.json").write_bytes(b"[" * 200_000)
    env = editor_env(tmp_path)
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "restart"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert time.monotonic() - start < 30
    maps = [json.loads(line[4:]) for line in out.splitlines() if line.startswith("MAP ")]
    assert [m["path"] for m in maps] == [None, None, None]  # map-3 aimed at /etc/passwd
    assert all(m["touchpoints"] == [t.title for t in good.touchpoints] for m in maps)
    set_aside = tmp_path / "data" / "cxmapper" / "cxmapper" / "recovery" / "set-aside"
    assert sorted(p.name.split("-gone-")[1] for p in set_aside.iterdir()) == [
        "map-4.recovery.json",
        "map-5.recovery.json",
        "map-6.recovery.json",
    ]
