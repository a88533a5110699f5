"""The document's undo steps: each runs one planned edit (model/plans) and nothing else.

A command holds its edit as plain data (kinds, ids and values, never graphics items), so undo
after a view was rebuilt, or of something deleted, cannot crash. Redo makes the edit's steps
through the document's one private apply step, which gives back the step that undoes each;
undo makes those, in reverse: it gives back the previous model, field for field.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from cxmapper.model.plans.edit import Edit, InsertParts, SetFields, Step

if TYPE_CHECKING:
    from cxmapper.document.document import JourneyDocument

# Commands with this id may merge: typing in one field during one pause is one undo step, and
# naming a touchpoint right after adding it is part of adding it.
MERGE_ID = 0x7C02


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


class PlannedEdit(DocumentCommand):
    """One planned edit, one undo step, announced once. `merge_key`: edits of the same fields
    of the same parts with the same key (one field, one pause of typing) merge."""

    def __init__(self, doc: JourneyDocument, edit: Edit, merge_key: object = None) -> None:
        super().__init__(doc, edit.text)
        self.edit, self.merge_key = edit, merge_key
        self.undoing: tuple[Step, ...] = ()  # the steps that undo it, once it is made

    def _only_fields(self) -> SetFields | None:
        steps = self.edit.steps
        return steps[0] if len(steps) == 1 and isinstance(steps[0], SetFields) else None

    def _shape(self) -> tuple[str, dict[str, set[str]]] | None:
        step = self._only_fields()
        return (step.kind, {k: set(v) for k, v in step.values.items()}) if step else None

    def renamed_touchpoint(self) -> str | None:
        """The touchpoint whose title (and nothing else) this edit changes, if it is that."""
        shape = self._shape()
        if shape and shape[0] == "touchpoint" and len(shape[1]) == 1:
            ((tid, fields),) = shape[1].items()
            return tid if fields == {"title"} else None
        return None

    def id(self) -> int:
        if self.merge_key is not None or self.renamed_touchpoint() is not None:
            return MERGE_ID
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            not isinstance(other, PlannedEdit)
            or self.merge_key is None
            or other.merge_key != self.merge_key
            or self._shape() is None
            or other._shape() != self._shape()
        ):
            return False
        self.edit = other.edit
        self.setText(other.text())
        if other._only_fields().values == self.undoing[0].values:
            self.setObsolete(True)  # typed back to where it was: no undo step at all
        return True

    def redo(self) -> None:
        doc = self.doc
        with doc.batch():
            undoing = [doc._apply(step) for step in self.edit.steps]
        self.undoing = tuple(reversed(undoing))

    def undo(self) -> None:
        doc = self.doc
        with doc.batch():
            for step in self.undoing:
                doc._apply(step)


class AddTouchpoint(PlannedEdit):
    """A new touchpoint and the renumbering of its stage that makes room for it. Typing its
    name straight after (drop, type, Enter) merges in: one undo step removes it."""

    @property
    def touchpoint_id(self) -> str:
        return self.edit.added("touchpoint")[0]

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        tid = self.touchpoint_id
        if not isinstance(other, PlannedEdit) or other.renamed_touchpoint() != tid:
            return False
        title = other.edit.steps[0].values[tid]["title"]
        insert, *rest = self.edit.steps
        assert isinstance(insert, InsertParts)
        ((index, data),) = insert.items
        named = replace(insert, items=((index, {**data, "title": title}),))
        self.edit = Edit(f"Add touchpoint '{title}'", (named, *rest))
        self.setText(self.edit.text)
        return True
