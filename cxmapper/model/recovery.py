"""Recovery copies: what autosave writes while a map has unsaved edits, and what the next start
reads back after a crash, a kill or a flat battery.

A copy is one JSON file, written atomically: the map as the file format has it, plus where the
map lives (the user's file, or the PDF it was read from) and when it was last edited. A copy is
our own file in the user's application-data folder, yet it is still read as data: checked like
any map, size-limited, and the file it names is only ever a .json the user can save to again.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cxmapper.model.fileformat import map_from_data, map_to_data, parse_json, read_limited
from cxmapper.model.journey import FORMAT_NAME, JourneyMap
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, write_atomically

FORMAT = "cxmapper-recovery"
VERSION = 1
SUFFIX = ".recovery.json"
SET_ASIDE = "set-aside"  # broken copies go here, out of the way of the next start
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


@dataclass(frozen=True)
class Recoverable:
    """A map found in a recovery copy."""

    copy: Path  # the recovery file itself
    journey: JourneyMap
    path: Path | None  # the user's file the map was opened from or saved to
    opened_from: Path | None  # an exported PDF it was read from
    edited: datetime  # the last edit, in UTC
    disk_stamp: tuple[int, int] | None = None  # the file as the map last read or wrote it
    notes: tuple[str, ...] = ()  # what could not be recovered besides the map

    def file_changed_since(self) -> bool:
        """Another program changed (or removed) the map's file after the map last touched it."""
        if self.path is None or self.disk_stamp is None:
            return False
        try:
            info = os.stat(self.path)
        except OSError:
            return True
        return (info.st_mtime_ns, info.st_size) != self.disk_stamp

    def where(self) -> str:
        if self.path:
            if self.file_changed_since():
                return f"{self.path} (changed on disk since)"
            return str(self.path)
        if self.opened_from:
            return f"{self.opened_from} (read from it; not saved yet)"
        return "never saved"


def copy_bytes(
    journey: JourneyMap,
    path: Path | None,
    opened_from: Path | None = None,
    edited: datetime | None = None,
    disk_stamp: tuple[int, int] | None = None,
) -> bytes:
    edited = edited or datetime.now(timezone.utc)
    record = {
        "format": FORMAT,
        "version": VERSION,
        "path": str(path) if path else None,
        "opened_from": str(opened_from) if opened_from else None,
        "disk_stamp": list(disk_stamp) if disk_stamp else None,
        "edited": edited.astimezone(timezone.utc).isoformat(),
        "map": map_to_data(journey),
    }
    return (json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def write_copy(
    copy: Path,
    journey: JourneyMap,
    path: Path | None,
    opened_from: Path | None = None,
    disk_stamp: tuple[int, int] | None = None,
) -> None:
    """Atomically (the old copy or the new one is there whole); SaveError if it cannot be.
    A copy is private to the user (0600 in a 0700 folder), whoever may read the map's file."""
    private_folder(copy.parent)
    write_atomically(
        copy, copy_bytes(journey, path, opened_from, disk_stamp=disk_stamp), mode=PRIVATE_FILE
    )


def private_folder(folder: Path) -> None:
    """Make `folder` (and its parents) if needed, and let no other user look into it."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        if os.name == "posix" and folder.stat().st_mode & 0o077:
            os.chmod(folder, PRIVATE_FOLDER)
    except OSError as exc:
        raise SaveError(f"cannot make the recovery folder {folder}: {exc.strerror or exc}") from exc


def _stamp(value: object) -> tuple[int, int] | None:
    """[modification time in ns, size], or None for anything else."""
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and value[1] >= 0
    ):
        return (value[0], value[1])
    return None


def _named_file(value: object) -> Path | None:
    """An absolute path, or None for anything else; it is only ever shown or saved to."""
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > 4096:
        return None
    try:
        os.fsencode(value)  # a name this file system could hold (no lone surrogate)
    except UnicodeError:
        return None
    path = Path(value)
    return path if path.is_absolute() else None


def _a_map_or_free(path: Path) -> bool:
    """Whether Ctrl+S may save a restored map at `path`: a journey map is there (the user's own
    file, perhaps changed since), or nothing is and the name is a map's (.json). A copy is our
    own file, but anyone who can write one must not be able to aim a save at any other file."""
    try:
        if not os.path.lexists(path):
            return path.suffix.lower() == ".json"
        data = parse_json(read_limited(path))
    except (MapError, OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME


def read_copy(copy: Path) -> Recoverable:
    """The map in a recovery copy; MapError naming the copy when there is no map to recover.

    Only the map decides: a file path, date or stamp that cannot be used is left out (the map is
    then restored as never saved), never a reason to lose the map."""
    try:
        record = parse_json(read_limited(copy))
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise MapError([f'not a cxmapper recovery copy (expected "format": "{FORMAT}")'])
        if record.get("version") != VERSION:
            raise MapError([f"version: this cxmapper reads recovery copies of version {VERSION}"])
        try:
            journey = map_from_data(record.get("map"))
        except MapError as exc:
            raise MapError([f"map: {p}" for p in exc.problems]) from None
    except MapError as exc:
        raise MapError(exc.problems, str(copy)) from None
    edited = _edited(record.get("edited")) or datetime.fromtimestamp(_mtime(copy), timezone.utc)
    path = _named_file(record.get("path"))
    notes = ()
    if record.get("path") is not None and path is None:
        notes = ("the copy does not say which file it came from: it is restored as never saved",)
    elif path is not None and not _a_map_or_free(path):
        notes = (f"{path} is not a journey map: it is restored as never saved",)
        path = None
    return Recoverable(
        copy,
        journey,
        path,
        _named_file(record.get("opened_from")),
        edited,
        _stamp(record.get("disk_stamp")) if path else None,
        notes,
    )


def _edited(value: object) -> datetime | None:
    """When the copy says its map was last edited, in UTC; None for anything that is not a time
    this machine can show (not a date, or one so far out that local time cannot hold it)."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        edited = datetime.fromisoformat(value)
        if edited.tzinfo is None:
            edited = edited.replace(tzinfo=timezone.utc)
        edited = edited.astimezone(timezone.utc)
        edited.astimezone()  # local time, as the list of copies shows it
    except (ValueError, OverflowError, OSError):
        return None
    return edited


def copies_in(folder: Path) -> list[Path]:
    """The recovery copies in a folder, oldest first."""
    try:
        found = [p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (_mtime(p), p.name))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def set_aside(copy: Path, recovery_folder: Path) -> Path | None:
    """Move a copy that holds no map out of the way (kept, for the curious); None if it can't
    be moved (it is then removed if it can be)."""
    target_folder = recovery_folder / SET_ASIDE
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_folder / f"{stamp}-{copy.parent.name}-{copy.name}"
    try:
        private_folder(target_folder)
        os.replace(copy, target)
    except (OSError, SaveError):
        with contextlib.suppress(OSError):
            copy.unlink()
        return None
    return target


def remove_copy(copy: Path) -> bool:
    """Remove a copy; False when it is still there (a file another program holds, a read-only
    disk): it is then offered again at the next start, which is better than an error now."""
    with contextlib.suppress(OSError):
        copy.unlink()
    return not copy.exists()
