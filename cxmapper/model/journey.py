"""The journey map and its parts, as the file stores them.

Every part is a pydantic model in strict mode with unknown fields forbidden: a file either says
exactly what a map says, or it is refused with the reason. Parts refer to each other by stable
string ids; `integrity.py` checks that every reference resolves.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    model_validator,
)

FORMAT_NAME = "cxmapper-journey-map"
SCHEMA_VERSION = 3

# Bounds: generous for any real map, small enough that a hostile file cannot exhaust memory.
MAX_NAME = 200
MAX_TEXT = 20_000
MAX_LIST_ITEM = 2_000
MAX_LIST_ITEMS = 200
MAX_STAGES = 100
MAX_DEPARTMENTS = 100
MAX_CHANNELS = 100
MAX_TOUCHPOINTS = 10_000
MAX_POSITION = 1_000_000.0

FEELING_WORDS = {
    -2: "very negative",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "very positive",
}
EXPECTATIONS = ("unknown", "below", "met", "exceeded")
# Rows the map may show under its lanes, listing each touchpoint's notes of that kind.
ROWS = ("pain_points", "opportunities", "quotes")
ROW_NAMES = {"pain_points": "Pain points", "opportunities": "Opportunities", "quotes": "Quotes"}
# The service blueprint's layers, top to bottom, and the lines drawn between them.
BLUEPRINT_LAYERS = ("customer", "frontstage", "backstage", "support")
LAYER_NAMES = {
    "customer": "Customer actions",
    "frontstage": "Frontstage",
    "backstage": "Backstage",
    "support": "Support processes",
}
BLUEPRINT_LINES = {  # the line drawn above a layer, by the layer under it
    "frontstage": "Line of interaction",
    "backstage": "Line of visibility",
    "support": "Line of internal interaction",
}
# Whether a touchpoint is backed by research: seen, believed, or an idea for the future.
EVIDENCE = ("observed", "assumed", "proposed")
EVIDENCE_NAMES = {"observed": "Observed", "assumed": "Assumed", "proposed": "Proposed"}
FUTURE_STATES = ("same", "new", "removed")  # in the future state: as today, new, or gone
CURVES = ("current", "future", "both")  # which emotion curve the map shows
MAX_LINKS = 20  # handoffs from one touchpoint
# What a room votes on with dots: the cards themselves, or (only cards that have them) their pain
# points or their opportunities. Votes are kept per card and per topic.
VOTE_TOPICS = ("touchpoints", "pain_points", "opportunities")
VOTE_TOPIC_NAMES = {
    "touchpoints": "touchpoints",
    "pain_points": "pain points",
    "opportunities": "opportunities",
}
MAX_VOTES = 100_000  # dots on one card for one topic
CHANNEL_ICONS = (
    "web",
    "mobile",
    "email",
    "phone",
    "store",
    "person",
    "mail",
    "social",
    "partner",
    "other",
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _encodable(value: str) -> str:
    """Refuse text that cannot be written back as UTF-8 (unpaired surrogates from `\\ud800`)
    or that no one types (control characters other than tab and line breaks)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains an invalid character (an unpaired surrogate)") from None
    control = _CONTROL.search(value)
    if control:
        code = f"U+{ord(control.group()):04X}"
        raise ValueError(f"contains a control character ({code}) at position {control.start() + 1}")
    return value


def _single_line(value: str) -> str:
    # (U+2028 and U+2029 break lines too: in Mermaid, in JavaScript, in many editors)
    if any(c in value for c in "\n\r\u2028\u2029"):
        raise ValueError("must be a single line")
    return value


def _list_item(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def _named(value: str) -> str:
    """Names are trimmed (a stray space must not make "Sales " a second department)."""
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def _date_text(value: object) -> object:
    if not isinstance(value, (str, datetime)):
        raise ValueError("must be a date and time such as 2026-05-01T09:30:00Z")
    return value


def _colour(value: str) -> str:
    return value.lower()


def _utc(value: datetime) -> datetime:
    try:
        return value.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01T00:00:00+14:00 is before the first day in UTC
        raise ValueError("must be a date and time between the years 1 and 9999 in UTC") from None


Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_encodable)]
Name = Annotated[
    str,
    Field(min_length=1, max_length=MAX_NAME),
    AfterValidator(_encodable),
    AfterValidator(_single_line),
    AfterValidator(_named),
]
ListItem = Annotated[
    str,
    Field(min_length=1, max_length=MAX_LIST_ITEM),
    AfterValidator(_encodable),
    AfterValidator(_single_line),
    AfterValidator(_list_item),
]
Items = Annotated[list[ListItem], Field(max_length=MAX_LIST_ITEMS)]
Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        description="A stable identifier: letters, digits, '-', '_' and '.', starting with a "
        "letter or digit.",
    ),
]
Colour = Annotated[
    str,
    Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="An sRGB colour as #rrggbb."),
    AfterValidator(_colour),
]
Feeling = Annotated[
    int,
    Field(
        ge=-2,
        le=2,
        description="-2 very negative, -1 negative, 0 neutral, 1 positive, 2 very positive.",
    ),
]
Timestamp = Annotated[
    AwareDatetime, Strict(False), BeforeValidator(_date_text), AfterValidator(_utc)
]
# A short single line that may be empty (persona name, emotion word).
Label = Annotated[
    str,
    Field(max_length=MAX_NAME),
    AfterValidator(_encodable),
    AfterValidator(_single_line),
    AfterValidator(str.strip),
]


