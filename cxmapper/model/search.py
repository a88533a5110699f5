"""Find and filter: which parts of a map a search picks out (its title and persona, stages,
lanes, channels and touchpoints, in reading order), and which touchpoints a filter keeps."""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.model.journey import EVIDENCE, EVIDENCE_NAMES, FEELING_WORDS, JourneyMap, Touchpoint


@dataclass(frozen=True)
class Filter:
    """What a touchpoint must be to stay bright: one of these, or none (every touchpoint).
    kind: "department" (key: its id, "" for unassigned), "channel" (its id), "feeling" (-2..2,
    or "unrated"), "evidence" (observed, assumed, proposed, or "" for not said), "future_state"
    (new or removed), "pain_points", "opportunities", "quotes", "moment_of_truth"."""

    kind: str = ""
    key: str = ""

    def keeps(self, tp: Touchpoint) -> bool:
        if not self.kind:
            return True
        if self.kind == "department":
            return (tp.department_id or "") == self.key
        if self.kind == "channel":
            return tp.channel_id == self.key
        if self.kind == "evidence":
            return (tp.evidence or "") == self.key
        if self.kind == "future_state":
            return tp.future_state == self.key
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
    found += [(f"Evidence: {EVIDENCE_NAMES[e]}", Filter("evidence", e)) for e in EVIDENCE]
    found.append(("Evidence: not said", Filter("evidence", "")))
    found += [
        ("New in the future state", Filter("future_state", "new")),
        ("Retired in the future state", Filter("future_state", "removed")),
    ]
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
        *tp.sources,
        tp.future_note,
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
    return [tp.id for tp in _touchpoints_found(journey, _plain(text).split(), keep or Filter())]


def _touchpoints_found(journey: JourneyMap, words: list[str], keep: Filter) -> list[Touchpoint]:
    return [
        tp
        for tp in journey.touchpoints_in_time_order()
        if keep.keeps(tp) and (not words or _holds(_texts(journey, tp), words))
    ]


@dataclass(frozen=True)
class Hit:
    """A part of the map that holds what was looked for: its kind ("map" for the title,
    description, scenario and persona; "stage", "department", "channel" or "touchpoint"), its
    id (None for the map), and its name, to show."""

    kind: str
    part_id: str | None
    name: str


def _holds(texts: list[str], words: list[str]) -> bool:
    held = _plain(" ".join(texts))
    return all(word in held for word in words)


def hits(journey: JourneyMap, text: str, keep: Filter | None = None) -> list[Hit]:
    """Every part holding every word of `text` (any order, any case), in the order a reader
    meets them: the map's header, then each stage followed by its touchpoints in time order,
    then the lanes and the channels. A filter, or no words, picks touchpoints only."""
    keep, words = keep or Filter(), _plain(text).split()
    chosen = _touchpoints_found(journey, words, keep)
    if not words or keep.kind:
        return [Hit("touchpoint", tp.id, tp.title) for tp in chosen]
    persona = journey.persona
    result: list[Hit] = []
    header = [journey.title, journey.description, journey.scenario]
    if _holds([*header, persona.name, persona.description, *persona.goals], words):
        result.append(Hit("map", None, journey.title))
    by_stage: dict[str, list[Hit]] = {}
    for tp in chosen:
        by_stage.setdefault(tp.stage_id, []).append(Hit("touchpoint", tp.id, tp.title))
    for stage in journey.stages:
        if _holds([stage.name, stage.customer_goal, stage.description], words):
            result.append(Hit("stage", stage.id, stage.name))
        result += by_stage.get(stage.id, [])
    result += [
        Hit("department", d.id, d.name) for d in journey.departments if _holds([d.name], words)
    ]
    result += [Hit("channel", c.id, c.name) for c in journey.channels if _holds([c.name], words)]
    return result
