"""Never lose a map: autosave to the user's application-data folder, and what an editor started
after a crash finds there.

Each running editor has a recovery session of its own: a folder `recovery/<session>/` for the
copies of its open maps and a lock `recovery/<session>.lock` (QLockFile) held while it runs. An
editor that starts looks at the other sessions and takes only those whose lock it can get: their
editor is gone (a crash, a kill, a power cut). A session whose editor still runs is never touched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from cxmapper.model.journey import JourneyMap
from cxmapper.model.problems import MapError
from cxmapper.model.recovery import (
    SET_ASIDE,
    SUFFIX,
    Recoverable,
    copies_in,
    private_folder,
    read_copy,
    remove_copy,
    set_aside,
    write_copy,
)
from cxmapper.model.safe_write import SaveError

DEFAULT_DELAY_MS = 750  # "about a second": a kill one second after an edit still finds it
MOST_UNSAVED_SECONDS = 2.0  # typing without a pause still reaches the disk this often


def recovery_root() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def _readable(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError:
        return False
    return True


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # only a dead editor's lock is stale, however old a live one is
    return lock


@dataclass
class LeftBehind:
    """The copies a gone editor left, held (by its lock) while this editor decides."""

    session: str
    folder: Path
    lock: QLockFile
    maps: list[Recoverable] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # copies that could not be read

    def forget(self, copy: Path) -> None:
        remove_copy(copy)
        self.maps = [m for m in self.maps if m.copy != copy]

    def release(self) -> None:
        """Done with it: the folder goes when nothing is left in it; the lock goes either way."""
        if not copies_in(self.folder):
            with contextlib.suppress(OSError):
                shutil.rmtree(self.folder)
        self.lock.unlock()


class RecoveryFolder:
    """This editor's own recovery session (see the module's doc)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or recovery_root()
        self.session = f"{os.getpid()}-{os.urandom(4).hex()}"
        self.folder = self.root / self.session
        self._lock = _lock(self.root / f"{self.session}.lock")
        self._count = 0
        self.problem = ""
        # The lock first: another editor starting now must never see our folder unlocked.
        try:
            private_folder(self.root)
        except SaveError as exc:
            self.problem = str(exc)
            return
        if not self._lock.tryLock(0):
            self.problem = f"cannot lock the recovery folder {self.folder}"
            return
        try:
            private_folder(self.folder)
        except SaveError as exc:
            self.problem = str(exc)

    def new_copy(self) -> Path:
        self._count += 1
        return self.folder / f"map-{self._count}{SUFFIX}"

    def left_behind(self) -> list[LeftBehind]:
        """Sessions of editors that are gone, each locked for us; broken copies set aside."""
        found = []
        try:
            folders = sorted(p for p in self.root.iterdir() if p.is_dir())
        except OSError:
            return []
        for folder in folders:
            if folder.name in (self.session, SET_ASIDE):
                continue
            lock = _lock(self.root / f"{folder.name}.lock")
            if not lock.tryLock(0):
                continue  # its editor is still running: its maps are its own
            session = LeftBehind(folder.name, folder, lock)
            for copy in copies_in(folder):
                try:
                    session.maps.append(read_copy(copy))
                except Exception as exc:  # noqa: BLE001 - no copy may stop the editor starting
                    if not isinstance(exc, MapError):
                        exc = MapError([f"cannot be read ({type(exc).__name__})"], str(copy))
                    if not _readable(copy):  # not broken, only out of reach now: keep it
                        session.problems.append(f"{exc.message()} (left in place for next time)")
                        continue
                    moved = set_aside(copy, self.root)
                    if moved is not None:
                        where = f" (moved to {moved})"
                    else:
                        where = " (left in place)" if copy.exists() else " (removed)"
                    session.problems.append(exc.message() + where)
            if session.maps or session.problems:
                found.append(session)
            else:
                session.release()
        return found

    def close(self) -> None:
        """At a clean exit: our folder goes once no copy is left in it."""
        if not copies_in(self.folder):
            with contextlib.suppress(OSError):
                shutil.rmtree(self.folder)
        self._lock.unlock()


class Autosave(QObject):
    """Keeps a recovery copy of one document while it has unsaved edits.

    The copy is written about `delay_ms` after edits stop, and at least every two seconds while
    they go on; it goes away when the map is saved, undone back to its saved state, or closed.
    It never marks the document saved and never writes the user's own file.
    """

    failed = Signal(str)  # a copy could not be written (said once until one is)
    working = Signal()  # a copy was written

    def __init__(
        self,
        document,
        folder: RecoveryFolder,
        delay_ms: int = DEFAULT_DELAY_MS,
        typing: Callable[[], JourneyMap | None] | None = None,
    ):
        """`typing` gives the map with what is being typed and not kept yet (a name in its
        in-place box), or None: a crash mid-word loses no more than the rest."""
        super().__init__(document)
        self.document = document
        self.typing = typing or (lambda: None)
        self.folder = folder
        self.copy: Path | None = None
        self._pending_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(100, delay_ms))
        self._timer.timeout.connect(self.write_now)
        document.changed.connect(self._edited)
        document.file_changed.connect(self._file_changed)
        self._last_problem = ""

    def set_delay(self, delay_ms: int) -> None:
        self._timer.setInterval(max(100, delay_ms))

    def _edited(self, _changes=None) -> None:
        if not self.document.modified and self.typing() is None:
            self.discard()
            return
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        if now - self._pending_since >= MOST_UNSAVED_SECONDS:
            self.write_now()
        else:
            self._timer.start()

    def edited(self) -> None:
        """Something not yet on the undo stack changed (a name being typed)."""
        self._edited()

    def _file_changed(self) -> None:
        if not self.document.modified:
            self.discard()  # saved, or undone to what is saved: nothing to recover
        elif self.copy is None:
            self._edited()

    def write_now(self) -> bool:
        """Write the copy now; True when the map's unsaved state is on disk."""
        self._timer.stop()
        self._pending_since = None
        doc = self.document
        journey = self.typing() or (doc.journey if doc.modified else None)
        if journey is None:
            self.discard()
            return False
        if self.folder.problem:
            self._warn(self.folder.problem)
            return False
        if self.copy is None:
            self.copy = self.folder.new_copy()
        try:
            write_copy(self.copy, journey, doc.path, doc.opened_from, doc.disk_stamp)
        except SaveError as exc:
            self._warn(f"Autosave failed: {exc}")
            return False
        self._last_problem = ""
        self.working.emit()
        return True

    def _warn(self, text: str) -> None:
        if text != self._last_problem:  # once, not on every keystroke
            self._last_problem = text
            self.failed.emit(text)

    def discard(self) -> None:
        self._timer.stop()
        self._pending_since = None
        if self.copy is not None:
            remove_copy(self.copy)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
