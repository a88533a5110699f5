"""How a laid-out map is drawn, once, for every painter: the canvas (QPainter) and the PDF
(reportlab) each implement the small Painter protocol below and call these functions, so the
screen and the paper show the same picture from the same numbers."""

from __future__ import annotations

from typing import Protocol

from cxmapper.layout import glyphs
from cxmapper.layout.blueprint import NO_LAYER
from cxmapper.layout.boxes import CardContent, FeelingPoint, Handoff, MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import INK, PAPER, UNASSIGNED_COLOUR, VOTE_DOT, WHITE, Style, Theme


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
    """A glyph (layout.glyphs: a face, an icon, a flag) as the painter's primitives, drawn the
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
    for i, line in enumerate(lines):
        p.text(line, Rect(box.x, box.y + i * line_height, box.w, line_height), size, bold, colour)


def draw_backdrop(lay: MapLayout, p: Painter, visible: Rect | None = None) -> None:
    """Everything that does not move on its own: header, stages, emotion lane, lanes, legend."""
    s, th = lay.style, p.theme
    p.rect(Rect(0, 0, lay.width, lay.height), th.paper)
    h = lay.header
    p.text(h.title, h.title_box, s.title_size, bold=True, colour=th.ink)
    for text, box in h.lines:
        p.text(text, box, s.subtitle_size, colour=th.muted)

    for i, stage in enumerate(lay.stages):
        if visible is not None and not stage.column.overlaps(visible):
            continue
        p.rect(stage.column, th.stage_tints[i % 2])
        draw_stage_header(lay, p, i)
        p.line(
            Point(stage.column.right, stage.column.y),
            Point(stage.column.right, stage.column.bottom),
            th.grid,
            s.hair,
        )

    draw_emotion_lane(lay, p)
    for i in range(len(lay.lanes)):
        if visible is None or lay.lanes[i].rect.overlaps(visible):
            draw_lane(lay, p, i)
    for i in range(len(lay.rows)):
        if visible is None or lay.rows[i].rect.overlaps(visible):
            draw_row(lay, p, i)
    for i in range(len(lay.blueprint_lines)):
        if visible is None or lay.blueprint_lines[i].band.overlaps(visible):
            draw_blueprint_line(lay, p, i)
    draw_legend(lay, p)


def draw_blueprint_line(lay: MapLayout, p: Painter, index: int) -> None:
    """A line of the blueprint across the map, named in the gutter. The lanes in no layer
    get a thin dashed one: not a line of the blueprint, only where the layers end."""
    s, line = lay.style, lay.blueprint_lines[index]
    a = Point(line.band.x + s.lane_label_width, line.y)
    b = Point(line.band.right, line.y)
    if line.name == NO_LAYER:
        p.line(a, b, p.theme.muted, s.hair, dashed=True)
    else:
        p.line(a, b, p.theme.ink, s.blueprint_line_width)
    draw_blueprint_gutter(lay, p, index)


def draw_blueprint_gutter(
    lay: MapLayout, p: Painter, index: int, gutter: Rect | None = None
) -> None:
    """A blueprint line's name in the gutter (at `gutter`: kept in view, or repeated at a
    poster sheet's edge), the line running on from it."""
    s, line = lay.style, lay.blueprint_lines[index]
    th, band = p.theme, line.band
    box = gutter or Rect(band.x, band.y, s.lane_label_width, band.h)
    p.rect(box, th.feeling_band)
    label = line.labels[0]
    text = Rect(box.x + s.label_gap, label.y, label.w, label.h)
    lh = s.line_height(s.blueprint_line_size)
    colour = th.muted if line.name == NO_LAYER else th.ink
    text_lines(p, line.name_lines, text, s.blueprint_line_size, lh, True, colour)


