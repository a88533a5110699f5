"""The map's sheets: the whole map scaled onto one page, or a poster tiled across sheets at full
size (or fitted to a number of sheets), each overlapping its neighbours to be taped together,
with crop marks, a "row r of R, column c of C" label, and the stage headers and department names
repeated at its edges so every sheet reads on its own."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from cxmapper.drawing.curve import smooth_curve
from cxmapper.drawing.lanes import (
    draw_blueprint_gutter,
    draw_lane,
    draw_row_label,
    draw_stage_header,
)
from cxmapper.drawing.map import draw_map
from cxmapper.export.fonts import REGULAR, pdf_fitter, runs
from cxmapper.export.pdf_document import STAMP_SAMPLE, footer_text
from cxmapper.export.pdf_painter import PdfPainter, map_frame
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Rect
from cxmapper.layout.journey_layout import header_part
from cxmapper.layout.style import MUTED_INK

OVERLAP = 24.0  # points of map repeated on neighbouring poster sheets, to tape them together


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
            footer_text(c, text, 0, self.height + 10)
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


def _spans(length: float, first: float, rest: float) -> list[tuple[float, float]]:
    """(start, size) of consecutive windows over `length`, overlapping by OVERLAP. A last strip
    narrower than the overlap is only the padding at a column's edge: no sheet for it."""
    spans = [(0.0, first)]
    while spans[-1][0] + spans[-1][1] < length - OVERLAP:
        start = spans[-1][0] + spans[-1][1] - OVERLAP
        spans.append((start, rest))
    return spans


def drawn_parts(lay: MapLayout) -> list[Rect]:
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


def map_sheets(
    lay: MapLayout,
    frame_w: float,
    frame_h: float,
    poster: bool,
    sheets: tuple[int, int] | None = None,
) -> list[MapSheet]:
    """The sheets to print in a frame (a page's printable part, in points): the whole map scaled
    to fit one, or the poster's tiles at full size, or fitted to `sheets` (columns, rows)."""
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
    drawn = drawn_parts(lay)
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
