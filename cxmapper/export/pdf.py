"""export_pdf(journey, options) -> bytes: the map as a vector PDF to print, hang and send.

The map page(s) draw the shared layout (the same geometry as the canvas), either scaled onto one
sheet or as a poster tiled across sheets at full size, with overlap, crop marks, "row r of R,
column c of C" labels, and the stage headers and department names repeated on every tile.
Report pages follow (every annotation, stage by stage; a department summary). The map's JSON
is attached, so the PDF opens back in cxmapper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib import pagesizes
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
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageBreakIfNotEmpty,
    PageTemplate,
)

from cxmapper import __version__
from cxmapper.export.fonts import REGULAR, pdf_fitter, register_fonts, runs
from cxmapper.export.pdf_painter import PdfPainter, map_frame
from cxmapper.export.report import Bookmark, about_the_map, department_summary, stage_sections
from cxmapper.export.report_blueprint import blueprint_summary, evidence_summary, future_summary
from cxmapper.export.report_votes import vote_summary
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.drawing import (
    draw_blueprint_gutter,
    draw_lane,
    draw_map,
    draw_row_label,
    draw_stage_header,
)
from cxmapper.layout.geometry import Rect
from cxmapper.layout.glyphs import smooth_curve
from cxmapper.layout.journey_layout import header_part, layout_map
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
MARGIN = 20.0  # points around every page (7 mm: inside what printers can print)
FOOTER = 16.0
OVERLAP = 24.0  # points of map repeated on neighbouring poster sheets, to tape them together


@dataclass(frozen=True)
class PdfOptions:
    page_size: str = "A3"
    landscape: bool = True
    poster: bool = False
    report: bool = True
    sheets: tuple[int, int] | None = None  # a poster fitted to (columns, rows) sheets
    report_size: str | None = None  # the report's pages (portrait); None: see report_page_size


def page_size(options: PdfOptions) -> tuple[float, float]:
    if options.page_size not in PAGE_SIZES:
        raise ValueError(
            f'unknown page size "{options.page_size}"; choose one of {", ".join(PAGE_SIZES)}'
        )
    size = PAGE_SIZES[options.page_size]
    return pagesizes.landscape(size) if options.landscape else pagesizes.portrait(size)


LARGE_SHEETS = ("A2", "A1", "A0")


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


def _footer_text(c, text: str, x: float, y: float, size: float = 8) -> None:
    c.setFillColor(HexColor(MUTED_INK))
    for font, piece in runs(text):
        c.setFont(font, size)
        c.drawString(x, y, piece)
        x += c.stringWidth(piece, font, size)


STAMP_SAMPLE = "Map version of 2026-12-31 23:59 UTC · exported 2026-12-31"  # as wide as the stamp


class MapSheet(Flowable):
    """One sheet of the map: the whole map scaled to fit, or one tile of the poster. A tile after
    the first column has a gutter on its left repeating the department names, and one after the
    first row a gutter on top repeating the stage headers, so every sheet reads on its own."""

    def __init__(
        self,
        lay: MapLayout,
        region: Rect,
        scale: float,
        label: str = "",
        gutter_left: float = 0.0,
        gutter_top: float = 0.0,
        marks: bool = False,
        curve: list | None = None,
    ) -> None:
        super().__init__()
        self.lay, self.region, self.scale, self.label = lay, region, scale, label
        self.gutter_left, self.gutter_top, self.marks = gutter_left, gutter_top, marks
        self.curve = smooth_curve([pt.center for pt in lay.points]) if curve is None else curve
        self.width = (gutter_left + region.w) * scale
        self.height = (gutter_top + region.h) * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _clip(self, x: float, y: float, w: float, h: float) -> None:
        path = self.canv.beginPath()
        path.rect(x, y, w, h)
        self.canv.clipPath(path, stroke=0, fill=0)

    def draw(self) -> None:
        c, lay, r, k = self.canv, self.lay, self.region, self.scale
        gl, gt = self.gutter_left * k, self.gutter_top * k
        x0, top0 = gl - r.x * k, self.height - gt + r.y * k  # where map (0, 0) lands
        s = lay.style
        c.saveState()
        self._clip(gl, 0, self.width - gl, self.height - gt)
        with map_frame(c, x0, top0, k):
            draw_map(lay, PdfPainter(c), visible=r, curve=self.curve)
            for i, row in enumerate(lay.rows):  # a tall row begun on the sheet above: its name
                if not gl and row.rect.y < r.y < row.rect.bottom:
                    bottom = min(row.rect.bottom, r.bottom)
                    label = Rect(row.label.x, r.y, row.label.w, bottom - r.y)
                    draw_row_label(lay, PdfPainter(c), i, label)
        c.restoreState()
        if gl:  # department names down the left gutter
            c.saveState()
            self._clip(0, 0, gl, self.height - gt)
            with map_frame(c, x0, top0, k):
                for i, lane in enumerate(lay.lanes):
                    if lane.rect.y < r.bottom and lane.rect.bottom > r.y:
                        label = Rect(
                            r.x - self.gutter_left, lane.rect.y, s.lane_label_width, lane.rect.h
                        )
                        draw_lane(lay, PdfPainter(c), i, label)
                for i, line in enumerate(lay.blueprint_lines):
                    if line.band.y < r.bottom and line.band.bottom > r.y:
                        gutter = Rect(
                            r.x - self.gutter_left, line.band.y, s.lane_label_width, line.band.h
                        )
                        draw_blueprint_gutter(lay, PdfPainter(c), i, gutter)
                for i, row in enumerate(lay.rows):
                    if row.rect.y < r.bottom and row.rect.bottom > r.y:
                        # the part of a tall row this sheet shows, its name at the top of it
                        top, bottom = max(row.rect.y, r.y), min(row.rect.bottom, r.bottom)
                        label = Rect(r.x - self.gutter_left, top, s.lane_label_width, bottom - top)
                        draw_row_label(lay, PdfPainter(c), i, label)
            c.restoreState()
        # Stage headers along the top gutter (rows after the first); on the first row, the stage
        # that began on a sheet to the left gets its name again at this sheet's left edge.
        header_y = r.y - self.gutter_top if gt else (lay.stages[0].header.y if lay.stages else 0.0)
        if gt or (gl and lay.stages and r.y <= header_y):
            c.saveState()
            if gt:
                self._clip(gl, self.height - gt, self.width - gl, gt)
            else:
                self._clip(gl, 0, self.width - gl, self.height)
            with map_frame(c, x0, top0, k):
                for i, stage in enumerate(lay.stages):
                    col = stage.column
                    if col.x < r.right and col.right > r.x and (gt or col.x < r.x):
                        left = max(col.x, r.x)
                        head = Rect(left, header_y, col.right - left, stage.header.h)
                        c.saveState()  # never over the next stage's header
                        path = c.beginPath()
                        path.rect(head.x, head.y, head.w, head.h)
                        c.clipPath(path, stroke=0, fill=0)
                        fitted = header_part(lay, i, head, pdf_fitter())
                        draw_stage_header(lay, PdfPainter(c), i, head, fitted)
                        c.restoreState()
            c.restoreState()
        if self.marks:
            self._crop_marks(gl, gt)
        if self.label:  # above the sheet, opposite the version stamp, never into it
            c.saveState()
            room = self.width - c.stringWidth(STAMP_SAMPLE, REGULAR, 8) - 16
            for text in (
                f"Poster sheet {self.label}: lay over the neighbours up to the crop marks",
                f"Poster sheet {self.label}",
                f"Sheet {self.label}",
            ):
                if sum(c.stringWidth(piece, f, 8) for f, piece in runs(text)) <= room:
                    break
            _footer_text(c, text, 0, self.height + 10)
            c.restoreState()

    def mark_lines(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Where the crosses go on the sheet (x left and right, y bottom and top, in points)."""
        half = OVERLAP * self.scale / 2
        gl, gt = self.gutter_left * self.scale, self.gutter_top * self.scale
        return (gl + half, self.width - half), (half, self.height - gt - half)

    def to_map(self, x: float, y: float) -> tuple[float, float]:
        """A point on the sheet (points, y up) as a point of the map."""
        gl = self.gutter_left * self.scale
        return (
            self.region.x + (x - gl) / self.scale,
            self.region.y + (self.height - self.gutter_top * self.scale - y) / self.scale,
        )

    def _crop_marks(self, gl: float, gt: float) -> None:
        """Crosses in the middle of the overlap with each neighbour: a sheet and the one beside
        or below it have theirs on the same line of the map, so laid one over the other the
        crosses meet. A repeated gutter (lane names, stage headers) gets a dashed cut line."""
        c = self.canv
        c.saveState()
        c.setStrokeColor(HexColor("#000000"))
        c.setLineWidth(0.4)
        xs, ys = self.mark_lines()
        for x in xs:
            for y in ys:
                c.line(x - 8, y, x + 8, y)
                c.line(x, y - 8, x, y + 8)
        c.setDash(3, 2)
        c.setFont(REGULAR, 6)
        c.setFillColor(HexColor(MUTED_INK))
        if gl:  # cut the lane names off along here when taping to the sheet on the left
            c.line(gl, 0, gl, self.height)
            c.drawString(gl + 2, 2, "cut")
        if gt:  # and the stage headers along here, for the sheet above
            c.line(0, self.height - gt, self.width, self.height - gt)
            c.drawString(2, self.height - gt + 2, "cut")
        c.restoreState()


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
        _footer_text(c, left, MARGIN, MARGIN - 2)
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