def _row_order(value: list[str]) -> list[str]:
    """Rows are drawn in one order whatever order they were chosen in, each once."""
    return [row for row in ROWS if row in value]


def _vote_order(value: dict[str, int]) -> dict[str, int]:
    """Votes are written in one order, and a topic without votes is not written."""
    return {topic: value[topic] for topic in VOTE_TOPICS if value.get(topic)}


Votes = Annotated[
    dict[
        Literal[VOTE_TOPICS],  # type: ignore[valid-type]
        Annotated[int, Field(ge=0, le=MAX_VOTES)],
    ],
    Field(
        description="Dots the room put on this card in dot votes, by what they voted on: "
        "touchpoints, pain_points or opportunities; a topic without votes is left out."
    ),
    AfterValidator(_vote_order),
]

Rows = Annotated[
    list[Literal[ROWS]],  # type: ignore[valid-type]
    Field(
        max_length=len(ROWS) * 2,
        description="Rows shown under the lanes, listing each touchpoint's pain points, "
        "opportunities or quotes (screen and paper alike); empty: none.",
    ),
    AfterValidator(_row_order),
]


def now() -> datetime:
    """The current time, in UTC, to the second (maps are not clocks)."""
    return datetime.now(timezone.utc).replace(microsecond=0)


class Part(BaseModel):
    """Common rules of every part of a map."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        validate_assignment=True,
        validate_default=True,
        allow_inf_nan=False,
    )


class Persona(Part):
    """Whose journey this is: one kind of customer, with goals."""

    name: Label = ""
    description: Text = ""
    goals: Items = []


class Stage(Part):
    """A column of the timeline: a phase of the customer's lifecycle."""

    id: Id
    name: Name
    description: Text = ""
    customer_goal: Text = Field(
        default="", description="What the customer wants or does in this stage."
    )


class Department(Part):
    """A swimlane: a part of the organisation that owns touchpoints."""

    id: Id
    name: Name
    colour: Colour = "#0072b2"
    blueprint_layer: Literal[BLUEPRINT_LAYERS] | None = Field(  # type: ignore[valid-type]
        default=None,
        description="The service blueprint layer its lane sits in: customer actions, "
        "frontstage (seen by the customer), backstage (not seen) or support processes; null: "
        "none (a map whose departments have no layer is drawn as a plain journey map).",
    )


class Channel(Part):
    """Where a touchpoint happens (web, phone, store...)."""

    id: Id
    name: Name
    icon: Literal[CHANNEL_ICONS] = "other"  # type: ignore[valid-type]


class Touchpoint(Part):
    """One interaction between the customer and the organisation (or its partners)."""

    id: Id
    title: Name
    description: Text = ""
    stage_id: Id
    position: float = Field(
        default=0.0,
        ge=0.0,
        le=MAX_POSITION,
        description="Place in time within the stage: touchpoints are shown in ascending order; "
        "equal positions happen at the same time (ties keep the order of the list).",
    )
    department_id: Id | None = Field(
        default=None, description="The owning department (its swimlane); null when unassigned."
    )
    contributing_department_ids: Annotated[list[Id], Field(max_length=MAX_DEPARTMENTS)] = []
    channel_id: Id | None = None
    feeling: Feeling | None = Field(default=None, description="null when not yet rated.")
    emotion: Label = ""
    expectation: Literal[EXPECTATIONS] = "unknown"  # type: ignore[valid-type]
    pain_points: Items = []
    root_cause: Text = ""
    opportunities: Items = []
    quotes: Items = Field(default=[], description="The customer's own words and other evidence.")
    moment_of_truth: bool = False
    partner_owned: bool = Field(
        default=False, description="Delivered by a partner rather than the organisation itself."
    )
    evidence: Literal[EVIDENCE] | None = Field(  # type: ignore[valid-type]
        default=None,
        description="Whether research backs it: observed (seen with customers), assumed (the "
        "team believes it) or proposed (an idea for the future); null: not said.",
    )
    sources: Items = Field(
        default=[],
        description='Where the evidence comes from, as short references ("interview 7", '
        '"NPS survey Q3", a link written as text: never fetched).',
    )
    future_feeling: Feeling | None = Field(
        default=None, description="How the customer should feel here in the future state."
    )
    future_note: Text = Field(default="", description="What changes here in the future state.")
    future_state: Literal[FUTURE_STATES] = Field(  # type: ignore[valid-type]
        default="same",
        description="In the future state: same (still there), new (only in the future) or "
        "removed (retired in the future).",
    )
    leads_to: Annotated[list[Id], Field(max_length=MAX_LINKS)] = Field(
        default=[],
        description="The touchpoints this one hands off to (drawn as arrows, across lanes and "
        "blueprint layers), by id.",
    )
    votes: Votes = {}


