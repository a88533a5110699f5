"""Say what is wrong with a map, and where, in the words of the people who made it.

Pydantic reports `('touchpoints', 12, 'feeling')` and "Input should be less than or equal to 2";
users should read `touchpoint "Monthly bill" (touchpoints[12]).feeling: must be between -2 and 2`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from cxmapper.model.journey import MAX_VOTES

# The lists of a map whose items users know by name.
_KINDS = {
    "stages": ("stage", "name"),
    "departments": ("department", "name"),
    "channels": ("channel", "name"),
    "touchpoints": ("touchpoint", "title"),
}
MAX_LISTED = 50
# Where pydantic puts the error of an object's key: `(..., "votes", "dots", "[key]")`.
_KEY = "[key]"


class MapError(Exception):
    """A map (or a file meant to hold one) that cannot be used, with every reason found."""

    def __init__(self, problems: Sequence[str], source: str = "") -> None:
        self.problems = list(problems) or ["unknown problem"]
        self.source = source
        super().__init__(self.message())

    def message(self) -> str:
        shown = self.problems[:MAX_LISTED]
        more = len(self.problems) - len(shown)
        lines = [f"  - {p}" for p in shown]
        if more:
            lines.append(f"  ... and {more} more problems")
        head = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{head}{self.problems[0]}"
        return f"{head}{len(self.problems)} problems:\n" + "\n".join(lines)


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _short(text: str, limit: int = 60) -> str:
    """A name quoted in a message: one line, no terminal escapes or direction overrides."""
    text = " ".join(text.split())
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = _UNSAFE.sub("?", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _get(container: Any, key: str | int) -> Any:
    try:
        if isinstance(key, int):
            return container[key]
        if isinstance(container, dict):
            return container.get(key)
        return getattr(container, key, None)
    except (IndexError, KeyError, TypeError):
        return None


def place(loc: Sequence[str | int], data: Any = None) -> str:
    """Name a place in a map: `touchpoint "Monthly bill" (touchpoints[12]).feeling`."""
    head, rest = "", list(loc)
    if rest[-1:] == [_KEY] and len(rest) >= 2:  # a bad key: the object holding it is the place
        rest = rest[:-2]
    if len(rest) >= 2 and rest[0] in _KINDS and isinstance(rest[1], int):
        kind, name_field = _KINDS[str(rest[0])]
        name = _get(_get(_get(data, rest[0]), rest[1]), name_field)
        index = f"{rest[0]}[{rest[1]}]"
        head = (
            f'{kind} "{_short(name)}" ({index})'
            if isinstance(name, str) and name
            else f"{kind} ({index})"
        )
        rest = rest[2:]
    text = head
    for part in rest:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "the map"


def too_many_items(most: object) -> str:
    """A list past its limit, in the words of both a file's check and an edit's refusal."""
    return f"has too many items (at most {most})"


def _plural(n: Any, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _bad_key(error: dict[str, Any]) -> str:
    """A key an object cannot have (the message goes after the object's place)."""
    loc, ctx = error["loc"], error.get("ctx") or {}
    key = f'"{_short(str(loc[-2]))}"' if len(loc) >= 2 else "a key"
    if error["type"] == "literal_error":
        what = "a topic of dot votes" if len(loc) >= 3 and loc[-3] == "votes" else "a name here"
        return (
            f"{key} is not {what} (it must be {ctx.get('expected', 'one of the allowed values')})"
        )
    return f"the name {key} {user_message({**error, 'loc': loc[:-1]})}"


def user_message(error: dict[str, Any]) -> str:
    """Pydantic's message for one error, in plain words."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if error["loc"] and error["loc"][-1] == _KEY:
        return _bad_key(error)
    field = str(error["loc"][-1]) if error["loc"] else ""
    within = str(error["loc"][-2]) if len(error["loc"]) >= 2 else ""
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field cxmapper knows (misspelt, or from another program)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if field == "feeling":
            return "must be between -2 (very negative) and 2 (very positive), or null if not rated"
        if field == "position":
            return "must be a number from 0 to 1000000"
        if within == "votes":
            return f"must be a number of dots from 0 to {MAX_VOTES:,}"
        return error["msg"].replace("Input should be", "must be")
    if kind == "string_too_long":
        return f"is too long (at most {_plural(ctx.get('max_length'), 'character')})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_long":
        return too_many_items(ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        if field == "colour":
            return "must be a colour written as #rrggbb, e.g. #0072b2"
        return "must be an id of letters, digits, '-', '_' or '.' (at most 64 characters)"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', 'one of the allowed values')}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind in ("float_type", "float_parsing"):
        return "must be a number"
    if kind == "finite_number":
        return "must be a finite number"
    if kind == "string_unicode":
        return "contains an invalid character (an unpaired surrogate)"
    if kind == "string_type":
        return "must be text"
    if kind == "bool_type":
        return "must be true or false"
    if kind == "list_type":
        return "must be a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be an object ({...})"
    if kind == "timezone_aware":
        return "must be a date and time with a time zone, e.g. 2026-05-01T09:30:00Z"
    if kind.startswith("datetime"):
        return "must be a date and time such as 2026-05-01T09:30:00Z"
    return error["msg"]


def validation_problems(error: ValidationError, data: Any) -> list[str]:
    """Every error of a failed validation, placed and worded for users."""
    problems: list[str] = []
    for err in error.errors(include_url=False):
        message = user_message(err)
        if not err["loc"]:  # whole-map checks (references) already name their places
            problems.extend(message.splitlines())
        else:
            problems.append(f"{place(err['loc'], data)}: {message}")
    return problems
