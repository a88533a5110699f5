"""Touchpoints to and from spreadsheets (CSV), as workshops type them up.

One touchpoint per row under a header row. Import accepts UTF-8 (with or without BOM) or UTF-16,
comma, semicolon or tab separated, and creates stages, departments and channels in order of first
appearance. It either returns a whole map or raises MapError listing every bad cell by row and
column; nothing is half-imported. A feeling column is read as a whole, on the scale all its
cells fit (-2..2 and words, or 1..5: csv_format.FeelingColumn); a vote column holds a card's
dots on its topic, a whole number or nothing. Export writes the same columns, UTF-8 with a BOM
(so spreadsheet programs detect the encoding) and with formula-like text made inert.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from cxmapper.model.csv_format import (
    COLUMNS,
    MAX_NAMED_ROWS,
    REQUIRED,
    VOTE_COLUMNS,
    FeelingColumn,
    cell_lines,
    column_key,
    export_csv,
    parse_evidence,
    parse_expectation,
    parse_flag,
    parse_future_state,
    parse_layer,
    parse_time,
    parse_votes,
    unescape,
)
from cxmapper.model.defaults import (
    DEFAULT_CHANNELS,
    department_colour,
    icon_for_channel_name,
    unique_id,
)
from cxmapper.model.fields import name_from
from cxmapper.model.journey import (
    MAX_CHANNELS,
    MAX_DEPARTMENTS,
    MAX_STAGES,
    MAX_TOUCHPOINTS,
    VOTE_TOPICS,
    Channel,
    Department,
    JourneyMap,
    Stage,
)
from cxmapper.model.problems import MapError, user_message

# Column name -> touchpoint field, in the order export writes them.
MAX_CSV_BYTES = 16 * 1024 * 1024
MAX_NOTES = 100  # notes of one kind (unknown columns, handoffs not linked...) then a count
_PLACE = {column: place for place, column in enumerate(COLUMNS)}  # problems of a row: in order


@dataclass
class CsvImport:
    """What an import produced: the map, and notes for the user (unknown columns...)."""

    journey: JourneyMap
    warnings: list[str] = field(default_factory=list)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise MapError(["not valid UTF-16 text"]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MapError(
            [
                f"not UTF-8 text (invalid byte on line {line}): save the spreadsheet as "
                '"CSV UTF-8" and import it again'
            ]
        ) from None


def _delimiter(first_line: str) -> str:
    """The separator that splits the header into the most known column names."""

    def known(delim: str) -> int:
        try:
            cells = next(csv.reader([first_line], delimiter=delim), [])
        except csv.Error:  # a line too long as one cell: not this separator
            return 0
        return sum(1 for c in cells if column_key(c) in COLUMNS)

    return max((",", ";", "\t"), key=lambda d: (known(d), first_line.count(d)))


class _Notes(list):
    """An import's notes: at most MAX_NOTES of each kind, then how many more there were (a
    sheet of a million unknown columns must not make a million notes)."""

    def __init__(self) -> None:
        super().__init__()
        self._kinds: dict[str, int] = {}

    def add(self, kind: str, text: str) -> None:
        seen = self._kinds[kind] = self._kinds.get(kind, 0) + 1
        if seen <= MAX_NOTES:
            self.append(text)

    def finished(self) -> list[str]:
        more = [(kind, n - MAX_NOTES) for kind, n in self._kinds.items() if n > MAX_NOTES]
        return list(self) + [f"... and {n} more notes like that about {kind}" for kind, n in more]


class _Names:
    """Stages, departments or channels met in the sheet, created in order of first appearance."""

    def __init__(
        self, make: Callable[[str, str, int], Any], prefix: str, kinds: str, most: int
    ) -> None:
        self.make, self.prefix, self.kinds, self.most = make, prefix, kinds, most
        self.parts: list[Any] = []
        self.first_row: list[int] = []
        self._by_name: dict[str, str] = {}
        self._taken: set[str] = set()

    def id_for(self, name: str, row: int, column: str) -> str:
        """Names match exactly (after trimming, as the model trims them). More names than a
        map holds stop the import at once (each new one would cost more than the last)."""
        key = name.strip()
        if key not in self._by_name:
            if len(self.parts) >= self.most:
                raise MapError(
                    [f"row {row}, column {column}: too many {self.kinds} (at most {self.most})"]
                )
            new_id = unique_id(self.prefix, key, self._taken)
            part = self.make(new_id, key, len(self.parts))
            if part.id in self._taken:
                part = part.model_copy(update={"id": new_id})
            self.parts.append(part)
            self.first_row.append(row)
            self._by_name[key] = part.id
            self._taken.add(part.id)
        return self._by_name[key]


def _make_channel(new_id: str, name: str, _index: int) -> Channel:
    """The usual channels keep their usual ids ("Web" is `web`), so maps stay comparable."""
    for cid, cname, icon in DEFAULT_CHANNELS:
        if name.casefold() == cname.casefold():
            return Channel.model_construct(id=cid, name=name, icon=icon)
    return Channel.model_construct(id=new_id, name=name, icon=icon_for_channel_name(name))


def _header(rows: Any, warnings: _Notes) -> dict[int, str]:
    header = next(rows, None)
    if header is None:
        raise MapError(
            ["the file is empty: expected a header row such as stage,touchpoint,feeling"]
        )
    columns: dict[int, str] = {}
    for i, name in enumerate(header):
        key = column_key(unescape(name))
        if key in COLUMNS:
            if key in columns.values():
                raise MapError([f'the header names the column "{key}" twice'])
            columns[i] = key
        elif name.strip():
            warnings.add(
                "columns",
                f'column "{name.strip()[:40]}" is not one cxmapper knows; it was not imported',
            )
    missing = [c for c in REQUIRED if c not in columns.values()]
    if missing:
        named = [f'"{h.strip()[:30]}"' for h in header if h.strip()]
        found = ", ".join(named[:10]) + (f" and {len(named) - 10} more" if len(named) > 10 else "")
        found = found or "nothing"
        wanted = " or ".join(repr(m) for m in missing)
        raise MapError([f"the header row has no {wanted} column (found {found})"])
    return columns


def import_csv(data: bytes, title: str = "Imported journey") -> CsvImport:
    """Build a map from a spreadsheet's CSV bytes, or raise MapError listing every bad cell."""
    if len(data) > MAX_CSV_BYTES:
        raise MapError(
            [f"the file is too large (the limit is {MAX_CSV_BYTES // (1024 * 1024)} MB)"]
        )
    text = _decode(data)
    warnings = _Notes()
    csv.field_size_limit(1024 * 1024)
    reader = _Rows(text)
    try:
        columns = _header(reader, warnings)
        return _import_rows(reader, columns, title, warnings)
    except csv.Error as exc:
        raise MapError([f"row {reader.row + 1}: the CSV cannot be read ({exc})"]) from None