class Metadata(Part):
    """When and by whom the map was made, and which cxmapper wrote it."""

    created: Timestamp = Field(default_factory=now)
    modified: Timestamp = Field(default_factory=now)
    authors: Annotated[list[Name], Field(max_length=MAX_LIST_ITEMS)] = []
    app_version: Annotated[
        str, Field(max_length=64), AfterValidator(_encodable), AfterValidator(_single_line)
    ] = ""


class JourneyMap(Part):
    """A whole customer journey map: what the file holds and the editor edits."""

    # validate_assignment on the whole map would re-check every reference on each edit; the
    # document layer validates whole maps where it matters (load, save, paste).
    model_config = ConfigDict(validate_assignment=False)

    format: Literal[FORMAT_NAME] = FORMAT_NAME  # type: ignore[valid-type]
    schema_version: Literal[SCHEMA_VERSION] = SCHEMA_VERSION  # type: ignore[valid-type]
    title: Name = "Untitled journey"
    description: Text = ""
    persona: Persona = Field(default_factory=Persona)
    scenario: Text = Field(default="", description="The journey's goal or situation.")
    stages: Annotated[list[Stage], Field(max_length=MAX_STAGES)] = []
    departments: Annotated[list[Department], Field(max_length=MAX_DEPARTMENTS)] = []
    channels: Annotated[list[Channel], Field(max_length=MAX_CHANNELS)] = []
    touchpoints: Annotated[list[Touchpoint], Field(max_length=MAX_TOUCHPOINTS)] = []
    rows: Rows = []
    curves: Literal[CURVES] = Field(  # type: ignore[valid-type]
        default="current",
        description="Which emotion curve the map shows (screen and paper alike): the current "
        "state's, the future state's, or both.",
    )
    votes_shown: Literal[VOTE_TOPICS] | None = Field(  # type: ignore[valid-type]
        default=None,
        description="Whose votes the cards show as a dot with their count (screen and paper "
        "alike): the touchpoints', their pain points' or their opportunities'; null: none.",
    )
    metadata: Metadata = Field(default_factory=Metadata)

    @model_validator(mode="after")
    def _references_resolve(self) -> JourneyMap:
        from cxmapper.model.integrity import reference_problems

        problems = reference_problems(self)
        if problems:
            raise ValueError("\n".join(problems))
        return self

    # Convenience look-ups used by the CLI, CSV and (later) the layout and document layers.
    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def department(self, department_id: str | None) -> Department | None:
        return next((d for d in self.departments if d.id == department_id), None)

    def channel(self, channel_id: str | None) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def touchpoints_in_time_order(self) -> list[Touchpoint]:
        """All touchpoints, stage by stage (in stage order), each stage by position."""
        stage_rank = {s.id: i for i, s in enumerate(self.stages)}
        indexed = enumerate(self.touchpoints)
        ordered = sorted(
            indexed, key=lambda it: (stage_rank[it[1].stage_id], it[1].position, it[0])
        )
        return [tp for _, tp in ordered]

    def summary(self) -> str:
        rated = sum(1 for t in self.touchpoints if t.feeling is not None)

        def count(items: list, word: str) -> str:
            return f"{len(items)} {word}" + ("" if len(items) == 1 else "s")

        return (
            f'"{self.title}": {count(self.stages, "stage")}, '
            f"{count(self.departments, 'department')}, {count(self.channels, 'channel')}, "
            f"{count(self.touchpoints, 'touchpoint')} ({rated} with a feeling)"
        )
