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
    _nothing_new(data, 1)
    _each(data, "departments", {"blueprint_layer": None})
    _each(
        data,
        "touchpoints",
        {
            "evidence": None,
            "sources": [],
            "future_feeling": None,
            "future_note": "",
            "future_state": "same",
            "leads_to": [],
        },
    )
    data["rows"] = data.get("rows", [])
    data["curves"] = "current"
    return data


def _from_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds dot votes: a version-2 map has no votes on any card and shows none."""
    _nothing_new(data, 2)
    _each(data, "touchpoints", {"votes": {}})
    data["votes_shown"] = None
    return data


def _each(data: dict[str, Any], field: str, values: dict[str, Any]) -> None:
    """Every part of the list `field` (those that are objects) gets `values`."""
    parts = data.get(field)
    if isinstance(parts, list):
        data[field] = [{**p, **values} if isinstance(p, dict) else p for p in parts]


# The fields each version added: the map's own, then its parts' by list.
_NEW_IN_2 = {
    "": ("curves",),
    "departments": ("blueprint_layer",),
    "touchpoints": (
        "evidence",
        "sources",
        "future_feeling",
        "future_note",
        "future_state",
        "leads_to",
    ),
}
_NEW_IN_3 = {"": ("votes_shown",), "touchpoints": ("votes",)}
_NEW_IN = {2: _NEW_IN_2, 3: _NEW_IN_3}


def _nothing_new(data: dict[str, Any], version: int) -> None:
    """A file of `version` never held a later version's fields: one that does was not written
    by cxmapper, and its values are refused by name rather than silently replaced. Each is
    named with the version it came with, and the advice is the version that has them all."""
    found: list[tuple[str, int]] = []
    for since, new in sorted(_NEW_IN.items()):
        if since <= version:
            continue
        found += [(name, since) for name in new.get("", ()) if name in data]
        for field, names in new.items():
            parts = data.get(field) if field else None
            for i, part in enumerate(parts if isinstance(parts, list) else []):
                if isinstance(part, dict):
                    found += [(place((field, i, n), data), since) for n in names if n in part]
    if found:
        to = max(since for _, since in found)
        raise MapError(
            [
                f"{where}: is not a field of version {version} maps (it came with version "
                f"{since}): set schema_version to {to}"
                for where, since in found
            ]
        )


# Each published format's step to the next: version 1 was the first (cxmapper 0.x), version 2
# added the blueprint and the future state, version 3 dot votes.
STEPS: dict[int, Step] = {1: _from_1_to_2, 2: _from_2_to_3}


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
