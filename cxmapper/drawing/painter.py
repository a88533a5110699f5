"""What every painter draws with: the canvas (QPainter), the PDF (reportlab) and the SVG each
implement the small Painter protocol below, and the drawing functions of this package call only
it, so the screen and the paper show the same picture from the same numbers. A glyph (a face, an
icon, a flag) becomes the painter's primitives here, once, for every painter."""

from __future__ import annotations

from typing import Protocol

from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import INK, WHITE, Theme


class Painter(Protocol):
    theme: Theme  # the colours to draw in (LIGHT on paper; the screen follows the system)

    def rect(
        self,
        r: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 1,
        radius: float = 0,
        alpha: float = 1.0,
    ) -> None: ...

    def line(
        self,
        a: Point,
        b: Point,
        colour: str,
        width: float = 1,
        dashed: bool = False,
        round_cap: bool = False,
    ) -> None: ...

    def curve(
        self,
        start: Point,
        segments: list[tuple[Point, Point, Point]],
        colour: str,
        width: float,
        dashed: bool = False,
    ) -> None:
        """A path of cubic segments (control 1, control 2, end); dashed: in CURVE_DASH."""

    def text(
        self, text: str, box: Rect, size: float, bold: bool = False, colour: str = INK
    ) -> None:
        """One line, left-aligned, vertically centred in box (already fitted by the layout)."""

    def circle(
        self, centre: Point, r: float, fill: str | None, stroke: str | None, width: float
    ) -> None: ...

    def label(self, text: str, centre: Point, size: float, colour: str) -> None:
        """A short bold label centred on `centre` (a flag's "!", an icon's "@")."""

    def translate(self, dx: float, dy: float) -> None: ...


def draw_shapes(
    p: Painter, shapes: list[tuple], size: float, ink: str = INK, hair: float = 1.0
) -> None:
    """A glyph (drawing.glyphs: a face, an icon, a flag) as the painter's primitives, drawn the
    same by every painter: strokes in the ink colour, as wide as the glyph is big (a hair at
    least); filled circles big enough to need it get a dark outline; labels are bold, 80% of
    the size."""
    stroke_width = max(hair, size / 12)
    outline_width = max(0.8 * hair, size / 16)
    text_colour = WHITE
    for shape in shapes:
        kind = shape[0]
        if kind == "ink":
            ink = text_colour = shape[1]
        elif kind == "circle":
            _, cx, cy, r, fill = shape
            if not fill:
                p.circle(Point(cx, cy), r, None, ink, stroke_width)
            elif r > size / 8:
                p.circle(Point(cx, cy), r, fill, INK, outline_width)
            else:
                p.circle(Point(cx, cy), r, fill, None, 0)
        elif kind == "rect":
            _, x, y, w, h, fill = shape
            p.rect(Rect(x, y, w, h), fill or None, ink, stroke_width)
        elif kind == "line":
            _, x1, y1, x2, y2 = shape
            p.line(Point(x1, y1), Point(x2, y2), ink, stroke_width, round_cap=True)
        elif kind == "curve":  # a quadratic Bezier, as the cubic every painter knows
            _, x1, y1, qx, qy, x2, y2 = shape
            c1 = Point(x1 + 2 / 3 * (qx - x1), y1 + 2 / 3 * (qy - y1))
            c2 = Point(x2 + 2 / 3 * (qx - x2), y2 + 2 / 3 * (qy - y2))
            p.curve(Point(x1, y1), [(c1, c2, Point(x2, y2))], ink, stroke_width)
        elif kind == "text":
            _, x, y, text = shape
            p.label(text, Point(x, y), size * 0.8, text_colour)


def text_lines(
    p: Painter,
    lines: list[str],
    box: Rect,
    size: float,
    line_height: float,
    bold: bool = False,
    colour: str = INK,
) -> None:
    """Lines of text from the top of `box`, one per line height (already fitted by the layout)."""
    for i, line in enumerate(lines):
        p.text(line, Rect(box.x, box.y + i * line_height, box.w, line_height), size, bold, colour)


def inset(r: Rect, by: float) -> Rect:
    """`r` shrunk by `by` on every side."""
    return Rect(r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by)
