"""Plans for the map's structure: stages, departments (lanes) and channels added and moved,
each one undo step. A new part gets a fresh name ("New stage 2") and id unless given a name,
a new lane the first colour no lane has; the map's limits are checked first. (Removing them,
with what follows for their touchpoints, is removal.py's.)"""

from __future__ import annotations

from typing import Any

from cxmapper.model.defaults import icon_for_channel_name, unique_id, unique_name, unused_colour
from cxmapper.model.edits import moved_in_list
from cxmapper.model.fields import EditRefused, clean_value, parts_of
from cxmapper.model.journey import Channel, Department, JourneyMap, Stage
from cxmapper.model.limits import over_limit
from cxmapper.model.plans.edit import Edit, ReorderParts, inserting
from cxmapper.model.plans.fields import find
from cxmapper.model.plans.undo_text import named

PREFIXES = {"stage": "stage", "department": "dept", "channel": "channel"}


def _name_and_id(journey: JourneyMap, kind: str, name: str | None, default: str):
    parts = parts_of(journey, kind)
    if problem := over_limit(journey, {kind: 1}):
        raise EditRefused(problem)
    if name is None:
        name = unique_name(default, [p.name for p in parts])
    name = clean_value(journey, kind, None, "name", name)
    return name, unique_id(PREFIXES[kind], name, [p.id for p in parts])


def _adding(journey: JourneyMap, kind: str, part: Any, index: int | None) -> Edit:
    n = len(parts_of(journey, kind))
    index = n if index is None else max(0, min(n, index))
    return Edit(f"Add {named(kind, part)}", (inserting(kind, [(index, part)]),))


def _moving(journey: JourneyMap, kind: str, part_id: str, index: int) -> Edit | None:
    ids = [p.id for p in parts_of(journey, kind)]
    if part_id not in ids:
        raise EditRefused(f"no {kind} with the id {part_id!r} is in the map")
    order = moved_in_list(ids, part_id, index)
    if order == ids:
        return None
    part = find(journey, kind, part_id)
    return Edit(f"Move {named(kind, part)}", (ReorderParts(kind, tuple(order)),))


def add_stage(journey: JourneyMap, name: str | None = None, index: int | None = None) -> Edit:
    """A new stage at `index` (the end by default); its id: `edit.added("stage")[0]`."""
    name, new_id = _name_and_id(journey, "stage", name, "New stage")
    return _adding(journey, "stage", Stage(id=new_id, name=name), index)


def move_stage(journey: JourneyMap, stage_id: str, index: int) -> Edit | None:
    return _moving(journey, "stage", stage_id, index)


def add_department(
    journey: JourneyMap,
    name: str | None = None,
    colour: str | None = None,
    index: int | None = None,
) -> Edit:
    """A new lane at `index` (the bottom by default), of the first colour no lane has."""
    name, new_id = _name_and_id(journey, "department", name, "New department")
    if colour is None:
        colour = unused_colour(d.colour for d in journey.departments)
    colour = clean_value(journey, "department", None, "colour", colour)
    department = Department(id=new_id, name=name, colour=colour)
    return _adding(journey, "department", department, index)


def move_department(journey: JourneyMap, department_id: str, index: int) -> Edit | None:
    return _moving(journey, "department", department_id, index)


def add_channel(journey: JourneyMap, name: str | None = None, icon: str | None = None) -> Edit:
    """A new channel (last), its icon guessed from its name unless given."""
    name, new_id = _name_and_id(journey, "channel", name, "New channel")
    icon = icon or icon_for_channel_name(name)
    channel = Channel(
        id=new_id, name=name, icon=clean_value(journey, "channel", None, "icon", icon)
    )
    return _adding(journey, "channel", channel, None)


def move_channel(journey: JourneyMap, channel_id: str, index: int) -> Edit | None:
    return _moving(journey, "channel", channel_id, index)
