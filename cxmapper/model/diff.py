"""What changed between two versions of a map, in the users' words: touchpoints added, removed,
moved (to which stage or lane), renamed, re-felt, annotated, voted on; stages, departments and
channels added, removed, renamed, reordered; the map's own title, texts, persona and view. Parts
are matched by id, so a renamed stage is a rename, not a removal and an addition."""

from __future__ import annotations

from typing import Any

from cxmapper.model.fields import LABELS
from cxmapper.model.journey import (
    FEELING_WORDS,
    VOTE_TOPIC_NAMES,
    VOTE_TOPICS,
    JourneyMap,
    Touchpoint,
)

# A touchpoint's annotations, by what users call them (title, place and feeling are told apart).
NOTES = {
    f: LABELS[f]
    for f in (
        "description",
        "channel_id",
        "contributing_department_ids",
        "emotion",
        "expectation",
        "pain_points",
        "root_cause",
        "opportunities",
        "quotes",
        "moment_of_truth",
        "partner_owned",
        "evidence",
        "sources",
        "future_feeling",
        "future_note",
        "future_state",
        "leads_to",
    )
}
MAP_FIELDS = {f: LABELS[f] for f in ("title", "description", "scenario")}
MAP_VIEW = {f: LABELS[f] for f in ("rows", "curves", "votes_shown")}
PERSONA_FIELDS = {f: LABELS[f] for f in ("name", "description", "goals")}
PART_FIELDS = {
    kind: {f: LABELS[f] for f in fields}
    for kind, fields in (
        ("stage", ("description", "customer_goal")),
        ("department", ("colour", "blueprint_layer")),
        ("channel", ("icon",)),
    )
}
LISTS = {"stage": "stages", "department": "departments", "channel": "channels"}
SHORT = 60


def quoted(text: str) -> str:
    """A user's text in a line of the diff: quoted, on one line, cut if long."""
    one = " ".join(str(text).split()).replace('"', '\\"')
    return '"' + (one if len(one) <= SHORT else one[: SHORT - 1] + "…") + '"'


def feeling_word(feeling: int | None) -> str:
    if feeling is None:
        return "not rated"
    return f"{feeling:+d} ({FEELING_WORDS[feeling]})" if feeling else f"0 ({FEELING_WORDS[0]})"


def _value(value: Any, journey: JourneyMap, field: str) -> str:
    """A field's value as the users read it (names for ids)."""
    if field == "future_feeling" and value is None:
        return "as today"
    if field in ("feeling", "future_feeling"):
        return feeling_word(value)
    if field == "channel_id":
        channel = journey.channel(value)
        return quoted(channel.name) if channel else "none"
    if field == "contributing_department_ids":
        return ", ".join(quoted(journey.department(d).name) for d in value) or "none"
    if field == "leads_to":
        titles = {t.id: t.title for t in journey.touchpoints}
        return ", ".join(quoted(titles.get(i, i)) for i in value) or "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(quoted(v) for v in value) or "none"
    if value is None or value == "":
        return "none"
    return quoted(value)


def _list_change(old: list, new: list) -> str:
    added = [v for v in new if v not in old]
    gone = [v for v in old if v not in new]
    said = [f"+ {quoted(v)}" for v in added] + [f"- {quoted(v)}" for v in gone]
    if [v for v in old if v in new] != [v for v in new if v in old]:
        said.append("reordered")
    return "; ".join(said)


def differences(old: JourneyMap, new: JourneyMap) -> list[str]:
    """Every change from `old` to `new`, one line each, in the order a reader meets them."""
    lines: list[str] = []
    for field, word in MAP_FIELDS.items():
        a, b = getattr(old, field), getattr(new, field)
        if a != b:
            lines.append(f"Map {word}: {_value(a, old, field)} → {_value(b, new, field)}")
    for field, word in PERSONA_FIELDS.items():
        a, b = getattr(old.persona, field), getattr(new.persona, field)
        if a != b:
            change = _list_change(a, b) if field == "goals" else f"{quoted(a)} → {quoted(b)}"
            lines.append(f"Persona {word}: {change}")
    for field, word in MAP_VIEW.items():
        a, b = getattr(old, field), getattr(new, field)
        if a != b:
            lines.append(f"Map {word}: {_shown(a)} → {_shown(b)}")
    for kind in ("stage", "department", "channel"):
        lines += _parts(kind, old, new)
    lines += _touchpoints(old, new)
    authors = [a for a in new.metadata.authors if a not in old.metadata.authors]
    if authors:
        lines.append("Authors: " + "; ".join(f"+ {quoted(a)}" for a in authors))
    return lines


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(v.replace("_", " ") for v in value) or "none"
    return "none" if value is None else str(value).replace("_", " ")