def _spans(length: float, first: float, rest: float) -> list[tuple[float, float]]:
    """(start, size) of consecutive windows over `length`, overlapping by OVERLAP. A last strip
    narrower than the overlap is only the padding at a column's edge: no sheet for it."""
    spans = [(0.0, first)]
    while spans[-1][0] + spans[-1][1] < length - OVERLAP:
        start = spans[-1][0] + spans[-1][1] - OVERLAP
        spans.append((start, rest))
    return spans


def _drawn_parts(lay: MapLayout) -> list[Rect]:
    """Where the map draws something: the title and its lines, the stages (with the emotion
    lane and the lanes below them), the lane labels, and each legend entry."""
    parts = [lay.header.title_box, *(box for _, box in lay.header.lines)]
    parts += [stage.column for stage in lay.stages] + [lay.emotion, lay.lanes_area]
    parts += [lane.label for lane in lay.lanes]
    for entry in lay.legend:
        parts.append(entry.text)
        if entry.swatch is not None:
            parts.append(entry.swatch)
    return parts


def poster_scale(lay: MapLayout, frame_w: float, frame_h: float, sheets: tuple[int, int]) -> float:
    """The scale at which the poster takes at most `sheets` (columns, rows) of this frame: each
    sheet after the first repeats the gutter and overlaps its neighbour."""
    s = lay.style
    gutter_top = lay.stages[0].header.h if lay.stages else 0.0
    columns, rows = sheets
    need_w = (lay.width - s.margin + (columns - 1) * (s.lane_label_width + OVERLAP)) / columns
    need_h = (lay.height - s.margin + (rows - 1) * (gutter_top + OVERLAP)) / rows
    return min(frame_w / need_w, frame_h / need_h) * 0.999  # a hair under: no sliver of a sheet


