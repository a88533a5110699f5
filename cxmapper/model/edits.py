"""Pure computations behind edits: where touchpoints end up when some move in time."""

from __future__ import annotations

from cxmapper.model.journey import JourneyMap

Place = tuple[str, float, "str | None"]  # (stage_id, position, department_id)


def place_touchpoints(journey: JourneyMap, moves: dict[str, Place]) -> dict[str, Place]:
    """The new place of every touchpoint that changes when `moves` are applied.

    Moved touchpoints take the given stage, position (any number, e.g. between two others) and
    department; then every stage involved is renumbered 0, 1, 2... by time, touchpoints that were
    at the same time staying together, so positions stay small whole numbers however often
    cards are moved. `moves` may name touchpoints not yet in the map (being added).
    """
    current: dict[str, Place] = {
        tp.id: (tp.stage_id, tp.position, tp.department_id) for tp in journey.touchpoints
    }
    proposed = {**current, **moves}
    stages = {place[0] for place in moves.values()}
    stages |= {current[i][0] for i in moves if i in current}
    changed: dict[str, Place] = {}
    for stage_id in stages:
        members = [i for i, place in proposed.items() if place[0] == stage_id]
        rank = {p: float(k) for k, p in enumerate(sorted({proposed[i][1] for i in members}))}
        for i in members:
            _, position, department = proposed[i]
            new = (stage_id, rank[position], department)
            if new != current.get(i):
                changed[i] = new
    return changed


def neighbour_stage(journey: JourneyMap, stage_id: str) -> str | None:
    """Where the touchpoints of a removed stage go: the stage before it, else the one after."""
    ids = [s.id for s in journey.stages]
    k = ids.index(stage_id)
    if k > 0:
        return ids[k - 1]
    return ids[k + 1] if k + 1 < len(ids) else None


def neighbour_department(journey: JourneyMap, department_id: str) -> str | None:
    """Where the touchpoints of a removed department go: the lane above, else the one below,
    else "Unassigned" (None)."""
    ids = [d.id for d in journey.departments]
    k = ids.index(department_id)
    if k > 0:
        return ids[k - 1]
    return ids[k + 1] if k + 1 < len(ids) else None


def touchpoints_moved_to_stage(
    journey: JourneyMap, from_stage: str, to_stage: str
) -> dict[str, Place]:
    """The touchpoints of `from_stage` joined to `to_stage`, keeping their own order in time:
    after the last ones when `to_stage` comes before, before the first ones when it comes after."""
    ids = [s.id for s in journey.stages]
    moving = [tp for tp in journey.touchpoints if tp.stage_id == from_stage]
    if not moving:
        return {}
    slots = sorted({tp.position for tp in moving})
    rank = {p: k for k, p in enumerate(slots)}
    if ids.index(to_stage) < ids.index(from_stage):
        last = max(
            (tp.position for tp in journey.touchpoints if tp.stage_id == to_stage), default=-1.0
        )
        base = last + 1
    else:
        base = -float(len(slots))  # renumbering puts them first
    moves = {tp.id: (to_stage, base + rank[tp.position], tp.department_id) for tp in moving}
    return place_touchpoints(journey, moves)


def place_after(journey: JourneyMap, touchpoint_id: str | None) -> Place:
    """Where a new touchpoint goes: just after the given one (same stage and lane), or when none
    is given after the map's last touchpoint in time (at the first stage's start if it has none)."""
    tp = next((t for t in journey.touchpoints if t.id == touchpoint_id), None)
    if tp is None and journey.touchpoints:
        tp = journey.touchpoints_in_time_order()[-1]
    if tp is not None:
        return (tp.stage_id, tp.position + 0.5, tp.department_id)
    department = journey.departments[0].id if journey.departments else None
    return (journey.stages[0].id, 0.0, department)


def moved_in_list(ids: list[str], moving: str, index: int) -> list[str]:
    """The order of a list once `moving` is taken out and put back at `index` (clamped)."""
    rest = [i for i in ids if i != moving]
    index = max(0, min(len(rest), index))
    return rest[:index] + [moving] + rest[index:]
