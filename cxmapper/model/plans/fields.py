"""Plans that set fields: any fields of one or several parts (each part its own values, or
all the same ones), a touchpoint's feeling, dots of a dot vote.

Each value is cleaned as the map stores it and checked against the map first: a bad one is
refused (EditRefused, naming the part and field); a value equal to the current one is no
change, and an edit that changes nothing is no edit (None).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cxmapper.model.fields import EditRefused, clean_value, part_of
from cxmapper.model.journey import FEELING_WORDS, JourneyMap, Touchpoint
from cxmapper.model.plans.edit import Edit, SetFields, Values
from cxmapper.model.plans.undo_text import edit_text, named
from cxmapper.model.voting import topic_name, with_dots

Touchpoints = Mapping[str, Touchpoint]  # the map's touchpoints by id, when the caller keeps them


def find(
    journey: JourneyMap, kind: str, part_id: str, touchpoints: Touchpoints | None = None
) -> Any:
    """The part of that kind with that id; KeyError when there is none."""
    if kind == "touchpoint" and touchpoints is not None:
        found = touchpoints.get(part_id)
    else:
        found = part_of(journey, kind, part_id)
    if found is None:
        raise KeyError(f"no {kind} with the id {part_id!r}")
    return found


def cleaned(
    journey: JourneyMap,
    kind: str,
    ids: list[str],
    fields: dict[str, Any],
    touchpoints: Touchpoints | None = None,
) -> Values:
    """The values that would change, cleaned as the map stores them; EditRefused (in the
    user's words, naming the part and field) when one is not allowed."""
    changes: Values = {}
    for pid in dict.fromkeys(ids):
        try:
            part = find(journey, kind, pid, touchpoints)
        except KeyError:
            raise EditRefused(f"no {kind} with the id {pid!r} is in the map") from None
        for field, value in fields.items():
            clean = clean_value(journey, kind, part, field, value)
            if getattr(part, field) != clean:
                changes.setdefault(pid, {})[field] = clean
    return changes


def set_fields(
    journey: JourneyMap,
    kind: str,
    ids: list[str] | str,
    fields: dict[str, Any],
    text: str = "",
    touchpoints: Touchpoints | None = None,
) -> Edit | None:
    """The same fields of one or several parts, one undo step; None when nothing changes."""
    ids = [ids] if isinstance(ids, str) else list(ids)
    changes = cleaned(journey, kind, ids, fields, touchpoints)
    if not changes:
        return None
    parts = [find(journey, kind, pid, touchpoints) for pid in changes]
    return Edit(text or edit_text(kind, parts, fields), (SetFields(kind, changes),))


def set_values(
    journey: JourneyMap,
    kind: str,
    values: Values,
    text: str = "",
    touchpoints: Touchpoints | None = None,
) -> Edit | None:
    """Each part its own values (e.g. one department added to several touchpoints' own
    contributing lists), one undo step; None when nothing changes."""
    changes: Values = {}
    for pid, fields in values.items():
        for k, v in cleaned(journey, kind, [pid], fields, touchpoints).items():
            changes[k] = v
    if not changes:
        return None
    parts = [find(journey, kind, pid, touchpoints) for pid in changes]
    fields = {f: None for c in changes.values() for f in c}
    return Edit(text or edit_text(kind, parts, fields), (SetFields(kind, changes),))


def set_feeling(
    journey: JourneyMap,
    touchpoint_id: str,
    feeling: int | None,
    field: str = "feeling",
    touchpoints: Touchpoints | None = None,
) -> Edit | None:
    """Today's feeling, or (field "future_feeling") the future state's."""
    word = "not rated" if feeling is None else FEELING_WORDS[feeling]
    name = named("touchpoint", find(journey, "touchpoint", touchpoint_id, touchpoints))
    which = "Future feeling" if field == "future_feeling" else "Feeling"
    text = f"{which} of {name}: {word}"
    return set_fields(journey, "touchpoint", [touchpoint_id], {field: feeling}, text, touchpoints)


def add_dots(
    journey: JourneyMap,
    ids: list[str],
    topic: str,
    change: int = 1,
    touchpoints: Touchpoints | None = None,
) -> Edit | None:
    """A dot vote: `change` dots (negative: taken off) on each of these cards, on `topic`, in
    one undo step; EditRefused when a card has no dot to take off."""
    values = {}
    for tid in dict.fromkeys(ids):
        tp = find(journey, "touchpoint", tid, touchpoints)
        votes = with_dots(tp, topic, change)
        if votes is None:
            reason = "has no dot to take off" if change < 0 else "holds the most dots it can"
            raise EditRefused(f"{named('touchpoint', tp)} {reason} ({topic_name(topic)})")
        values[tid] = {"votes": votes}
    if not values:
        return None
    what = f"{len(values)} touchpoints" if len(values) > 1 else named("touchpoint", tp)
    n = abs(change)
    dots = f"{n} dots" if n > 1 else "a dot"
    verb = f"Vote for {what}" if change == 1 else f"Put {dots} on {what}"
    if change < 0:
        verb = f"Take {dots} off {what}"
    return set_values(journey, "touchpoint", values, f"{verb} ({topic_name(topic)})", touchpoints)
