"""The rules that tie the parts of a map together: unique ids, references that resolve."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxmapper.model.problems import place

if TYPE_CHECKING:
    from cxmapper.model.journey import JourneyMap

_KIND_OF = {"stages": "stage", "departments": "department", "channels": "channel"}


def _duplicate_ids(journey: JourneyMap, field: str, problems: list[str]) -> set[str]:
    seen: dict[str, int] = {}
    for i, part in enumerate(getattr(journey, field)):
        if part.id in seen:
            first = place((field, seen[part.id]), journey)
            problems.append(
                f'{place((field, i, "id"), journey)}: the id "{part.id}" is already used by {first}'
            )
        else:
            seen[part.id] = i
    return set(seen)


def reference_problems(journey: JourneyMap) -> list[str]:
    """Every broken rule between parts of the map, each naming its place; empty when sound."""
    problems: list[str] = []
    ids = {
        field: _duplicate_ids(journey, field, problems)
        for field in ("stages", "departments", "channels")
    }
    _duplicate_ids(journey, "touchpoints", problems)

    def check(i: int, field: str, target: str, value: str | None) -> None:
        if value is not None and value not in ids[target]:
            problems.append(
                f"{place(('touchpoints', i, field), journey)}: refers to {_KIND_OF[target]} "
                f'"{value}", which is not in the map'
            )

    if journey.touchpoints and not journey.stages:
        problems.append("stages: the map has touchpoints but no stages to place them in")
    for i, tp in enumerate(journey.touchpoints):
        check(i, "stage_id", "stages", tp.stage_id)
        check(i, "department_id", "departments", tp.department_id)
        check(i, "channel_id", "channels", tp.channel_id)
        seen: set[str] = set()
        for k, dep in enumerate(tp.contributing_department_ids):
            check(i, f"contributing_department_ids[{k}]", "departments", dep)
            if dep in seen:
                problems.append(
                    f"{place(('touchpoints', i, 'contributing_department_ids'), journey)}: "
                    f'lists department "{dep}" twice'
                )
            seen.add(dep)
    return problems
