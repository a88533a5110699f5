"""export_pdf(journey, options) -> bytes: the map as a vector PDF to print, hang and send.

The map page(s) draw the shared layout (the same geometry as the canvas), either scaled onto one
sheet or as a poster tiled across sheets at full size, with overlap, crop marks, "row r, column c"
labels, and the stage headers and department names repeated on every tile. Report pages follow
(every annotation, stage by stage; a department summary). The map's JSON is attached, so the PDF
opens back in cxmapper.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader, PdfWriter
from reportlab.lib import pagesizes
from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from cxmapper import __version__
from cxmapper.export.fonts import REGULAR, PdfTextMetrics, register_fonts, runs
from cxmapper.export.pdf_painter import PdfPainter, map_frame
from cxmapper.export.report import Bookmark, department_summary, stage_sections
from cxmapper.layout.drawing import draw_lane, draw_map, draw_stage_header
from cxmapper.layout.geometry import Rect
from cxmapper.layout.journey_layout import MapLayout, layout_map
from cxmapper.layout.style import MUTED_INK
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.journey import JourneyMap

ATTACHMENT = "cxmapper-map.json"
PAGE_SIZES = {
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "Letter": pagesizes.LETTER,
    "Tabloid": pagesizes.TABLOID,
}
MARGIN = 28.0  # points around every page
FOOTER = 16.0
OVERLAP = 24.0  # points of map repeated on neighbouring poster sheets, to tape them together


@dataclass(frozen=True)
class PdfOptions:
    page_size: str = "A3"
    landscape: bool = True
    poster: bool = False
    report: bool = True


def page_size(options: PdfOptions) -> tuple[float, float]:
    if options.page_size not in PAGE_SIZES:
        raise ValueError(
            f'unknown page size "{options.page_size}"; choose one of {", ".join(PAGE_SIZES)}'
        )
    size = PAGE_SIZES[options.page_size]
    return pagesizes.landscape(size) if options.landscape else pagesizes.portrait(size)


def _footer_text(c, text: str, x: float, y: float, size: float = 8) -> None:
    c.setFillColor(HexColor(MUTED_INK))
    for font, piece in runs(text):
        c.setFont(font, size)
        c.drawString(x, y, piece)
        x += c.stringWidth(piece, font, size)


class MapSheet(Flowable):
    """One sheet of the map: the whole map scaled to fit, or one tile of the poster."""

    def __init__(
        self,
        lay: MapLayout,
        region: Rect,
        scale: float,
        label: str = "",
        repeat_lanes: bool = False,
        repeat_stages: bool = False,
        marks: bool = False,
    ) -> None:
        super().__init__()
        self.lay, self.region, self.scale, self.label = lay, region, scale, label
        self.repeat_lanes, self.repeat_stages, self.marks = repeat_lanes, repeat_stages, marks
        self.width = region.w * scale
        self.height = region.h * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, lay, r, k = self.canv, self.lay, self.region, self.scale
        c.saveState()
        path = c.beginPath()
        path.rect(0, 0, self.width, self.height)
        c.clipPath(path, stroke=0, fill=0)
        with map_frame(c, -r.x * k, self.height + r.y * k, k):
            painter = PdfPainter(c)
            draw_map(lay, painter, visible=r)
            s = lay.style
            if self.repeat_stages:  # stage headers along the tile's top edge
                for i, stage in enumerate(lay.stages):
                    if stage.column.x < r.right and stage.column.right > r.x:
                        head = Rect(stage.header.x, r.y, stage.header.w, s.stage_header_height)
                        draw_stage_header(lay, painter, i, head)
            if self.repeat_lanes:  # department names along the tile's left edge
                for i, lane in enumerate(lay.lanes):
                    if lane.rect.y < r.bottom and lane.rect.bottom > r.y:
                        draw_lane(
                            lay, painter, i, Rect(r.x, lane.rect.y, s.lane_label_width, lane.rect.h)
                        )
        c.restoreState()
        if self.marks:
            self._crop_marks()
        if self.label:
            c.saveState()
            _footer_text(
                c,
                f"Poster sheet {self.label}: trim or overlap at the crop marks",
                self.width / 3,
                -11,
            )
            c.restoreState()

    def _crop_marks(self) -> None:
        """Marks where the overlap ends, so sheets can be trimmed and aligned, and the label."""
        c, o = self.canv, OVERLAP * self.scale
        c.saveState()
        c.setStrokeColor(HexColor("#000000"))
        c.setLineWidth(0.4)
        for x in (o, self.width - o):
            for y in (o, self.height - o):
                c.line(x - 8, y, x + 8, y)
                c.line(x, y - 8, x, y + 8)
        c.restoreState()


class _Document(BaseDocTemplate):
    def __init__(
        self, buffer, journey: JourneyMap, size: tuple[float, float], map_pages: int
    ) -> None:
        self.journey = journey
        self.map_pages = map_pages
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
        w, h = size
        full = Frame(
            MARGIN,
            MARGIN + FOOTER,
            w - 2 * MARGIN,
            h - 2 * MARGIN - FOOTER,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="page",
        )
        self.addPageTemplates(
            [
                PageTemplate(id="map", frames=[full], onPage=self._footer),
                PageTemplate(id="report", frames=[full], onPage=self._footer),
            ]
        )

    def _footer(self, c, doc) -> None:
        w, _ = self.pagesize
        j = self.journey
        who = f" — {j.persona.name}" if j.persona.name else ""
        left = f"{j.title}{who} · {date.today().isoformat()} · cxmapper {__version__}"
        c.saveState()
        _footer_text(c, left[:160], MARGIN, MARGIN - 2)
        c.setFont(REGULAR, 8)
        c.drawRightString(w - MARGIN, MARGIN - 2, f"page {doc.page}")
        c.restoreState()


def _sheets(lay: MapLayout, frame_w: float, frame_h: float, poster: bool) -> list[MapSheet]:
    whole = Rect(0, 0, lay.width, lay.height)
    if not poster:
        scale = min(frame_w / lay.width, frame_h / lay.height)
        return [MapSheet(lay, whole, scale)]  # the frame centres it across; it sits at the top
    scale = 1.0  # the map's own size: 14 pt titles, readable on the wall
    step_w, step_h = frame_w - 2 * OVERLAP, frame_h - 2 * OVERLAP
    cols = max(1, math.ceil((lay.width - 2 * OVERLAP) / step_w))
    rows = max(1, math.ceil((lay.height - 2 * OVERLAP) / step_h))
    sheets = []
    for r in range(rows):
        for col in range(cols):
            region = Rect(col * step_w, r * step_h, frame_w, frame_h)
            label = f"row {r + 1}, column {col + 1} of {rows} × {cols}"
            sheets.append(
                MapSheet(
                    lay,
                    region,
                    scale,
                    label,
                    repeat_lanes=col > 0,
                    repeat_stages=r > 0 and region.y > lay.stages[0].header.y
                    if lay.stages
                    else False,
                    marks=True,
                )
            )
    return sheets


def export_pdf(journey: JourneyMap, options: PdfOptions | None = None) -> bytes:
    """The PDF's bytes (build then attach the map); ValueError for an unknown page size."""
    options = options or PdfOptions()
    size = page_size(options)
    register_fonts()
    lay = layout_map(journey, PdfTextMetrics())
    frame_w, frame_h = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - FOOTER
    sheets = _sheets(lay, frame_w, frame_h, options.poster)
    story: list = [Bookmark("map", "Journey map")]
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story.append(sheet)
    if options.report:
        story += [
            NextPageTemplate("report"),
            PageBreak(),
            Bookmark("report", "Touchpoints by stage"),
        ]
        story += stage_sections(journey, frame_w)
        story += [PageBreak(), *department_summary(journey, frame_w)]
    buffer = io.BytesIO()
    _Document(buffer, journey, size, len(sheets)).build(story)
    return attach_map(buffer.getvalue(), journey)


def attach_map(pdf: bytes, journey: JourneyMap) -> bytes:
    """Embed the map's JSON as a file attachment (the PDF stays a map one can keep editing)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_attachment(ATTACHMENT, map_to_bytes(journey))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