def _sheets(
    lay: MapLayout,
    frame_w: float,
    frame_h: float,
    poster: bool,
    sheets: tuple[int, int] | None = None,
) -> list[MapSheet]:
    if not poster and sheets is None:
        scale = min(frame_w / lay.width, frame_h / lay.height)
        return [MapSheet(lay, Rect(0, 0, lay.width, lay.height), scale)]
    s = lay.style  # full size: 14 pt card titles, readable on the wall
    scale = poster_scale(lay, frame_w, frame_h, sheets) if sheets else 1.0
    frame_w, frame_h = frame_w / scale, frame_h / scale  # in map units from here on
    gutter_left = s.lane_label_width
    gutter_top = lay.stages[0].header.h if lay.stages else 0.0
    # the outer margin is blank paper: no sheet just for it
    columns = _spans(lay.width - s.margin, frame_w, frame_w - gutter_left)
    rows = _spans(lay.height - s.margin, frame_h, frame_h - gutter_top)
    curve = smooth_curve([pt.center for pt in lay.points])  # one curve for every sheet
    drawn = _drawn_parts(lay)
    sheets = []
    for r, (y, h) in enumerate(rows):
        for col, (x, w) in enumerate(columns):
            if not any(part.overlaps(Rect(x, y, w, h)) for part in drawn):
                continue  # blank paper beside the legend: no sheet to print for it
            label = f"row {r + 1} of {len(rows)}, column {col + 1} of {len(columns)}"
            sheets.append(
                MapSheet(
                    lay,
                    Rect(x, y, w, h),
                    scale,
                    label,
                    gutter_left if col else 0.0,
                    gutter_top if r else 0.0,
                    marks=True,
                    curve=curve,
                )
            )
    return sheets


HAND_SIZES = ("A4", "Letter")  # read in the hand; larger sheets go on the wall


def legible_size(page: str) -> float:
    """The smallest card titles (pt) that read on this paper: 6 pt on a sheet held in the
    hand, 8 pt on one hung on the wall and read from a step away."""
    return 6.0 if page in HAND_SIZES else 8.0


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


def _title_pt(lay: MapLayout, options: PdfOptions) -> tuple[float, float]:
    """(scale, card title size in pt) of the map on one page of these options."""
    size = page_size(options)
    scale = min((size[0] - 2 * MARGIN) / lay.width, (size[1] - 2 * MARGIN - FOOTER) / lay.height)
    return scale, lay.style.card_title_size * scale


