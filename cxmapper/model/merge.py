"""A three-way merge of two versions of a map that grew apart from one base, part by part and
field by field, by id: what only one side changed is taken from it; what both changed the same
way is taken once; what both changed differently (or one deleted while the other edited) keeps
OURS and is listed as a conflict in the users' words. Lists of notes combine item by item.
Votes are dots put on by different people: both sides' changes to a card's count on a topic
add up (never a conflict; from none to the most a card holds).
Metadata never conflicts: the later modified time, every author. The result is always a valid
map: a reference to a part the other side removed is moved to a neighbour or dropped, and said;
a list both sides added to past what a map holds keeps OURS' items and as many of THEIRS' as
fit, and lists the rest. Nothing is lost without being said.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from cxmapper.model.defaults import unique_id
from cxmapper.model.diff import differences, feeling_word, quoted
from cxmapper.model.fields import LABELS
from cxmapper.model.journey import (
    MAX_VOTES,
    VOTE_TOPIC_NAMES,
    VOTE_TOPICS,
    JourneyMap,
    Metadata,
    Persona,
    Touchpoint,
)
from cxmapper.model.plans.mending import Remaining, mended
from cxmapper.model.problems import validation_problems

KINDS = (("stage", "stages"), ("department", "departments"), ("channel", "channels"))
ITEM_LISTS = {  # combined item by item: both sides' additions kept, both sides' removals made
    "pain_points",
    "opportunities",
    "quotes",
    "sources",
    "goals",
    "authors",
    "leads_to",
    "contributing_department_ids",
    "rows",
}
ID_LISTS = {"leads_to", "contributing_department_ids"}  # lists of parts, said by their names
# As users call the fields; in a merge a touchpoint's owner is its lane, moved in time.
FIELD_WORDS = {**LABELS, "department_id": "lane", "position": "place in time"}


def _limit(model: type[BaseModel], name: str) -> int | None:
    """How many items the model lets a list field hold (its own bound, not a copy of it)."""
    bounds = [m.max_length for m in model.model_fields[name].metadata if hasattr(m, "max_length")]
    return min(bounds) if bounds else None


@dataclass
class Merged:
    journey: JourneyMap
    conflicts: list[str] = field(default_factory=list)


def _counted(values: list) -> list[tuple[Any, int]]:
    """Each item with how many equal ones come before it: an item listed twice is two items
    (two authors of one name both stay when both sides keep them)."""
    seen: Counter = Counter()
    counted = []
    for v in values:
        counted.append((v, seen[v]))
        seen[v] += 1
    return counted


def _items(base: list, ours: list, theirs: list) -> list:
    """A list both sides changed, merged item by item: OURS' items in OURS' order less what
    THEIRS removed, then THEIRS' additions (an item both added is added once)."""
    b, o, t = (_counted(side) for side in (base, ours, theirs))
    in_base, in_theirs = set(b), set(t)
    result = [v for v in o if v in in_theirs or v not in in_base]
    kept = set(result)
    return [v for v, _ in result + [v for v in t if v not in in_base and v not in kept]]


def _name_of(kind: str, part: dict) -> str:
    return quoted(part.get("title") if kind == "touchpoint" else part.get("name", ""))


def _whole(text: Any) -> str:
    """A user's text in a conflict, all of it (what is not kept must be readable there)."""
    return '"' + " ".join(str(text).split()).replace('"', '\\"') + '"'


class _Said:
    """What a merge says: its conflicts, and the parts' names to say them with (by id; the
    base's names win, as both sides knew them)."""

    def __init__(self, *sides: dict) -> None:
        self.conflicts: list[str] = []
        self.names: dict[str, str] = {}
        self.not_kept: set[tuple[str, str]] = set()  # (kind, id): added, but past a limit
        for side in sides:
            for _, key in KINDS:
                self.names.update({p["id"]: p["name"] for p in side[key]})
            self.names.update({p["id"]: p["title"] for p in side["touchpoints"]})

    def named(self, part_id: str) -> str:
        return quoted(self.names.get(part_id, part_id))

    def say(self, value: Any, name: str) -> str:
        if name == "future_feeling" and value is None:
            return "as today"
        if name in ("feeling", "future_feeling"):
            return feeling_word(value)
        if name in ("stage_id", "department_id", "channel_id"):
            return self.named(value) if value else "none"
        if name == "position":
            return f"{value:g}"
        if name == "votes_shown" and value:
            return _whole(VOTE_TOPIC_NAMES[value])
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            say = self.named if name in ID_LISTS else _whole
            return ", ".join(say(v) for v in value) or "none"
        return "none" if value in (None, "") else _whole(value)

    def gone(self, kind: str, part_id: str) -> str:
        """Why a part a touchpoint referred to is not in the merge."""
        return "was not kept" if (kind, part_id) in self.not_kept else "was removed"


