"""The whole map as SVG: vector shapes and real text (searchable, selectable), drawn by the same
cxmapper.drawing functions as the screen and the PDF, with the PDF's text measurements.

Every piece of user text is escaped and stripped of characters XML cannot hold, so a title like
`</text><script>` stays text.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from cxmapper.drawing.map import draw_map
from cxmapper.export.paper import pdf_layout
from cxmapper.export.pdf_painter import ASCENT, DESCENT
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import CURVE_DASH, INK, LIGHT, UNASSIGNED_COLOUR
from cxmapper.model.journey import JourneyMap

FONT_FAMILY = "'DejaVu Sans', 'Droid Sans Fallback', 'NanumGothic', Verdana, sans-serif"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def _c(colour: str) -> str:
    """A colour as an attribute can hold it (the model only has #rrggbb; anything else is grey)."""
    return colour if _COLOUR.fullmatch(colour or "") else UNASSIGNED_COLOUR


def _n(value: float) -> str:
    """A coordinate, short: 12, 12.5, 12.25."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class SvgPainter:
    """The layout's Painter protocol writing SVG elements."""

    theme = LIGHT  # paper is always light

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.dx = 0.0
        self.dy = 0.0

    def _xy(self, x: float, y: float) -> tuple[str, str]:
        return _n(x + self.dx), _n(y + self.dy)

    def rect(self, r: Rect, fill, stroke=None, width: float = 1, radius: float = 0, alpha=1.0):
        x, y = self._xy(r.x, r.y)
        attrs = [f'x="{x}" y="{y}" width="{_n(r.w)}" height="{_n(r.h)}"']
        if radius:
            attrs.append(f'rx="{_n(radius)}"')
        attrs.append(f'fill="{_c(fill)}"' if fill else 'fill="none"')
        if fill and alpha < 1:
            attrs.append(f'fill-opacity="{_n(alpha)}"')
        if stroke:
            attrs.append(f'stroke="{_c(stroke)}" stroke-width="{_n(width)}"')
        self.parts.append(f"<rect {' '.join(attrs)}/>")

    def line(self, a: Point, b: Point, colour: str, width=1, dashed=False, round_cap=False):
        x1, y1 = self._xy(a.x, a.y)
        x2, y2 = self._xy(b.x, b.y)
        extra = ' stroke-dasharray="4 3"' if dashed else ""
        extra += ' stroke-linecap="round"' if round_cap else ""
        self.parts.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{_c(colour)}" '
            f'stroke-width="{_n(width)}"{extra}/>'
        )

    def curve(
        self, start: Point, segments, colour: str, width: float, dashed: bool = False
    ) -> None:
        dash = ""
        if dashed:
            dash = ' stroke-dasharray="{} {}"'.format(*(_n(k * width) for k in CURVE_DASH))
        d = ["M{} {}".format(*self._xy(start.x, start.y))]
        for c1, c2, end in segments:
            d.append(
                "C{} {} {} {} {} {}".format(
                    *self._xy(c1.x, c1.y), *self._xy(c2.x, c2.y), *self._xy(end.x, end.y)
                )
            )
        self.parts.append(
            f'<path d="{" ".join(d)}" fill="none" stroke="{_c(colour)}" '
            f'stroke-width="{_n(width)}" stroke-linecap="round"{dash}/>'
        )

    def circle(self, centre: Point, r: float, fill, stroke, width: float) -> None:
        cx, cy = self._xy(centre.x, centre.y)
        paint = f'fill="{_c(fill)}"' if fill else 'fill="none"'
        if stroke:
            paint += f' stroke="{_c(stroke)}" stroke-width="{_n(width)}"'
        self.parts.append(f'<circle cx="{cx}" cy="{cy}" r="{_n(r)}" {paint}/>')

    def _string(
        self,
        text: str,
        x: float,
        baseline: float,
        size: float,
        bold: bool,
        colour: str,
        anchor: str = "",
    ) -> None:
        sx, sy = self._xy(x, baseline)
        attrs = f'x="{sx}" y="{sy}" font-size="{_n(size)}"'
        if bold:
            attrs += ' font-weight="bold"'
        if colour != INK:
            attrs += f' fill="{_c(colour)}"'
        if anchor:
            attrs += f' text-anchor="{anchor}"'
        self.parts.append(f"<text {attrs}>{_text(text)}</text>")

    def text(self, text: str, box: Rect, size: float, bold: bool = False, colour: str = INK):
        if text:
            baseline = box.y + (box.h - (ASCENT + DESCENT) * size) / 2 + ASCENT * size
            self._string(text, box.x, baseline, size, bold, colour)

    def label(self, text: str, centre: Point, size: float, colour: str) -> None:
        baseline = centre.y - (ASCENT + DESCENT) * size / 2 + ASCENT * size
        self._string(text, centre.x, baseline, size, True, colour, anchor="middle")

    def translate(self, dx: float, dy: float) -> None:
        self.dx += dx
        self.dy += dy


def export_svg(journey: JourneyMap, layout: MapLayout | None = None) -> bytes:
    """The map as a standalone SVG document (UTF-8), one map unit a CSS pixel."""
    lay = layout or pdf_layout(journey)
    painter = SvgPainter()
    draw_map(lay, painter)
    w, h = _n(lay.width), _n(lay.height)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family={quoteattr(FONT_FAMILY)} fill="{INK}" '
        'xml:space="preserve">\n'
        f"<title>{_text(journey.title)}</title>\n"
    )
    return (head + "\n".join(painter.parts) + "\n</svg>\n").encode("utf-8")