def legible_choice(lay: MapLayout, options: PdfOptions) -> tuple[str, str]:
    """The smallest A-series page that prints the map legibly on one page, or else the poster
    (and how many sheets of this size it takes); in words, and as command-line options."""
    for name in ("A4", "A3", "A2", "A1", "A0"):
        for landscape in (True, False):
            trial = PdfOptions(name, landscape, False, options.report)
            if _title_pt(lay, trial)[1] >= legible_size(name):
                flags = f"--page-size {name}" + ("" if landscape else " --portrait")
                return f"one {name} {'landscape' if landscape else 'portrait'} page", flags
    size = page_size(options)
    frame_w, frame_h = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - FOOTER
    sheets = len(_sheets(lay, frame_w, frame_h, poster=True))
    return f"a poster of {sheets} {options.page_size} sheets (full size)", "--poster"


def legibility_note(
    journey: JourneyMap,
    options: PdfOptions,
    layout: MapLayout | None = None,
    command_line: bool = False,
) -> str:
    """A warning when one page shrinks card titles below print legibility, naming what prints
    it legibly (with the options that ask for it, on the command line); "" when fine."""
    if options.poster or options.sheets:
        return ""
    lay = layout or pdf_layout(journey)
    scale, title_pt = _title_pt(lay, options)
    if title_pt >= legible_size(options.page_size):
        return ""
    choice, flags = legible_choice(lay, options)
    if command_line and flags == "--poster":
        choice = choice.replace("(full size)", "(full size: --poster)")
    elif command_line:
        choice += f" ({flags}; or --poster)"
    return (
        f"on one {options.page_size} page the map is scaled to {scale:.0%} (card titles "
        f"{title_pt:.1f} pt, hard to read on paper): {choice} prints it legibly"
    )


class _Note(Flowable):
    """A line under the one-page map saying it is too small to read, and what would print it."""

    HEIGHT = 16.0

    def __init__(self, text: str, width: float) -> None:
        super().__init__()
        self.text, self.width, self.height = text, width, self.HEIGHT

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(HexColor("#b42318"))
        size = 9.0
        while size > 6 and c.stringWidth(self.text, REGULAR, size) > self.width:
            size -= 0.5
        c.setFont(REGULAR, size)
        c.drawCentredString(self.width / 2, 4, self.text)


def export_pdf(
    journey: JourneyMap, options: PdfOptions | None = None, layout: MapLayout | None = None
) -> bytes:
    """The PDF's bytes (build then attach the map); ValueError for an unknown page size.
    `layout` is pdf_layout(journey) when the caller already made it."""
    options = options or PdfOptions()
    size = page_size(options)
    register_fonts()
    lay = layout or pdf_layout(journey)
    frame_w, frame_h = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - FOOTER
    note = legibility_note(journey, options, lay)
    room = frame_h - (_Note.HEIGHT if note else 0.0)
    if not (options.poster or options.sheets):  # one page: the map fills it, title at the top
        lay = pdf_layout(journey, fill=(frame_w, room), natural=lay)
    sheets = _sheets(lay, frame_w, room, options.poster, options.sheets)
    story: list = [Bookmark("map", "Journey map")]
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story.append(sheet)
    if note:  # the paper itself says it is too small, and what would print it legibly
        story.append(_Note(f"Too small to read: {note}.", frame_w))
    if options.report:
        story += [
            NextPageTemplate("report"),
            PageBreak(),
            *about_the_map(journey),  # the stages follow on: no near-blank page after it
        ]
        report_w = report_page_size(options)[0] - 2 * MARGIN
        # what the room voted for, first: where a reader deciding what to fix looks
        story += vote_summary(journey, report_w)
        story.append(Bookmark("report", "Touchpoints by stage"))
        story += stage_sections(journey, report_w)
        story += [PageBreakIfNotEmpty(), *department_summary(journey, report_w)]
        for part in (blueprint_summary, evidence_summary, future_summary):
            pages = part(journey, report_w)
            if pages:
                story += [PageBreakIfNotEmpty(), *pages]
    buffer = io.BytesIO()
    attachment = map_to_bytes(journey)  # the PDF stays a map one can keep editing

    def canvas(*args, **kwargs) -> _CountingCanvas:
        return _CountingCanvas(*args, attachment=attachment, **kwargs)

    _Document(buffer, journey, size, report_page_size(options)).build(story, canvasmaker=canvas)
    return buffer.getvalue()
