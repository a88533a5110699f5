"""The names of undo steps, as the Edit menu shows them: "Undo Rename stage 'Usage'"."""

from __future__ import annotations

from typing import Any

from cxmapper.model.fields import LABELS
from cxmapper.model.problems import _short

PLURALS = {
    "touchpoint": "touchpoints",
    "stage": "stages",
    "department": "departments",
    "channel": "channels",
}


def named(kind: str, part: Any) -> str:
    """ "stage 'Usage'", "touchpoint 'Monthly bill'"."""
    name = getattr(part, "title" if kind == "touchpoint" else "name", "")
    return f"{kind} '{_short(name, 40)}'"


def edit_text(kind: str, parts: list[Any], fields: dict[str, Any]) -> str:
    if kind in ("map", "persona"):
        whose = "the map's" if kind == "map" else "the persona's"
        labels = [LABELS.get(f, f) for f in fields]
        return f"Change {whose} {' and '.join(labels)}"
    label = LABELS.get(next(iter(fields)), "") if len(fields) == 1 else ""
    if len(parts) > 1:
        what = label or "fields"
        return f"Change {what} of {len(parts)} {PLURALS.get(kind, kind)}"
    part = parts[0]
    if set(fields) & {"name", "title"} and len(fields) == 1:
        return f"Rename {named(kind, part)}"
    if set(fields) == {"colour"}:
        return f"Recolour {named(kind, part)}"
    if not label:
        return f"Change {named(kind, part)}"
    return f"Change {label} of {named(kind, part)}"