class _Rows:
    """The sheet's rows, counting them as a spreadsheet does (a cell's line breaks are not
    rows) so a row that cannot be read is named by its number."""

    def __init__(self, text: str) -> None:
        first_line = re.match(r"[^\r\n]*", text).group()  # (not splitlines: a list of them all)
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
        self.row = 0

    def __iter__(self) -> _Rows:
        return self

    def __next__(self) -> list[str]:
        row = next(self._reader)
        self.row += 1
        return row


def _import_rows(reader: Any, columns: dict[int, str], title: str, warnings: _Notes) -> CsvImport:
    stages = _Names(
        lambda i, n, _k: Stage.model_construct(id=i, name=n), "stage", "stages", MAX_STAGES
    )
    departments = _Names(
        lambda i, n, k: Department.model_construct(id=i, name=n, colour=department_colour(k)),
        "dept",
        "departments",
        MAX_DEPARTMENTS,
    )
    channels = _Names(_make_channel, "channel", "channels", MAX_CHANNELS)
    feelings = {c: FeelingColumn(c) for c in ("feeling", "future_feeling") if c in columns.values()}
    touchpoints: list[dict[str, Any]] = []
    handoffs: list[list[str]] = []  # each row's hands_off_to titles, linked once all are read
    rows_of: list[int] = []
    problems: list[tuple[int, int, str]] = []  # (row, column's place, problem): sorted at the end
    next_position: dict[str, float] = {}
    stage_name = ""
    ignored_cells = 0

    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        ignored_cells += sum(1 for i, c in enumerate(row) if i not in columns and c.strip())
        cells = {key: unescape(row[i]) if i < len(row) else "" for i, key in columns.items()}
        values: dict[str, Any] = {}

        def cell_problem(column: str, message: str, row_number: int = row_number) -> None:
            problems.append(
                (row_number, _PLACE[column], f"row {row_number}, column {column}: {message}")
            )

        if cells["stage"].strip():
            stage_name = cells["stage"]
        if not stage_name.strip():
            cell_problem("stage", "is empty (and no row above names a stage)")
        if not cells["touchpoint"].strip():
            cell_problem("touchpoint", "is empty")
        for column, read in feelings.items():  # (read once the whole column is known)
            values[COLUMNS[column]] = read.add(cells[column])
        for column, parse in (
            ("expectation", parse_expectation),
            ("moment_of_truth", parse_flag),
            ("partner_owned", parse_flag),
            ("evidence", parse_evidence),
            ("future_state", parse_future_state),
        ):
            if column in cells:
                try:
                    values[COLUMNS[column]] = parse(cells[column])
                except ValueError as exc:
                    cell_problem(column, str(exc))
        for column in ("description", "emotion", "root_cause", "future_note"):
            if column in cells:
                values[COLUMNS[column]] = cells[column]
        for column in ("pain_points", "opportunities", "quote", "sources"):
            if column in cells:
                values[COLUMNS[column]] = cell_lines(cells[column])
        votes = {}
        for column, topic in VOTE_COLUMNS.items():
            if column in cells:
                try:
                    votes[topic] = parse_votes(cells[column])
                except ValueError as exc:
                    cell_problem(column, str(exc))
        values["votes"] = votes  # (a topic of no dots is dropped by the model)
        if cells.get("department", "").strip():
            values["department_id"] = departments.id_for(
                cells["department"], row_number, "department"
            )
            if cells.get("department_layer", "").strip():
                try:
                    layer = parse_layer(cells["department_layer"])
                except ValueError as exc:
                    cell_problem("department_layer", str(exc))
                else:
                    _set_layer(departments, values["department_id"], layer, row_number, warnings)
        handoffs.append(cell_lines(cells.get("hands_off_to", "")))
        if cells.get("channel", "").strip():
            values["channel_id"] = channels.id_for(cells["channel"], row_number, "channel")
        if "contributing_departments" in cells:
            values["contributing_department_ids"] = [
                *dict.fromkeys(
                    departments.id_for(name, row_number, "contributing_departments")
                    for name in cell_lines(cells["contributing_departments"])
                )
            ]
        if stage_name.strip():
            stage_id = values["stage_id"] = stages.id_for(stage_name, row_number, "stage")
            position = next_position.get(stage_id, 0.0)
            if cells.get("time", "").strip():
                try:
                    position = parse_time(cells["time"])
                except ValueError as exc:
                    cell_problem("time", str(exc))
            values["position"] = position
            next_position[stage_id] = max(next_position.get(stage_id, 0.0), position + 1.0)
        values["title"] = cells["touchpoint"]
        values["id"] = f"tp-{len(touchpoints) + 1}"
        touchpoints.append(values)
        rows_of.append(row_number)
        if len(touchpoints) > MAX_TOUCHPOINTS:
            raise MapError(
                [f"row {row_number}: more than {MAX_TOUCHPOINTS} touchpoints in one map"]
            )

    _read_feelings(feelings, touchpoints, rows_of, problems, warnings)
    _link_handoffs(touchpoints, handoffs, rows_of, warnings)
    if ignored_cells:
        warnings.append(f"{ignored_cells} cells outside the known columns were not imported")
    warnings = warnings.finished()
    if not touchpoints and not problems:
        raise MapError(["the sheet has a header row but no touchpoints"])
    if problems:
        raise MapError([text for _row, _place, text in sorted(problems)])
    return CsvImport(
        _validated(title, stages, departments, channels, touchpoints, rows_of), warnings
    )


