"""One touchpoint in the report, drawn directly: its title beside its face and its owner's
colour, then its notes as label / text rows. The text is wrapped with the same code and fonts as
the map (layout/text.py, the PDF's metrics), with no table of paragraphs (the report of 500
touchpoints built 501 tables of 8,700 paragraphs). A note longer than the rest of a page goes on
on the next one, its title repeated with "(continued)"; a title is never left alone at a page
foot.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from cxmapper.drawing import glyphs
from cxmapper.drawing.painter import draw_shapes
from cxmapper.export.fonts import pdf_fitter
from cxmapper.export.pdf_painter import PdfPainter, draw_runs, map_frame, rl_colour
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import INK, LIGHT, MUTED_INK

TITLE_SIZE, TITLE_LEADING = 11.0, 14.0
LABEL_SIZE, LABEL_LEADING = 8.5, 11.0
TEXT_SIZE, TEXT_LEADING = 9.5, 12.5
LABEL_WIDTH = 110.0
FACE = 12.0
SPACE_BEFORE = 10.0
ROW_PADDING = 3.0
RULE = LIGHT.level_line
QUOTE_RULE = LIGHT.rule
MOST_LINES = 100_000


@dataclass(frozen=True)
class Line:
    text: str
    indent: float = 0.0


@dataclass(frozen=True)
class Row:
    label: tuple[str, ...]  # the label's lines (empty on a row continued from a page before)
    lines: tuple[Line, ...]
    quote: bool = False  # the customer's own words: set off by a rule

    @property
    def height(self) -> float:
        return (
            max(len(self.label) * LABEL_LEADING, len(self.lines) * TEXT_LEADING) + 2 * ROW_PADDING
        )


KEEP_TOGETHER = 220.0  # points: a note no taller than this is never split across pages


def wrapped(text: str, width: float, bullet: bool = False) -> tuple[Line, ...]:
    """Lines of at most `width`; line breaks kept; a bullet's lines hang under its text."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        if bullet:
            first, *rest = pdf_fitter().wrap(paragraph, width - 10, TEXT_SIZE, MOST_LINES)
            lines.append(Line(f"• {first}"))
            lines += [Line(piece, 10.0) for piece in rest]
        else:
            lines += [Line(p) for p in pdf_fitter().wrap(paragraph, width, TEXT_SIZE, MOST_LINES)]
    return tuple(lines)


def row(label: str, text: str, width: float) -> Row:
    label_lines = tuple(pdf_fitter().wrap(label, LABEL_WIDTH - 6, LABEL_SIZE, 4))
    return Row(label_lines, wrapped(text, width - LABEL_WIDTH))


def list_row(label: str, items: list[str], width: float, quote: bool = False) -> Row:
    label_lines = tuple(pdf_fitter().wrap(label, LABEL_WIDTH - 6, LABEL_SIZE, 4))
    lines: list[Line] = []
    for item in items:
        if quote:
            lines += wrapped(f"“{item}”", width - LABEL_WIDTH - 8)
        else:
            lines += wrapped(item, width - LABEL_WIDTH, bullet=True)
    return Row(label_lines, tuple(lines), quote)


def _text(lines, text: str, x: float, baseline: float, size: float, bold: bool, colour: str):
    """One line into the note's text object, its font runs (CJK, Hangul) following each other,
    so a reader copies or searches it as the line it is."""
    lines.setTextOrigin(x, baseline)
    lines.setFillColor(rl_colour(colour))
    draw_runs(lines._canvas, lines, text, size, bold, colour)


class TouchpointNote(Flowable):
    def __init__(
        self,
        title: str,
        feeling: int | None,
        colour: str,
        rows: list[Row],
        width: float,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.title, self.feeling, self.colour = title, feeling, colour
        self.rows, self.width, self.continued = rows, width, continued
        shown = f"{title} (continued)" if continued else title
        self.title_lines = pdf_fitter().wrap(shown, width - FACE - 10, TITLE_SIZE, 3, bold=True)
        self.head = SPACE_BEFORE + len(self.title_lines) * TITLE_LEADING + 2
        self.height = self.head + sum(r.height for r in rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The rows (and lines) that fit here, and the rest continued on the next page; nothing
        (move it all on) when not even the title and a line of its notes fit."""
        if self.height <= KEEP_TOGETHER:
            return []  # a short note moves on whole: no page holding only its last row
        room = avail_height - self.head
        first: list[Row] = []
        for index, r in enumerate(self.rows):
            if r.height <= room:
                first.append(r)
                room -= r.height
                continue
            fits = int((room - 2 * ROW_PADDING) // TEXT_LEADING)
            if fits >= 1 and len(r.lines) > fits:
                first.append(Row(r.label, r.lines[:fits], r.quote))
                rest = [Row((), r.lines[fits:], r.quote), *self.rows[index + 1 :]]
            else:
                rest = list(self.rows[index:])
            if not first:
                return []
            return [self._part(first, self.continued), self._part(rest, True)]
        return [self]

    def _part(self, rows: list[Row], continued: bool) -> TouchpointNote:
        return TouchpointNote(self.title, self.feeling, self.colour, rows, self.width, continued)

    def draw(self) -> None:
        c = self.canv
        top = self.height - SPACE_BEFORE
        c.saveState()
        title_height = len(self.title_lines) * TITLE_LEADING
        c.setFillColor(rl_colour(self.colour))  # the owner's colour, as on the map
        c.rect(0, top - title_height, 3, title_height, stroke=0, fill=1)
        face_box = Rect(8, 0, FACE, FACE)
        with map_frame(c, 0, top - (TITLE_LEADING - FACE) / 2, 1):
            shapes = (
                glyphs.unrated(face_box)
                if self.feeling is None
                else glyphs.face(face_box, self.feeling)
            )
            draw_shapes(PdfPainter(c), shapes, FACE)
        text = c.beginText()  # all of the note's text in one text object: far fewer operators
        for i, line in enumerate(self.title_lines):
            baseline = top - (i + 1) * TITLE_LEADING + 3.5
            _text(text, line, 8 + FACE + 6, baseline, TITLE_SIZE, True, INK)
        y = top - title_height - 2
        for r in self.rows:
            for i, label in enumerate(r.label):
                baseline = y - ROW_PADDING - (i + 1) * LABEL_LEADING + 2.5
                _text(text, label, 2, baseline, LABEL_SIZE, False, MUTED_INK)
            left = LABEL_WIDTH + (8 if r.quote else 0)
            for i, line in enumerate(r.lines):
                baseline = y - ROW_PADDING - (i + 1) * TEXT_LEADING + 3
                _text(text, line.text, left + line.indent, baseline, TEXT_SIZE, False, INK)
            y -= r.height
        c.drawText(text)
        y = top - title_height - 2
        for r in self.rows:
            if r.quote and r.lines:
                c.setStrokeColor(rl_colour(QUOTE_RULE))
                c.setLineWidth(1.5)
                bottom = y - r.height + ROW_PADDING
                c.line(LABEL_WIDTH + 2, y - ROW_PADDING, LABEL_WIDTH + 2, bottom)
            y -= r.height
            c.setStrokeColor(rl_colour(RULE))
            c.setLineWidth(0.25)
            c.line(0, y, self.width, y)
        c.restoreState()
