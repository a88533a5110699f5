"""The paper a PDF is printed on: the sheet sizes one can ask for, the export's options, the
margins every page keeps, which page the report goes on, and the map laid out in the PDF's fonts
(its size, with those fonts, decides how it fits the paper)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import pagesizes

from cxmapper.export.fonts import pdf_fitter
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.journey_layout import layout_map
from cxmapper.model.journey import JourneyMap

PAGE_SIZES = {
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "Letter": pagesizes.LETTER,
    "Tabloid": pagesizes.TABLOID,
}
MARGIN = 20.0  # points around every page (7 mm: inside what printers can print)
FOOTER = 16.0
LARGE_SHEETS = ("A2", "A1", "A0")


@dataclass(frozen=True)
class PdfOptions:
    page_size: str = "A3"
    landscape: bool = True
    poster: bool = False
    report: bool = True
    sheets: tuple[int, int] | None = None  # a poster fitted to (columns, rows) sheets
    report_size: str | None = None  # the report's pages (portrait); None: see report_page_size


def page_size(options: PdfOptions) -> tuple[float, float]:
    """The map's sheets in points (width, height), landscape or portrait as asked."""
    if options.page_size not in PAGE_SIZES:
        raise ValueError(
            f'unknown page size "{options.page_size}"; choose one of {", ".join(PAGE_SIZES)}'
        )
    size = PAGE_SIZES[options.page_size]
    return pagesizes.landscape(size) if options.landscape else pagesizes.portrait(size)


def report_page_size(options: PdfOptions) -> tuple[float, float]:
    """The report's pages: the size asked for (portrait), or for a poster on large sheets A4
    portrait (text to read in the hand, not 9 pt on an A1 sheet), or else the map's page."""
    name = options.report_size
    if name is None and (options.poster or options.sheets) and options.page_size in LARGE_SHEETS:
        name = "A4"
    if name is None:
        return page_size(options)
    if name not in PAGE_SIZES:
        raise ValueError(
            f'unknown report page size "{name}"; choose one of {", ".join(PAGE_SIZES)}'
        )
    return pagesizes.portrait(PAGE_SIZES[name])


def pdf_layout(
    journey: JourneyMap,
    fill: tuple[float, float] | None = None,
    natural: MapLayout | None = None,
) -> MapLayout:
    """The map laid out with the PDF's fonts (shared by export_pdf and legibility_note);
    with `fill` (a frame's width and height) stretched to the frame's shape, reusing the
    cards of its `natural` layout when it was made already."""
    aspect = fill[0] / fill[1] if fill else None
    return layout_map(journey, pdf_fitter(), previous=natural, aspect=aspect)