def _read_feelings(
    feelings: dict[str, FeelingColumn],
    touchpoints: list[dict[str, Any]],
    rows_of: list[int],
    problems: list[tuple[int, int, str]],
    warnings: _Notes,
) -> None:
    """Each feeling column's cells on the scale decided from the whole column (FeelingColumn),
    in place; a cell that fits no scale is a problem (at most MAX_NAMED_ROWS of a column are
    named, then how many more)."""
    feeling, future = feelings.get("feeling"), feelings.get("future_feeling")
    if feeling is not None:
        feeling.decide(future)
    if future is not None:
        future.decide(feeling)
    for column, read in feelings.items():
        key, place, unfit = COLUMNS[column], _PLACE[column], 0
        if read.note:
            warnings.add("feeling scales", read.note)
        for tp, row in zip(touchpoints, rows_of, strict=True):
            if read.fits(tp[key]):
                tp[key] = read.value(tp[key])
                continue
            unfit += 1
            if unfit <= MAX_NAMED_ROWS:
                problem = read.problem(tp[key])
                problems.append((row, place, f"row {row}, column {column}: {problem}"))
            elif unfit == MAX_NAMED_ROWS + 1:
                more_from = row
        if unfit > MAX_NAMED_ROWS:
            more = unfit - MAX_NAMED_ROWS
            problems.append(
                (
                    more_from,
                    place,
                    f"column {column}: {more} more rows from row {more_from} on hold no feeling "
                    "on the column's scale",
                )
            )


