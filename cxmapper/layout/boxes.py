"""The boxes a layout is made of: plain data, in map units, shared by every painter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import Style

BADGE_KINDS = ("pain", "opportunity", "moment_of_truth", "partner")
BADGE_LABELS = {
    "pain": "Pain points",
    "opportunity": "Opportunities",
    "moment_of_truth": "Moment of truth",
    "partner": "Delivered by a partner",
}


@dataclass(slots=True)
class Slot:
    """A moment in time within a stage: the touchpoints at one position share its x."""

    stage_id: str
    position: float
    x: float


@dataclass(slots=True)
class StageBox:
    stage_id: str
    header: Rect
    column: Rect
    name_lines: list[str]
    goal_lines: list[str]  # the customer's goal, wrapped (at most five lines)
    slots: tuple[Slot, ...]
    name_size: float = 0.0  # the name's size: smaller for a long word; 0: the style's
    name: str = ""  # the whole name, as the map has it (fitted again to part of the header)

    @property
    def goal_line(self) -> str:
        return " ".join(self.goal_lines)


@dataclass(slots=True)
class LaneBox:
    department_id: str | None
    rect: Rect
    label: Rect
    label_lines: list[str]
    colour: str
    label_size: float = 0.0  # the name's size: smaller for a long word; 0: the style's


@dataclass(slots=True)
class BlueprintLine:
    """A line of the service blueprint between two layers of lanes: its name, the band it runs
    along, and where its name is written (in the gutter), wrapped."""

    name: str
    band: Rect
    labels: tuple[Rect, ...]
    name_lines: list[str] = field(default_factory=list)

    @property
    def y(self) -> float:
        return self.band.center.y


@dataclass(slots=True)
class Handoff:
    """An arrow from one touchpoint's card to the next one's: a cubic curve from an edge of
    the first to an edge of the second, and the two strokes of its head."""

    from_id: str
    to_id: str
    start: Point
    c1: Point
    c2: Point
    end: Point
    head: tuple[Point, Point]


@dataclass(slots=True)
class NoteBox:
    """A touchpoint's notes in a row under the lanes, under its card's place in time."""

    touchpoint_id: str
    rect: Rect
    lines: list[str]


@dataclass(slots=True)
class RowBox:
    """A row under the lanes: "Pain points", "Opportunities" or "Quotes"."""

    kind: str
    rect: Rect
    label: Rect
    label_lines: list[str]
    notes: list[NoteBox]
    colour: str


@dataclass(slots=True)
class CardContent:
    """What a card shows, in the card's own coordinates (0, 0 is its top-left corner), so a card
    that only moves keeps its content and painters translate once."""

    width: float
    height: float
    colour: str
    stripe: Rect
    icon: Rect
    channel_icon: str | None
    title: Rect
    title_lines: list[str]
    title_size: float
    face: Rect | None
    feeling: int | None
    emotion: Rect
    emotion_line: str
    badges: tuple[tuple[str, Rect], ...]
    emotion_size: float = 0.0  # the emotion word's size: smaller for a long word; 0: the style's
    evidence: str | None = None  # observed, assumed or proposed: a mark at the foot's right
    evidence_box: Rect | None = None
    state_tag: str = ""  # "New" or "Retired" in the future state: a tag in the band
    state_box: Rect | None = None
    # The dots on the card in the vote the map shows: a sticker at the band's right end with
    # the count in it; 0: no sticker (no vote shown, or no dot on this card)
    votes: int = 0
    votes_label: str = ""  # the count as the sticker shows it ("12", "1234", "12k")
    votes_box: Rect | None = None  # the sticker: a dot, or a pill for a wide count
    votes_text: Rect | None = None  # where the count is written, as wide as it is
    votes_size: float = 0.0  # the count's size


@dataclass(slots=True)
class CardBox:
    touchpoint_id: str
    rect: Rect
    stage_id: str
    department_id: str | None
    slot_x: float
    content: CardContent


@dataclass(slots=True)
class FeelingPoint:
    touchpoint_id: str
    center: Point
    feeling: int | None  # None: not rated yet (drawn as a "?" to drag to a feeling)
    radius: float
    field: str = "feeling"  # what dragging it sets: "feeling", or "future_feeling"


@dataclass(slots=True)
class LegendEntry:
    kind: str  # "feeling", "department", "channel", "badge", "votes", "heading", ...
    key: str
    label: str
    swatch: Rect | None
    text: Rect


@dataclass(slots=True)
class Header:
    rect: Rect
    title: str
    title_box: Rect
    lines: list[tuple[str, Rect]]


@dataclass
class MapLayout:
    width: float
    height: float
    style: Style
    header: Header
    stages: list[StageBox]
    lanes: list[LaneBox]
    cards: dict[str, CardBox]
    emotion: Rect
    emotion_label: Rect
    level_y: dict[int, float]
    level_labels: list[tuple[int, str, Rect]]
    points: list[FeelingPoint]
    unrated: list[FeelingPoint]
    legend: list[LegendEntry]
    legend_rect: Rect
    timeline: Rect
    lanes_area: Rect
    time_order: list[str] = field(default_factory=list)
    emotion_label_lines: list[str] = field(default_factory=list)  # "Customer feeling", wrapped
    # What each card was drawn from, so the next layout can reuse boxes that did not change.
    card_keys: dict[str, tuple] = field(default_factory=dict, compare=False, repr=False)
    # Each stage's width, kept by the next layout while the map is edited (layout/columns.py).
    stage_widths: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    rows: list[RowBox] = field(default_factory=list)  # under the lanes, as the map chose
    blueprint_lines: list[BlueprintLine] = field(default_factory=list)  # between the layers
    handoffs: list[Handoff] = field(default_factory=list)  # the arrows of "leads to"
    curves: str = "current"  # which state the faces show: current, future, or both
    future_points: list[FeelingPoint] = field(default_factory=list)  # with "both": the 2nd
    votes_shown: str | None = None  # whose votes the cards' stickers count (a vote topic)
    # Each stage's moments, as laid out: an edit of a few cards lays out only what it touched
    # (layout/moved.py); None for a layout stretched to a page.
    moments: Any = field(default=None, compare=False, repr=False)
