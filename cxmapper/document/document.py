"""JourneyDocument: the map being edited, its undo stack and file, and change notifications.

Views ask the document for intents (`set_fields`, `move_touchpoints`, `add_stage`, ...). Each
intent cleans and checks its values first (a bad value raises EditRefused and nothing changes;
a value equal to the current one pushes nothing), then pushes one undo step. Commands change the
model through the `apply_fields`/`insert_parts`/`remove_parts`/`reorder_parts` steps, which
gather what changed; the document announces it once per step as `Changes`. Views update from
`changed` only, never from each other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cxmapper import __version__
from cxmapper.document.commands import (
    AddTouchpoint,
    InsertParts,
    RemoveParts,
    SetFields,
    Values,
)
from cxmapper.document.structure import StructureEdits
from cxmapper.document.undo_text import edit_text, named
from cxmapper.model.bulk import building_many
from cxmapper.model.changes import Change, ChangeCollector, Changes
from cxmapper.model.edits import Place, place_after, place_touchpoints
from cxmapper.model.fields import (
    LISTS,
    EditRefused,
    clean_value,
    part_of,
    parts_of,
)
from cxmapper.model.fileformat import load_map, map_from_data, map_to_data, save_map
from cxmapper.model.journey import FEELING_WORDS, JourneyMap, Touchpoint, now
from cxmapper.model.limits import over_limit
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, remove_stale_temporaries
from cxmapper.model.transfer import Pasted
from cxmapper.model.voting import topic_name, with_dots

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


class JourneyDocument(StructureEdits, QObject):
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
    def open(cls, path: str | Path, parent: QObject | None = None) -> JourneyDocument:
        """Raises MapError (with every problem) when the file is not a sound map. A map read from
        an exported PDF or imported from a spreadsheet (.csv) has no file yet: saving asks where
        (never over the PDF or the CSV)."""
        path = Path(path)
        if path.suffix.lower() == ".csv":
            return cls.from_spreadsheet(path, parent)
        if path.suffix.lower() in (".mmd", ".mermaid"):
            return cls.from_mermaid(path, parent)
        with building_many():
            journey = load_map(path)
        with open(path, "rb") as f:
            from_pdf = f.read(1024).lstrip().startswith(b"%PDF-")
        if from_pdf:
            document = cls(journey, None, parent)
            document.opened_from = path.absolute()
            return document
        remove_stale_temporaries(path)  # what a save killed beside it left, once its saver is gone
        return cls(journey, path, parent)

    @classmethod
    def from_spreadsheet(cls, path: str | Path, parent: QObject | None = None) -> JourneyDocument:
        """A new map from a CSV of touchpoints (one a row); MapError naming every bad cell."""
        from cxmapper.model.fileformat import read_limited
        from cxmapper.model.spreadsheet import MAX_CSV_BYTES, import_csv

        path = Path(path)
        try:
            result = import_csv(read_limited(path, MAX_CSV_BYTES), title=path.stem[:80] or "Map")
        except MapError as exc:
            raise MapError(exc.problems, str(path)) from None
        document = cls(result.journey, None, parent)
        document.opened_from = path.absolute()
        document.notes = list(result.warnings)
        return document

    @classmethod
    def from_mermaid(cls, path: str | Path, parent: QObject | None = None) -> JourneyDocument:
        """A new map from a Mermaid journey diagram; MapError naming every line it cannot read."""
        from cxmapper.model.fileformat import read_limited
        from cxmapper.model.mermaid import MAX_BYTES, from_mermaid

        path = Path(path)
        try:
            data = read_limited(path, MAX_BYTES)
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise MapError(["not UTF-8 text"]) from None
            notes: list[str] = []
            journey = from_mermaid(text, name=path.stem, notes=notes)
        except MapError as exc:
            raise MapError(exc.problems, str(path)) from None
        document = cls(journey, None, parent)
        document.opened_from = path.absolute()
        document.notes = notes
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

    # --- intents: fields --------------------------------------------------------------------
    def cleaned_fields(self, kind: str, ids: list[str], fields: dict[str, Any]) -> Values:
        """The values that would change, cleaned as the map stores them; EditRefused (in the
        user's words, naming the part and field) when one is not allowed."""
        changes: Values = {}
        for pid in dict.fromkeys(ids):
            try:
                part = self.part(kind, pid)
            except KeyError:
                raise EditRefused(f"no {kind} with the id {pid!r} is in the map") from None
            for field, value in fields.items():
                clean = clean_value(self.journey, kind, part, field, value)
                if getattr(part, field) != clean:
                    changes.setdefault(pid, {})[field] = clean
        return changes

    def set_fields(
        self,
        kind: str,
        ids: list[str] | str,
        fields: dict[str, Any],
        text: str = "",
        initiator: object | None = None,
        merge_key: object = None,
    ) -> bool:
        """Set fields of one or several parts in one undo step; False when nothing changes.
        `merge_key`: edits with the same key (one field, one pause of typing) merge."""
        ids = [ids] if isinstance(ids, str) else list(ids)
        changes = self.cleaned_fields(kind, ids, fields)
        if not changes:
            return False
        parts = [self.part(kind, pid) for pid in changes]
        text = text or edit_text(kind, parts, fields)
        self.push(SetFields(self, kind, changes, text, merge_key), initiator)
        return True

    def set_values(
        self, kind: str, values: Values, text: str = "", initiator: object | None = None
    ) -> bool:
        """Each part its own values (e.g. one department added to several touchpoints' own
        contributing lists), in one undo step; False when nothing changes."""
        changes: Values = {}
        for pid, fields in values.items():
            for k, v in self.cleaned_fields(kind, [pid], fields).items():
                changes[k] = v
        if not changes:
            return False
        parts = [self.part(kind, pid) for pid in changes]
        fields = {f: None for c in changes.values() for f in c}
        self.push(SetFields(self, kind, changes, text or edit_text(kind, parts, fields)), initiator)
        return True

    def set_field(self, kind: str, part_id: str, field: str, value: Any, **options) -> bool:
        return self.set_fields(kind, [part_id], {field: value}, **options)

    def set_touchpoint_field(
        self, touchpoint_id: str, field: str, value: Any, text: str = ""
    ) -> bool:
        return self.set_fields("touchpoint", [touchpoint_id], {field: value}, text)

    def rename_touchpoint(self, touchpoint_id: str, title: str, initiator=None) -> bool:
        return self.set_fields("touchpoint", [touchpoint_id], {"title": title}, initiator=initiator)

    def set_feeling(self, touchpoint_id: str, feeling: int | None, field: str = "feeling") -> bool:
        """Today's feeling, or (field "future_feeling") the future state's."""
        word = "not rated" if feeling is None else FEELING_WORDS[feeling]
        name = named("touchpoint", self.touchpoint(touchpoint_id))
        which = "Future feeling" if field == "future_feeling" else "Feeling"
        return self.set_fields(
            "touchpoint", [touchpoint_id], {field: feeling}, f"{which} of {name}: {word}"
        )

    def add_dots(self, ids: list[str], topic: str, change: int = 1, initiator=None) -> bool:
        """A dot vote: `change` dots (negative: taken off) on each of these cards, on `topic`,
        in one undo step; EditRefused when a card has no dot to take off."""
        values = {}
        for tid in dict.fromkeys(ids):
            tp = self.touchpoint(tid)
            votes = with_dots(tp, topic, change)
            if votes is None:
                reason = "has no dot to take off" if change < 0 else "holds the most dots it can"
                raise EditRefused(f"{named('touchpoint', tp)} {reason} ({topic_name(topic)})")
            values[tid] = {"votes": votes}
        if not values:
            return False
        what = f"{len(values)} touchpoints" if len(values) > 1 else named("touchpoint", tp)
        n = abs(change)
        dots = f"{n} dots" if n > 1 else "a dot"
        verb = f"Vote for {what}" if change == 1 else f"Put {dots} on {what}"
        if change < 0:
            verb = f"Take {dots} off {what}"
        return self.set_values("touchpoint", values, f"{verb} ({topic_name(topic)})", initiator)

    # --- intents: touchpoints ---------------------------------------------------------------
    def _check_place(self, place: Place) -> None:
        stage_id, _, department_id = place
        if self.journey.stage(stage_id) is None:
            raise EditRefused(f'the stage "{stage_id}" is not in the map')
        if department_id is not None and self.journey.department(department_id) is None:
            raise EditRefused(f'the department "{department_id}" is not in the map')

    def move_touchpoints(self, moves: dict[str, Place], initiator: object | None = None) -> bool:
        """Move touchpoints to (stage, position, department); False when nothing changes."""
        moves = {tid: place for tid, place in moves.items() if tid in self._by_id}
        for place in moves.values():
            self._check_place(place)
        new = place_touchpoints(self.journey, moves)
        if not new:
            return False
        n = len(moves)
        if n == 1:
            text = f"Move {named('touchpoint', self.touchpoint(next(iter(moves))))}"
        else:
            text = f"Move {n} touchpoints"
        values = {
            tid: {"stage_id": s, "position": p, "department_id": d}
            for tid, (s, p, d) in new.items()
        }
        self.push(SetFields(self, "touchpoint", values, text), initiator)
        return True

    def move_to_stage(self, ids: list[str], stage_id: str, initiator=None) -> bool:
        """Touchpoints to the end of another stage, keeping their lanes and their order."""
        self._check_place((stage_id, 0, None))
        order = [t for t in self.journey.touchpoints_in_time_order() if t.id in set(ids)]
        moving = [t for t in order if t.stage_id != stage_id]
        if not moving:
            return False
        last = max(
            (t.position for t in self.journey.touchpoints if t.stage_id == stage_id), default=-1.0
        )
        slots = {p: k for k, p in enumerate(sorted({(t.stage_id, t.position) for t in moving}))}
        moves = {
            t.id: (stage_id, last + 1 + slots[(t.stage_id, t.position)], t.department_id)
            for t in moving
        }
        return self.move_touchpoints(moves, initiator)

    def add_touchpoint(
        self,
        place: Place,
        title: str = "New touchpoint",
        channel_id: str | None = None,
        initiator: object | None = None,
    ) -> str:
        """A new touchpoint at `place`; its id. EditRefused when the place or title is not valid."""
        self._check_place(place)
        if problem := over_limit(self.journey, {"touchpoint": 1}):
            raise EditRefused(problem)
        if channel_id is not None and self.journey.channel(channel_id) is None:
            channel_id = None
        stage_id = place[0]
        title = clean_value(self.journey, "touchpoint", None, "title", title)
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
        values = {
            tid: {"stage_id": s, "position": p, "department_id": d}
            for tid, (s, p, d) in shifts.items()
        }
        self.push(AddTouchpoint(self, touchpoint, values, len(self.journey.touchpoints)), initiator)
        return new_id

    def add_titled(self, titles: list[str], after: str | None, initiator=None) -> list[str]:
        """Touchpoints named by pasted lines, one after another after `after` (or after the
        map's last touchpoint), in its stage and lane: one undo step; their ids."""
        stage_id, _, department_id = place_after(self.journey, after)
        made: list[Touchpoint] = []
        taken: set[str] = set()
        for title in titles:
            clean = clean_value(self.journey, "touchpoint", None, "title", title)
            made.append(
                Touchpoint(
                    id=self.new_touchpoint_id(taken),
                    title=clean,
                    stage_id=stage_id,
                    department_id=department_id,
                )
            )
            taken.add(made[-1].id)
        text = f"Paste {len(made)} touchpoint" + ("s" if len(made) != 1 else "")
        return self._insert_after(Pasted(touchpoints=made), after, text, initiator, keep_lane=False)

    def paste_touchpoints(self, pasted: Pasted, after: str | None, initiator=None) -> list[str]:
        """Copied touchpoints (model.transfer) after `after`, each in its own department (made
        when the map lacks it), in their own order: one undo step; their ids."""
        n = len(pasted.touchpoints)
        text = f"Paste {n} touchpoint" + ("s" if n != 1 else "")
        return self._insert_after(pasted, after, text, initiator, keep_lane=True)

    def _insert_after(self, pasted: Pasted, after, text: str, initiator, keep_lane: bool):
        if not pasted.touchpoints:
            return []
        adding = {
            "touchpoint": len(pasted.touchpoints),
            "stage": len(pasted.stages),
            "department": len(pasted.departments),
            "channel": len(pasted.channels),
        }
        if problem := over_limit(self.journey, adding):
            raise EditRefused(problem)
        if pasted.in_place:  # a table's rows: each at the end of its own stage
            moves = {t.id: (t.stage_id, t.position, t.department_id) for t in pasted.touchpoints}
        else:
            if not self.journey.stages:
                raise EditRefused("the map has no stages yet: a touchpoint needs a stage")
            stage_id, position, department_id = place_after(self.journey, after)
            base = position - 0.5
            n = len(pasted.touchpoints)
            moves = {
                tp.id: (
                    stage_id,
                    base + (i + 1) / (n + 1),
                    tp.department_id if keep_lane else department_id,
                )
                for i, tp in enumerate(pasted.touchpoints)
            }
        shifts = place_touchpoints(self.journey, moves)
        placed = []
        for tp in pasted.touchpoints:
            stage, pos, dept = shifts.pop(tp.id, moves[tp.id])
            placed.append(
                tp.model_copy(update={"stage_id": stage, "position": pos, "department_id": dept})
            )
        values = {
            tid: {"stage_id": s, "position": p, "department_id": d}
            for tid, (s, p, d) in shifts.items()
        }
        with self.macro(text, initiator):
            for kind, parts in (
                ("stage", pasted.stages),
                ("department", pasted.departments),
                ("channel", pasted.channels),
            ):
                if parts:
                    start = len(self.parts(kind))
                    items = [(start + i, part) for i, part in enumerate(parts)]
                    self.push(InsertParts(self, kind, items, text))
            start = len(self.journey.touchpoints)
            items = [(start + i, tp) for i, tp in enumerate(placed)]
            self.push(InsertParts(self, "touchpoint", items, text))
            if values:
                self.push(SetFields(self, "touchpoint", values, text))
        return [tp.id for tp in placed]

    def withdraw_touchpoint(self, touchpoint_id: str) -> None:
        """Take back a touchpoint just added and left unnamed (a capture run's last, empty card):
        its add leaves the undo stack as if it had never been; otherwise it is deleted."""
        stack = self.undo_stack
        index = stack.index()
        top = stack.command(index - 1) if index and index == stack.count() else None
        if isinstance(top, AddTouchpoint) and top.touchpoint_id == touchpoint_id:
            # Qt drops an obsolete command when it is undone, without undoing it: so it is
            # undone here first, and no redo brings the empty card back.
            top.undo()
            top.setObsolete(True)
            stack.undo()
        elif self.has_touchpoint(touchpoint_id):
            self.delete_touchpoints([touchpoint_id])

    def delete_touchpoints(self, ids: list[str], initiator: object | None = None) -> bool:
        ids = [i for i in dict.fromkeys(ids) if i in self._by_id]
        if not ids:
            return False
        n = len(ids)
        name = named("touchpoint", self.touchpoint(ids[0]))
        text = f"Delete {name}" if n == 1 else f"Delete {n} touchpoints"
        with self.macro(text, initiator):
            self.push_removal(ids, text)
        return True

    def push_removal(self, ids: list[str], text: str) -> None:
        """Remove touchpoints, and the handoffs other touchpoints had to them (so the map
        stays whole; undo brings both back). Inside a macro."""
        gone = set(ids)
        unlinked = {
            t.id: {"leads_to": [i for i in t.leads_to if i not in gone]}
            for t in self.journey.touchpoints
            if t.id not in gone and gone.intersection(t.leads_to)
        }
        if unlinked:
            self.push(SetFields(self, "touchpoint", unlinked, text))
        self.push(RemoveParts(self, "touchpoint", ids, text))

    def new_touchpoint_id(self, taken: set[str] = frozenset()) -> str:
        """An id no touchpoint of the map (nor any in `taken`, about to be added) has."""
        while True:
            candidate = f"tp-{uuid.uuid4().hex[:8]}"
            if candidate not in self._by_id and candidate not in taken:
                return candidate

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

    def apply_fields(self, kind: str, values: Values) -> None:
        fields: set[str] = set()
        for pid, changes in values.items():
            part = self.part(kind, pid)
            for field, value in changes.items():
                setattr(part, field, value.copy() if isinstance(value, list) else value)
            fields.update(changes)
        self._collector.set(kind, values, fields)
        self._announce()

    def insert_parts(self, kind: str, items: list[tuple[int, Any]]) -> None:
        target = getattr(self.journey, LISTS[kind])
        for index, part in sorted(items, key=lambda it: it[0]):
            target.insert(index, part)
            if kind == "touchpoint":
                self._by_id[part.id] = part
        self._collector.add(kind, [p.id for _, p in items])
        self._announce()

    def remove_parts(self, kind: str, ids: list[str]) -> None:
        gone = set(ids)
        name = LISTS[kind]
        setattr(self.journey, name, [p for p in getattr(self.journey, name) if p.id not in gone])
        if kind == "touchpoint":
            for i in gone:
                self._by_id.pop(i, None)
        self._collector.remove(kind, gone)
        self._announce()

    def reorder_parts(self, kind: str, order: list[str]) -> None:
        name = LISTS[kind]
        by_id = {p.id: p for p in getattr(self.journey, name)}
        setattr(self.journey, name, [by_id[i] for i in order])
        self._collector.reorder(kind)
        self._announce()

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
