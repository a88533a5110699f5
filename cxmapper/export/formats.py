"""The PDF and SVG writers, with the PDF's options as the command line offers them (the window's
Export PDF dialog makes the same PdfOptions). reportlab is imported only when one is written,
so the command line starts without it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cxmapper.model.journey import JourneyMap
from cxmapper.model.writers import Option, OptionRefused, Writer, Written, touchpoints

# The names of export.paper.PAGE_SIZES, which needs reportlab: the command line's choices.
PAGE_SIZE_NAMES = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")


def page_size_named(text: str) -> str:
    """A sheet's name in any case: "a4" -> "A4"."""
    for name in PAGE_SIZE_NAMES:
        if text.strip().lower() == name.lower():
            return name
    raise OptionRefused(f"unknown page size {text!r}: use {', '.join(PAGE_SIZE_NAMES)}")


def sheet_grid(text: str) -> tuple[int, int]:
    """ "3x2" (or "3×2") -> (3, 2): columns by rows of sheets, each 1 to 20."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        columns, rows = (int(p) for p in parts)
        if 1 <= columns <= 20 and 1 <= rows <= 20:
            return columns, rows
    raise OptionRefused(f"{text!r}: give columns x rows of sheets, each 1 to 20, such as 3x2")


PDF_OPTIONS = (
    Option(
        "--page-size",
        "sheet size, any case (default A3)",
        "{" + ",".join(PAGE_SIZE_NAMES) + "}",
        page_size_named,
        default="A3",
    ),
    Option("--portrait", "portrait sheets (default: landscape)", switch=True),
    Option("--poster", "tile the map at full size across several sheets", switch=True),
    Option("--no-report", "leave out the report pages", switch=True),
    Option(
        "--report-size",
        "the report pages' size, portrait (default: A4 for a poster on A2-A0, else the map's)",
        "SIZE",
        page_size_named,
    ),
    Option(
        "--sheets",
        "a poster fitted to C columns by R rows of sheets, e.g. 3x2 (scaled to fit)",
        "CxR",
        sheet_grid,
    ),
)


def pdf_settings(values: Mapping[str, Any]):
    """PdfOptions from the command line's values."""
    from cxmapper.export.paper import PdfOptions

    return PdfOptions(
        values["page_size"],
        not values["portrait"],
        values["poster"],
        not values["no_report"],
        values["sheets"],
        values["report_size"],
    )


def write_pdf(journey: JourneyMap, options) -> Written:
    """The PDF, and the note when one page prints the cards too small to read."""
    from cxmapper.export.legibility import legibility_note
    from cxmapper.export.paper import pdf_layout
    from cxmapper.export.pdf import export_pdf

    lay = pdf_layout(journey)  # one layout for the pages and the note
    data = export_pdf(journey, options, lay)
    return Written(data, lambda command_line: legibility_note(journey, options, lay, command_line))


def pdf_summary(journey: JourneyMap, options) -> str:
    """ "A3 poster of 3x2 sheets, 18 touchpoints"."""
    fit = ("portrait " if not options.landscape else "") + (
        f"poster of {options.sheets[0]}x{options.sheets[1]} sheets"
        if options.sheets
        else ("poster" if options.poster else "one page")
    )
    return f"{options.page_size} {fit}, {len(journey.touchpoints)} touchpoints"


def write_svg(journey: JourneyMap, _settings: Any = None) -> Written:
    from cxmapper.export.svg import export_svg

    return Written(export_svg(journey))


PDF = Writer(
    "pdf",
    "pdf",
    "PDF",
    "PDF",
    "Export PDF",
    "the map to print and share (opens back in cxmapper)",
    write_pdf,
    pdf_summary,
    options=PDF_OPTIONS,
    options_title="PDF options",
    settings=pdf_settings,
)
SVG = Writer(
    "svg",
    "svg",
    "SVG",
    "SVG pictures",
    "Export SVG",
    "the whole map as vector art with real text",
    write_svg,
    touchpoints,
    article="an",
)
