"""Plans for touchpoints in time: moved (to a place, to another stage), added, added from
pasted lines, pasted from the clipboard. Where they land is decided by model/edits.py (the
stage renumbered so positions stay small whole numbers); limits and places are checked first.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from cxmapper.model.edits import Place, place_after, place_touchpoints
from cxmapper.model.fields import EditRefused, clean_value
from cxmapper.model.journey import JourneyMap, Touchpoint
from cxmapper.model.limits import over_limit
from cxmapper.model.plans.edit import Edit, SetFields, Step, inserting
from cxmapper.model.plans.fields import Touchpoints
from cxmapper.model.plans.undo_text import named
from cxmapper.model.transfer import Pasted


def new_touchpoint_id(taken: Collection[str], also: Collection[str] = frozenset()) -> str:
    """An id no touchpoint in `taken` (the map's) nor in `also` (about to be added) has."""
    while True:
        candidate = f"tp-{uuid.uuid4().hex[:8]}"
        if candidate not in taken and candidate not in also:
            return candidate


def check_place(journey: JourneyMap, place: Place) -> None:
    stage_id, _, department_id = place
    if journey.stage(stage_id) is None:
        raise EditRefused(f'the stage "{stage_id}" is not in the map')
    if department_id is not None and journey.department(department_id) is None:
        raise EditRefused(f'the department "{department_id}" is not in the map')


def _placed(places: dict[str, Place]) -> SetFields:
    return SetFields(
        "touchpoint",
        {
            tid: {"stage_id": s, "position": p, "department_id": d}
            for tid, (s, p, d) in places.items()
        },
    )


def _index(journey: JourneyMap, touchpoints: Touchpoints | None) -> Touchpoints:
    return touchpoints if touchpoints is not None else {t.id: t for t in journey.touchpoints}


def move_touchpoints(
    journey: JourneyMap, moves: dict[str, Place], touchpoints: Touchpoints | None = None
) -> Edit | None:
    """Touchpoints to (stage, position, department); None when nothing changes."""
    by_id = _index(journey, touchpoints)
    moves = {tid: place for tid, place in moves.items() if tid in by_id}
    for place in moves.values():
        check_place(journey, place)
    new = place_touchpoints(journey, moves)
    if not new:
        return None
    n = len(moves)
    if n == 1:
        text = f"Move {named('touchpoint', by_id[next(iter(moves))])}"
    else:
        text = f"Move {n} touchpoints"
    return Edit(text, (_placed(new),))


def move_to_stage(
    journey: JourneyMap, ids: list[str], stage_id: str, touchpoints: Touchpoints | None = None
) -> Edit | None:
    """Touchpoints to the end of another stage, keeping their lanes and their order."""
    check_place(journey, (stage_id, 0, None))
    order = [t for t in journey.touchpoints_in_time_order() if t.id in set(ids)]
    moving = [t for t in order if t.stage_id != stage_id]
    if not moving:
        return None
    last = max((t.position for t in journey.touchpoints if t.stage_id == stage_id), default=-1.0)
    slots = {p: k for k, p in enumerate(sorted({(t.stage_id, t.position) for t in moving}))}
    moves = {
        t.id: (stage_id, last + 1 + slots[(t.stage_id, t.position)], t.department_id)
        for t in moving
    }
    return move_touchpoints(journey, moves, touchpoints)


def add_touchpoint(
    journey: JourneyMap,
    place: Place,
    title: str = "New touchpoint",
    channel_id: str | None = None,
    touchpoints: Touchpoints | None = None,
) -> Edit:
    """A new touchpoint at `place` (its id: `edit.added("touchpoint")[0]`); EditRefused when
    the place or title is not valid or the map holds all it can."""
    check_place(journey, place)
    if problem := over_limit(journey, {"touchpoint": 1}):
        raise EditRefused(problem)
    if channel_id is not None and journey.channel(channel_id) is None:
        channel_id = None
    stage_id = place[0]
    title = clean_value(journey, "touchpoint", None, "title", title)
    new_id = new_touchpoint_id(_index(journey, touchpoints))
    shifts = place_touchpoints(journey, {new_id: place})
    _, position, department_id = shifts.pop(new_id)
    touchpoint = Touchpoint(
        id=new_id,
        title=title,
        stage_id=stage_id,
        position=position,
        department_id=department_id,
        channel_id=channel_id,
    )
    steps: list[Step] = [inserting("touchpoint", [(len(journey.touchpoints), touchpoint)])]
    if shifts:
        steps.append(_placed(shifts))
    return Edit(f"Add touchpoint '{touchpoint.title}'", tuple(steps))


def add_titled(
    journey: JourneyMap,
    titles: list[str],
    after: str | None,
    touchpoints: Touchpoints | None = None,
) -> Edit | None:
    """Touchpoints named by pasted lines, one after another after `after` (or after the map's
    last touchpoint), in its stage and lane: one undo step."""
    stage_id, _, department_id = place_after(journey, after)
    taken = _index(journey, touchpoints)
    made: list[Touchpoint] = []
    new: set[str] = set()
    for title in titles:
        clean = clean_value(journey, "touchpoint", None, "title", title)
        made.append(
            Touchpoint(
                id=new_touchpoint_id(taken, new),
                title=clean,
                stage_id=stage_id,
                department_id=department_id,
            )
        )
        new.add(made[-1].id)
    text = f"Paste {len(made)} touchpoint" + ("s" if len(made) != 1 else "")
    return insert_after(journey, Pasted(touchpoints=made), after, text, keep_lane=False)


def paste_touchpoints(journey: JourneyMap, pasted: Pasted, after: str | None) -> Edit | None:
    """Copied touchpoints (model.transfer) after `after`, each in its own department (made
    when the map lacks it), in their own order: one undo step."""
    n = len(pasted.touchpoints)
    text = f"Paste {n} touchpoint" + ("s" if n != 1 else "")
    return insert_after(journey, pasted, after, text, keep_lane=True)


def insert_after(
    journey: JourneyMap, pasted: Pasted, after: str | None, text: str, keep_lane: bool
) -> Edit | None:
    """What a paste adds, its touchpoints after `after` (in its lane, or each in its own when
    `keep_lane`), or each where it is when `pasted.in_place`; None when it adds nothing."""
    if not pasted.touchpoints:
        return None
    adding = {
        "touchpoint": len(pasted.touchpoints),
        "stage": len(pasted.stages),
        "department": len(pasted.departments),
        "channel": len(pasted.channels),
    }
    if problem := over_limit(journey, adding):
        raise EditRefused(problem)
    if pasted.in_place:  # a table's rows: each at the end of its own stage
        moves = {t.id: (t.stage_id, t.position, t.department_id) for t in pasted.touchpoints}
    else:
        if not journey.stages:
            raise EditRefused("the map has no stages yet: a touchpoint needs a stage")
        stage_id, position, department_id = place_after(journey, after)
        base = position - 0.5
        n = len(pasted.touchpoints)
        moves = {
            tp.id: (
                stage_id,
                base + (i + 1) / (n + 1),
                tp.department_id if keep_lane else department_id,
            )
            for i, tp in enumerate(pasted.touchpoints)
        }
    shifts = place_touchpoints(journey, moves)
    placed = []
    for tp in pasted.touchpoints:
        stage, pos, dept = shifts.pop(tp.id, moves[tp.id])
        placed.append(
            tp.model_copy(update={"stage_id": stage, "position": pos, "department_id": dept})
        )
    steps: list[Step] = []
    for kind, parts in (
        ("stage", pasted.stages),
        ("department", pasted.departments),
        ("channel", pasted.channels),
        ("touchpoint", placed),
    ):
        if parts:
            start = len(getattr(journey, f"{kind}s"))
            steps.append(inserting(kind, [(start + i, part) for i, part in enumerate(parts)]))
    if shifts:
        steps.append(_placed(shifts))
    return Edit(text, tuple(steps))
