"""The current and the future state of a map: which touchpoints are in each, how the customer
feels at each in each, and what changes between the two."""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.model.journey import JourneyMap, Touchpoint


def in_current(tp: Touchpoint) -> bool:
    """There today: everything but what is new in the future state."""
    return tp.future_state != "new"


def in_future(tp: Touchpoint) -> bool:
    """There in the future state: everything but what it retires."""
    return tp.future_state != "removed"


def feeling_now(tp: Touchpoint) -> int | None:
    return tp.feeling if in_current(tp) else None


def feeling_then(tp: Touchpoint) -> int | None:
    """The future state's feeling: as planned, or as today where the plan does not change it."""
    if not in_future(tp):
        return None
    if tp.future_feeling is not None:
        return tp.future_feeling
    return tp.feeling if tp.future_state == "same" else None


@dataclass(frozen=True)
class Change:
    """How one touchpoint's feeling moves from today to the future state."""

    touchpoint: Touchpoint
    now: int
    then: int

    @property
    def by(self) -> int:
        return self.then - self.now


def feeling_changes(journey: JourneyMap) -> list[Change]:
    """Touchpoints in both states, rated in both, whose feeling changes; in time order."""
    found = []
    for tp in journey.touchpoints_in_time_order():
        now, then = feeling_now(tp), feeling_then(tp)
        if now is not None and then is not None and then != now:
            found.append(Change(tp, now, then))
    return found
