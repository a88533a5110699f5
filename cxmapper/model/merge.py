"""A three-way merge of two versions of a map that grew apart from one base, part by part and
field by field, by id: what only one side changed is taken from it; what both changed the same
way is taken once; what both changed differently (or one deleted while the other edited) keeps
OURS and is listed as a conflict in the users' words. Lists of notes combine item by item.
Metadata never conflicts: the later modified time, every author. The result is always a valid
map: a reference to a part the other side removed is moved to a neighbour or dropped, and said.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from cxmapper.model.defaults import unique_id
from cxmapper.model.diff import feeling_word, quoted
from cxmapper.model.fields import LABELS
from cxmapper.model.journey import JourneyMap

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
# As users call the fields; in a merge a touchpoint's owner is its lane, moved in time.
FIELD_WORDS = {**LABELS, "department_id": "lane", "position": "place in time"}


@dataclass
class Merged:
    journey: JourneyMap
    conflicts: list[str] = field(default_factory=list)


def _items(base: list, ours: list, theirs: list) -> list:
    """A list both sides changed, merged item by item: OURS' items in OURS' order less what
    THEIRS removed, then THEIRS' additions."""
    removed = [v for v in base if v not in ours or v not in theirs]
    result = [v for v in ours if v not in removed]
    return result + [v for v in theirs if v not in base and v not in result]


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
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            return ", ".join(self.named(v) for v in value) or "none"
        return "none" if value in (None, "") else _whole(value)


def _fields(what: str, base: dict | None, ours: dict, theirs: dict, said: _Said) -> dict:
    """One part's fields merged (base None: both sides added it)."""
    result = {}
    for name in ours:
        a, b = ours[name], theirs.get(name, ours[name])
        o = base.get(name) if base is not None else None
        if a == b:
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
    kept = [i for i in b_ids if i in o_ids and i in t_ids]
    o_kept = [i for i in o_ids if i in kept]
    t_kept = [i for i in t_ids if i in kept]
    base_kept = [i for i in b_ids if i in kept]
    order = list(o_ids)
    if o_kept == base_kept and t_kept != base_kept:
        slots = iter(t_kept)  # theirs reordered: their order, ours' additions where they were
        order = [next(slots) if i in kept else i for i in order]
    elif o_kept != base_kept and t_kept != base_kept and o_kept != t_kept:
        said.conflicts.append(f"{kind}s reordered both ways; kept ours' order")
    ours_added = {i for i in o_ids if i not in b_ids}
    for k, pid in enumerate(t_ids):
        if pid in order or pid in b_ids:
            continue
        before = next((t_ids[j] for j in range(k - 1, -1, -1) if t_ids[j] in order), None)
        at = order.index(before) + 1 if before is not None else 0
        while at < len(order) and order[at] in ours_added and kind != "touchpoint":
            name = _name_of(kind, by[1][order[at]])
            theirs = _name_of(kind, by[2][pid])
            said.conflicts.append(
                f"{kind}s added at one place: ours {name}, theirs {theirs}; ours first"
            )
            at += 1
        order.insert(at, pid)
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
    for kind, key in KINDS:
        result[key] = _parts(kind, b[key], o[key], t[key], said)
    result["touchpoints"] = _parts(
        "touchpoint", b["touchpoints"], o["touchpoints"], t["touchpoints"], said
    )
    result["metadata"] = _metadata(b["metadata"], o["metadata"], t["metadata"])
    _mend(result, b, said)
    conflicts = said.conflicts
    try:
        return Merged(JourneyMap.model_validate(result), conflicts)
    except ValidationError:  # (not met in testing) a map is never left broken: ours, whole
        return Merged(
            ours.model_copy(deep=True),
            [*conflicts, "the two could not be combined; kept ours whole"],
        )


PREFIXES = {"stage": "stage", "department": "dept", "channel": "channel", "touchpoint": "tp"}


def _both_added(base: dict, ours: dict, theirs: dict) -> None:
    """Parts both sides added under one id (the editor names a new stage "stage-new-stage" in
    every copy) but made differently are two parts: THEIRS' gets an id of its own, and THEIRS'
    references follow it. Added the same on both sides, they are one."""
    renamed: dict[str, dict[str, str]] = {}
    for kind, key in (*KINDS, ("touchpoint", "touchpoints")):
        known = {p["id"] for side in (base, ours, theirs) for p in side[key]}
        in_base = {p["id"] for p in base[key]}
        mine = {p["id"]: p for p in ours[key]}
        moves = {}
        for part in theirs[key]:
            pid = part["id"]
            if pid in in_base or pid not in mine or mine[pid] == part:
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


def _metadata(base: dict, ours: dict, theirs: dict) -> dict:
    """Never a conflict: one side's if the other's is the base's, else the earlier creation,
    the later change and every author."""
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    authors = list(dict.fromkeys([*ours["authors"], *theirs["authors"]]))
    return {
        **ours,
        "created": min(ours["created"], theirs["created"]),
        "modified": max(ours["modified"], theirs["modified"]),
        "authors": authors,
    }


def _mend(result: dict, base: dict, said: _Said) -> None:
    """References to parts one side removed while the other used them: a touchpoint in a
    removed stage goes to the stage before it in the base (or after); in a removed lane, to
    Unassigned; a removed channel, contributor or handoff is dropped. Each said."""
    stages = [s["id"] for s in result["stages"]]
    departments = {d["id"] for d in result["departments"]}
    channels = {c["id"] for c in result["channels"]}
    touchpoints = {t["id"] for t in result["touchpoints"]}
    base_order = [s["id"] for s in base["stages"]]
    for tp in result["touchpoints"]:
        name = quoted(tp["title"])
        if tp["stage_id"] not in stages:
            if not stages:
                result["stages"] = [
                    {"id": tp["stage_id"], "name": "Stage", "description": "", "customer_goal": ""}
                ]
                stages = [tp["stage_id"]]
            else:
                gone = tp["stage_id"]
                k = base_order.index(gone) if gone in base_order else len(base_order)
                earlier = [s for s in base_order[:k] if s in stages]
                target = earlier[-1] if earlier else stages[0]
                said.conflicts.append(
                    f"touchpoint {name}: its stage was removed; moved to the stage "
                    f"{quoted(next(s['name'] for s in result['stages'] if s['id'] == target))}"
                )
                tp["stage_id"] = target
        if tp["department_id"] is not None and tp["department_id"] not in departments:
            said.conflicts.append(f"touchpoint {name}: its lane was removed; now unassigned")
            tp["department_id"] = None
        if tp["channel_id"] is not None and tp["channel_id"] not in channels:
            said.conflicts.append(f"touchpoint {name}: its channel was removed; now none")
            tp["channel_id"] = None
        for d in tp["contributing_department_ids"]:
            if d not in departments:
                said.conflicts.append(
                    f"touchpoint {name}: its contributing department {said.named(d)} "
                    "was removed; dropped"
                )
        tp["contributing_department_ids"] = [
            d for d in tp["contributing_department_ids"] if d in departments
        ]
        for i in tp["leads_to"]:
            if i not in touchpoints:
                said.conflicts.append(
                    f"touchpoint {name}: its handoff to {said.named(i)}, which was "
                    "removed, is dropped"
                )
        tp["leads_to"] = [i for i in tp["leads_to"] if i in touchpoints and i != tp["id"]]
