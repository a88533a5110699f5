"""Sizes and colours of a drawn map, shared by the screen and the paper."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

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
CURVE_DASH = (2.5, 1.6)  # a dashed curve's dash and gap, in widths of its line (the future's)
INK = "#1f2328"
MUTED_INK = "#59636e"
PAPER = "#ffffff"
STAGE_TINTS = ("#f6f8fa", "#eef2f6")
WHITE = "#ffffff"  # marks on a strong colour (a very good or very bad face, a flag's sign)
# The notes a touchpoint carries, by colour as well as by shape and name: in the flags on its
# card, their legend and the rows under the lanes.
PAIN = FEELING_COLOURS[-2]
OPPORTUNITY = "#009e73"
MOMENT_OF_TRUTH = "#cc79a7"
# Evidence by shape as well as colour: a solid disc with a tick (observed), an open triangle
# with a question mark (assumed), an open diamond with a plus (proposed).
EVIDENCE_COLOURS = {"observed": "#0072b2", "assumed": "#b36b00", "proposed": "#a8458a"}
# A card's voting sticker: a dark dot with white numerals (10:1) in a thin white ring, so it
# reads on any owner's colour, on a projector and in greyscale print; no meaning's colour.
VOTE_DOT = "#283593"


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
    handoff: str
    future: str  # the future state's curve (dashed as well)


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
    handoff="#24292f",
    future="#7b3fb2",
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
    handoff="#e6edf3",
    future="#c297ff",
)


# multiples of a size: the same at any scale
RATIOS = ("subtitle_spacing", "line_spacing", "name_least")


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
    goal_gap: float = 4  # a stage's name to its customer's goal
    stage_goals: bool = True  # the goal under a stage's name (workshop mode: the name alone)
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
    card_foot: bool = True  # a card's face and emotion word at its foot (workshop: the curve's)
    card_note_size: float = 12
    card_tag_size: float = 10  # "New" or "Retired" in the band
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
    blueprint_band: float = 22  # the band between blueprint layers, its line along the middle
    blueprint_line_size: float = 10  # the line's name, in the gutter (two lines at most)
    blueprint_line_width: float = 2
    handoff_width: float = 2
    handoff_head: float = 9  # the arrow's head, each stroke
    row_label_inset: float = 4  # a row's name from its bar and the gutter's edge
    legend_size: float = 13
    legend_swatch: float = 16
    legend_gap: float = 18  # between one entry and the next
    legend_row: float = 24
    legend_most_width: float = 260  # an entry's text, at most
    level_label_size: float = 11
    most_title_width: float = 1200  # a map holding little is widened to fit its title, up to
    title_gap: float = 10  # the map's title to the persona line under it
    feeling_top: float = 34  # the feeling lane's top to its highest level, less half a face
    feeling_name_top: float = 4  # "Customer feeling" from the feeling lane's top
    feeling_name_height: float = 32  # "Customer feeling", two lines of it, in the gutter
    feeling_name_line: float = 16
    feeling_level_height: float = 16  # a level's face and word in the gutter
    face_gap: float = 2  # between the faces of touchpoints in one moment
    label_gap: float = 6  # a swatch, bar or face to its text; the gutter's texts from its edge
    mark_gap: float = 3  # between the band's marks; the band to the title; a ring to its face
    note_pad: float = 5  # a note's text from its box; a card's face to its emotion word
    note_radius: float = 4
    note_bar: float = 3
    legend_space: float = 18  # the lanes (or rows) to the legend
    hair: float = 1  # the thinnest line: grid rules, outlines, a glyph's least stroke
    rule_width: float = 1.5  # the rule under the feeling lane
    selection_width: float = 3  # a selected card's outline; a chosen face's ring
    line_spacing: float = 1.3  # line height as a multiple of the font size
    # A lane's, stage's or card's name with a word wider than its line is set smaller, down to
    # this share of its size, before the word is ever split (layout/text.py: fit_name).
    name_least: float = 0.7

    def line_height(self, size: float) -> float:
        return size * self.line_spacing

    def scaled(self, k: float) -> Style:
        """The same map k times as big: every size times k; the counts (lines), the ratios
        (spacings) and the words stay. Workshop mode draws the map in this at 100%."""
        return replace(
            self,
            **{
                f.name: getattr(self, f.name) * k
                for f in fields(self)
                if f.type == "float" and f.name not in RATIOS
            },
        )

    @property
    def lane_text_left(self) -> float:
        """A lane's name from the gutter's left edge: past its colour bar."""
        return self.label_bar + self.label_gap

    @property
    def lane_text_width(self) -> float:
        return self.lane_label_width - self.label_bar - 2 * self.label_gap

    @property
    def row_text_width(self) -> float:
        """A row's name in the gutter: "Opportunities" just fits."""
        return self.lane_label_width - self.label_bar - 2 * self.row_label_inset

    @property
    def feeling_name_size(self) -> float:
        """ "Customer feeling" in the gutter: a little smaller than a lane's name."""
        return self.lane_label_size * 6 / 7

    @property
    def vote_dot(self) -> float:
        """A card's voting sticker, as tall as the band less a hair above and below."""
        return self.card_band - 2 * self.hair

    @property
    def vote_ring(self) -> float:
        """The sticker's white ring."""
        return self.hair * 1.25

    @property
    def slot_width(self) -> float:
        return self.card_width + 2 * self.slot_padding


ROOMY_SCREEN = 1000  # px tall: room for whole cards and four lanes (1920x1080 and up)


def workshop_style(title_px: float = 24.0, screen_height: float = 720) -> Style:
    """The map for a room to read from the back (workshop mode, at 100%): card titles of
    `title_px`, and the journey made to fit the screen it is projected on, the curve and four
    lanes in view together: stage headers hold the names alone (the goal is in the header's
    tooltip) and the feeling lane is as tall as its five levels need. On a screen under
    ROOMY_SCREEN tall (1280x720) a card has two title lines and leaves its face to the curve
    above it (the rest of its title and its emotion word are in its tooltip); on a taller one
    cards are whole."""
    plain = Style()
    big = plain.scaled(title_px / plain.card_title_size)
    name_size = plain.stage_name_size * 1.2
    face = plain.face_size * 1.2
    level = plain.feeling_level_height * 1.25  # a level's face and word in the gutter
    feeling_top = big.feeling_name_top + big.feeling_name_line + level / 2
    roomy = screen_height >= ROOMY_SCREEN
    lines = big.card_title_lines if roomy else 2
    band = big.card_band if roomy else plain.card_band * 1.2
    foot = big.card_face_size + big.card_pad if roomy else 0.0
    return replace(
        big,
        stage_goals=False,
        stage_name_size=name_size,
        stage_header_height=2 * big.label_inset + big.line_height(name_size),
        card_title_lines=lines,
        card_foot=roomy,
        card_band=band,
        card_height=band + big.mark_gap + lines * big.line_height(title_px) + big.card_pad + foot,
        lane_padding=plain.lane_padding / 2,
        face_size=face,
        feeling_name_height=big.feeling_name_line,  # "Customer feeling" on one line:
        lane_label_width=big.lane_label_width * 1.3,  # a gutter a little wider holds it
        feeling_level_height=level,
        level_face_size=plain.level_face_size * 1.25,
        feeling_top=feeling_top,
        emotion_height=feeling_top + face / 2 + 4 * level + face * 0.75,
    )
