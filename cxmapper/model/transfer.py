"""Touchpoints on the clipboard: copied with every annotation, pasted into any map.

The clipboard holds the copied touchpoints under cxmapper's own type (JSON: the touchpoints and
the departments and channels they name) and their titles as plain text for other programs.
Pasting makes new ids, finds each department and channel in the target map by id and name (by
name alone when ids differ) and creates those it lacks. Plain text pasted becomes one touchpoint
per line. What comes from the clipboard is data: it is checked like a file and never run.

Dot votes stay behind: they are what one room did on one map, so a pasted (or duplicated) card
is a new card without dots, and the clipboard holds no votes (a cxmapper of format 2 still
reads it). A table pasted from a spreadsheet is the exception: its vote columns are the user's
own data, read as the CSV import reads them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from cxmapper.model.csv_format import REQUIRED, column_key
from cxmapper.model.defaults import unique_id
from cxmapper.model.fileformat import MAX_JSON_VALUES, too_many_values
from cxmapper.model.journey import (
    MAX_NAME,
    Channel,
    Department,
    JourneyMap,
    Stage,
    Touchpoint,
)
from cxmapper.model.limits import over_limit
from cxmapper.model.problems import MapError, user_message

MIME = "application/x-cxmapper-touchpoints"
FORMAT = "cxmapper-touchpoints"
MOST_BYTES = 20_000_000
_MARKER = re.compile(r"^\s*(?:[-*•‣◦·]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+")


VERSION = 2  # what the clipboard holds: touchpoints as file format 2 has them (1: as 1 had)


def listed_lines(text: str) -> list[str]:
    """The lines of pasted text as touchpoint titles: empty lines skipped, list markers ("- ",
    "* ", "• ", "1. ", "2) ") dropped, tabs as spaces, each cut to a title's length."""
    titles = []
    for line in text.splitlines():
        title = " ".join(_MARKER.sub("", line, count=1).split())
        if title:
            titles.append(title[:MAX_NAME].strip())
    return titles


