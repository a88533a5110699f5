"""How a map becomes a file, each format described once for the command line and the window
alike: a Writer gives its name on the command line (--NAME), its suffix, what a save dialog shows,
the options it takes (as the command line offers them; the window asks in its own dialogs) and
the function. The model's own are here (JSON, CSV, Mermaid); export/formats.py adds PDF and
SVG, and canvas/png_format.py adds PNG, which Qt draws, and lists every writer (WRITERS).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cxmapper import __version__
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import JourneyMap


class OptionRefused(ValueError):
    """A writer's option that cannot be used, in the command line's words."""


class CannotWrite(ValueError):
    """A map this format cannot hold (a picture too large): said to the user, nothing written."""


@dataclass(frozen=True)
class Option:
    """A setting a writer takes, as the command line offers it (the window asks in a dialog)."""

    flag: str  # "--page-size"
    help: str
    metavar: str | None = None
    parse: Callable[[str], Any] | None = None  # text -> value; OptionRefused says why not
    default: Any = None  # its value when not given (a switch: False)
    switch: bool = False  # on when given, no value

    def __post_init__(self) -> None:
        if self.switch and self.default is None:
            object.__setattr__(self, "default", False)

    @property
    def key(self) -> str:
        """Its value's name among a writer's settings: "page_size"."""
        return self.flag.lstrip("-").replace("-", "_")


def _nothing_to_say(_command_line: bool) -> str:
    return ""


@dataclass(frozen=True)
class Written:
    """A writer's file, and a note for the user about it ("" when none), said in the command
    line's words (naming its options) or the window's."""

    data: bytes
    note: Callable[[bool], str] = _nothing_to_say


def _no_settings(_values: Mapping[str, Any]) -> None:
    return None


@dataclass(frozen=True)
class Writer:
    """A format a map is written as. `write(journey, settings)` makes the file; the settings
    are what `settings(values)` makes of its options' values (the window's dialogs make the
    same: PdfOptions, a PNG's scale), None for a writer without options."""

    name: str  # the command line's --NAME: "mermaid"
    suffix: str  # its files' suffix: "mmd"
    what: str  # the format in the window's words: "Cannot export the Mermaid"
    files: str  # what a save dialog shows for its files: "Mermaid diagrams"
    title: str  # the window's save dialog: "Export Mermaid"
    help: str  # the command line's help for --NAME
    write: Callable[[JourneyMap, Any], Written]
    summary: Callable[[JourneyMap, Any], str]  # said after "written": "18 tasks"
    options: tuple[Option, ...] = ()
    options_title: str = ""  # their heading in the command line's help: "PDF options"
    settings: Callable[[Mapping[str, Any]], Any] = _no_settings  # OptionRefused says why not
    options_alone: str = ""  # the refusal when its options come without --NAME ("": allowed)
    article: str = "a"  # "an SVG file"


def stamped(journey: JourneyMap) -> JourneyMap:
    """The map as this cxmapper writes it: its version recorded in the metadata."""
    journey = journey.model_copy(deep=True)
    journey.metadata.app_version = __version__
    return journey


def touchpoints(journey: JourneyMap, _settings: Any = None) -> str:
    return f"{len(journey.touchpoints)} touchpoints"


def _write_json(journey: JourneyMap, _settings: Any = None) -> Written:
    return Written(map_to_bytes(stamped(journey)))


def _write_spreadsheet(journey: JourneyMap, _settings: Any = None) -> Written:
    from cxmapper.model.spreadsheet import export_csv

    return Written(export_csv(journey))


def _write_mermaid(journey: JourneyMap, _settings: Any = None) -> Written:
    from cxmapper.model.mermaid import to_mermaid

    return Written(to_mermaid(journey).encode("utf-8"))


JSON = Writer(
    "json",
    "json",
    "JSON",
    "Journey maps",
    "Export a copy as JSON",
    "the map in the current file format",
    _write_json,
    touchpoints,
)
CSV = Writer(
    "csv",
    "csv",
    "CSV",
    "Spreadsheets",
    "Export CSV",
    "one touchpoint a row, for spreadsheets",
    _write_spreadsheet,
    lambda journey, _settings: f"{len(journey.touchpoints)} rows",
)
MERMAID = Writer(
    "mermaid",
    "mmd",
    "Mermaid",
    "Mermaid diagrams",
    "Export Mermaid",
    "a Mermaid journey diagram: a section per stage, a task per touchpoint",
    _write_mermaid,
    lambda journey, _settings: f"{len(journey.touchpoints)} tasks",
)
