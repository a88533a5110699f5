"""The rules that tie the parts of a map together: unique ids, references that resolve.

They are checked on validated maps (a model validator) and also on raw file data that failed
validation elsewhere, so `validate` lists a broken reference together with a bad value instead
of one run at a time. Raw data may be anything, so every access here is defensive.
"""

from __future__ import annotations

from typing import Any

from cxmapper.model.problems import place

_KIND_OF = {"stages": "stage", "departments": "department", "channels": "channel"}


def _get(part: Any, key: str) -> Any:
    return part.get(key) if isinstance(part, dict) else getattr(part, key, None)


def _items(data: Any, field: str) -> list[Any]:
    value = _get(data, field)
    return value if isinstance(value, list) else []


def _duplicate_ids(data: Any, field: str, problems: list[str]) -> set[str]:
    seen: dict[str, int] = {}
    for i, part in enumerate(_items(data, field)):
        part_id = _get(part, "id")
        if not isinstance(part_id, str):
            continue
        if part_id in seen:
            first = place((field, seen[part_id]), data)
            problems.append(
                f'{place((field, i, "id"), data)}: the id "{part_id}" is already used by {first}'
            )
        else:
            seen[part_id] = i
    return set(seen)


def reference_problems(data: Any) -> list[str]:
    """Every broken rule between parts of a map (a JourneyMap or its raw dict), each placed."""
    problems: list[str] = []
    ids = {field: _duplicate_ids(data, field, problems) for field in _KIND_OF}
    touchpoint_ids = _duplicate_ids(data, "touchpoints", problems)
    touchpoints = _items(data, "touchpoints")

    def check(i: int, field: str, target: str, value: Any) -> None:
        if isinstance(value, str) and value not in ids[target]:
            problems.append(
                f"{place(('touchpoints', i, field), data)}: refers to {_KIND_OF[target]} "
                f'"{value[:64]}", which is not in the map'
            )

    if touchpoints and not _items(data, "stages"):
        problems.append("stages: the map has touchpoints but no stages to place them in")
    for i, tp in enumerate(touchpoints):
        check(i, "stage_id", "stages", _get(tp, "stage_id"))
        check(i, "department_id", "departments", _get(tp, "department_id"))
        check(i, "channel_id", "channels", _get(tp, "channel_id"))
        contributing = _get(tp, "contributing_department_ids")
        seen: set[str] = set()
        for k, dep in enumerate(contributing if isinstance(contributing, list) else []):
            check(i, f"contributing_department_ids[{k}]", "departments", dep)
            if isinstance(dep, str) and dep in seen:  # raw data: a list here is not hashable
                problems.append(
                    f"{place(('touchpoints', i, 'contributing_department_ids'), data)}: "
                    f'lists department "{dep[:64]}" twice'
                )
            if isinstance(dep, str):
                seen.add(dep)
        _handoff_problems(data, i, tp, touchpoint_ids, problems)
    return problems


def _handoff_problems(data: Any, i: int, tp: Any, ids: set[str], problems: list[str]) -> None:
    """A touchpoint hands off to others in the map, each once, never to itself."""
    links = _get(tp, "leads_to")
    seen: set[str] = set()
    for k, target in enumerate(links if isinstance(links, list) else []):
        if not isinstance(target, str):
            continue
        where = place(("touchpoints", i, f"leads_to[{k}]"), data)
        if target == _get(tp, "id"):
            problems.append(f"{where}: a touchpoint cannot hand off to itself")
        elif target not in ids:
            problems.append(
                f'{where}: refers to touchpoint "{target[:64]}", which is not in the map'
            )
        elif target in seen:
            problems.append(f'{where}: hands off to touchpoint "{target[:64]}" twice')
        seen.add(target)
