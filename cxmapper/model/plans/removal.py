"""Plans that take parts out of a map, with everything that follows so it stays whole: the
handoffs to deleted touchpoints dropped; a removed stage's touchpoints moved to the stage
before (or after) it, or deleted with it; a removed department's moved to the lane above (or
below, or "Unassigned"), or deleted with it, and no touchpoint keeping it as a contributor; a
removed channel's touchpoints left on none. References are mended as mending.py says.
"""

from __future__ import annotations

from cxmapper.model.edits import neighbour_department, neighbour_stage, touchpoints_moved_to_stage
from cxmapper.model.fields import EditRefused
from cxmapper.model.journey import JourneyMap
from cxmapper.model.plans.edit import Edit, RemoveParts, SetFields, Step, Values
from cxmapper.model.plans.fields import Touchpoints, find
from cxmapper.model.plans.mending import Remaining, mended
from cxmapper.model.plans.undo_text import named


def stage_touchpoints(journey: JourneyMap, stage_id: str) -> list[str]:
    return [t.id for t in journey.touchpoints if t.stage_id == stage_id]


def department_touchpoints(journey: JourneyMap, department_id: str) -> list[str]:
    return [t.id for t in journey.touchpoints if t.department_id == department_id]


def removing_touchpoints(journey: JourneyMap, ids: list[str]) -> list[Step]:
    """The steps that take these touchpoints out, and the handoffs others had to them."""
    gone = set(ids)
    kept = Remaining(touchpoints={t.id for t in journey.touchpoints} - gone)
    unlinked: Values = {}
    for tp in journey.touchpoints:  # (only those handing off to one that goes can change)
        if tp.leads_to and tp.id not in gone and not gone.isdisjoint(tp.leads_to):
            unlinked[tp.id] = mended(tp, kept)
    steps: list[Step] = [SetFields("touchpoint", unlinked)] if unlinked else []
    return [*steps, RemoveParts("touchpoint", tuple(ids))]


def delete_touchpoints(
    journey: JourneyMap, ids: list[str], touchpoints: Touchpoints | None = None
) -> Edit | None:
    """Touchpoints deleted (those in the map), one undo step; None when none is."""
    by_id = touchpoints if touchpoints is not None else {t.id: t for t in journey.touchpoints}
    ids = [i for i in dict.fromkeys(ids) if i in by_id]
    if not ids:
        return None
    n = len(ids)
    text = f"Delete {named('touchpoint', by_id[ids[0]])}" if n == 1 else f"Delete {n} touchpoints"
    return Edit(text, tuple(removing_touchpoints(journey, ids)))


def remove_stage(journey: JourneyMap, stage_id: str, keep_touchpoints: bool = True) -> Edit:
    """A stage removed; its touchpoints move to the stage before (or after) it, or are deleted
    with it. EditRefused for the map's only stage; KeyError when it is not in the map."""
    stage = find(journey, "stage", stage_id)
    inside = stage_touchpoints(journey, stage_id)
    target = neighbour_stage(journey, stage_id)
    if target is None:
        raise EditRefused(f"{named('stage', stage)} is the map's only stage: add another first")
    steps: list[Step] = []
    if inside and keep_touchpoints:
        moves = touchpoints_moved_to_stage(journey, stage_id, target)
        values = {
            t: {"stage_id": s, "position": p, "department_id": d} for t, (s, p, d) in moves.items()
        }
        steps.append(SetFields("touchpoint", values))
    elif inside:
        steps += removing_touchpoints(journey, inside)
    steps.append(RemoveParts("stage", (stage_id,)))
    return Edit(f"Remove {named('stage', stage)}", tuple(steps))


def remove_department(
    journey: JourneyMap, department_id: str, keep_touchpoints: bool = True
) -> Edit:
    """A department (its lane) removed; its touchpoints move to the lane above (or below, or
    to "Unassigned"), or are deleted with it. No touchpoint keeps it as a contributor, nor
    its new owner: a touchpoint's owner is not listed again among its contributors."""
    department = find(journey, "department", department_id)
    owned = department_touchpoints(journey, department_id)
    target = neighbour_department(journey, department_id)
    steps: list[Step] = []
    deleted: set[str] = set()
    if owned and not keep_touchpoints:
        steps += removing_touchpoints(journey, owned)
        deleted = set(owned)
    remaining = Remaining(
        departments={d.id for d in journey.departments} - {department_id},
        lane_for=lambda _: target,
    )
    values: Values = {}
    for tp in journey.touchpoints:  # (only those it owns or that it contributes to change)
        if tp.id in deleted or (
            tp.department_id != department_id
            and department_id not in tp.contributing_department_ids
        ):
            continue
        change = mended(tp, remaining)
        owner = change.get("department_id", tp.department_id)
        contributing = change.get("contributing_department_ids", tp.contributing_department_ids)
        if "contributing_department_ids" in change or (
            "department_id" in change and owner in contributing
        ):
            change["contributing_department_ids"] = [d for d in contributing if d != owner]
        if change:
            values[tp.id] = change
    if values:
        steps.append(SetFields("touchpoint", values))
    steps.append(RemoveParts("department", (department_id,)))
    return Edit(f"Remove {named('department', department)}", tuple(steps))


def remove_channel(journey: JourneyMap, channel_id: str) -> Edit:
    """A channel removed; touchpoints on it keep "no channel"."""
    channel = find(journey, "channel", channel_id)
    remaining = Remaining(channels={c.id for c in journey.channels} - {channel_id})
    values: Values = {}
    for tp in journey.touchpoints:
        if change := mended(tp, remaining):
            values[tp.id] = change
    steps: list[Step] = [SetFields("touchpoint", values)] if values else []
    steps.append(RemoveParts("channel", (channel_id,)))
    return Edit(f"Remove {named('channel', channel)}", tuple(steps))
