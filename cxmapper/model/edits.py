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