def _set_layer(departments: _Names, dept_id: str, layer, row: int, warnings: _Notes) -> None:
    """A department's layer: the first row that says it; a row saying another is noted."""
    part = next(p for p in departments.parts if p.id == dept_id)
    if part.blueprint_layer is None:
        part.blueprint_layer = layer
    elif part.blueprint_layer != layer:
        warnings.add(
            "blueprint layers",
            f"row {row}, column department_layer: {part.name} is already in the "
            f"{part.blueprint_layer} layer (an earlier row); kept that",
        )


def _link_handoffs(
    touchpoints: list[dict[str, Any]],
    handoffs: list[list[str]],
    rows_of: list[int],
    warnings: _Notes,
) -> None:
    """Each row's hands_off_to titles as handoffs to the touchpoints of those titles (the
    first one when two share a title, which is noted; a title no row has is noted). Time in
    proportion to the sheet, however many rows share a title."""
    by_title: dict[str, list[str]] = {}
    for tp in touchpoints:
        by_title.setdefault(str(tp.get("title", "")).strip(), []).append(tp["id"])
    for tp, titles, row in zip(touchpoints, handoffs, rows_of, strict=True):
        links = []
        own_title = str(tp.get("title", "")).strip()
        for title in dict.fromkeys(titles):
            named = by_title.get(title, [])
            found = len(named) - (1 if title == own_title else 0)  # never to itself
            if not found:
                warnings.add(
                    "handoffs",
                    f'row {row}, column hands_off_to: no touchpoint is called "{title[:60]}"; '
                    "not linked",
                )
                continue
            if found > 1:
                warnings.add(
                    "handoffs",
                    f"row {row}, column hands_off_to: {found} touchpoints are called "
                    f'"{title[:60]}"; linked to the first',
                )
            # (titles differ, so their touchpoints do: no handoff is listed twice)
            links.append(next(i for i in named[:2] if i != tp["id"]))
        if links:
            tp["leads_to"] = links


def _validated(
    title: str,
    stages: _Names,
    departments: _Names,
    channels: _Names,
    touchpoints: list[dict[str, Any]],
    rows_of: list[int],
) -> JourneyMap:
    """Validate the assembled map, naming bad cells by row and column, not by model path."""
    data = {
        "title": name_from(title, "Imported journey"),
        "stages": [s.model_dump() for s in stages.parts],
        "departments": [d.model_dump() for d in departments.parts],
        "channels": [c.model_dump() for c in channels.parts],
        "touchpoints": touchpoints,
        # A sheet that counted dots shows them (the first topic that has some).
        "votes_shown": next(
            (t for t in VOTE_TOPICS if any((tp.get("votes") or {}).get(t) for tp in touchpoints)),
            None,
        ),
    }
    try:
        return JourneyMap.model_validate(data)
    except ValidationError as exc:
        columns_of = {fld: col for col, fld in COLUMNS.items()}
        names = {
            "stages": (stages, "stage"),
            "departments": (departments, "department"),
            "channels": (channels, "channel"),
        }
        problems = []
        for err in exc.errors(include_url=False):
            loc, message = err["loc"], user_message(err)
            if len(loc) >= 3 and loc[0] == "touchpoints":
                column = columns_of.get(str(loc[2]), str(loc[2]))
                problems.append(f"row {rows_of[int(loc[1])]}, column {column}: {message}")
            elif len(loc) >= 2 and loc[0] in names:
                parts, column = names[str(loc[0])]
                problems.append(f"row {parts.first_row[int(loc[1])]}, column {column}: {message}")
            elif len(loc) == 1 and loc[0] in names:
                parts, column = names[str(loc[0])]
                first_too_many = parts.first_row[min(len(parts.first_row) - 1, 100)]
                problems.append(
                    f"row {first_too_many}, column {column}: too many {loc[0]} ({message})"
                )
            elif not loc:
                problems.extend(_rows_named(message, rows_of).splitlines())
            else:
                problems.append(f"{loc[0]}: {message}")
        raise MapError(problems) from None


def _rows_named(message: str, rows_of: list[int]) -> str:
    """Whole-map problems name touchpoints by index; a sheet's users know rows."""
    return re.sub(
        r"touchpoint \"[^\"]*\" \(touchpoints\[(\d+)\]\)\.?(\S*)",
        lambda m: (
            f"row {rows_of[int(m.group(1))]}" + (f", column {m.group(2)}" if m.group(2) else "")
        ),
        message,
    )


__all__ = ["COLUMNS", "CsvImport", "export_csv", "import_csv"]
