"""What an edit changed, in the users' terms: which kind of part, which ids, which fields.

The document announces one `Changes` per command (and per undo or redo). Views read it to do
as little as possible: the canvas lays the map out again only when something it draws changed,
a panel refreshes the one field that changed and skips the echo of its own edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("map", "persona", "stage", "department", "channel", "touchpoint")

# The fields each kind of part shows on the drawn map (screen and paper). A change to any other
# field (a description, a quote, a root cause) needs no new layout.
DRAWN_FIELDS: dict[str, frozenset[str]] = {
    "map": frozenset({"title", "scenario", "rows", "curves", "votes_shown"}),
    "persona": frozenset({"name", "description", "goals"}),
    "stage": frozenset({"name", "customer_goal"}),
    "department": frozenset({"name", "colour", "blueprint_layer"}),
    "channel": frozenset({"name", "icon"}),
    "touchpoint": frozenset(
        {
            "title",
            "stage_id",
            "position",
            "department_id",
            "channel_id",
            "feeling",
            "emotion",
            "pain_points",
            "opportunities",
            "quotes",
            "moment_of_truth",
            "partner_owned",
            "evidence",
            "future_feeling",
            "future_state",
            "leads_to",
            "votes",
        }
    ),
}


@dataclass(frozen=True)
class Change:
    """The changes to one kind of part: fields set on `ids`, parts `added`, `removed` or
    `reordered` in their list."""

    kind: str
    ids: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    reordered: bool = False

    @property
    def structural(self) -> bool:
        return bool(self.added or self.removed or self.reordered)

    @property
    def drawn(self) -> bool:
        return self.structural or bool(self.fields & DRAWN_FIELDS[self.kind])


@dataclass(frozen=True)
class Changes:
    """Everything one command (or its undo) changed, and who started it (None for undo/redo,
    so every view refreshes)."""

    parts: tuple[Change, ...] = ()
    initiator: object | None = None

    def of(self, kind: str) -> Change | None:
        return next((c for c in self.parts if c.kind == kind), None)

    @property
    def drawn(self) -> bool:
        """Whether the drawn map looks different: the canvas lays it out again only then."""
        return any(c.drawn for c in self.parts)

    @property
    def added_touchpoints(self) -> frozenset[str]:
        change = self.of("touchpoint")
        return change.added if change else frozenset()


@dataclass
class ChangeCollector:
    """Gathers the changes of one command (or of a whole macro) before they are announced."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    fields: dict[str, set[str]] = field(default_factory=dict)
    added: dict[str, set[str]] = field(default_factory=dict)
    removed: dict[str, set[str]] = field(default_factory=dict)
    reordered: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.ids or self.added or self.removed or self.reordered)

    def set(self, kind: str, ids, fields) -> None:
        self.ids.setdefault(kind, set()).update(ids)
        self.fields.setdefault(kind, set()).update(fields)

    def add(self, kind: str, ids) -> None:
        ids = set(ids)
        self.added.setdefault(kind, set()).update(ids)
        self.removed.get(kind, set()).difference_update(ids)

    def remove(self, kind: str, ids) -> None:
        ids = set(ids)
        self.removed.setdefault(kind, set()).update(ids)
        self.added.get(kind, set()).difference_update(ids)

    def reorder(self, kind: str) -> None:
        self.reordered.add(kind)

    def collect(self, initiator: object | None = None) -> Changes:
        kinds = [
            k
            for k in KINDS
            if k in self.ids or k in self.added or k in self.removed or k in self.reordered
        ]
        parts = tuple(
            Change(
                kind,
                frozenset(self.ids.get(kind, ())),
                frozenset(self.fields.get(kind, ())),
                frozenset(self.added.get(kind, ())),
                frozenset(self.removed.get(kind, ())),
                kind in self.reordered,
            )
            for kind in kinds
        )
        return Changes(parts, initiator)
