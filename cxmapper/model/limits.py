"""How many parts a map may hold, checked where an edit is planned.

A file past these limits is refused when it is read ("stages: has too many items (at most
100)"), so an edit that would take a map past them must be refused before it is made, in the
same words: otherwise the map on screen could no longer be saved or recovered.
"""

from __future__ import annotations

from collections.abc import Mapping

from cxmapper.model.journey import (
    MAX_CHANNELS,
    MAX_DEPARTMENTS,
    MAX_STAGES,
    MAX_TOUCHPOINTS,
    JourneyMap,
)
from cxmapper.model.problems import too_many_items

# Each kind of part: the map's list of them and the most it may hold.
LISTS: dict[str, tuple[str, int]] = {
    "stage": ("stages", MAX_STAGES),
    "department": ("departments", MAX_DEPARTMENTS),
    "channel": ("channels", MAX_CHANNELS),
    "touchpoint": ("touchpoints", MAX_TOUCHPOINTS),
}


def over_limit(journey: JourneyMap, adding: Mapping[str, int]) -> str | None:
    """Why adding `adding[kind]` parts of each kind would take the map past a limit, or None."""
    for kind, count in adding.items():
        field, most = LISTS[kind]
        have = len(getattr(journey, field))
        if count > 0 and have + count > most:
            what = f"{count} more {field}" if count > 1 else f"another {kind}"
            return f"cannot add {what} to a map of {have:,}: {field}: {too_many_items(most)}"
    return None