def draw_stage_header(
    lay: MapLayout,
    p: Painter,
    index: int,
    head: Rect | None = None,
    lines: tuple[list[str], list[str], float] | None = None,
) -> None:
    """A stage's header at `head` (default: its own), with `lines` (name, goal, name size)
    fitted to it when it is only part of the header (a poster sheet beginning inside it)."""
    s, stage = lay.style, lay.stages[index]
    head = head or stage.header
    name_lines, goal_lines, size = lines or (stage.name_lines, stage.goal_lines, 0.0)
    p.rect(head, p.theme.header_tints[index % 2])
    size = size or stage.name_size or s.stage_name_size
    lh = s.line_height(size)
    i8 = s.label_inset
    name_box = Rect(head.x + i8, head.y + i8, head.w - 2 * i8, lh * 2)
    text_lines(p, name_lines, name_box, size, lh, True, p.theme.ink)
    if goal_lines:
        gh = s.line_height(s.stage_goal_size)
        n = len(goal_lines)
        text_lines(
            p,
            goal_lines,
            Rect(head.x + i8, head.bottom - i8 - n * gh, head.w - 2 * i8, n * gh),
            s.stage_goal_size,
            gh,
            colour=p.theme.muted,
        )


def draw_emotion_lane(lay: MapLayout, p: Painter) -> None:
    s, band = lay.style, lay.emotion
    for feeling, _word, _box in lay.level_labels:
        y = lay.level_y[feeling]
        p.line(
            Point(lay.timeline.x, y),
            Point(lay.timeline.right, y),
            p.theme.neutral_line if feeling == 0 else p.theme.level_line,
            s.hair,
            dashed=feeling != 0,
        )
    draw_feeling_labels(lay, p)
    p.line(Point(band.x, band.bottom), Point(band.right, band.bottom), p.theme.rule, s.rule_width)


def draw_feeling_labels(lay: MapLayout, p: Painter, dx: float = 0.0) -> None:
    """The feeling lane's name and its five levels (face and word) in the gutter, `dx` to the
    right of their place (kept in view when the map scrolls sideways)."""
    s, band = lay.style, lay.emotion
    p.rect(Rect(band.x + dx, band.y, s.lane_label_width, band.h), p.theme.feeling_band)
    name = lay.emotion_label
    text_lines(
        p,
        lay.emotion_label_lines,
        Rect(name.x + dx, name.y, name.w, name.h),
        s.feeling_name_size,
        s.feeling_name_line,
        True,
        p.theme.ink,
    )
    for feeling, word, box in lay.level_labels:
        y = lay.level_y[feeling]
        k = s.level_face_size
        draw_shapes(p, glyphs.face(Rect(box.x + dx, y - k / 2, k, k), feeling), k, hair=s.hair)
        to_word = k + s.note_pad
        p.text(
            word,
            Rect(box.x + dx + to_word, box.y, box.w - to_word, box.h),
            s.level_label_size,
            colour=p.theme.muted,
        )


def draw_lane(lay: MapLayout, p: Painter, index: int, label: Rect | None = None) -> None:
    """A swimlane's label (at `label`, e.g. repeated at a poster tile's edge) and its rule."""
    s, lane = lay.style, lay.lanes[index]
    box = label or lane.label
    p.rect(box, lane.colour, alpha=0.13)
    p.rect(Rect(box.x, box.y, s.label_bar, box.h), lane.colour)
    size = lane.label_size or s.lane_label_size  # smaller for a long word
    lh = s.line_height(size)
    n = len(lane.label_lines)
    text_lines(
        p,
        lane.label_lines,
        Rect(box.x + s.lane_text_left, box.center.y - lh * n / 2, s.lane_text_width, lh * n),
        size,
        lh,
        bold=True,
        colour=p.theme.ink,
    )
    if label is None:
        rule = p.theme.grid
        bottom = lane.rect.bottom
        p.line(Point(lane.rect.x, bottom), Point(lane.rect.right, bottom), rule, s.hair)


