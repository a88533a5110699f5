"""Bring files written by older cxmappers up to the current schema, one version at a time.

Each step is a function from the dict of version N to the dict of version N+1, registered in
STEPS under N. Steps work on plain data (never on model classes, which only know the current
version) and must not lose anything the older file said.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cxmapper.model.journey import SCHEMA_VERSION

Step = Callable[[dict[str, Any]], dict[str, Any]]

# Version 1 is the first published format: no steps yet. The next format change adds
# STEPS[1] = a function turning a version-1 dict into a version-2 dict.
STEPS: dict[int, Step] = {}


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
