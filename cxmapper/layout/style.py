"""Sizes and colours of a drawn map, shared by the screen and the paper."""

from __future__ import annotations

from dataclasses import dataclass

# Feelings: position AND face AND colour (orange for bad, blue for good: safe for the common
# colour-vision deficiencies), so colour is never the only cue.
FEELING_COLOURS = {
    -2: "#d55e00",
    -1: "#e69f00",
    0: "#8c8c8c",
    1: "#56b4e9",
    2: "#0072b2",
}
UNASSIGNED_COLOUR = "#7f7f7f"
INK = "#1f2328"
MUTED_INK = "#59636e"
PAPER = "#ffffff"
STAGE_TINTS = ("#f6f8fa", "#eef2f6")


@dataclass(frozen=True)
class Style:
    margin: float = 32
    header_height: float = 118
    title_size: float = 28
    subtitle_size: float = 15
    lane_label_width: float = 200
    lane_label_size: float = 16
    stage_header_height: float = 78
    stage_name_size: float = 18
    stage_goal_size: float = 12
    emotion_height: float = 230
    emotion_label: str = "Customer feeling"
    card_width: float = 172
    card_height: float = 100
    card_title_size: float = 14
    card_title_lines: int = 3
    card_note_size: float = 12
    card_gap: float = 10
    slot_padding: float = 10
    stage_padding: float = 14
    min_stage_width: float = 236
    lane_padding: float = 12
    face_size: float = 30
    legend_height: float = 96
    legend_size: float = 13
    level_label_size: float = 12
    line_spacing: float = 1.3  # line height as a multiple of the font size

    def line_height(self, size: float) -> float:
        return size * self.line_spacing

    @property
    def slot_width(self) -> float:
        return self.card_width + 2 * self.slot_padding
