"""Which fields of which parts an editor may change, and the cleaning and checking of a new value
before any edit happens: bounds and text rules from the model's own types, references against
the map. A value that would make the map invalid is refused in the user's words."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from cxmapper.model.journey import (
    MAX_NAME,
    Channel,
    Department,
    JourneyMap,
    Persona,
    Stage,
    Touchpoint,
)
from cxmapper.model.problems import _short, user_message

MAP_ID = "map"
PERSONA_ID = "persona"

CLASSES: dict[str, type[BaseModel]] = {
    "map": JourneyMap,
    "persona": Persona,
    "stage": Stage,
    "department": Department,
    "channel": Channel,
    "touchpoint": Touchpoint,
}
LISTS = {
    "stage": "stages",
    "department": "departments",
    "channel": "channels",
    "touchpoint": "touchpoints",
}
EDITABLE: dict[str, tuple[str, ...]] = {
    "map": ("title", "description", "scenario", "rows", "curves", "votes_shown"),
    "persona": ("name", "description", "goals"),
    "stage": ("name", "description", "customer_goal"),
    "department": ("name", "colour", "blueprint_layer"),
    "channel": ("name", "icon"),
    "touchpoint": tuple(f for f in Touchpoint.model_fields if f != "id"),
}
# How users call the fields (messages, undo texts).
LABELS = {
    "title": "title",
    "name": "name",
    "description": "description",
    "scenario": "scenario",
    "goals": "goals",
    "customer_goal": "customer goal",
    "colour": "colour",
    "icon": "icon",
    "stage_id": "stage",
    "position": "position in time",
    "department_id": "owner",
    "contributing_department_ids": "contributing departments",
    "channel_id": "channel",
    "feeling": "feeling",
    "emotion": "emotion word",
    "expectation": "expectation",
    "pain_points": "pain points",
    "root_cause": "root cause",
    "opportunities": "opportunities",
    "quotes": "customer quotes",
    "moment_of_truth": "moment of truth",
    "partner_owned": "partner-owned",
    "rows": "rows under the lanes",
    "curves": "curves shown",
    "blueprint_layer": "blueprint layer",
    "evidence": "evidence",
    "sources": "sources",
    "future_feeling": "future feeling",
    "future_note": "future-state note",
    "future_state": "future state",
    "leads_to": "handoffs",
    "votes": "votes",
    "votes_shown": "votes shown",
}


class EditRefused(ValueError):
    """An edit that would make the map invalid: `reason` says why ("must not be empty"),
    `field` which field, `where` which part ('stage "Usage"')."""

    def __init__(self, reason: str, field: str = "", where: str = "") -> None:
        self.reason, self.field, self.where = reason, field, where
        label = LABELS.get(field, field)
        text = f"{label} {reason}" if label else reason
        super().__init__(f"{where}: {text}" if where else text[:1].upper() + text[1:])

    def beside_field(self) -> str:
        """What a form shows under the field itself: "Must not be empty"."""
        return self.reason[:1].upper() + self.reason[1:]


def part_name(kind: str, part: Any) -> str:
    """'stage "Usage"', 'touchpoint "Monthly bill"', 'the map', 'the persona'."""
    if kind == "map":
        return "the map"
    if kind == "persona":
        return "the persona"
    if part is None:
        return f"the new {kind}"
    name = getattr(part, "title" if kind == "touchpoint" else "name", "")
    return f'{kind} "{_short(name)}"'


def parts_of(journey: JourneyMap, kind: str) -> list[Any]:
    if kind == "map":
        return [journey]
    if kind == "persona":
        return [journey.persona]
    return getattr(journey, LISTS[kind])


def part_of(journey: JourneyMap, kind: str, part_id: str) -> Any | None:
    if kind == "map":
        return journey if part_id == MAP_ID else None
    if kind == "persona":
        return journey.persona if part_id == PERSONA_ID else None
    return next((p for p in getattr(journey, LISTS[kind]) if p.id == part_id), None)


@cache
def _adapter(kind: str, field: str) -> TypeAdapter:
    info = CLASSES[kind].model_fields[field]
    return TypeAdapter(
        Annotated[info.annotation, info], config=ConfigDict(strict=True, allow_inf_nan=False)
    )


def clean_value(journey: JourneyMap, kind: str, part: Any, field: str, value: Any) -> Any:
    """The value as the map would store it (names trimmed, colours lower case), checked against
    the field's rules and the map's references; EditRefused otherwise. Nothing is changed."""
    where = part_name(kind, part)
    if field not in EDITABLE.get(kind, ()):
        raise EditRefused("cannot be edited", field, where)
    if kind == "touchpoint" and field in ("pain_points", "opportunities", "quotes", "sources"):
        value = (
            [v for v in value if isinstance(v, str) and v.strip()]
            if isinstance(value, list)
            else value
        )
    if kind == "touchpoint" and field in ("contributing_department_ids", "leads_to"):
        value = list(dict.fromkeys(value)) if isinstance(value, list) else value  # each once
    if kind == "touchpoint" and field == "position" and isinstance(value, int):
        value = float(value)
    try:
        cleaned = _adapter(kind, field).validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        error = {**error, "loc": (field, *error["loc"])}
        reason = user_message(error)
        if error["loc"][1:] and isinstance(error["loc"][1], int):
            reason = f"(item {error['loc'][1] + 1}) {reason}"
        raise EditRefused(reason, field, where) from None
    _check_reference(journey, kind, field, cleaned, where, getattr(part, "id", None))
    return cleaned


def _check_reference(
    journey: JourneyMap, kind: str, field: str, value: Any, where: str, part_id: str | None
) -> None:
    if kind != "touchpoint":
        return
    if field == "stage_id" and journey.stage(value) is None:
        raise EditRefused(
            f'refers to stage "{_short(value)}", which is not in the map', field, where
        )
    if field == "department_id" and value is not None and journey.department(value) is None:
        raise EditRefused(
            f'refers to department "{_short(value)}", which is not in the map', field, where
        )
    if field == "channel_id" and value is not None and journey.channel(value) is None:
        raise EditRefused(
            f'refers to channel "{_short(value)}", which is not in the map', field, where
        )
    if field == "contributing_department_ids":
        for dep in value:
            if journey.department(dep) is None:
                raise EditRefused(
                    f'refers to department "{_short(dep)}", which is not in the map', field, where
                )
    if field == "leads_to":
        ids = {t.id for t in journey.touchpoints}
        for target in value:
            if target == part_id:
                raise EditRefused("a touchpoint cannot hand off to itself", field, where)
            if target not in ids:
                raise EditRefused(
                    f'refers to touchpoint "{_short(target)}", which is not in the map',
                    field,
                    where,
                )


NOT_IN_A_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def name_from(text: str, default: str) -> str:
    """A map's title from what a file system allows in a file's name (an import names the map
    after its file): a line break or a control character becomes a space, a byte that was not
    UTF-8 a "?", and it is cut to a name's length; `default` when nothing is left. A file is
    never refused for its name."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = " ".join(NOT_IN_A_NAME.sub(" ", text).split())
    return text[:MAX_NAME].strip() or default


def one_line(text: str) -> str:
    """Text pasted into a one-line field (a name): its lines joined with spaces."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
