"""The map's structure as intents of the document: stages, departments (lanes) and channels
added, moved and removed, each one undo step. What happens to the touchpoints of a removed stage
or department is decided by the rules in model/edits.py."""

from __future__ import annotations

from cxmapper.document.commands import InsertParts, RemoveParts, ReorderParts, SetFields
from cxmapper.document.undo_text import named
from cxmapper.model.defaults import icon_for_channel_name, unique_id, unique_name, unused_colour
from cxmapper.model.edits import (
    moved_in_list,
    neighbour_department,
    neighbour_stage,
    touchpoints_moved_to_stage,
)
from cxmapper.model.fields import EditRefused, clean_value
from cxmapper.model.journey import Channel, Department, Stage
from cxmapper.model.limits import over_limit

PREFIXES = {"stage": "stage", "department": "dept", "channel": "channel"}


class StructureEdits:
    """Mixed into JourneyDocument (which provides journey, parts, part, push, macro)."""

    def _new_part(self, kind: str, name: str | None, default: str):
        parts = self.parts(kind)
        if problem := over_limit(self.journey, {kind: 1}):
            raise EditRefused(problem)
        if name is None:
            name = unique_name(default, [p.name for p in parts])
        name = clean_value(self.journey, kind, None, "name", name)
        return name, unique_id(PREFIXES[kind], name, [p.id for p in parts])

    def _insert(self, kind: str, part, index: int | None, initiator) -> str:
        n = len(self.parts(kind))
        index = n if index is None else max(0, min(n, index))
        self.push(InsertParts(self, kind, [(index, part)], f"Add {named(kind, part)}"), initiator)
        return part.id

    def _move(self, kind: str, part_id: str, index: int, initiator) -> bool:
        ids = [p.id for p in self.parts(kind)]
        if part_id not in ids:
            raise EditRefused(f"no {kind} with the id {part_id!r} is in the map")
        order = moved_in_list(ids, part_id, index)
        if order == ids:
            return False
        part = self.part(kind, part_id)
        self.push(ReorderParts(self, kind, order, f"Move {named(kind, part)}"), initiator)
        return True

    # --- stages -------------------------------------------------------------------------------
    def add_stage(self, name: str | None = None, index: int | None = None, initiator=None) -> str:
        """A new stage at `index` (the end by default); its id."""
        name, new_id = self._new_part("stage", name, "New stage")
        return self._insert("stage", Stage(id=new_id, name=name), index, initiator)

    def move_stage(self, stage_id: str, index: int, initiator=None) -> bool:
        return self._move("stage", stage_id, index, initiator)

    def stage_touchpoints(self, stage_id: str) -> list[str]:
        return [t.id for t in self.journey.touchpoints if t.stage_id == stage_id]

    def remove_stage(self, stage_id: str, keep_touchpoints: bool = True, initiator=None) -> bool:
        """Remove a stage; its touchpoints move to the stage before (or after) it, or are
        deleted with it. One undo step either way."""
        stage = self.part("stage", stage_id)
        inside = self.stage_touchpoints(stage_id)
        target = neighbour_stage(self.journey, stage_id)
        if target is None:
            raise EditRefused(f"{named('stage', stage)} is the map's only stage: add another first")
        text = f"Remove {named('stage', stage)}"
        with self.macro(text, initiator):
            if inside and keep_touchpoints:
                moves = touchpoints_moved_to_stage(self.journey, stage_id, target)
                values = {
                    t: {"stage_id": s, "position": p, "department_id": d}
                    for t, (s, p, d) in moves.items()
                }
                self.push(SetFields(self, "touchpoint", values, text))
            elif inside:
                self.push_removal(inside, text)
            self.push(RemoveParts(self, "stage", [stage_id], text))
        return True

    # --- departments --------------------------------------------------------------------------
    def add_department(
        self,
        name: str | None = None,
        colour: str | None = None,
        index: int | None = None,
        initiator=None,
    ) -> str:
        name, new_id = self._new_part("department", name, "New department")
        if colour is None:
            colour = unused_colour(d.colour for d in self.journey.departments)
        colour = clean_value(self.journey, "department", None, "colour", colour)
        department = Department(id=new_id, name=name, colour=colour)
        return self._insert("department", department, index, initiator)

    def move_department(self, department_id: str, index: int, initiator=None) -> bool:
        return self._move("department", department_id, index, initiator)

    def department_touchpoints(self, department_id: str) -> list[str]:
        return [t.id for t in self.journey.touchpoints if t.department_id == department_id]

    def remove_department(
        self, department_id: str, keep_touchpoints: bool = True, initiator=None
    ) -> bool:
        """Remove a department (its lane); its touchpoints move to the lane above (or below, or
        to "Unassigned"), or are deleted with it. No touchpoint keeps it as a contributor."""
        department = self.part("department", department_id)
        owned = self.department_touchpoints(department_id)
        target = neighbour_department(self.journey, department_id)
        text = f"Remove {named('department', department)}"
        with self.macro(text, initiator):
            if owned and not keep_touchpoints:
                self.push_removal(owned, text)
                owned_set = set(owned)
            else:
                owned_set = set()
            values: dict[str, dict] = {}
            for tp in self.journey.touchpoints:
                if tp.id in owned_set:
                    continue
                change = {}
                if tp.department_id == department_id:
                    change["department_id"] = target
                if department_id in tp.contributing_department_ids or (
                    target is not None
                    and tp.department_id == department_id
                    and target in tp.contributing_department_ids
                ):
                    owner = change.get("department_id", tp.department_id)
                    change["contributing_department_ids"] = [
                        d
                        for d in tp.contributing_department_ids
                        if d != department_id and d != owner
                    ]
                if change:
                    values[tp.id] = change
            if values:
                self.push(SetFields(self, "touchpoint", values, text))
            self.push(RemoveParts(self, "department", [department_id], text))
        return True

    # --- channels -----------------------------------------------------------------------------
    def add_channel(self, name: str | None = None, icon: str | None = None, initiator=None) -> str:
        name, new_id = self._new_part("channel", name, "New channel")
        icon = icon or icon_for_channel_name(name)
        channel = Channel(
            id=new_id, name=name, icon=clean_value(self.journey, "channel", None, "icon", icon)
        )
        return self._insert("channel", channel, None, initiator)

    def move_channel(self, channel_id: str, index: int, initiator=None) -> bool:
        return self._move("channel", channel_id, index, initiator)

    def remove_channel(self, channel_id: str, initiator=None) -> bool:
        """Remove a channel; touchpoints on it keep "no channel"."""
        channel = self.part("channel", channel_id)
        text = f"Remove {named('channel', channel)}"
        using = [t.id for t in self.journey.touchpoints if t.channel_id == channel_id]
        with self.macro(text, initiator):
            if using:
                values = {t: {"channel_id": None} for t in using}
                self.push(SetFields(self, "touchpoint", values, text))
            self.push(RemoveParts(self, "channel", [channel_id], text))
        return True
