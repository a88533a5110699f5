"""The spreadsheet (CSV) format of a map: its columns, how cells are read and written, and export.

Export writes one touchpoint per row, stage by stage in time order, UTF-8 with a BOM (so
spreadsheet programs detect the encoding) and with formula-like text made inert by a leading
apostrophe, which import removes again.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from cxmapper.model.journey import (
    EVIDENCE,
    EXPECTATIONS,
    FEELING_WORDS,
    FUTURE_STATES,
    MAX_POSITION,
    JourneyMap,
)

COLUMNS = {
    "stage": "stage_id",
    "touchpoint": "title",
    "description": "description",
    "channel": "channel_id",
    "department": "department_id",
    "feeling": "feeling",
    "emotion": "emotion",
    "expectation": "expectation",
    "pain_points": "pain_points",
    "opportunities": "opportunities",
    "quote": "quotes",
    "root_cause": "root_cause",
    "contributing_departments": "contributing_department_ids",
    "moment_of_truth": "moment_of_truth",
    "partner_owned": "partner_owned",
    "time": "position",
    "evidence": "evidence",
    "sources": "sources",
    "future_feeling": "future_feeling",
    "future_state": "future_state",
    "future_note": "future_note",
    "hands_off_to": "leads_to",  # the titles of the touchpoints it hands off to, a line each
    "department_layer": "blueprint_layer",  # its owner's blueprint layer
}


REQUIRED = ("stage", "touchpoint")


ALIASES = {
    "title": "touchpoint",
    "touchpoints": "touchpoint",
    "touch_point": "touchpoint",
    "quotes": "quote",
    "pain_point": "pain_points",
    "painpoints": "pain_points",
    "pains": "pain_points",
    "opportunity": "opportunities",
    "owner": "department",
    "owning_department": "department",
    "emotion_word": "emotion",
    "phase": "stage",
    "position": "time",
    "order": "time",
    "source": "sources",
    "evidence_status": "evidence",
    "future": "future_state",
    "leads_to": "hands_off_to",
    "handoffs": "hands_off_to",
    "layer": "department_layer",
    "blueprint_layer": "department_layer",
}
# A spreadsheet runs a cell as a formula when its text starts with one of these.


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


FEELINGS_BY_WORD = {word: value for value, word in FEELING_WORDS.items()}


TRUE_WORDS = {"yes", "y", "true", "1", "x", "✓", "✔"}


FALSE_WORDS = {"", "no", "n", "false", "0"}


def column_key(header: str) -> str:
    key = "_".join(header.strip().lower().replace("-", " ").split())
    return ALIASES.get(key, key)


def unescape(cell: str) -> str:
    """Undo `escape`: drop the apostrophe export put before formula-like text (and only that)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_STARTS + ("'",):
        return cell[1:]
    return cell


def escape(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS + ("'",)) else text


def cell_lines(cell: str) -> list[str]:
    """A cell holding a list, one item a line (only CR/LF end a line, as in the model)."""
    return [line.strip() for line in re.split(r"\r\n|\r|\n", cell) if line.strip()]


def parse_feeling(cell: str) -> int | None:
    text = cell.strip().lower()
    if not text:
        return None
    if text in FEELINGS_BY_WORD:
        return FEELINGS_BY_WORD[text]
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None and number.is_integer() and -2 <= number <= 2:
        return int(number)
    raise ValueError(
        f'"{cell.strip()[:40]}" is not a feeling: use -2 to 2, or very negative, negative, '
        "neutral, positive, very positive"
    )


def parse_time(cell: str) -> float:
    try:
        value = float(cell.strip())
    except ValueError:
        value = -1.0
    if not 0 <= value <= MAX_POSITION:
        raise ValueError(
            f'"{cell.strip()[:40]}" is not a time: use a number from 0 (first in its stage)'
        )
    return value


def format_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def parse_expectation(cell: str) -> str:
    text = cell.strip().lower().removesuffix(" expectations").removesuffix(" expectation")
    if not text:
        return "unknown"
    if text in EXPECTATIONS:
        return text
    raise ValueError(
        f'"{cell.strip()[:40]}" is not an expectation: use below, met, exceeded or unknown'
    )


def parse_evidence(cell: str) -> str | None:
    text = cell.strip().lower()
    if not text:
        return None
    if text in EVIDENCE:
        return text
    raise ValueError(
        f'"{cell.strip()[:40]}" is not an evidence status: use observed, assumed or proposed '
        "(or leave it empty)"
    )


def parse_future_state(cell: str) -> str:
    text = cell.strip().lower()
    text = {"": "same", "retired": "removed", "gone": "removed"}.get(text, text)
    if text in FUTURE_STATES:
        return text
    raise ValueError(f'"{cell.strip()[:40]}" is not a future state: use same, new or removed')


LAYER_WORDS = {
    "customer": "customer",
    "customer actions": "customer",
    "frontstage": "frontstage",
    "front stage": "frontstage",
    "backstage": "backstage",
    "back stage": "backstage",
    "support": "support",
    "support processes": "support",
}


def parse_layer(cell: str) -> str | None:
    text = " ".join(cell.strip().lower().replace("-", " ").split())
    if not text:
        return None
    if text in LAYER_WORDS:
        return LAYER_WORDS[text]
    raise ValueError(
        f'"{cell.strip()[:40]}" is not a blueprint layer: use customer, frontstage, backstage '
        "or support (or leave it empty)"
    )


def parse_flag(cell: str) -> bool:
    text = cell.strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(f'"{cell.strip()[:40]}" is not yes or no')


def layer_of(journey: JourneyMap, department_id: str | None) -> str:
    owner = journey.department(department_id)
    return (owner.blueprint_layer or "") if owner else ""


def export_csv(journey: JourneyMap) -> bytes:
    """The map's touchpoints as CSV (stage by stage, in time order), ready for a spreadsheet."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)

    def name_of(part: Any) -> str:
        return escape(part.name) if part is not None else ""

    titles = {t.id: t.title for t in journey.touchpoints}
    for tp in journey.touchpoints_in_time_order():
        writer.writerow(
            [
                name_of(journey.stage(tp.stage_id)),
                escape(tp.title),
                escape(tp.description),
                name_of(journey.channel(tp.channel_id)),
                name_of(journey.department(tp.department_id)),
                "" if tp.feeling is None else str(tp.feeling),
                escape(tp.emotion),
                tp.expectation,
                escape("\n".join(tp.pain_points)),
                escape("\n".join(tp.opportunities)),
                escape("\n".join(tp.quotes)),
                escape(tp.root_cause),
                escape(
                    "\n".join(journey.department(d).name for d in tp.contributing_department_ids)
                ),
                "yes" if tp.moment_of_truth else "no",
                "yes" if tp.partner_owned else "no",
                format_number(tp.position),
                tp.evidence or "",
                escape("\n".join(tp.sources)),
                "" if tp.future_feeling is None else str(tp.future_feeling),
                tp.future_state,
                escape(tp.future_note),
                escape("\n".join(titles[i] for i in tp.leads_to if i in titles)),
                (owner.blueprint_layer or "")
                if (owner := journey.department(tp.department_id))
                else "",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