def _parts(kind: str, old: JourneyMap, new: JourneyMap) -> list[str]:
    lines = []
    before = {p.id: p for p in getattr(old, LISTS[kind])}
    after = {p.id: p for p in getattr(new, LISTS[kind])}
    word = kind.capitalize()
    new_order = list(after)
    for i, part in enumerate(getattr(new, LISTS[kind])):
        if part.id not in before:
            where = f" after {quoted(after[new_order[i - 1]].name)}" if i else " first"
            lines.append(f"{word} added: {quoted(part.name)}{where}")
    for part in getattr(old, LISTS[kind]):
        if part.id not in after:
            lines.append(f"{word} removed: {quoted(part.name)}")
    for part_id, part in after.items():
        was = before.get(part_id)
        if was is None:
            continue
        if was.name != part.name:
            lines.append(f"{word} renamed: {quoted(was.name)} → {quoted(part.name)}")
        for field, label in PART_FIELDS[kind].items():
            a, b = getattr(was, field), getattr(part, field)
            if a != b:
                lines.append(f"{word} {quoted(part.name)}: {label} {_plain(a)} → {_plain(b)}")
    kept_old = [i for i in before if i in after]
    kept_new = [i for i in after if i in before]
    if kept_old != kept_new:
        names = ", ".join(after[i].name for i in kept_new)
        lines.append(f"{word}s reordered: {names}")
    return lines


def _plain(value: Any) -> str:
    return "none" if value in (None, "") else quoted(value)


def _place(journey: JourneyMap, tp: Touchpoint) -> str:
    stage = journey.stage(tp.stage_id)
    owner = journey.department(tp.department_id)
    lane = owner.name if owner else "Unassigned"
    return f"{quoted(stage.name if stage else tp.stage_id)}, lane {quoted(lane)}"


def _touchpoints(old: JourneyMap, new: JourneyMap) -> list[str]:
    lines = []
    before = {t.id: t for t in old.touchpoints}
    after = {t.id: t for t in new.touchpoints}
    last_in_stage: dict[str, Touchpoint] = {}  # going through time: the one before, per stage
    for tp in new.touchpoints_in_time_order():
        earlier = last_in_stage.get(tp.stage_id)
        last_in_stage[tp.stage_id] = tp
        if tp.id not in before:
            when = f"after {quoted(earlier.title)}" if earlier else "first in its stage"
            lines.append(
                f"Touchpoint added: {quoted(tp.title)} in {_place(new, tp)}, {when}, "
                f"feeling {feeling_word(tp.feeling)}"
            )
    for tp in old.touchpoints_in_time_order():
        if tp.id not in after:
            lines.append(f"Touchpoint removed: {quoted(tp.title)} from {_place(old, tp)}")
    titles = {t.id: t.title for t in (*old.touchpoints, *new.touchpoints)}  # handoffs by title
    for tp in new.touchpoints_in_time_order():
        was = before.get(tp.id)
        if was is None:
            continue
        name = quoted(tp.title)
        if was.title != tp.title:
            lines.append(f"Touchpoint renamed: {quoted(was.title)} → {name}")
        lines += _moved(old, new, was, tp, name)
        if was.feeling != tp.feeling:
            lines.append(
                f"Touchpoint {name}: feeling {feeling_word(was.feeling)} → "
                f"{feeling_word(tp.feeling)}"
            )
        for field, word in NOTES.items():
            a, b = getattr(was, field), getattr(tp, field)
            if a == b:
                continue
            if field in ("pain_points", "opportunities", "quotes", "sources"):
                change = _list_change(a, b)
            elif field == "leads_to":  # by title
                change = _list_change([titles.get(i, i) for i in a], [titles.get(i, i) for i in b])
            elif field in ("description", "root_cause", "future_note"):
                change = "changed" if a and b else ("added" if b else "removed")
                change += f": {quoted(b)}" if b else ""
            else:
                change = f"{_value(a, old, field)} → {_value(b, new, field)}"
            lines.append(f"Touchpoint {name}: {word} {change}")
        lines += _votes(was, tp, name)
    return lines


def _votes(was: Touchpoint, tp: Touchpoint, name: str) -> list[str]:
    """A line for each topic whose dots on the card changed: "votes on pain points 2 → 5"."""
    counts = [(t, was.votes.get(t, 0), tp.votes.get(t, 0)) for t in VOTE_TOPICS]
    return [
        f"Touchpoint {name}: {LABELS['votes']} on {VOTE_TOPIC_NAMES[t]} {a} → {b}"
        for t, a, b in counts
        if a != b
    ]


def _moved(
    old: JourneyMap, new: JourneyMap, was: Touchpoint, tp: Touchpoint, name: str
) -> list[str]:
    lines = []
    if was.stage_id != tp.stage_id:
        a, b = old.stage(was.stage_id), new.stage(tp.stage_id)
        lines.append(
            f"Touchpoint {name}: moved from stage {quoted(a.name if a else was.stage_id)} to "
            f"{quoted(b.name if b else tp.stage_id)}"
        )
    elif was.position != tp.position:
        earlier = tp.position < was.position
        lines.append(f"Touchpoint {name}: moved {'earlier' if earlier else 'later'} in its stage")
    if was.department_id != tp.department_id:
        a, b = old.department(was.department_id), new.department(tp.department_id)
        lines.append(
            f"Touchpoint {name}: moved from lane {quoted(a.name) if a else 'Unassigned'} to "
            f"{quoted(b.name) if b else 'Unassigned'}"
        )
    return lines