def draw_row_label(lay: MapLayout, p: Painter, index: int, label: Rect | None = None) -> None:
    """A row's name in the gutter (at `label`, e.g. repeated at a poster tile's edge)."""
    s, row = lay.style, lay.rows[index]
    box = label or row.label
    p.rect(box, row.colour, alpha=0.10)
    p.rect(Rect(box.x, box.y, s.label_bar, box.h), row.colour, alpha=0.6)
    lh = s.line_height(s.row_label_size)
    n = len(row.label_lines)
    top = box.y + min(box.h / 2 - lh * n / 2, s.label_inset)  # near the top of a tall row
    inner = Rect(box.x + s.label_bar + s.row_label_inset, top, s.row_text_width, lh * n)
    text_lines(p, row.label_lines, inner, s.row_label_size, lh, bold=True, colour=p.theme.ink)


def draw_row(lay: MapLayout, p: Painter, index: int) -> None:
    """A row under the lanes: its name, then each touchpoint's notes in a tinted box."""
    s, row = lay.style, lay.rows[index]
    draw_row_label(lay, p, index)
    lh = s.line_height(s.row_note_size)
    for note in row.notes:
        p.rect(note.rect, row.colour, alpha=0.08, radius=s.note_radius)
        p.rect(Rect(note.rect.x, note.rect.y, s.note_bar, note.rect.h), row.colour)
        inner = _inset(note.rect, s.note_pad)
        text_lines(p, note.lines, inner, s.row_note_size, lh, colour=p.theme.ink)
    rule = p.theme.grid
    p.line(Point(row.rect.x, row.rect.bottom), Point(row.rect.right, row.rect.bottom), rule, s.hair)


def draw_legend(lay: MapLayout, p: Painter) -> None:
    s = lay.style
    colours = {lane.department_id: lane.colour for lane in lay.lanes}
    for entry in lay.legend:
        sw = entry.swatch
        if sw is not None:
            if entry.kind == "feeling":
                draw_shapes(p, glyphs.face(sw, int(entry.key)), sw.w, hair=s.hair)
            elif entry.kind == "department":
                p.rect(sw, colours.get(entry.key, UNASSIGNED_COLOUR))
            elif entry.kind == "channel":
                draw_shapes(p, glyphs.channel_icon(sw, entry.key), sw.w, p.theme.ink, s.hair)
            elif entry.kind == "badge":
                draw_shapes(p, glyphs.badge(sw, entry.key), sw.w, hair=s.hair)
            elif entry.kind == "votes":
                draw_sticker(p, sw, s)
            elif entry.kind == "evidence":
                draw_shapes(p, glyphs.evidence(sw, entry.key), sw.w, hair=s.hair)
            elif entry.kind == "curve":
                future = entry.key == "future"
                colour = p.theme.future if future else p.theme.curve
                a, b = Point(sw.x, sw.center.y), Point(sw.right, sw.center.y)
                p.curve(a, [(a, b, b)], colour, s.curve_width, future)
            elif entry.kind == "handoff":
                draw_handoff(_legend_arrow(sw, s), p, s)
        heading = entry.kind == "heading"
        p.text(
            entry.label,
            entry.text,
            s.legend_size,
            bold=heading,
            colour=p.theme.ink if heading else p.theme.muted,
        )