def _fields(what: str, base: dict | None, ours: dict, theirs: dict, said: _Said) -> dict:
    """One part's fields merged (base None: both sides added it)."""
    result = {}
    for name in ours:
        a, b = ours[name], theirs.get(name, ours[name])
        o = base.get(name) if base is not None else None
        if name == "votes":  # (a touchpoint's) counted, not chosen: even equal changes add up
            result[name] = _votes(o or {}, a, b)
        elif a == b:
            result[name] = a
        elif base is not None and a == o:  # only theirs changed it
            result[name] = b
        elif base is not None and b == o:  # only ours
            result[name] = a
        elif name in ITEM_LISTS and isinstance(a, list) and isinstance(b, list):
            was = o if isinstance(o, list) else []
            result[name] = _items(was, a, b)
            reworded = [v for v in was if v not in a and v not in b]
            ours_new = [v for v in a if v not in was]
            theirs_new = [v for v in b if v not in was]
            if reworded and ours_new and theirs_new:  # the same item rewritten two ways
                word = FIELD_WORDS.get(name, name.replace("_", " "))
                said.conflicts.append(
                    f"{what}: {word}: {said.say(reworded, name)} rewritten both ways: ours "
                    f"{said.say(ours_new, name)}, theirs {said.say(theirs_new, name)}; kept both"
                )
        else:
            word = FIELD_WORDS.get(name, name.replace("_", " "))
            said.conflicts.append(
                f"{what}: {word} changed both ways: ours {said.say(a, name)}, theirs "
                f"{said.say(b, name)}; kept ours"
            )
            result[name] = a
    return result


def _votes(base: dict, ours: dict, theirs: dict) -> dict:
    """A card's dots per topic: the base's, with what each side put on or took off (two rooms
    that voted on copies of one map both count), from none to the most a card holds."""
    counts = {
        t: ours.get(t, 0) + theirs.get(t, 0) - base.get(t, 0)
        for t in VOTE_TOPICS  # (the map's own order of topics)
    }
    return {t: min(n, MAX_VOTES) for t, n in counts.items() if n > 0}


def _parts(kind: str, base: list, ours: list, theirs: list, said: _Said) -> list:
    """Parts of one kind (stages, departments, channels or touchpoints) merged by id, in OURS'
    order with THEIRS' additions placed after the part they follow there."""
    by = [{p["id"]: p for p in side} for side in (base, ours, theirs)]
    b_ids, o_ids, t_ids = (list(d) for d in by)
    result: dict[str, dict] = {}
    for pid in dict.fromkeys(o_ids + t_ids + b_ids):
        b, o, t = by[0].get(pid), by[1].get(pid), by[2].get(pid)
        what = f"{kind} {_name_of(kind, b or o or t)}"  # by the name both started from
        if o is not None and t is not None:
            result[pid] = _fields(what, b, o, t, said)
        elif o is not None and b is None:
            result[pid] = o  # added by ours
        elif t is not None and b is None:
            result[pid] = t  # added by theirs
        elif o is not None:  # theirs removed it
            if o != b:
                said.conflicts.append(f"{what}: theirs removes it, ours changes it; kept ours")
                result[pid] = o
        elif t is not None and t != b:  # ours removed what theirs changed
            said.conflicts.append(f"{what}: ours removes it, theirs changes it; kept it removed")
    order = _order(kind, b_ids, o_ids, t_ids, said, by)
    return [result[i] for i in order if i in result]


def _order(kind, b_ids, o_ids, t_ids, said: _Said, by) -> list[str]:
    """OURS' order; if only THEIRS reordered what both kept, THEIRS' order of those; THEIRS'
    additions after the part they follow in THEIRS. Both adding at one place is said."""
    in_base, in_ours, in_theirs = set(b_ids), set(o_ids), set(t_ids)
    kept = in_base & in_ours & in_theirs
    o_kept = [i for i in o_ids if i in kept]
    t_kept = [i for i in t_ids if i in kept]
    base_kept = [i for i in b_ids if i in kept]
    order = list(o_ids)
    if o_kept == base_kept and t_kept != base_kept:
        slots = iter(t_kept)  # theirs reordered: their order, ours' additions where they were
        order = [next(slots) if i in kept else i for i in order]
    elif o_kept != base_kept and t_kept != base_kept and o_kept != t_kept:
        said.conflicts.append(f"{kind}s reordered both ways; kept ours' order")
    ours_added = in_ours - in_base
    placed = set(order)
    for k, pid in enumerate(t_ids):
        if pid in placed or pid in in_base:
            continue
        before = next((t_ids[j] for j in range(k - 1, -1, -1) if t_ids[j] in placed), None)
        at = order.index(before) + 1 if before is not None else 0
        first = at
        while at < len(order) and order[at] in ours_added and kind != "touchpoint":
            at += 1
        if at > first:
            names = ", ".join(_name_of(kind, by[1][i]) for i in order[first:at])
            said.conflicts.append(
                f"{kind}s added at one place: ours {names}, theirs "
                f"{_name_of(kind, by[2][pid])}; ours first"
            )
        order.insert(at, pid)
        placed.add(pid)
    return order


