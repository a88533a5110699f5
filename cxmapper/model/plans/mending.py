"""What follows for a touchpoint when parts it refers to go: its references mended, so the map
stays whole.

A touchpoint whose stage went goes to another stage; whose lane went, to another lane or to
none (unassigned); whose channel went, to no channel; a contributing department or a handoff
that went is dropped (and a handoff to itself, which no map holds). The editor's removals of
stages, departments, channels and touchpoints and a merge of two versions mend alike: only
where the touchpoints of a stage or lane that went go is each one's own choice.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import Any


def _no_stage(stage_id: str) -> str:
    raise ValueError(f"nowhere to put the touchpoints of the stage {stage_id!r}")


def _unassigned(department_id: str) -> str | None:
    return None


@dataclass(frozen=True)
class Remaining:
    """The parts a map still holds once some go, by kind (None: all of that kind stay), and
    where a touchpoint goes whose stage (`stage_for`) or lane (`lane_for`) went."""

    stages: Container[str] | None = None
    departments: Container[str] | None = None
    channels: Container[str] | None = None
    touchpoints: Container[str] | None = None
    stage_for: Callable[[str], str] = _no_stage
    lane_for: Callable[[str], str | None] = _unassigned


def mended(touchpoint: Any, remaining: Remaining) -> dict[str, Any]:
    """The fields of a touchpoint (a Touchpoint, or its data as a dict) that change when only
    `remaining` stays, with their new values; empty when none does."""
    # (a model keeps its fields in its __dict__: read alike, and fast for a map of thousands)
    values = touchpoint if isinstance(touchpoint, dict) else touchpoint.__dict__
    change: dict[str, Any] = {}
    stages, departments = remaining.stages, remaining.departments
    if stages is not None and values["stage_id"] not in stages:
        change["stage_id"] = remaining.stage_for(values["stage_id"])
    if departments is not None:
        lane = values["department_id"]
        if lane is not None and lane not in departments:
            change["department_id"] = remaining.lane_for(lane)
    if remaining.channels is not None:
        channel = values["channel_id"]
        if channel is not None and channel not in remaining.channels:
            change["channel_id"] = None
    contributing = values["contributing_department_ids"]
    if departments is not None and contributing and any(d not in departments for d in contributing):
        change["contributing_department_ids"] = [d for d in contributing if d in departments]
    links, kept = values["leads_to"], remaining.touchpoints
    if kept is not None and links and any(i not in kept or i == values["id"] for i in links):
        change["leads_to"] = [i for i in links if i in kept and i != values["id"]]
    return change
