"""The PDF as a file: its pages (the map's and the report's, each with its own size), what
every page shows at its foot and top ("page n of m", the title, the dates), the document's
properties (title, authors, keywords), its bookmarks, and the map's JSON attached so that the
PDF opens back in cxmapper."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from cxmapper import __version__
from cxmapper.export.fonts import REGULAR, runs
from cxmapper.export.paper import FOOTER, MARGIN
from cxmapper.layout.style import MUTED_INK
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import JourneyMap

ATTACHMENT = "cxmapper-map.json"
STAMP_SAMPLE = "Map version of 2026-12-31 23:59 UTC · exported 2026-12-31"  # as wide as the stamp


def footer_text(c, text: str, x: float, y: float, size: float = 8) -> None:
    """A line of small muted text at (x, y) on the page, run by run in the fonts that have it."""
    c.setFillColor(HexColor(MUTED_INK))
    for font, piece in runs(text):
        c.setFont(font, size)
        c.drawString(x, y, piece)
        x += c.stringWidth(piece, font, size)


def _frame(size: tuple[float, float], name: str) -> Frame:
    w, h = size
    return Frame(
        MARGIN,
        MARGIN + FOOTER,
        w - 2 * MARGIN,
        h - 2 * MARGIN - FOOTER,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


class _Document(BaseDocTemplate):
    """The map's pages and the report's (each size its own frame), the document's properties,
    and the footer and stamp on every page."""

    def __init__(
        self,
        buffer,
        journey: JourneyMap,
        size: tuple[float, float],
        report_size: tuple[float, float] | None = None,
    ) -> None:
        self.journey = journey
        super().__init__(
            buffer,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER,
            title=journey.title,
            author=", ".join(journey.metadata.authors) or "cxmapper",
            subject=f"Customer journey map: {journey.scenario or journey.title}"[:500],
            keywords=["customer journey map", "cxmapper", *(s.name for s in journey.stages)],
            creator=f"cxmapper {__version__}",
            producer=f"cxmapper {__version__} (reportlab)",
            initialFontName=REGULAR,  # never the base-14 Helvetica: every font is embedded
            initialFontSize=10,
        )
        report_size = report_size or size
        self.addPageTemplates(
            [
                PageTemplate(
                    id="map", frames=[_frame(size, "map")], onPage=self._footer, pagesize=size
                ),
                PageTemplate(
                    id="report",
                    frames=[_frame(report_size, "report")],
                    onPage=self._footer,
                    pagesize=report_size,
                ),
            ]
        )

    def _footer(self, c, doc) -> None:
        """Every page: title, persona, dates and version at the foot, the page number; and at
        the top right the map's version (last change) and the export's date."""
        w, h = c._pagesize  # this page's own size: a poster's report pages may be smaller
        j = self.journey
        who = f" — {j.persona.name}" if j.persona.name else ""
        left = f"{j.title}{who} · exported {date.today().isoformat()} · cxmapper {__version__}"
        c.saveState()
        room = w - 2 * MARGIN - 60
        while left and sum(c.stringWidth(p, f, 8) for f, p in runs(left)) > room:
            left = left[: max(0, len(left) - 8)].rstrip() + "…"
        footer_text(c, left, MARGIN, MARGIN - 2)
        c.setFont(REGULAR, 8)
        c.page_number_at = (w - MARGIN, MARGIN - 2)  # "page n of m", once m is known
        changed = f"{j.metadata.modified:%Y-%m-%d %H:%M} UTC"
        stamp = f"Map version of {changed} · exported {date.today():%Y-%m-%d}"
        c.setFillColor(HexColor(MUTED_INK))
        c.drawRightString(w - MARGIN, h - MARGIN + 10, stamp)
        c.restoreState()


def _attach(canvas: Canvas, name: str, data: bytes) -> None:
    """A file attachment (the map's JSON) written by reportlab itself: an embedded file stream,
    its file specification, and the catalog's name tree of embedded files."""
    doc = canvas._doc
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": "/application#2Fjson",  # a name: its "/" escaped
                "Params": PDFDictionary({"Size": len(data)}),
            }
        ),
        content=data,
        filters=[PDFZCompress],
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "UF": PDFString(name),
            "EF": PDFDictionary({"F": doc.Reference(stream)}),
        }
    )
    files = PDFDictionary({"Names": PDFArray([PDFString(name), doc.Reference(spec)])})
    doc.Catalog.Names = doc.Reference(PDFDictionary({"EmbeddedFiles": files}))


class _CountingCanvas(Canvas):
    """Holds each finished page back until the document ends, then writes "page n of m" on
    every page that asked for it (the footer marks where) and only then the pages; and
    attaches the map."""

    def __init__(self, *args, attachment: bytes = b"", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self.page_number_at: tuple[float, float] | None = None
        self.attachment = attachment
        self._bookmarks: list[tuple[str, dict]] = []

    def bookmarkPage(self, key: str, **kwargs) -> None:  # noqa: N802 - reportlab's name
        """Where a bookmark points is the page it is made on, which exists only once the page
        is written: so it is made then (made now, every bookmark pointed at page 1)."""
        self._bookmarks.append((key, kwargs))

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()
        self.page_number_at = None
        self._bookmarks = []

    def save(self) -> None:
        total = len(self._held)
        for number, page in enumerate(self._held, 1):
            self.__dict__.update(page)
            if self.page_number_at is not None:
                x, y = self.page_number_at
                self.setFont(REGULAR, 8)
                self.setFillColor(HexColor(MUTED_INK))
                self.drawRightString(x, y, f"page {number} of {total}")
            for key, kwargs in self._bookmarks:
                super().bookmarkPage(key, **kwargs)
            super().showPage()
        if self.attachment:
            _attach(self, ATTACHMENT, self.attachment)
        super().save()


def build_pdf(
    journey: JourneyMap,
    story: list,
    size: tuple[float, float],
    report_size: tuple[float, float],
) -> bytes:
    """The PDF's bytes: the story on the map's pages, then the report's, the map attached."""
    buffer = io.BytesIO()
    attachment = map_to_bytes(journey)  # the PDF stays a map one can keep editing

    def canvas(*args, **kwargs) -> _CountingCanvas:
        return _CountingCanvas(*args, attachment=attachment, **kwargs)

    _Document(buffer, journey, size, report_size).build(story, canvasmaker=canvas)
    return buffer.getvalue()