def draw_card(c: CardContent, p: Painter, s: Style, selected: bool = False) -> None:
    """A card in its own coordinates (0, 0 at its top-left corner)."""
    outline = Rect(0, 0, c.width, c.height)
    band = c.stripe
    th = p.theme
    corner = s.card_radius
    p.rect(outline, th.card, radius=corner)
    p.rect(band, c.colour, radius=corner)  # the owner's band, rounded on top...
    p.rect(Rect(0, band.h / 2, band.w, band.h / 2), c.colour)  # ...and square below
    p.rect(
        outline,
        None,
        th.selection if selected else th.card_border,
        s.selection_width if selected else s.hair,
        radius=corner,
    )
    if c.channel_icon:  # on a white disc, to read on any owner's colour
        rim = s.mark_gap / 2
        centre, r = c.icon.center, c.icon.w / 2 + rim
        p.circle(centre, r, PAPER, None, 0)  # white on any theme: the icon is drawn in ink
        icon = glyphs.channel_icon(_inset(c.icon, rim), c.channel_icon)
        draw_shapes(p, icon, c.icon.w - 2 * rim, hair=s.hair)
    line_height = s.line_height(s.card_title_size)
    text_lines(p, c.title_lines, c.title, c.title_size, line_height, bold=True, colour=th.ink)
    if c.face is not None and c.feeling is not None:
        draw_shapes(p, glyphs.face(c.face, c.feeling), c.face.w, hair=s.hair)
    if c.emotion_line:
        p.text(c.emotion_line, c.emotion, c.emotion_size or s.card_note_size, colour=th.muted)
    for kind, rect in c.badges:  # (outlined in ink: they read on any owner's colour)
        draw_shapes(p, glyphs.badge(rect, kind), rect.w, WHITE, s.hair)
    if c.evidence and c.evidence_box is not None:
        box = c.evidence_box
        draw_shapes(p, glyphs.evidence(box, c.evidence), box.w, hair=s.hair)
    if c.state_tag and c.state_box is not None:  # white on any owner's colour, like the icon
        tag = c.state_box
        p.rect(tag, PAPER, INK, s.hair, radius=tag.h / 2)
        inner = Rect(tag.x + s.label_gap, tag.y, tag.w - s.label_gap, tag.h)
        p.text(c.state_tag, inner, s.card_tag_size, True, INK)
    if c.votes and c.votes_box is not None:
        draw_sticker(p, c.votes_box, s, c.votes_label, c.votes_text, c.votes_size)


def draw_sticker(
    p: Painter,
    box: Rect,
    s: Style,
    count: str = "",
    text: Rect | None = None,
    size: float = 0.0,
) -> None:
    """A voting sticker, as a room sticks on a wall: a dark dot (a pill for a wide count) in a
    thin white ring, reading on any owner's colour, and the count in white bold."""
    p.rect(box, WHITE, radius=box.h / 2)
    inner = _inset(box, s.vote_ring)
    p.rect(inner, VOTE_DOT, radius=inner.h / 2)
    if count and text is not None:
        p.text(count, text, size, True, WHITE)


def _inset(r: Rect, by: float) -> Rect:
    return Rect(r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by)


def draw_feeling(
    point: FeelingPoint,
    p: Painter,
    s: Style,
    feeling: int | None = None,
    at: Point | None = None,
    highlighted: bool = False,
) -> None:
    """A face (or the "?" of a touchpoint not rated yet) centred on `at` (default: its point)."""
    centre = at or point.center
    feeling = point.feeling if feeling is None and at is None else feeling
    r = point.radius if feeling is None else s.face_size / 2
    if highlighted:
        ring = r + s.mark_gap
        p.rect(
            Rect(centre.x - ring, centre.y - ring, 2 * ring, 2 * ring),
            None,
            p.theme.selection,
            s.selection_width,
            radius=ring,
        )
    box = Rect(centre.x - r, centre.y - r, 2 * r, 2 * r)
    shapes = glyphs.unrated(box) if feeling is None else glyphs.face(box, feeling)
    draw_shapes(p, shapes, 2 * r, hair=s.hair)


def _legend_arrow(sw: Rect, s: Style) -> Handoff:
    y, k = sw.center.y, s.handoff_head * 0.7
    a, b = Point(sw.x, y), Point(sw.right, y)
    return Handoff("", "", a, a, b, b, (Point(b.x - k, y - k * 0.6), Point(b.x - k, y + k * 0.6)))


def draw_handoff(h: Handoff, p: Painter, s: Style) -> None:
    """A "leads to" arrow, from one card's edge to the next one's."""
    colour, width = p.theme.handoff, s.handoff_width
    p.curve(h.start, [(h.c1, h.c2, h.end)], colour, width)
    for tip in h.head:
        p.line(tip, h.end, colour, width, round_cap=True)


