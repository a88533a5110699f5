"""The Painter protocol (drawing/painter.py) on a reportlab canvas: the map drawn as PDF vector
operators.

Map coordinates have y going down; the painter works inside a flipped, scaled frame set up by
`map_frame`, and flips text back upright glyph run by glyph run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from cxmapper.export.fonts import FALLBACKS, runs
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import CURVE_DASH, INK, LIGHT

ASCENT, DESCENT = 0.928, 0.236  # DejaVu Sans, as fractions of the font size
KAPPA = 0.5522847498  # a quarter circle's Bezier control points, as a fraction of the radius


@lru_cache(maxsize=256)
def rl_colour(hex_colour: str) -> HexColor:
    """A reportlab colour, parsed once (a map draws the same few colours thousands of times)."""
    return HexColor(hex_colour)


@contextmanager
def map_frame(c: Canvas, x: float, top: float, scale: float) -> Iterator[None]:
    """Draw in map coordinates: map (0, 0) at page point (x, top), y downwards, scaled."""
    c.saveState()
    c.translate(x, top)
    c.scale(scale, -scale)
    try:
        yield
    finally:
        c.restoreState()


def draw_runs(c: Canvas, line, text: str, size: float, bold: bool, colour: str) -> None:
    """Text into a text object run by run. The Chinese, Japanese and Korean fonts have no bold:
    their bold is drawn filled and outlined in the text colour (PDF text render mode 2)."""
    for font, piece in runs(text, bold):
        line.setFont(font, size)
        fake_bold = bold and font in FALLBACKS
        if fake_bold:
            c.setLineWidth(size * 0.04)
            line.setStrokeColor(rl_colour(colour))
            line.setTextRenderMode(2)
        line.textOut(piece)
        if fake_bold:
            line.setTextRenderMode(0)


class PdfPainter:
    theme = LIGHT  # paper is always light

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

    def rect(
        self,
        r: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 1,
        radius: float = 0,
        alpha: float = 1.0,
    ) -> None:
        c = self.c
        # Each primitive sets the colours and width it uses, so only a translucent fill needs
        # its state saved and restored (thousands of q/Q pairs less on a big map).
        translucent = fill is not None and alpha < 1
        if translucent:
            c.saveState()
        if fill is not None:
            c.setFillColor(rl_colour(fill))  # (this sets the alpha too: the colour's own)
        if translucent:
            c.setFillAlpha(alpha)
        if stroke is not None:
            c.setStrokeColor(rl_colour(stroke))
            c.setLineWidth(width)
        if radius:
            c.roundRect(
                r.x,
                r.y,
                r.w,
                r.h,
                radius,
                stroke=int(stroke is not None),
                fill=int(fill is not None),
            )
        else:
            c.rect(r.x, r.y, r.w, r.h, stroke=int(stroke is not None), fill=int(fill is not None))
        if translucent:
            c.restoreState()

    def line(
        self,
        a: Point,
        b: Point,
        colour: str,
        width: float = 1,
        dashed: bool = False,
        round_cap: bool = False,
    ) -> None:
        c = self.c
        c.saveState()
        if round_cap:
            c.setLineCap(1)
        c.setStrokeColor(rl_colour(colour))
        c.setLineWidth(width)
        if dashed:
            c.setDash(4, 3)
        c.line(a.x, a.y, b.x, b.y)
        c.restoreState()

    def curve(
        self, start: Point, segments, colour: str, width: float, dashed: bool = False
    ) -> None:
        c = self.c
        c.saveState()
        c.setStrokeColor(rl_colour(colour))
        c.setLineWidth(width)
        c.setLineCap(1)
        if dashed:
            c.setDash([k * width for k in CURVE_DASH])
        path = c.beginPath()
        path.moveTo(start.x, start.y)
        for c1, c2, end in segments:
            path.curveTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    def _string(
        self, text: str, x: float, baseline: float, size: float, bold: bool, colour: str
    ) -> None:
        c = self.c
        c.saveState()
        c.translate(x, baseline)
        c.scale(1, -1)
        line = c.beginText(0, 0)
        line.setFillColor(rl_colour(colour))
        draw_runs(c, line, text, size, bold, colour)
        c.drawText(line)
        c.restoreState()

    def text(
        self, text: str, box: Rect, size: float, bold: bool = False, colour: str = INK
    ) -> None:
        if text:
            baseline = box.y + (box.h - (ASCENT + DESCENT) * size) / 2 + ASCENT * size
            self._string(text, box.x, baseline, size, bold, colour)

    def circle(
        self, centre: Point, r: float, fill: str | None, stroke: str | None, width: float
    ) -> None:
        c = self.c
        if fill:
            c.setFillColor(rl_colour(fill))
        if stroke:
            c.setStrokeColor(rl_colour(stroke))
            c.setLineWidth(width)
        # The four quarter arcs written out at once: a map draws thousands of faces and flags,
        # and reportlab's general ellipse costs twice as much for the same operators.
        x, y, k = centre.x, centre.y, r * KAPPA
        paint = "b" if fill and stroke else ("f" if fill else "s")  # closed, filled, outlined
        c._code.append(
            fp_str(x + r, y)
            + " m "
            + fp_str(x + r, y + k, x + k, y + r, x, y + r)
            + " c "
            + fp_str(x - k, y + r, x - r, y + k, x - r, y)
            + " c "
            + fp_str(x - r, y - k, x - k, y - r, x, y - r)
            + " c "
            + fp_str(x + k, y - r, x + r, y - k, x + r, y)
            + " c "
            + paint
        )

    def label(self, text: str, centre: Point, size: float, colour: str) -> None:
        width = sum(pdfmetrics.stringWidth(p, f, size) for f, p in runs(text, True))
        baseline = centre.y - (ASCENT + DESCENT) * size / 2 + ASCENT * size
        self._string(text, centre.x - width / 2, baseline, size, True, colour)

    def translate(self, dx: float, dy: float) -> None:
        self.c.translate(dx, dy)
