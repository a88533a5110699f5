"""The spreadsheet (CSV) format of a map: its columns, how cells are read and written, and export.

Export writes one touchpoint per row, stage by stage in time order, UTF-8 with a BOM (so
spreadsheet programs detect the encoding) and with formula-like text made inert by a leading
apostrophe, which import removes again.
"""

from __future__ import annotations

import csv
import io
import math
import re
from typing import Any

from cxmapper.model.journey import (
    EVIDENCE,
    EXPECTATIONS,
    FEELING_WORDS,
    FUTURE_STATES,
    MAX_POSITION,
    MAX_VOTES,
    VOTE_TOPICS,
    JourneyMap,
)

# A column for each topic of dot votes, by the topic: "votes_pain_points" holds the dots on a
# card's pain points (its whole number; empty: none).
VOTE_COLUMNS = {f"votes_{topic}": topic for topic in VOTE_TOPICS}

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
    **dict.fromkeys(VOTE_COLUMNS, "votes"),  # each the count of its topic's dots
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
    "votes": "votes_touchpoints",
    "dots": "votes_touchpoints",
    "dot_votes": "votes_touchpoints",
    "touchpoint_votes": "votes_touchpoints",
    "touchpoints_votes": "votes_touchpoints",
    "pain_point_votes": "votes_pain_points",
    "pain_points_votes": "votes_pain_points",
    "pain_point_dots": "votes_pain_points",
    "votes_pain_point": "votes_pain_points",
    "opportunity_votes": "votes_opportunities",
    "opportunities_votes": "votes_opportunities",
    "opportunity_dots": "votes_opportunities",
    "votes_opportunity": "votes_opportunities",
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


NOT_RATED = ("not rated", "n/a")  # what a feeling cell may say instead of being empty


# The words a feeling cell may hold (any case; spaces, hyphens or underscores between words):
# cxmapper's five levels and the rating labels that plainly name one. Emotions ("happy",
# "angry", "frustrated") are not levels: they belong in the emotion column.
FEELING_LEVEL_WORDS = {
    **FEELINGS_BY_WORD,
    "very bad": -2,
    "very dissatisfied": -2,
    "bad": -1,
    "dissatisfied": -1,
    "neither satisfied nor dissatisfied": 0,
    "good": 1,
    "satisfied": 1,
    "very good": 2,
    "very satisfied": 2,
    "delighted": 2,
}
MAX_NAMED_ROWS = 20  # cells of a column that fits no scale, named by row; then a count
_LEVELS = ", ".join(FEELING_WORDS[f] for f in range(-2, 3))
_FIVE = (
    "1 = very negative (-2), 2 = negative (-1), 3 = neutral (0), 4 = positive (+1), "
    "5 = very positive (+2)"
)


def _not_a_feeling(cell: str) -> str:
    return (
        f'"{cell.strip()[:40]}" is not a feeling: use -2 to 2, or {_LEVELS} '
        "(or 1 to 5 in a column of whole numbers alone)"
    )


_WORD_READINGS = {f: ("word", f) for f in range(-2, 3)}


def _feeling_reading(cell: str) -> int | float | str | tuple[str, int] | None:
    """What a feeling cell holds, before its column's scale is known: None (not rated), an int
    (a whole number), a float (another number), ("word", level), or else its text (cut short:
    it is only quoted)."""
    stripped = cell.strip()
    words = " ".join(stripped.casefold().replace("-", " ").replace("_", " ").split())
    if not stripped or words in NOT_RATED:
        return None
    if words in FEELING_LEVEL_WORDS:
        return _WORD_READINGS[FEELING_LEVEL_WORDS[words]]
    try:
        number = float(stripped)
    except ValueError:
        return stripped[:41]
    if not math.isfinite(number):
        return stripped[:41]
    return int(number) if number.is_integer() and abs(number) <= 1000 else number


