"""JourneyDocument: the map being edited, its undo stack and file, and change notifications.

Views ask the document for intents (`move_touchpoints`, `add_touchpoint`, ...); the document
pushes a command; the command changes the model by id through the `apply_*`/`insert_*`/
`remove_*`/`set_field` methods, each of which emits `changed` with what changed. Views update
from `changed` only, never from each other.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from cxmapper import __version__
from cxmapper.document.commands import (
    AddTouchpoint,
    DeleteTouchpoints,
    SetPlaces,
    SetTouchpointField,
)
from cxmapper.model.edits import Place, place_touchpoints
from cxmapper.model.fileformat import load_map, save_map
from cxmapper.model.journey import FEELING_WORDS, JourneyMap, Touchpoint, now


@dataclass(frozen=True)
class Change:
    """What changed: `kind` is "touchpoints" (ids given), or "map" (anything: redraw it all)."""

    kind: str
    ids: frozenset[str] = frozenset()
    added: frozenset[str] = frozenset()  # touchpoints that (re)appeared


class JourneyDocument(QObject):
    changed = Signal(object)  # Change
    file_changed = Signal()  # path or modified state

    def __init__(
        self, journey: JourneyMap, path: str | Path | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.journey = journey
        self.path = Path(path) if path else None
        self.opened_from: Path | None = None  # a PDF the map was read from
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._by_id = {tp.id: tp for tp in journey.touchpoints}
        self._batch_depth = 0
        self._pending: set[str] | None = None
        self._pending_added: set[str] = set()

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> JourneyDocument:
        """Raises MapError (with every problem) when the file is not a sound map. A map read from
        an exported PDF has no file yet: saving asks where (never over the PDF)."""
        journey = load_map(path)
        with open(path, "rb") as f:
            from_pdf = f.read(1024).lstrip().startswith(b"%PDF-")
        if from_pdf:
            document = cls(journey, None, parent)
            document.opened_from = Path(path)
            return document
        return cls(journey, path, parent)

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
            return f"{self.opened_from.name} (from the PDF; not saved yet)"
        return f"{self.journey.title} (not saved yet)"

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        return self._by_id[touchpoint_id]

    def has_touchpoint(self, touchpoint_id: str) -> bool:
        return touchpoint_id in self._by_id

    def place_of(self, touchpoint_id: str) -> Place:
        tp = self._by_id[touchpoint_id]
        return (tp.stage_id, tp.position, tp.department_id)

    # --- intents (each one undo step) ----------------------------------------------------------
    def move_touchpoints(self, moves: dict[str, Place]) -> bool:
        """Move touchpoints to (stage, position, department); False when nothing changes."""
        new = place_touchpoints(self.journey, moves)
        if not new:
            return False
        n = len(moves)
        if n == 1:
            (tid,) = moves
            text = f'Move "{self.touchpoint(tid).title}"'
        else:
            text = f"Move {n} touchpoints"
        self.undo_stack.push(SetPlaces(self, new, text))
        return True

    def add_touchpoint(
        self, place: Place, title: str = "New touchpoint", channel_id: str | None = None
    ) -> str:
        stage_id, position, department_id = place
        new_id = self.new_touchpoint_id()
        shifts = place_touchpoints(self.journey, {new_id: place})
        _, position, department_id = shifts.pop(new_id)
        touchpoint = Touchpoint(
            id=new_id,
            title=title,
            stage_id=stage_id,
            position=position,
            department_id=department_id,
            channel_id=channel_id,
        )
        self.undo_stack.push(AddTouchpoint(self, touchpoint, shifts))
        return new_id

    def delete_touchpoints(self, ids: list[str]) -> bool:
        ids = [i for i in dict.fromkeys(ids) if i in self._by_id]
        if not ids:
            return False
        self.undo_stack.push(DeleteTouchpoints(self, ids))
        return True

    def set_touchpoint_field(
        self, touchpoint_id: str, field: str, value: Any, text: str = ""
    ) -> bool:
        """Validated like the file (a bad value raises ValueError before anything changes)."""
        tp = self.touchpoint(touchpoint_id)
        if getattr(tp, field) == value:
            return False
        Touchpoint.model_validate({**tp.model_dump(), field: value})
        self.undo_stack.push(
            SetTouchpointField(
                self, touchpoint_id, field, value, text or f'Change {field} of "{tp.title}"'
            )
        )
        return True

    def rename_touchpoint(self, touchpoint_id: str, title: str) -> bool:
        old = self.touchpoint(touchpoint_id).title
        return self.set_touchpoint_field(
            touchpoint_id, "title", title, f'Rename "{old}" to "{title}"'
        )

    def set_feeling(self, touchpoint_id: str, feeling: int | None) -> bool:
        word = "not rated" if feeling is None else FEELING_WORDS[feeling]
        title = self.touchpoint(touchpoint_id).title
        return self.set_touchpoint_field(
            touchpoint_id, "feeling", feeling, f'Feeling of "{title}": {word}'
        )

    def new_touchpoint_id(self) -> str:
        while True:
            candidate = f"tp-{uuid.uuid4().hex[:8]}"
            if candidate not in self._by_id:
                return candidate

    # --- what commands call: change the model by id and say so -------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Changes made inside are announced once, at the end (one command, one update)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending is not None:
                ids, self._pending = self._pending, None
                appeared, self._pending_added = self._pending_added & ids, set()
                self.changed.emit(Change("touchpoints", frozenset(ids), frozenset(appeared)))

    def _changed(self, ids: Iterable[str], added: bool = False) -> None:
        ids = set(ids)
        if added:
            self._pending_added |= ids
        if self._batch_depth:
            self._pending = (self._pending or set()) | ids
        else:
            appeared, self._pending_added = self._pending_added & ids, set()
            self.changed.emit(Change("touchpoints", frozenset(ids), frozenset(appeared)))

    def apply_places(self, places: dict[str, Place]) -> None:
        for tid, (stage_id, position, department_id) in places.items():
            tp = self._by_id[tid]
            tp.stage_id, tp.position, tp.department_id = stage_id, position, department_id
        self._changed(places)

    def insert_touchpoints(self, items: list[tuple[int, Touchpoint]]) -> None:
        for index, tp in sorted(items, key=lambda it: it[0]):
            self.journey.touchpoints.insert(index, tp)
            self._by_id[tp.id] = tp
        self._changed([tp.id for _, tp in items], added=True)

    def remove_touchpoints(self, ids: list[str]) -> None:
        gone = set(ids)
        self.journey.touchpoints = [tp for tp in self.journey.touchpoints if tp.id not in gone]
        for i in gone:
            self._by_id.pop(i, None)
        self._changed(gone)

    def set_field(self, touchpoint_id: str, field: str, value: Any) -> None:
        setattr(self._by_id[touchpoint_id], field, value)
        self._changed([touchpoint_id])

    # --- files ---------------------------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> None:
        """Save (atomically, keeping backups) to `path` or the current file; SaveError if not."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file to save to: use save(path)")
        journey = self.journey.model_copy(deep=True)
        journey.metadata.modified = now()
        journey.metadata.app_version = __version__
        JourneyMap.model_validate(journey.model_dump())  # never write a map that would not load
        save_map(journey, target)
        self.journey.metadata = journey.metadata
        self.path = target
        self.undo_stack.setClean()
        self.file_changed.emit()
