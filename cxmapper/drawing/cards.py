"""A touchpoint's card (owner's band, channel icon, title, face, flags, evidence, state tag and
voting sticker) and the "leads to" arrows between cards."""

from __future__ import annotations

from cxmapper.drawing import glyphs
from cxmapper.drawing.painter import Painter, draw_shapes, inset, text_lines
from cxmapper.layout.boxes import CardContent, Handoff
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import INK, PAPER, VOTE_DOT, WHITE, Style


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
        icon = glyphs.channel_icon(inset(c.icon, rim), c.channel_icon)
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
    inner = inset(box, s.vote_ring)
    p.rect(inner, VOTE_DOT, radius=inner.h / 2)
    if count and text is not None:
        p.text(count, text, size, True, WHITE)


def draw_handoff(h: Handoff, p: Painter, s: Style) -> None:
    """A "leads to" arrow, from one card's edge to the next one's."""
    colour, width = p.theme.handoff, s.handoff_width
    p.curve(h.start, [(h.c1, h.c2, h.end)], colour, width)
    for tip in h.head:
        p.line(tip, h.end, colour, width, round_cap=True)