def merge(base: JourneyMap, ours: JourneyMap, theirs: JourneyMap) -> Merged:
    """BASE, OURS and THEIRS merged; conflicts keep OURS and are listed."""
    b, o, t = (m.model_dump(mode="json") for m in (base, ours, theirs))
    _both_added(b, o, t)
    said = _Said(t, o, b)
    top = {k: v for k, v in o.items() if k not in {"metadata", "persona", *dict(KINDS).values()}}
    top.pop("touchpoints")
    result = _fields("the map", b, top, t, said)
    result["persona"] = _fields("the persona", b["persona"], o["persona"], t["persona"], said)
    for kind, key in (*KINDS, ("touchpoint", "touchpoints")):
        parts = _parts(kind, b[key], o[key], t[key], said)
        result[key] = _fit_parts(kind, key, parts, {p["id"] for p in o[key]}, said)
    result["metadata"] = _metadata(b["metadata"], o["metadata"], t["metadata"])
    _mend(result, b, t, said)
    _fit_lists(result, said)
    try:
        return Merged(JourneyMap.model_validate(result), said.conflicts)
    except ValidationError as exc:  # a last resort (not met in testing): ours whole, and said
        why = validation_problems(exc, result)[0]
        return Merged(
            ours.model_copy(deep=True),
            [
                f"the two could not be combined ({why}); kept ours whole",
                *(f"theirs' change not kept: {line}" for line in differences(base, theirs)),
            ],
        )


def _fit_parts(kind: str, key: str, parts: list, ours: set[str], said: _Said) -> list:
    """Parts of one kind past what a map holds: OURS' all (OURS is a valid map), then THEIRS'
    additions in their order as long as they fit; each one not kept is said."""
    limit = _limit(JourneyMap, key)
    if limit is None or len(parts) <= limit:
        return parts
    theirs_new = [p["id"] for p in parts if p["id"] not in ours]
    dropped = set(theirs_new[limit - len(parts) :])
    for p in parts:
        if p["id"] in dropped:
            said.not_kept.add((kind, p["id"]))
            said.conflicts.append(
                f"{kind} {_name_of(kind, p)}: theirs adds it; not kept, as a map holds at most "
                f"{limit} {key}"
            )
    return [p for p in parts if p["id"] not in dropped]


def _fit_lists(result: dict, said: _Said) -> None:
    """Lists both sides added to past what they hold (handoffs, notes, goals, authors): OURS'
    items first (the merged list puts them first), as many of THEIRS' as fit, the rest said."""
    for tp in result["touchpoints"]:
        what = f"touchpoint {said.named(tp['id'])}"
        for name in [n for n in tp if n in ITEM_LISTS]:
            _cut(what, tp, name, Touchpoint, said)
    _cut("the persona", result["persona"], "goals", Persona, said)
    _cut("the map", result["metadata"], "authors", Metadata, said)


def _cut(what: str, part: dict, name: str, model: type[BaseModel], said: _Said) -> None:
    """One list cut to its limit; what is cut (THEIRS' last additions) said in full."""
    limit = _limit(model, name)
    if limit is None or len(part[name]) <= limit:
        return
    dropped = part[name][limit:]
    part[name] = part[name][:limit]
    word = FIELD_WORDS.get(name, name.replace("_", " "))
    said.conflicts.append(
        f"{what}: {word} added on both sides come to more than {limit}; kept ours and as many "
        f"of theirs as fit; not kept: {said.say(dropped, name)}"
    )


PREFIXES = {"stage": "stage", "department": "dept", "channel": "channel", "touchpoint": "tp"}


