"""Every edit is a QUndoCommand that changes the model by id, and nothing else.

Commands hold ids and plain values (never graphics items), so undo after a view was rebuilt, or
of something deleted, cannot crash. Redo and undo apply exactly stored values: undo gives back
the previous model, field for field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from cxmapper.model.edits import Place
from cxmapper.model.journey import Touchpoint

if TYPE_CHECKING:
    from cxmapper.document.document import JourneyDocument


class SetPlaces(QUndoCommand):
    """Touchpoints move in time, to other stages or other lanes (owners)."""

    def __init__(self, doc: JourneyDocument, new: dict[str, Place], text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.new = new
        self.old = {i: doc.place_of(i) for i in new}

    def redo(self) -> None:
        self.doc.apply_places(self.new)

    def undo(self) -> None:
        self.doc.apply_places(self.old)


NAMING = 0x7C02  # merge id: naming a touchpoint right after adding it is part of adding it


class AddTouchpoint(QUndoCommand):
    """A new touchpoint, and the renumbering of its stage that makes room for it. Typing its
    name straight after (drop, type, Enter) merges in: one undo step removes it."""

    def __init__(
        self, doc: JourneyDocument, touchpoint: Touchpoint, shifts: dict[str, Place]
    ) -> None:
        super().__init__(f'Add "{touchpoint.title}"')
        self.doc = doc
        self.data = touchpoint.model_dump()
        self.shifts = shifts
        self.old = {i: doc.place_of(i) for i in shifts}

    def id(self) -> int:
        return NAMING

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(other, SetTouchpointField)
            and other.field == "title"
            and other.touchpoint_id == self.data["id"]
        ):
            self.data["title"] = other.new
            self.setText(f'Add "{other.new}"')
            return True
        return False

    def redo(self) -> None:
        with self.doc.batch():
            self.doc.insert_touchpoints(
                [(len(self.doc.journey.touchpoints), Touchpoint(**self.data))]
            )
            self.doc.apply_places(self.shifts)

    def undo(self) -> None:
        with self.doc.batch():
            self.doc.remove_touchpoints([self.data["id"]])
            self.doc.apply_places(self.old)


class DeleteTouchpoints(QUndoCommand):
    def __init__(self, doc: JourneyDocument, ids: list[str]) -> None:
        n = len(ids)
        title = doc.touchpoint(ids[0]).title if n == 1 else ""
        super().__init__(f'Delete "{title}"' if n == 1 else f"Delete {n} touchpoints")
        self.doc = doc
        index = {tp.id: k for k, tp in enumerate(doc.journey.touchpoints)}
        self.removed = sorted((index[i], doc.touchpoint(i).model_dump()) for i in ids)

    def redo(self) -> None:
        self.doc.remove_touchpoints([data["id"] for _, data in self.removed])

    def undo(self) -> None:
        self.doc.insert_touchpoints([(k, Touchpoint(**data)) for k, data in self.removed])


class SetTouchpointField(QUndoCommand):
    """One field of one touchpoint (the inspector's workhorse: title, feeling, notes...)."""

    def __init__(
        self, doc: JourneyDocument, touchpoint_id: str, field: str, value: Any, text: str
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self.touchpoint_id = touchpoint_id
        self.field = field
        self.new = value
        self.old = getattr(doc.touchpoint(touchpoint_id), field)

    def id(self) -> int:
        return NAMING if self.field == "title" else -1

    def redo(self) -> None:
        self.doc.set_field(self.touchpoint_id, self.field, self.new)

    def undo(self) -> None:
        self.doc.set_field(self.touchpoint_id, self.field, self.old)
