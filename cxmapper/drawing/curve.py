"""The feeling lane and its emotion curve: the five levels named in the gutter, the smooth curve
through the faces (today's solid, the future state's dashed with small diamonds), and the faces."""

from __future__ import annotations

from cxmapper.drawing import glyphs
from cxmapper.drawing.painter import Painter, draw_shapes, text_lines
from cxmapper.layout.boxes import FeelingPoint, MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import Style

Segment = tuple[Point, Point, Point]  # control 1, control 2, end


def _inside(box: Rect, x: float, y: float) -> Point:
    return Point(min(box.right, max(box.x, x)), min(box.bottom, max(box.y, y)))


def smooth_curve(points: list[Point]) -> list[Segment]:
    """Cubic segments (control 1, control 2, end) through the points, starting at points[0].

    Catmull-Rom tangents, with control points clamped to each segment's box: the curve never
    overshoots above very positive or below very negative, and never runs backwards in time.
    """
    return [curve_segment(points, i) for i in range(len(points) - 1)]


def curve_segment(points: list[Point], i: int) -> Segment:
    """The smooth curve's segment from points[i] to points[i + 1]: it depends on those two and
    their neighbours alone, so a point moved changes only the four segments around it."""
    p0 = points[i - 1] if i > 0 else points[i]
    p1, p2 = points[i], points[i + 1]
    p3 = points[i + 2] if i + 2 < len(points) else p2
    box = Rect(min(p1.x, p2.x), min(p1.y, p2.y), abs(p2.x - p1.x), abs(p2.y - p1.y))
    c1 = _inside(box, p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6)
    c2 = _inside(box, p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6)
    return (c1, c2, p2)


def draw_emotion_lane(lay: MapLayout, p: Painter) -> None:
    """The lane's level lines (neutral solid, the others dashed), its gutter and its rule."""
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


def draw_future_mark(point: FeelingPoint, p: Painter, s: Style) -> None:
    """A point of the future state's curve, beside today's faces: a small diamond."""
    c, r = point.center, s.face_size / 3
    corners = [Point(c.x, c.y - r), Point(c.x + r, c.y), Point(c.x, c.y + r), Point(c.x - r, c.y)]
    for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
        p.line(a, b, p.theme.future, s.curve_width * 2 / 3, round_cap=True)


def draw_curve(
    p: Painter,
    centres: list[Point],
    segments: list[Segment],
    colour: str,
    dashed: bool,
    s: Style,
    visible: Rect | None,
) -> None:
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
        smooth_curve([pt.center for pt in lay.points]),
        smooth_curve([pt.center for pt in lay.future_points]),
    )
    p.rect(Rect(lay.timeline.x, band.y, lay.timeline.w, band.h), p.theme.feeling_band)
    draw_emotion_lane(lay, p)
    if lay.future_points:
        future = [pt.center for pt in lay.future_points]
        draw_curve(p, future, future_segments, p.theme.future, True, s, visible)
        for pt in lay.future_points:
            if visible.x - pt.radius <= pt.center.x <= visible.right + pt.radius:
                draw_future_mark(pt, p, s)
    centres = [pt.center for pt in lay.points]
    future_only = lay.curves == "future"
    colour = p.theme.future if future_only else p.theme.curve
    draw_curve(p, centres, segments, colour, future_only, s, visible)
    left, right = visible.x - s.face_size, visible.right + s.face_size
    for point in [*lay.points, *lay.unrated]:
        if left <= point.center.x <= right:
            draw_feeling(point, p, s)
