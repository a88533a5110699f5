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
class Theme:
    """The colours a map is drawn in, by what they mean. Paper is always LIGHT; the screen
    follows the system: LIGHT or DARK. Feelings, flags and department colours stay the same
    in both (they carry meaning), drawn on the theme's paper and cards."""

    name: str
    paper: str
    ink: str
    muted: str
    card: str
    card_border: str
    grid: str
    selection: str
    stage_tints: tuple[str, str]
    header_tints: tuple[str, str]
    feeling_band: str
    neutral_line: str
    level_line: str
    rule: str
    curve: str


LIGHT = Theme(
    name="light",
    paper=PAPER,
    ink=INK,
    muted=MUTED_INK,
    card=PAPER,
    card_border="#afb8c1",
    grid="#c4cdd6",
    selection="#0969da",
    stage_tints=STAGE_TINTS,
    header_tints=("#dde4ec", "#e6ebf1"),
    feeling_band="#f0f3f6",
    neutral_line="#9aa5b1",
    level_line="#d0d7de",
    rule="#8c959f",
    curve="#57606a",
)
DARK = Theme(
    name="dark",
    paper="#1c2128",
    ink="#e6edf3",
    muted="#a6b0bb",
    card="#2d333b",
    card_border="#636e7b",
    grid="#444c56",
    selection="#4493f8",
    stage_tints=("#22272e", "#262c34"),
    header_tints=("#2d333b", "#333a44"),
    feeling_band="#262c34",
    neutral_line="#8b949e",
    level_line="#444c56",
    rule="#8b949e",
    curve="#c9d1d9",
)


@dataclass(frozen=True)
class Style:
    """Every size of a drawn map, in map units. The card title is the text a reader must read
    from afar, so everything else is sized against it: a card is under eight title sizes wide
    (about ten letters a line), which is what lets a map of eighteen touchpoints print with
    8 pt titles on one A3 page."""

    margin: float = 16
    header_height: float = 118
    title_size: float = 28
    subtitle_size: float = 15
    subtitle_spacing: float = 1.6  # the header's persona, scenario and goals lines, apart
    lane_label_width: float = 110
    lane_label_size: float = 14
    stage_header_height: float = 72
    stage_name_size: float = 18
    stage_goal_size: float = 12
    emotion_height: float = 196
    emotion_label: str = "Customer feeling"
    card_width: float = 124
    card_height: float = 110
    card_band: float = 18  # the owner's colour across the top, holding the channel and flags
    card_pad: float = 6  # a card's face, emotion word and band marks from its edges
    card_title_inset: float = 4  # its title from its sides: a long word fits at full size
    card_radius: float = 8
    card_mark_size: float = 12  # the channel icon and the flags in the band
    card_face_size: float = 18  # the face and emotion word's row at the card's foot
    card_title_size: float = 16
    card_title_lines: int = 3
    card_note_size: float = 12
    card_gap: float = 8
    slot_padding: float = 8
    stage_padding: float = 6
    min_stage_width: float = 140
    lane_padding: float = 8
    label_inset: float = 8  # text in stage headers and the gutter from their edges
    label_bar: float = 8  # the department's colour bar at the left of its name
    level_face_size: float = 14  # the five faces beside the feeling levels
    curve_width: float = 3
    face_size: float = 26
    row_label_size: float = 12  # "Opportunities" fits the gutter
    row_note_size: float = 11  # the notes in the rows under the lanes
    row_note_lines: int = 8
    legend_height: float = 96
    legend_size: float = 13
    legend_swatch: float = 16
    legend_gap: float = 18  # between one entry and the next
    legend_row: float = 24
    legend_most_width: float = 260  # an entry's text, at most
    level_label_size: float = 11
    line_spacing: float = 1.3  # line height as a multiple of the font size

    def line_height(self, size: float) -> float:
        return size * self.line_spacing

    @property
    def slot_width(self) -> float:
        return self.card_width + 2 * self.slot_padding
