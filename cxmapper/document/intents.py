"""What views ask of the document, each one undo step: fields set, touchpoints moved, added,
pasted and deleted, stages, departments and channels added, moved and removed.

Each intent asks the planner (model/plans) for its edit, which checks it first (EditRefused
in the user's words, nothing changed) and says what follows from it, and runs the edit; an
edit that changes nothing pushes nothing. No rule of an edit lives here.
"""

from __future__ import annotations

from typing import Any

from cxmapper.document.commands import AddTouchpoint
from cxmapper.model.edits import Place
from cxmapper.model.plans import fields as field_plans
from cxmapper.model.plans import removal, structure, touchpoints
from cxmapper.model.plans.edit import Edit, Values
from cxmapper.model.transfer import Pasted


class Intents:
    """Mixed into JourneyDocument (which provides journey, _by_id, undo_stack, run, push)."""

    def _run(self, edit: Edit | None, initiator: object | None, merge_key: object = None) -> bool:
        if edit is None:
            return False
        self.run(edit, initiator, merge_key)
        return True

    # --- fields -----------------------------------------------------------------------------
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
        edit = field_plans.set_fields(self.journey, kind, ids, fields, text, self._by_id)
        return self._run(edit, initiator, merge_key)

    def set_values(
        self, kind: str, values: Values, text: str = "", initiator: object | None = None
    ) -> bool:
        """Each part its own values (e.g. one department added to several touchpoints' own
        contributing lists), in one undo step; False when nothing changes."""
        edit = field_plans.set_values(self.journey, kind, values, text, self._by_id)
        return self._run(edit, initiator)

    def set_field(self, kind: str, part_id: str, field: str, value: Any, **options) -> bool:
        return self.set_fields(kind, [part_id], {field: value}, **options)

    def set_feeling(self, touchpoint_id: str, feeling: int | None, field: str = "feeling") -> bool:
        """Today's feeling, or (field "future_feeling") the future state's."""
        edit = field_plans.set_feeling(self.journey, touchpoint_id, feeling, field, self._by_id)
        return self._run(edit, None)

    def add_dots(self, ids: list[str], topic: str, change: int = 1, initiator=None) -> bool:
        """A dot vote: `change` dots (negative: taken off) on each of these cards, on `topic`,
        in one undo step; EditRefused when a card has no dot to take off."""
        edit = field_plans.add_dots(self.journey, ids, topic, change, self._by_id)
        return self._run(edit, initiator)

    # --- touchpoints ------------------------------------------------------------------------
    def move_touchpoints(self, moves: dict[str, Place], initiator: object | None = None) -> bool:
        """Move touchpoints to (stage, position, department); False when nothing changes."""
        edit = touchpoints.move_touchpoints(self.journey, moves, self._by_id)
        return self._run(edit, initiator)

    def move_to_stage(self, ids: list[str], stage_id: str, initiator=None) -> bool:
        """Touchpoints to the end of another stage, keeping their lanes and their order."""
        edit = touchpoints.move_to_stage(self.journey, ids, stage_id, self._by_id)
        return self._run(edit, initiator)

    def add_touchpoint(
        self,
        place: Place,
        title: str = "New touchpoint",
        channel_id: str | None = None,
        initiator: object | None = None,
    ) -> str:
        """A new touchpoint at `place`; its id. EditRefused when the place or title is not valid."""
        edit = touchpoints.add_touchpoint(self.journey, place, title, channel_id, self._by_id)
        self.push(AddTouchpoint(self, edit), initiator)
        return edit.added("touchpoint")[0]

    def add_titled(self, titles: list[str], after: str | None, initiator=None) -> list[str]:
        """Touchpoints named by pasted lines, one after another after `after` (or after the
        map's last touchpoint), in its stage and lane: one undo step; their ids."""
        edit = touchpoints.add_titled(self.journey, titles, after, self._by_id)
        self._run(edit, initiator)
        return edit.added("touchpoint") if edit else []

    def paste_touchpoints(self, pasted: Pasted, after: str | None, initiator=None) -> list[str]:
        """Copied touchpoints (model.transfer) after `after`, each in its own department (made
        when the map lacks it), in their own order: one undo step; their ids."""
        edit = touchpoints.paste_touchpoints(self.journey, pasted, after)
        self._run(edit, initiator)
        return edit.added("touchpoint") if edit else []

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
        """Touchpoints deleted, and the handoffs to them; False when none is in the map."""
        return self._run(removal.delete_touchpoints(self.journey, ids, self._by_id), initiator)

    # --- stages, departments, channels ------------------------------------------------------
    def _added(self, edit: Edit, kind: str, initiator) -> str:
        self.run(edit, initiator)
        return edit.added(kind)[0]

    def add_stage(self, name: str | None = None, index: int | None = None, initiator=None) -> str:
        """A new stage at `index` (the end by default); its id."""
        return self._added(structure.add_stage(self.journey, name, index), "stage", initiator)

    def move_stage(self, stage_id: str, index: int, initiator=None) -> bool:
        return self._run(structure.move_stage(self.journey, stage_id, index), initiator)

    def stage_touchpoints(self, stage_id: str) -> list[str]:
        return removal.stage_touchpoints(self.journey, stage_id)

    def remove_stage(self, stage_id: str, keep_touchpoints: bool = True, initiator=None) -> bool:
        """Remove a stage; its touchpoints move to the stage before (or after) it, or are
        deleted with it. One undo step either way."""
        edit = removal.remove_stage(self.journey, stage_id, keep_touchpoints)
        return self._run(edit, initiator)

    def add_department(
        self,
        name: str | None = None,
        colour: str | None = None,
        index: int | None = None,
        initiator=None,
    ) -> str:
        edit = structure.add_department(self.journey, name, colour, index)
        return self._added(edit, "department", initiator)

    def move_department(self, department_id: str, index: int, initiator=None) -> bool:
        edit = structure.move_department(self.journey, department_id, index)
        return self._run(edit, initiator)

    def department_touchpoints(self, department_id: str) -> list[str]:
        return removal.department_touchpoints(self.journey, department_id)

    def remove_department(
        self, department_id: str, keep_touchpoints: bool = True, initiator=None
    ) -> bool:
        """Remove a department (its lane); its touchpoints move to the lane above (or below, or
        to "Unassigned"), or are deleted with it. No touchpoint keeps it as a contributor."""
        edit = removal.remove_department(self.journey, department_id, keep_touchpoints)
        return self._run(edit, initiator)

    def add_channel(self, name: str | None = None, icon: str | None = None, initiator=None) -> str:
        return self._added(structure.add_channel(self.journey, name, icon), "channel", initiator)

    def move_channel(self, channel_id: str, index: int, initiator=None) -> bool:
        return self._run(structure.move_channel(self.journey, channel_id, index), initiator)

    def remove_channel(self, channel_id: str, initiator=None) -> bool:
        """Remove a channel; touchpoints on it keep "no channel"."""
        return self._run(removal.remove_channel(self.journey, channel_id), initiator)
