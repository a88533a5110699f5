"""Find and filter: which touchpoints a search or a filter picks out, in time order."""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.model.journey import FEELING_WORDS, JourneyMap, Touchpoint


@dataclass(frozen=True)
class Filter:
    """What a touchpoint must be to stay bright: one of these, or none (every touchpoint).
    kind: "department" (key: its id, "" for unassigned), "channel" (its id), "feeling" (-2..2,
    or "unrated"), "pain_points", "opportunities", "quotes", "moment_of_truth"."""

    kind: str = ""
    key: str = ""

    def keeps(self, tp: Touchpoint) -> bool:
        if not self.kind:
            return True
        if self.kind == "department":
            return (tp.department_id or "") == self.key
        if self.kind == "channel":
            return tp.channel_id == self.key
        if self.kind == "feeling":
            return str(tp.feeling) == self.key if self.key != "unrated" else tp.feeling is None
        return bool(getattr(tp, self.kind))


def filters_of(journey: JourneyMap) -> list[tuple[str, Filter]]:
    """The filters a map offers, with their names, as a menu lists them."""
    found: list[tuple[str, Filter]] = [("All touchpoints", Filter())]
    found += [(f"Owner: {d.name}", Filter("department", d.id)) for d in journey.departments]
    if any(t.department_id is None for t in journey.touchpoints):
        found.append(("Owner: Unassigned", Filter("department", "")))
    found += [(f"Channel: {c.name}", Filter("channel", c.id)) for c in journey.channels]
    found += [(f"Feeling: {FEELING_WORDS[f]}", Filter("feeling", str(f))) for f in range(-2, 3)]
    found.append(("Feeling: not rated", Filter("feeling", "unrated")))
    found += [
        ("Has pain points", Filter("pain_points")),
        ("Has opportunities", Filter("opportunities")),
        ("Has quotes", Filter("quotes")),
        ("Moment of truth", Filter("moment_of_truth")),
    ]
    return found


def _texts(journey: JourneyMap, tp: Touchpoint) -> list[str]:
    stage = journey.stage(tp.stage_id)
    department = journey.department(tp.department_id)
    channel = journey.channel(tp.channel_id)
    return [
        tp.title,
        tp.description,
        tp.emotion,
        tp.root_cause,
        *tp.pain_points,
        *tp.opportunities,
        *tp.quotes,
        stage.name if stage else "",
        department.name if department else "",
        channel.name if channel else "",
    ]


def _plain(text: str) -> str:
    """Text as search compares it: any case, hyphens and dots as nothing ("Wi-Fi" is "wifi")."""
    return " ".join(text.casefold().replace("-", "").replace(".", "").split())


def found(journey: JourneyMap, text: str, keep: Filter | None = None) -> list[str]:
    """The touchpoints (ids, in time order) that hold every word of `text` (in any order and
    case; "" holds every one) and that the filter keeps: in their own texts, or in their
    stage's, owner's or channel's name."""
    words = _plain(text).split()
    keep = keep or Filter()
    hits = []
    for tp in journey.touchpoints_in_time_order():
        if not keep.keeps(tp):
            continue
        if words:
            held = _plain(" ".join(_texts(journey, tp)))
            if not all(word in held for word in words):
                continue
        hits.append(tp.id)
    return hits
