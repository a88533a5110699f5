"""The map's bands, each named in its gutter: the stage headers along the top, the department
lanes, the rows under the lanes (pain points, opportunities, quotes) and the blueprint's lines.
A name can be drawn somewhere else than its place (repeated at a poster sheet's edge, or kept in
view on screen when the map scrolls)."""

from __future__ import annotations

from cxmapper.drawing.painter import Painter, inset, text_lines
from cxmapper.layout.blueprint import NO_LAYER
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Point, Rect


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
        inner = inset(note.rect, s.note_pad)
        text_lines(p, note.lines, inner, s.row_note_size, lh, colour=p.theme.ink)
    rule = p.theme.grid
    p.line(Point(row.rect.x, row.rect.bottom), Point(row.rect.right, row.rect.bottom), rule, s.hair)


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