def copied(journey: JourneyMap, ids: list[str]) -> bytes:
    """The clipboard's data for these touchpoints (in time order), with what they refer to."""
    chosen = set(ids)
    touchpoints = [t for t in journey.touchpoints_in_time_order() if t.id in chosen]
    departments = {t.department_id for t in touchpoints}
    for t in touchpoints:
        departments.update(t.contributing_department_ids)
    channels = {t.channel_id for t in touchpoints}
    data = {
        "format": FORMAT,
        "version": VERSION,
        "touchpoints": [t.model_dump(mode="json", exclude={"votes"}) for t in touchpoints],
        "departments": [
            d.model_dump(mode="json") for d in journey.departments if d.id in departments
        ],
        "channels": [c.model_dump(mode="json") for c in journey.channels if c.id in channels],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def as_text(journey: JourneyMap, ids: list[str]) -> str:
    """The copied touchpoints for other programs: one title a line, in time order."""
    chosen = set(ids)
    return "\n".join(t.title for t in journey.touchpoints_in_time_order() if t.id in chosen)


@dataclass
class Pasted:
    """What a paste adds: new stages, departments and channels first, then the touchpoints (new
    ids, references resolved in the target map). `in_place`: they keep the stage and time they
    have (a table pasted with a stage column); otherwise they land after the selection.
    `notes`: what a pasted table's reading has to tell (as a CSV import's notes: how its
    feelings were read...)."""

    departments: list[Department] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    in_place: bool = False
    notes: list[str] = field(default_factory=list)


def is_table(text: str) -> bool:
    """Tab-separated columns under a header row naming at least a stage and a touchpoint
    column, as a spreadsheet copies them."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if "\t" not in first:
        return False
    names = {column_key(cell) for cell in first.rstrip("\r").split("\t")}
    return all(column in names for column in REQUIRED)


def tabled(journey: JourneyMap, text: str) -> Pasted:
    """A table pasted from a spreadsheet, read like a CSV import: each row a touchpoint at the
    end of its stage (found by name, or added after the last), its department and channel found
    by name or added; MapError naming the row and column of anything wrong. Feelings are read
    as the import reads them (-2..2, 1..5 or words, decided from the whole column), and so
    are its vote columns; the import's notes (a 1 to 5 scale read...) are the result's
    `notes`."""
    from cxmapper.model.spreadsheet import import_csv

    try:
        imported = import_csv(text.encode("utf-8"), "Pasted")
    except MapError as exc:
        raise MapError(exc.problems, "the pasted table") from None
    sheet = imported.journey
    result = pasted(journey, copied(sheet, [t.id for t in sheet.touchpoints]), "")
    result.notes = list(imported.warnings)
    by_name = {s.name.casefold(): s.id for s in journey.stages}
    stage_ids = [s.id for s in journey.stages]
    stage_of: dict[str, str] = {}
    for stage in sheet.stages:
        if stage.name.casefold() not in by_name:
            new = stage.model_copy(update={"id": unique_id("stage", stage.name, stage_ids)})
            stage_ids.append(new.id)
            by_name[stage.name.casefold()] = new.id
            result.stages.append(new)
        stage_of[stage.id] = by_name[stage.name.casefold()]
    last = {sid: -1.0 for sid in stage_ids}
    for tp in journey.touchpoints:
        last[tp.stage_id] = max(last[tp.stage_id], tp.position)
    in_time = sheet.touchpoints_in_time_order()
    for new, old in zip(result.touchpoints, in_time, strict=True):
        stage = stage_of[old.stage_id]
        new.stage_id = stage
        new.position = last[stage] + 1 + old.position
        new.votes = old.votes  # the sheet's own counts (a copied card has none)
    result.in_place = True
    return result


def _parts(data: dict, key: str, model):
    items = data.get(key, [])
    if not isinstance(items, list):
        raise MapError([f"{key}: must be a list"], "the clipboard")
    parts = []
    for i, item in enumerate(items):
        try:
            parts.append(model.model_validate(item))
        except ValidationError as exc:
            problems = [
                f"{key}[{i}] -> {'.'.join(str(part) for part in e['loc']) or 'it'}: "
                f"{user_message(e)}"
                for e in exc.errors()
            ]
            raise MapError(problems, "the clipboard") from None
    return parts


def pasted(journey: JourneyMap, raw: bytes, stage_id: str) -> Pasted:
    """The touchpoints on the clipboard made ready for `journey`; MapError saying what is wrong
    when the data is not touchpoints cxmapper copied."""
    if len(raw) > MOST_BYTES or too_many_values(raw):
        raise MapError(
            [
                f"too large (over {MOST_BYTES // 1_000_000} MB or {MAX_JSON_VALUES:,} values): "
                "not touchpoints cxmapper copied"
            ],
            "the clipboard",
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise MapError(["not readable as cxmapper's touchpoints"], "the clipboard") from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("version") not in (1, VERSION)
    ):
        raise MapError(
            ["not touchpoints cxmapper copied (or from a newer cxmapper)"], "the clipboard"
        )
    touchpoints = _parts(data, "touchpoints", Touchpoint)
    if problem := over_limit(journey, {"touchpoint": len(touchpoints)}):
        raise MapError([problem], "the paste")  # (the document checks the whole paste again)
    result = Pasted()
    departments = _matched(journey.departments, _parts(data, "departments", Department), "dept")
    channels = _matched(journey.channels, _parts(data, "channels", Channel), "channel")
    for mapping, new_parts, target in (
        (departments, result.departments, journey.departments),
        (channels, result.channels, journey.channels),
    ):
        known = {p.id for p in target}
        for part in mapping.values():
            if part.id not in known and part not in new_parts:
                new_parts.append(part)
    used = {t.id for t in journey.touchpoints}
    in_map = set(used)
    new_ids: dict[str, str] = {}
    for tp in touchpoints:
        new_id = tp.id if tp.id not in used else unique_id("tp", tp.title, used)  # (cut, paste)
        used.add(new_id)
        new_ids[tp.id] = new_id
    for tp in touchpoints:
        new_id = new_ids[tp.id]
        # handoffs: among the pasted, to their new ids; to a touchpoint of this map, kept
        links = [new_ids.get(i, i) for i in tp.leads_to if i in new_ids or i in in_map]
        links = [i for i in dict.fromkeys(links) if i != new_id]
        dept = departments.get(tp.department_id)
        channel = channels.get(tp.channel_id)
        contributing = [
            departments[d].id for d in tp.contributing_department_ids if d in departments
        ]
        result.touchpoints.append(
            tp.model_copy(
                update={
                    "id": new_id,
                    "stage_id": stage_id,
                    "department_id": dept.id if dept else None,
                    "channel_id": channel.id if channel else None,
                    "contributing_department_ids": list(dict.fromkeys(contributing)),
                    "leads_to": links,
                    "votes": {},  # a new card: no room has voted on it yet
                }
            )
        )
    return result


def _matched(existing: list, copied_parts: list, prefix: str) -> dict:
    """Copied part id -> the part of the target map it is (same id and name, or same name), or a
    new part with an id of its own."""
    by_id = {p.id: p for p in existing}
    by_name = {p.name.casefold(): p for p in existing}
    ids = [p.id for p in existing]
    mapping = {}
    for part in copied_parts:
        same = by_id.get(part.id)
        if same is not None and same.name.casefold() == part.name.casefold():
            mapping[part.id] = same
        elif part.name.casefold() in by_name:
            mapping[part.id] = by_name[part.name.casefold()]
        else:
            new = part.model_copy(update={"id": unique_id(prefix, part.name, ids)})
            ids.append(new.id)
            by_name[new.name.casefold()] = new
            mapping[part.id] = new
    return mapping