def _both_added(base: dict, ours: dict, theirs: dict) -> None:
    """Parts both sides added under one id (the editor names a new stage "stage-new-stage" in
    every copy) but made differently are two parts: THEIRS' gets an id of its own, and THEIRS'
    references follow it. Added the same on both sides, they are one (whose votes add up)."""
    renamed: dict[str, dict[str, str]] = {}
    for kind, key in (*KINDS, ("touchpoint", "touchpoints")):
        known = {p["id"] for side in (base, ours, theirs) for p in side[key]}
        in_base = {p["id"] for p in base[key]}
        mine = {p["id"]: p for p in ours[key]}
        moves = {}
        for part in theirs[key]:
            pid = part["id"]
            if pid in in_base or pid not in mine or _unvoted(mine[pid]) == _unvoted(part):
                continue
            label = part.get("title") if kind == "touchpoint" else part.get("name", "")
            new_id = unique_id(PREFIXES[kind], label, known)
            known.add(new_id)
            moves[pid] = new_id
            part["id"] = new_id
        renamed[kind] = moves
    fields = {"stage": "stage_id", "department": "department_id", "channel": "channel_id"}
    for tp in theirs["touchpoints"]:
        for kind, name in fields.items():
            if tp[name] in renamed[kind]:
                tp[name] = renamed[kind][tp[name]]
        moved = renamed["department"]
        tp["contributing_department_ids"] = [
            moved.get(d, d) for d in tp["contributing_department_ids"]
        ]
        tp["leads_to"] = [renamed["touchpoint"].get(i, i) for i in tp["leads_to"]]


def _unvoted(part: dict) -> dict:
    """A part as made, without the dots a room put on it."""
    return {k: v for k, v in part.items() if k != "votes"}


def _metadata(base: dict, ours: dict, theirs: dict) -> dict:
    """Never a conflict: one side's if the other's is the base's (or both are the same), else
    the earlier creation, the later change and every author (OURS', then THEIRS' others)."""
    if ours == base:
        return theirs
    if theirs in (base, ours):
        return ours
    mine = set(_counted(ours["authors"]))
    others = [a for a, n in _counted(theirs["authors"]) if (a, n) not in mine]
    authors = [*ours["authors"], *others]
    return {
        **ours,
        "created": min(ours["created"], theirs["created"]),
        "modified": max(ours["modified"], theirs["modified"]),
        "authors": authors,
    }


def _mend(result: dict, base: dict, theirs: dict, said: _Said) -> None:
    """References to parts one side removed while the other used them (or that were not kept,
    past a limit), mended as every removal mends them (model/plans/mending.py): a touchpoint in
    a removed stage goes to the stage before it (in the base, or in THEIRS for a stage THEIRS
    added), else the first; in a removed lane, to Unassigned; a removed channel, contributor or
    handoff is dropped. Each said."""
    stages = [s["id"] for s in result["stages"]]
    if not stages and result["touchpoints"]:  # every stage went: the first one named is kept
        gone = result["touchpoints"][0]["stage_id"]
        result["stages"] = [{"id": gone, "name": "Stage", "description": "", "customer_goal": ""}]
        stages = [gone]
    departments = {d["id"] for d in result["departments"]}
    touchpoints = {t["id"] for t in result["touchpoints"]}
    orders = ([s["id"] for s in base["stages"]], [s["id"] for s in theirs["stages"]])
    remaining = Remaining(
        stages=set(stages),
        departments=departments,
        channels={c["id"] for c in result["channels"]},
        touchpoints=touchpoints,
        stage_for=lambda gone: _stage_before(gone, stages, orders),
    )
    for tp in result["touchpoints"]:
        change = mended(tp, remaining)
        name = quoted(tp["title"])
        if "stage_id" in change:
            gone, target = tp["stage_id"], change["stage_id"]
            why = (
                "its stage was removed"
                if said.gone("stage", gone) == "was removed"
                else f"its stage {said.named(gone)} was not kept"
            )
            said.conflicts.append(
                f"touchpoint {name}: {why}; moved to the stage "
                f"{quoted(next(s['name'] for s in result['stages'] if s['id'] == target))}"
            )
        if "department_id" in change:
            lane = tp["department_id"]
            said.conflicts.append(
                f"touchpoint {name}: its lane {said.named(lane)} {said.gone('department', lane)}"
                "; now unassigned"
            )
        if "channel_id" in change:
            channel = tp["channel_id"]
            said.conflicts.append(
                f"touchpoint {name}: its channel {said.named(channel)} "
                f"{said.gone('channel', channel)}; now none"
            )
        for d in tp["contributing_department_ids"]:
            if d not in departments:
                said.conflicts.append(
                    f"touchpoint {name}: its contributing department {said.named(d)} "
                    f"{said.gone('department', d)}; dropped"
                )
        for i in tp["leads_to"]:
            if i not in touchpoints:
                said.conflicts.append(
                    f"touchpoint {name}: its handoff to {said.named(i)}, which "
                    f"{said.gone('touchpoint', i)}, is dropped"
                )
        tp.update(change)


def _stage_before(gone: str, stages: list[str], orders: tuple[list[str], ...]) -> str:
    """The stage still in the merge that came before `gone` where it was known; else the first."""
    kept = set(stages)
    for order in orders:
        if gone in order:
            earlier = [s for s in order[: order.index(gone)] if s in kept]
            return earlier[-1] if earlier else stages[0]
    return stages[0]
