"""Bring files written by older cxmappers up to the current schema, one version at a time.

Each step is a function from the dict of version N to the dict of version N+1, registered in
STEPS under N. Steps work on plain data (never on model classes, which only know the current
version) and must not lose anything the older file said.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cxmapper.model.journey import SCHEMA_VERSION
from cxmapper.model.problems import MapError, place

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _from_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the service blueprint, evidence and the future state. A version-1 map
    says none of them, so it becomes a map that says so explicitly: no department in a
    blueprint layer, no touchpoint's evidence stated, no future feeling or note, every
    touchpoint the same in the future state, no handoffs, the current curve shown. Whatever
    else the file holds is kept as it is (and checked as usual after)."""
    _nothing_of_version_2(data)
    departments = data.get("departments")
    if isinstance(departments, list):
        data["departments"] = [
            {**d, "blueprint_layer": None} if isinstance(d, dict) else d for d in departments
        ]
    touchpoints = data.get("touchpoints")
    if isinstance(touchpoints, list):
        data["touchpoints"] = [
            {
                **tp,
                "evidence": None,
                "sources": [],
                "future_feeling": None,
                "future_note": "",
                "future_state": "same",
                "leads_to": [],
            }
            if isinstance(tp, dict)
            else tp
            for tp in touchpoints
        ]
    data["rows"] = data.get("rows", [])
    data["curves"] = "current"
    return data


_TOUCHPOINT_FIELDS_2 = ("evidence", "sources", "future_feeling", "future_note", "future_state")
_NEW_IN_2 = {
    "departments": ("blueprint_layer",),
    "touchpoints": (*_TOUCHPOINT_FIELDS_2, "leads_to"),
}


def _nothing_of_version_2(data: dict[str, Any]) -> None:
    """A version-1 file never held version 2's fields: one that does was not written by
    cxmapper, and its values are refused by name rather than silently replaced."""
    problems = [] if "curves" not in data else [f"curves: {_LATER}"]
    for field, names in _NEW_IN_2.items():
        parts = data.get(field)
        for i, part in enumerate(parts if isinstance(parts, list) else []):
            if isinstance(part, dict):
                problems += [f"{place((field, i, n), data)}: {_LATER}" for n in names if n in part]
    if problems:
        raise MapError(problems)


_LATER = "is not a field of version 1 maps (it came with version 2): set schema_version to 2"

# Each published format's step to the next: version 1 was the first (cxmapper 0.x).
STEPS: dict[int, Step] = {1: _from_1_to_2}


class NewerFileError(Exception):
    pass


def migrate(
    data: dict[str, Any],
    version: int,
    *,
    current: int = SCHEMA_VERSION,
    steps: dict[int, Step] | None = None,
) -> dict[str, Any]:
    """Return `data` (schema `version`) upgraded to schema `current`."""
    steps = STEPS if steps is None else steps
    if version > current:
        raise NewerFileError(version)
    while version < current:
        if version not in steps:
            raise ValueError(f"{version} is not a version cxmapper has ever written")
        data = steps[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data