class FeelingColumn:
    """A feeling column (feeling or future_feeling) read as a whole: its scale is decided from
    every cell before any is converted, so no column is read half on one scale and half on
    another. `add` takes each row's cell, in row order, and gives the reading to keep; once
    every row is read, `decide`, then `fits` and `value` (or `problem`) for each reading.

    The scale: a column of whole numbers alone, all from 1 to 5 with at least one 3, 4 or 5,
    is 1 to 5 (1 -> -2 ... 5 -> +2, with a note). One of only 1s and 2s fits both: it follows
    the sheet's other feeling column when that one says (1 to 5, or -2 to 2 by a number of 0
    or less or a word), else it is read as cxmapper's -2 to 2 (its export does), with a note.
    Any other column is on cxmapper's own scale, -2 to 2 and the level words; a cell that
    does not fit refuses the import. A column of numbers alone on no one scale (0 and 4) has
    the cells named that do not fit the scale most of its cells fit."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.numbers: dict[int, int] = {}  # whole numbers from -2 to 5: how many cells each
        self.far = 0  # other numbers (9, -3, 1.5)
        self.others = 0  # words, and text that is no feeling ("happy")
        self.scale = "own"  # "own" (-2..2 and words) or "five" (1..5)
        self.kept = "own"  # what a refused column's cells are held to: "own" or "five"
        self.note = ""
        self.decided = ""  # its kind(), once decided

    def add(self, cell: str) -> int | float | str | tuple[str, int] | None:
        reading = _feeling_reading(cell)
        if type(reading) is int and -2 <= reading <= 5:
            self.numbers[reading] = self.numbers.get(reading, 0) + 1
        elif isinstance(reading, int | float):
            self.far += 1
        elif reading is not None:
            self.others += 1
        return reading

    def kind(self) -> str:
        """ "own" (-2..2 and words), "five" (1..5), "unclear" (only 1s and 2s), "mixed"
        (numbers alone on no one scale) or "" (no cells)."""
        seen = set(self.numbers)
        if self.others or not (seen or self.far):
            return "own" if self.others else ""
        if self.far:
            return "mixed"
        if seen <= {1, 2}:
            return "unclear"
        if seen <= {1, 2, 3, 4, 5}:
            return "five"
        return "own" if seen <= {-2, -1, 0, 1, 2} else "mixed"

    def decide(self, other: FeelingColumn | None = None) -> None:
        """The column's scale, given the sheet's other feeling column (None: there is none)."""
        kind = self.decided = self.kind()
        if kind == "five":
            self.scale = "five"
            self.note = f"column {self.name}: feelings were on a 1 to 5 scale: read as {_FIVE}"
        elif kind == "unclear":
            other_kind = other.kind() if other is not None else ""
            if other_kind == "five":
                self.scale = "five"
                self.note = (
                    f"column {self.name}: holds only 1 and 2, read on the 1 to 5 scale of the "
                    f"{other.name} column: 1 = very negative (-2), 2 = negative (-1)"
                )
            elif other_kind in ("", "unclear"):
                self.note = (
                    f"column {self.name}: holds only 1 and 2, which fit cxmapper's -2 to 2 and "
                    "a 1 to 5 scale alike: read as -2 to 2, as cxmapper exports them "
                    "(1 = positive, 2 = very positive); if they meant 1 = very negative and "
                    "2 = negative, write -2 and -1 (or the words) and import again"
                )
        elif kind == "mixed":
            fit_own = sum(n for f, n in self.numbers.items() if f <= 2)
            fit_five = sum(n for f, n in self.numbers.items() if f >= 1)
            self.kept = "five" if fit_five > fit_own else "own"

    def fits(self, reading: int | float | str | tuple[str, int] | None) -> bool:
        if reading is None or isinstance(reading, tuple):
            return True
        if type(reading) is not int:
            return False
        low, high = (1, 5) if "five" in (self.scale, self.kept) else (-2, 2)
        return low <= reading <= high

    def value(self, reading: int | tuple[str, int] | None) -> int | None:
        """A reading that fits, as a feeling (-2..2, or None: not rated)."""
        if reading is None or isinstance(reading, tuple):
            return None if reading is None else reading[1]
        return reading - 3 if self.scale == "five" else reading

    def problem(self, reading: int | float | str) -> str:
        """Why a reading that does not fit refuses the import."""
        cell = str(reading)
        if self.decided != "mixed":
            return _not_a_feeling(cell)
        low, high = ("1", "5") if self.kept == "five" else ("-2", "2")
        return (
            f'"{cell}" is not on the {low} to {high} scale of the column\'s other numbers '
            f"({low} = very negative ... {high} = very positive): use one scale in the whole "
            "column, -2 to 2 or 1 to 5"
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


def parse_votes(cell: str) -> int:
    """A vote column's cell: the dots on the card, a whole number written in digits 0-9 (an
    a "4.0" too; empty: none). "1.000", "1e3" and "1_000" are refused, not guessed."""
    text = cell.strip()
    if not text:
        return 0
    whole = re.fullmatch(r"([0-9]{1,6})(?:\.0)?", text)
    if whole is None or int(whole.group(1)) > MAX_VOTES:
        raise ValueError(
            f'"{text[:40]}" is not a number of votes: use a whole number from 0 to {MAX_VOTES} '
            "(or leave it empty for none)"
        )
    return int(whole.group(1))


def format_votes(count: int) -> str:
    return str(count) if count else ""


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
                *(format_votes(tp.votes.get(topic, 0)) for topic in VOTE_COLUMNS.values()),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