def draw_map(
    lay: MapLayout,
    p: Painter,
    visible: Rect | None = None,
    curve: list[tuple[Point, Point, Point]] | None = None,
) -> None:
    """The whole map, as printed: backdrop, curves, handoffs, cards, faces."""
    s = lay.style
    draw_backdrop(lay, p, visible)
    if lay.future_points:  # both states: the future's curve, dashed, under today's
        future = [pt.center for pt in lay.future_points]
        _curve(p, future, glyphs.smooth_curve(future), p.theme.future, True, s, visible)
        for pt in lay.future_points:
            if visible is None or visible.x - pt.radius <= pt.center.x <= visible.right + pt.radius:
                draw_future_mark(pt, p, s)
    centres = [pt.center for pt in lay.points]
    # A poster draws many sheets of one map: pass the curve in to compute it once.
    segments = curve if curve is not None else glyphs.smooth_curve(centres)
    future_only = lay.curves == "future"
    colour = p.theme.future if future_only else p.theme.curve
    _curve(p, centres, segments, colour, future_only, s, visible)
    points = lay.points
    if visible is not None:
        left, right = visible.x - s.face_size / 2, visible.right + s.face_size / 2
        points = [pt for pt in points if left <= pt.center.x <= right]
    for handoff in lay.handoffs:
        draw_handoff(handoff, p, s)
    for card in lay.cards.values():
        if visible is not None and not card.rect.overlaps(visible):
            continue
        p.translate(card.rect.x, card.rect.y)
        draw_card(card.content, p, s)
        p.translate(-card.rect.x, -card.rect.y)
    for point in points:
        draw_feeling(point, p, s)


def draw_curves_again(
    lay: MapLayout,
    p: Painter,
    visible: Rect,
    curves: tuple[list, list] | None = None,
) -> None:
    """The feeling lane as the map has it (its band, levels, curves and faces), for drawing again
    where the lane has scrolled away (workshop mode keeps the curve in view). `curves`: the
    curve's segments and the future curve's, worked out once (this is drawn on every paint)."""
    s, band = lay.style, lay.emotion
    segments, future_segments = curves or (
        glyphs.smooth_curve([pt.center for pt in lay.points]),
        glyphs.smooth_curve([pt.center for pt in lay.future_points]),
    )
    p.rect(Rect(lay.timeline.x, band.y, lay.timeline.w, band.h), p.theme.feeling_band)
    draw_emotion_lane(lay, p)
    if lay.future_points:
        future = [pt.center for pt in lay.future_points]
        _curve(p, future, future_segments, p.theme.future, True, s, visible)
        for pt in lay.future_points:
            if visible.x - pt.radius <= pt.center.x <= visible.right + pt.radius:
                draw_future_mark(pt, p, s)
    centres = [pt.center for pt in lay.points]
    future_only = lay.curves == "future"
    colour = p.theme.future if future_only else p.theme.curve
    _curve(p, centres, segments, colour, future_only, s, visible)
    left, right = visible.x - s.face_size, visible.right + s.face_size
    for point in [*lay.points, *lay.unrated]:
        if left <= point.center.x <= right:
            draw_feeling(point, p, s)


def draw_future_mark(point: FeelingPoint, p: Painter, s: Style) -> None:
    """A point of the future state's curve, beside today's faces: a small diamond."""
    c, r = point.center, s.face_size / 3
    corners = [Point(c.x, c.y - r), Point(c.x + r, c.y), Point(c.x, c.y + r), Point(c.x - r, c.y)]
    for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
        p.line(a, b, p.theme.future, s.curve_width * 2 / 3, round_cap=True)


def _curve(p: Painter, centres, segments, colour: str, dashed: bool, s: Style, visible) -> None:
    """A curve through the faces; on a poster sheet, only the pieces that cross it."""
    if not segments:
        return
    if visible is None:
        p.curve(centres[0], segments, colour, s.curve_width, dashed)
        return
    left, right = visible.x - s.face_size / 2, visible.right + s.face_size / 2
    for i, segment in enumerate(segments):
        if centres[i].x <= right and centres[i + 1].x >= left:
            p.curve(centres[i], [segment], colour, s.curve_width, dashed)
