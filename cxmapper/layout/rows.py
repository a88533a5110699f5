"""The rows a map may show under its lanes: each touchpoint's pain points, opportunities or
quotes, written out under its card's place in time.

Cards of different lanes share the width, so two touchpoints' notes may want the same room: a
note that would run into the one before it in its row goes one line of notes lower, as cards at
the same moment stack in a lane. A row is as tall as its notes.
"""

from __future__ import annotations

from cxmapper.layout.boxes import CardBox, NoteBox, RowBox
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import MUTED_INK, OPPORTUNITY, PAIN, Style
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import ROW_NAMES, ROWS, JourneyMap, Touchpoint

ROW_COLOURS = {"pain_points": PAIN, "opportunities": OPPORTUNITY, "quotes": MUTED_INK}


def _note_lines(items: list[str], kind: str, width: float, fitter: TextFitter, s: Style):
    """Each item wrapped on its own ("• " before it, or set in quotation marks), at most
    `s.row_note_lines` lines in all; the last ends in … when the rest does not fit."""
    lines: list[str] = []
    for i, item in enumerate(items):
        text = f"“{item}”" if kind == "quotes" else f"• {item}"
        room = s.row_note_lines - len(lines)
        if room <= 0:
            break
        wrapped = fitter.wrap(text, width, s.row_note_size, room, hyphens=True)
        if len(lines) + len(wrapped) >= s.row_note_lines and i < len(items) - 1:
            wrapped = fitter.wrap(text + " …", width, s.row_note_size, room, hyphens=True)
        lines += wrapped
    return lines


def notes_rows(
    journey: JourneyMap,
    order: list[Touchpoint],
    cards: dict[str, CardBox],
    top: float,
    right: float,
    fitter: TextFitter,
    s: Style,
) -> tuple[list[RowBox], float]:
    """The rows the map shows (journey.rows), from `top` down; returns them and their bottom."""
    rows: list[RowBox] = []
    lh = s.line_height(s.row_note_size)
    left = s.margin + s.lane_label_width
    y = top
    for kind in [row for row in ROWS if row in journey.rows]:  # one order, each once
        placed: list[tuple[int, Rect, list[str], str]] = []  # (level, rect, lines, id)
        level_right: list[float] = []  # where each level of notes ends so far
        level_height: list[float] = []
        for tp in order:
            items = getattr(tp, kind)
            if not items:
                continue
            card = cards[tp.id]
            x = max(left + 2 * s.hair, card.slot_x - s.card_width / 2)
            lines = _note_lines(items, kind, s.card_width - 2 * s.note_pad, fitter, s)
            height = len(lines) * lh + 2 * s.note_pad
            level = next(
                (i for i, end in enumerate(level_right) if end + s.card_gap <= x),
                len(level_right),
            )
            if level == len(level_right):
                level_right.append(0.0)
                level_height.append(0.0)
            level_right[level] = x + s.card_width
            level_height[level] = max(level_height[level], height)
            placed.append((level, Rect(x, 0, s.card_width, height), lines, tp.id))
        level_top, at = [], y + s.lane_padding
        for h in level_height:
            level_top.append(at)
            at += h + s.card_gap
        height = max(at - s.card_gap + s.lane_padding - y, 2 * s.lane_padding + lh)
        notes = [
            NoteBox(tid, Rect(r.x, level_top[level], r.w, r.h), lines)
            for level, r, lines, tid in placed
        ]
        label = Rect(s.margin, y, s.lane_label_width, height)
        name = fitter.wrap(ROW_NAMES[kind], s.row_text_width, s.row_label_size, 2, True)
        rows.append(
            RowBox(
                kind,
                Rect(s.margin, y, right - s.margin, height),
                label,
                name,
                notes,
                ROW_COLOURS[kind],
            )
        )
        y += height
    return rows, y
