"""JourneyDocument: the map being edited, its undo stack and file, and change notifications.

Views ask the document for intents (`set_fields`, `move_touchpoints`, `add_stage`, ...: see
intents.py), which the planner (model/plans) turns into an edit, checked first (a bad value
raises EditRefused and nothing changes; an edit that changes nothing pushes nothing). The
document runs each edit as one undo step: its command makes the steps through the one private
apply step, which gathers what changed; the document announces it once per step as
`Changes`. Views update from `changed` only, never from each other; nothing else changes the
map.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cxmapper import __version__
from cxmapper.document.commands import PlannedEdit
from cxmapper.document.intents import Intents
from cxmapper.model.changes import Change, ChangeCollector, Changes
from cxmapper.model.edits import Place
from cxmapper.model.fields import EditRefused, part_of, parts_of
from cxmapper.model.fileformat import map_from_data, map_to_data, save_map
from cxmapper.model.formats import Reader, read_map
from cxmapper.model.journey import JourneyMap, Touchpoint, now
from cxmapper.model.plans.edit import Edit, Step, apply_step
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, remove_stale_temporaries
from cxmapper.model.selection import Selection

__all__ = ["Change", "Changes", "EditRefused", "JourneyDocument"]


def file_stamp(path: Path | None) -> tuple[int, int] | None:
    """(modification time in ns, size) of a file, or None when there is none."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


class JourneyDocument(Intents, QObject):
    changed = Signal(object)  # Changes
    file_changed = Signal()  # path or modified state

    def __init__(
        self, journey: JourneyMap, path: str | Path | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.journey = journey
        # Absolute: a map opened as `cxmapper a.json` is still that file after a chdir or a crash.
        self.path = Path(path).absolute() if path else None
        self.opened_from: Path | None = None  # a PDF or CSV the map was read from
        self.disk_stamp = file_stamp(self.path)  # the file as this map last read or wrote it
        self.notes: list[str] = []  # what an import had to say (unknown columns...)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._by_id = {tp.id: tp for tp in journey.touchpoints}
        self._depth = 0
        self._collector = ChangeCollector()
        self._initiator: object | None = None
        # What is selected, shared by the canvas, the panels and the app (the canvas keeps it
        # in the map's time order as drawn).
        self.selection = Selection()

    def __del__(self) -> None:
        # The stack's commands are Qt's (it deletes them), yet PySide lists them as the stack's
        # Python children. Were this document collected in a reference cycle (a traceback or a
        # view holding it), the cycle collector could free a command first and the stack would
        # free it again: a crash. Finalizers run before the collector frees anything (PEP 442),
        # so the history goes here, in Qt's order, without signals to views going with it.
        try:
            stack = getattr(self, "undo_stack", None)  # None when __init__ did not get that far
            if stack is not None:
                stack.blockSignals(True)
                stack.clear()
        except RuntimeError:  # already deleted by Qt with this document's parent
            pass

    @classmethod
    def open(
        cls, path: str | Path, parent: QObject | None = None, reader: Reader | None = None
    ) -> JourneyDocument:
        """The map in a file, read by its format (model/formats.py: by its suffix, then its
        content; or by `reader`); MapError (with every problem) when it is not a sound map. A
        map read from an exported PDF, a spreadsheet or a Mermaid diagram has no file yet:
        saving asks where (never over what it was read from)."""
        path = Path(path)
        opened = read_map(path, reader)
        if opened.own_file:
            remove_stale_temporaries(path)  # what a save killed beside it left, once gone
            return cls(opened.journey, path, parent)
        document = cls(opened.journey, None, parent)
        document.opened_from = path.absolute()
        document.notes = list(opened.notes)
        return document

    def changed_on_disk(self) -> bool:
        """The file is no longer what this map last read or wrote (another program changed it)."""
        if self.path is None or self.disk_stamp is None:
            return False  # never read or written here: nothing to compare with
        return file_stamp(self.path) != self.disk_stamp

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    # --- state -----------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        if self.opened_from:
            if self.opened_from.suffix.lower() == ".pdf":
                return f"{self.opened_from.name} (from the PDF)"
            return f"{self.opened_from.name} (imported)"
        return "Untitled"

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        return self._by_id[touchpoint_id]

    def has_touchpoint(self, touchpoint_id: str) -> bool:
        return touchpoint_id in self._by_id

    def place_of(self, touchpoint_id: str) -> Place:
        tp = self._by_id[touchpoint_id]
        return (tp.stage_id, tp.position, tp.department_id)

    def parts(self, kind: str) -> list[Any]:
        return parts_of(self.journey, kind)

    def part(self, kind: str, part_id: str) -> Any:
        """The part of that kind with that id; KeyError when there is none."""
        found = (
            self._by_id.get(part_id)
            if kind == "touchpoint"
            else part_of(self.journey, kind, part_id)
        )
        if found is None:
            raise KeyError(f"no {kind} with the id {part_id!r}")
        return found

    # --- pushing commands -----------------------------------------------------------------
    @contextmanager
    def _started_by(self, initiator: object | None) -> Iterator[None]:
        outer = self._depth == 0
        if outer:
            self._initiator = initiator
        try:
            with self.batch():
                yield
        finally:
            if outer:
                self._initiator = None

    def push(self, command: QUndoCommand, initiator: object | None = None) -> None:
        """Push one command; its changes are announced once, naming `initiator`."""
        with self._started_by(initiator):
            self.undo_stack.push(command)

    @contextmanager
    def macro(self, text: str, initiator: object | None = None) -> Iterator[None]:
        """Commands pushed inside become one undo step named `text`, announced once."""
        with self._started_by(initiator):
            self.undo_stack.beginMacro(text)
            try:
                yield
            finally:
                self.undo_stack.endMacro()

    def undo(self) -> None:
        with self.batch():
            self.undo_stack.undo()

    def redo(self) -> None:
        with self.batch():
            self.undo_stack.redo()

    def run(self, edit: Edit, initiator: object | None = None, merge_key: object = None) -> None:
        """Push an edit planned on this map (model/plans) as one undo step, announced once."""
        self.push(PlannedEdit(self, edit, merge_key), initiator)

    # --- what commands call: change the model by id and say so -------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Changes made inside are announced once, at the end (one command, one update)."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self._announce()

    def _announce(self) -> None:
        if self._depth or not self._collector:
            return
        collector, self._collector = self._collector, ChangeCollector()
        self.changed.emit(collector.collect(self._initiator))

    def _apply(self, step: Step) -> Step:
        """Make one step of an edit (only commands call this); the step that undoes it."""
        undo = apply_step(self.journey, step, self._collector, self._by_id)
        self._announce()
        return undo

    # --- files ---------------------------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> None:
        """Save (atomically, keeping backups) to `path` or the current file; SaveError if not."""
        target = Path(path).absolute() if path else self.path
        if target is None:
            raise ValueError("no file to save to: use save(path)")
        journey = self.journey.model_copy(deep=True)
        journey.metadata.modified = now()
        journey.metadata.app_version = __version__
        try:  # never write a map that would not load, and say why in the file's own words
            map_from_data(map_to_data(journey))
        except MapError as exc:
            problems = "; ".join(exc.problems[:5])
            message = f"cannot save {target}: the map would not open again ({problems})"
            raise SaveError(message) from None
        save_map(journey, target)
        self.journey.metadata = journey.metadata
        self.path = target
        self.disk_stamp = file_stamp(target)
        self.undo_stack.setClean()
        self.file_changed.emit()
