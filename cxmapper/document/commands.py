"""The few generic commands every edit is made of; each changes the model by id, and nothing else.

Commands hold kinds, ids and plain values (never graphics items), so undo after a view was
rebuilt, or of something deleted, cannot crash. Redo and undo both go through the document's
`apply_*` steps with exactly stored values: undo gives back the previous model, field for field.
Compound edits (removing a stage with its touchpoints) are macros of these.
"""

from __future__ import annotations

import weakref
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from cxmapper.model.fields import CLASSES

if TYPE_CHECKING:
    from cxmapper.document.document import JourneyDocument

# Commands with this id may merge: typing in one field during one pause is one undo step, and
# naming a touchpoint right after adding it is part of adding it.
MERGE_ID = 0x7C02

Values = dict[str, dict[str, Any]]  # part id -> field -> value


class DocumentCommand(QUndoCommand):
    """A command of one document, which it holds weakly. The document owns its undo stack and
    the stack its commands: a strong reference back would make every document a reference cycle
    through Qt-owned commands, freed only by Python's cycle collector, which may take a command
    from its stack and free it while the stack still holds it (freed twice: a crash at exit)."""

    def __init__(self, doc: JourneyDocument, text: str) -> None:
        super().__init__(text)
        self._doc = weakref.ref(doc)

    @property
    def doc(self) -> JourneyDocument:
        doc = self._doc()
        if doc is None:  # only its document's stack runs a command: it cannot be gone
            raise RuntimeError(f"the document of {self.text()!r} is gone")
        return doc


class SetFields(DocumentCommand):
    """Set fields of one or more parts of one kind."""

    def __init__(
        self, doc: JourneyDocument, kind: str, new: Values, text: str, merge_key: object = None
    ) -> None:
        super().__init__(doc, text)
        self.kind, self.merge_key = kind, merge_key
        self.new = deepcopy(new)
        self.old = {
            pid: {f: deepcopy(getattr(doc.part(kind, pid), f)) for f in fields}
            for pid, fields in new.items()
        }

    def is_rename_of(self, touchpoint_id: str) -> bool:
        return (
            self.kind == "touchpoint"
            and list(self.new) == [touchpoint_id]
            and set(self.new[touchpoint_id]) == {"title"}
        )

    def id(self) -> int:
        if self.merge_key is not None or (len(self.new) == 1 and self.is_rename_of(*self.new)):
            return MERGE_ID
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            not isinstance(other, SetFields)
            or self.merge_key is None
            or other.merge_key != self.merge_key
            or other.kind != self.kind
            or {k: set(v) for k, v in other.new.items()} != {k: set(v) for k, v in self.new.items()}
        ):
            return False
        self.new = other.new
        self.setText(other.text())
        if self.new == self.old:
            self.setObsolete(True)  # typed back to where it was: no undo step at all
        return True

    def redo(self) -> None:
        self.doc.apply_fields(self.kind, self.new)

    def undo(self) -> None:
        self.doc.apply_fields(self.kind, self.old)


class InsertParts(DocumentCommand):
    """New parts of one kind, each at its index in the map's list."""

    def __init__(
        self, doc: JourneyDocument, kind: str, items: list[tuple[int, Any]], text: str
    ) -> None:
        super().__init__(doc, text)
        self.kind = kind
        self.items = sorted(((k, part.model_dump()) for k, part in items), key=lambda it: it[0])

    def _parts(self) -> list[tuple[int, Any]]:
        cls = CLASSES[self.kind]
        return [(k, cls.model_validate(data)) for k, data in self.items]

    def redo(self) -> None:
        self.doc.insert_parts(self.kind, self._parts())

    def undo(self) -> None:
        self.doc.remove_parts(self.kind, [data["id"] for _, data in self.items])


class RemoveParts(DocumentCommand):
    """Parts of one kind taken out of the map (undo puts each back at its index)."""

    def __init__(self, doc: JourneyDocument, kind: str, ids: list[str], text: str) -> None:
        super().__init__(doc, text)
        self.kind = kind
        index = {p.id: k for k, p in enumerate(doc.parts(kind))}
        self.removed = sorted((index[i], doc.part(kind, i).model_dump()) for i in ids)

    def redo(self) -> None:
        self.doc.remove_parts(self.kind, [data["id"] for _, data in self.removed])

    def undo(self) -> None:
        cls = CLASSES[self.kind]
        self.doc.insert_parts(self.kind, [(k, cls.model_validate(d)) for k, d in self.removed])


class ReorderParts(DocumentCommand):
    """A new order of a list of parts (stages left to right, lanes top to bottom)."""

    def __init__(self, doc: JourneyDocument, kind: str, order: list[str], text: str) -> None:
        super().__init__(doc, text)
        self.kind = kind
        self.new = list(order)
        self.old = [p.id for p in doc.parts(kind)]

    def redo(self) -> None:
        self.doc.reorder_parts(self.kind, self.new)

    def undo(self) -> None:
        self.doc.reorder_parts(self.kind, self.old)


class AddTouchpoint(InsertParts):
    """A new touchpoint and the renumbering of its stage that makes room for it. Typing its
    name straight after (drop, type, Enter) merges in: one undo step removes it."""

    def __init__(self, doc: JourneyDocument, touchpoint, shifts: Values, index: int) -> None:
        super().__init__(
            doc, "touchpoint", [(index, touchpoint)], f"Add touchpoint '{touchpoint.title}'"
        )
        self.shifts = SetFields(doc, "touchpoint", shifts, "") if shifts else None

    @property
    def touchpoint_id(self) -> str:
        return self.items[0][1]["id"]

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if isinstance(other, SetFields) and other.is_rename_of(self.touchpoint_id):
            title = other.new[self.touchpoint_id]["title"]
            self.items[0][1]["title"] = title
            self.setText(f"Add touchpoint '{title}'")
            return True
        return False

    def redo(self) -> None:
        super().redo()
        if self.shifts:
            self.shifts.redo()

    def undo(self) -> None:
        if self.shifts:
            self.shifts.undo()
        super().undo()
