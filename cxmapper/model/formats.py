"""Every kind of file a map is read from, each described once for the command line and the
window alike: a Reader says how a file of its kind is recognised (a suffix that picks it, or
what its bytes start with; what a PDF looks like is said here only), how much of it is read,
and how it becomes a map, with notes on what an import had to change. READERS lists them;
read_map reads a file with the one that fits. How maps are written: model/writers.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cxmapper.model.bulk import building_many
from cxmapper.model.fileformat import (
    MAX_FILE_BYTES,
    map_from_data,
    parse_json,
    read_limited,
)
from cxmapper.model.journey import JourneyMap
from cxmapper.model.problems import MapError

# The bounds of spreadsheet.MAX_CSV_BYTES and mermaid.MAX_BYTES, whose modules are imported only
# when such a file is read or written (not at the editor's start).
MAX_CSV_BYTES = 16 * 1024 * 1024
MAX_MERMAID_BYTES = 4 * 1024 * 1024

PDF_MARK = b"%PDF-"
PDF_HEAD = 1024  # how much of a file is looked at for the mark before the file is read


def is_pdf(data: bytes) -> bool:
    """The bytes start like a PDF (whitespace allowed before the mark): an export of
    cxmapper's carries its map. The one place that says what a PDF looks like."""
    return data.lstrip()[: len(PDF_MARK)] == PDF_MARK


def file_is_pdf(path: str | os.PathLike[str]) -> bool:
    """The file starts like a PDF (its first kilobyte), before it is read whole."""
    try:
        with open(path, "rb") as f:
            return is_pdf(f.read(PDF_HEAD))
    except OSError:
        return False


# --- reading ---------------------------------------------------------------------------------
Read = Callable[[bytes, Path, str | None], tuple[JourneyMap, list[str]]]


@dataclass(frozen=True)
class Reader:
    """A kind of file a map is read from. `read(data, path, title)` gives the map and notes;
    `title` names a map its file does not name (None: after the file)."""

    name: str  # the kind read_map reports: "csv"
    what: str  # a file of this kind in a message: "Cannot import the spreadsheet"
    files: str  # what the Open dialog calls them: "Spreadsheets"
    short: str  # the same in the list of every kind Open reads: "spreadsheets"
    suffix: str  # the suffix Open shows and a drop on the window takes: "csv"
    read: Read
    picked_by: tuple[str, ...] = ()  # suffixes that alone choose this reader
    looks_like: Callable[[bytes], bool] | None = None  # or content that chooses it
    limit: int = MAX_FILE_BYTES  # the most bytes read
    own_file: bool = False  # the map's own file (saving writes back); else an import
    import_title: str = ""  # File > Import's dialog for this kind alone ("": none)
    import_files: str = ""  # what that dialog calls them: "Spreadsheets"
    import_suffixes: tuple[str, ...] = ()  # and the names it shows: ("csv", "tsv", "txt")


@dataclass(frozen=True)
class Opened:
    """What read_map found: the map, the reader that read it and what it had to say."""

    journey: JourneyMap
    reader: Reader
    notes: list[str]

    @property
    def kind(self) -> str:
        return self.reader.name

    @property
    def own_file(self) -> bool:
        """The map's own file: saving writes back to it. Any other kind was imported, and
        saving asks where (never over the PDF or the spreadsheet)."""
        return self.reader.own_file


def _read_json(data: bytes, _path: Path, _title: str | None) -> tuple[JourneyMap, list[str]]:
    with building_many():
        return map_from_data(parse_json(data)), []


def _read_pdf(data: bytes, _path: Path, _title: str | None) -> tuple[JourneyMap, list[str]]:
    from cxmapper.model.pdf_attachment import map_bytes_from_pdf  # pypdf, for PDFs only

    with building_many():
        return map_from_data(parse_json(map_bytes_from_pdf(data, MAX_FILE_BYTES))), []


def _read_spreadsheet(data: bytes, path: Path, title: str | None) -> tuple[JourneyMap, list[str]]:
    from cxmapper.model.spreadsheet import import_csv

    result = import_csv(data, title=(path.stem[:80] or "Map") if title is None else title)
    return result.journey, list(result.warnings)


def _read_mermaid(data: bytes, path: Path, title: str | None) -> tuple[JourneyMap, list[str]]:
    from cxmapper.model.mermaid import from_mermaid

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MapError(["not UTF-8 text"]) from None
    notes: list[str] = []
    journey = from_mermaid(text, name=path.stem if title is None else title, notes=notes)
    return journey, notes


JSON_MAP = Reader(
    "json", "journey map", "Journey maps", "journey maps", "json", _read_json, own_file=True
)
SPREADSHEET = Reader(
    "csv",
    "spreadsheet",
    "Spreadsheets",
    "spreadsheets",
    "csv",
    _read_spreadsheet,
    picked_by=("csv",),
    limit=MAX_CSV_BYTES,
    import_title="Import CSV",
    import_files="Spreadsheets",
    import_suffixes=("csv", "tsv", "txt"),
)
PDF_WITH_MAP = Reader(
    "pdf", "PDF", "PDFs exported by cxmapper", "PDFs", "pdf", _read_pdf, looks_like=is_pdf
)
MERMAID_DIAGRAM = Reader(
    "mermaid",
    "Mermaid diagram",
    "Mermaid journey diagrams",
    "Mermaid",
    "mmd",
    _read_mermaid,
    picked_by=("mmd", "mermaid"),
    limit=MAX_MERMAID_BYTES,
    import_title="Import Mermaid",
    import_files="Mermaid diagrams",
    import_suffixes=("mmd", "mermaid", "md", "txt"),
)
# In the order the Open dialog lists them. A file no suffix or content picks is a JSON map.
READERS: tuple[Reader, ...] = (JSON_MAP, SPREADSHEET, PDF_WITH_MAP, MERMAID_DIAGRAM)


def reader_by_suffix(path: Path) -> Reader | None:
    """The reader a file's suffix alone picks (.csv, .mmd), if any."""
    suffix = path.suffix.lower().lstrip(".")
    return next((r for r in READERS if suffix and suffix in r.picked_by), None)


def reader_by_content(data: bytes) -> Reader:
    """The reader a file's bytes pick (a PDF); the map's own JSON when none does."""
    return next((r for r in READERS if r.looks_like and r.looks_like(data)), JSON_MAP)


def read_map(
    path: str | os.PathLike[str],
    reader: Reader | None = None,
    *,
    title: str | None = None,
    limit: int | None = None,
) -> Opened:
    """The map in a file, read by `reader`, or by the one its suffix or its content picks; at
    most `limit` bytes (the reader's own bound when None). MapError names the file and lists
    everything wrong with it."""
    path = Path(path)
    try:
        if reader is None:
            reader = reader_by_suffix(path)
        data = read_limited(path, limit or (reader.limit if reader else MAX_FILE_BYTES))
        reader = reader or reader_by_content(data)
        journey, notes = reader.read(data, path, title)
    except MapError as exc:
        raise MapError(exc.problems, str(path)) from None
    return Opened(journey, reader, notes)
