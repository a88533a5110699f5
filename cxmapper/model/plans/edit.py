"""An edit as plain data: its undo text and its steps, each a change of the map by id.

The planner (the other modules of this package) decides what an edit changes and checks it
before anything happens; `apply_edit` makes it on a map and gives back the edit that undoes
it. The document runs the same steps through its undo stack; a merge, a room or co-editing
apply them to plain maps: an edit means one thing wherever it runs.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from cxmapper.model.changes import ChangeCollector
from cxmapper.model.fields import CLASSES, LISTS, part_of
from cxmapper.model.journey import JourneyMap, Touchpoint

Values = dict[str, dict[str, Any]]  # part id -> field -> value
Index = MutableMapping[str, Touchpoint]  # a map's touchpoints by id, kept by whoever holds it


@dataclass(frozen=True)
class SetFields:
    """Fields of parts of one kind ("map", "persona", "stage", ... "touchpoint"), each part
    its own values, as the map stores them (cleaned)."""

    kind: str
    values: Values


@dataclass(frozen=True)
class InsertParts:
    """New parts of one kind, as their data (`model_dump()`), each at its index in the map's
    list, in ascending order of index."""

    kind: str
    items: tuple[tuple[int, dict[str, Any]], ...]


@dataclass(frozen=True)
class RemoveParts:
    """Parts of one kind taken out of the map, by id."""

    kind: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class ReorderParts:
    """A new order of one kind's list (stages left to right, lanes top to bottom): every id,
    each once."""

    kind: str
    order: tuple[str, ...]


Step = SetFields | InsertParts | RemoveParts | ReorderParts


@dataclass(frozen=True)
class Edit:
    """One undo step: what the Edit menu calls it, and its steps in the order they are made."""

    text: str
    steps: tuple[Step, ...]

    def added(self, kind: str) -> list[str]:
        """The ids of the parts of `kind` it inserts, in their order."""
        return [
            data["id"]
            for step in self.steps
            if isinstance(step, InsertParts) and step.kind == kind
            for _, data in step.items
        ]


def inserting(kind: str, items: Iterable[tuple[int, BaseModel]]) -> InsertParts:
    """The step that inserts these parts (index, part), as plain data."""
    ordered = sorted(((k, part.model_dump()) for k, part in items), key=lambda it: it[0])
    return InsertParts(kind, tuple(ordered))


def apply_edit(
    journey: JourneyMap,
    edit: Edit,
    changes: ChangeCollector | None = None,
    touchpoints: Index | None = None,
) -> Edit:
    """Make `edit` on `journey`, in place; the edit that undoes it (field for field)."""
    undo = [apply_step(journey, step, changes, touchpoints) for step in edit.steps]
    return Edit(edit.text, tuple(reversed(undo)))


def apply_step(
    journey: JourneyMap,
    step: Step,
    changes: ChangeCollector | None = None,
    touchpoints: Index | None = None,
) -> Step:
    """Make one step on `journey`, in place; the step that undoes it. `changes` gathers what
    changed; `touchpoints` (the map's touchpoints by id) finds them at once and is kept up to
    date. KeyError when a part the step names is not in the map."""
    changes = changes if changes is not None else ChangeCollector()
    if isinstance(step, SetFields):
        return _set(journey, step, changes, touchpoints)
    if isinstance(step, InsertParts):
        return _insert(journey, step, changes, touchpoints)
    if isinstance(step, RemoveParts):
        return _remove(journey, step, changes, touchpoints)
    if isinstance(step, ReorderParts):
        return _reorder(journey, step, changes)
    raise TypeError(f"not a step of an edit: {step!r}")


def _copy(value: Any) -> Any:
    """A list or dict of the plan's own: the map never shares one with a plan. (Their items
    are text and numbers: a copy of the list is a copy of the value.)"""
    return value.copy() if isinstance(value, (list, dict)) else value


def _set(journey: JourneyMap, step: SetFields, changes, touchpoints: Index | None) -> Step:
    if step.kind != "touchpoint":
        touchpoints = None
    elif touchpoints is None and len(step.values) > 1:
        touchpoints = {t.id: t for t in journey.touchpoints}
    old: Values = {}
    fields: set[str] = set()
    for pid, values in step.values.items():
        found = touchpoints.get if touchpoints is not None else None
        part = found(pid) if found else part_of(journey, step.kind, pid)
        if part is None:
            raise KeyError(f"no {step.kind} with the id {pid!r}")
        old[pid] = {f: _copy(getattr(part, f)) for f in values}
        for field, value in values.items():
            setattr(part, field, _copy(value))
        fields.update(values)
    changes.set(step.kind, step.values, fields)
    return SetFields(step.kind, old)


def _insert(journey: JourneyMap, step: InsertParts, changes, touchpoints: Index | None) -> Step:
    cls = CLASSES[step.kind]
    target = getattr(journey, LISTS[step.kind])
    parts = [(k, cls.model_validate(data)) for k, data in step.items]
    for index, part in sorted(parts, key=lambda it: it[0]):
        target.insert(index, part)
        if step.kind == "touchpoint" and touchpoints is not None:
            touchpoints[part.id] = part
    ids = tuple(part.id for _, part in parts)
    changes.add(step.kind, ids)
    return RemoveParts(step.kind, ids)


def _remove(journey: JourneyMap, step: RemoveParts, changes, touchpoints: Index | None) -> Step:
    name = LISTS[step.kind]
    parts = getattr(journey, name)
    gone = set(step.ids)
    removed = tuple((k, p.model_dump()) for k, p in enumerate(parts) if p.id in gone)
    if len(removed) != len(gone):
        missing = gone - {data["id"] for _, data in removed}
        raise KeyError(f"no {step.kind} with the id {min(missing)!r}")
    setattr(journey, name, [p for p in parts if p.id not in gone])
    if step.kind == "touchpoint" and touchpoints is not None:
        for i in gone:
            touchpoints.pop(i, None)
    changes.remove(step.kind, gone)
    return InsertParts(step.kind, removed)


def _reorder(journey: JourneyMap, step: ReorderParts, changes) -> Step:
    name = LISTS[step.kind]
    by_id = {p.id: p for p in getattr(journey, name)}
    if len(step.order) != len(by_id) or set(step.order) != set(by_id):
        raise KeyError(f"not an order of the map's {name}: {list(step.order)!r}")
    setattr(journey, name, [by_id[i] for i in step.order])
    changes.reorder(step.kind)
    return ReorderParts(step.kind, tuple(by_id))
