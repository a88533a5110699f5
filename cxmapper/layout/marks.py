"""The "?"s placed again where a few moments changed, the same as placing them all anew.

A "?" goes on the neutral line at its moment or steps aside, a face's spread at a time and at
most 32 of them, until it hides no face and no "?" placed before it (layout/faces.py). So it
depends only on the faces and earlier "?"s within REACH spreads of its moment: those far to the
left of a change keep their places, and to its right the "?"s are placed again only until they
fall where they were, with nothing that moved within their reach.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from operator import attrgetter

from cxmapper.layout.boxes import FeelingPoint
from cxmapper.layout.columns import face_spread
from cxmapper.layout.faces import Taken
from cxmapper.layout.moments import StageMoments
from cxmapper.layout.style import Style

REACH = 35  # face spreads: how far a "?" steps aside (32) and the faces it looks at beyond
_X = attrgetter("x")


def widest(sm: StageMoments, s: Style) -> float:
    """How far a face may sit from its moment in this stage (at most)."""
    return face_spread(s) * max(0, sm.widest - 1) / 2


def wanted_from(stages: list[StageMoments], x: float) -> Iterator[tuple[str, float]]:
    """The "?"s wanted from x on (x and right of it), in time order."""
    for sm in stages:
        moments = sm.moments
        if not moments or moments[-1].x < x:
            continue
        for m in moments[bisect_left(moments, x, key=_X) :]:
            yield from m.wanted


def faces_between(
    stages: list[StageMoments], lo: float, hi: float, s: Style
) -> Iterator[FeelingPoint]:
    """The faces of the state shown with lo <= x < hi."""
    for sm in stages:
        moments = sm.moments
        if not moments:
            continue
        far = widest(sm, s)
        if moments[-1].x + far < lo or moments[0].x - far >= hi:
            continue
        for m in moments[bisect_left(moments, lo - far, key=_X) :]:
            if m.x - far >= hi:
                break
            for face in m.faces:
                if lo <= face.center.x < hi:
                    yield face


def marks_again(
    old: list[FeelingPoint],
    was_at: Callable[[FeelingPoint], float],
    stages: list[StageMoments],
    regions: list[tuple[float, float]],
    y: float,
    s: Style,
    field: str,
) -> tuple[list[FeelingPoint], set[str]]:
    """The "?"s of `stages` (in stage order), where `old` were those of the layout before and
    `was_at` gives the moment each old one wanted; `regions` are the ranges of x where faces
    or wanted "?"s changed. Returns them, and the touchpoints whose "?" changed (or went)."""
    if not regions:
        return old, set()
    spread = face_spread(s)
    reach = REACH * spread
    regions = sorted(regions)
    marks: list[FeelingPoint] = []
    changed: set[str] = set()
    done = 0  # old "?"s dealt with
    k = 0
    while k < len(regions):
        lo, hi = regions[k]
        start = lo - reach
        first = bisect_left(old, start, lo=done, key=was_at)
        marks += old[done:first]
        placed_from = len(marks)
        taken = Taken([], spread)
        back = first - 1
        while back >= 0 and was_at(old[back]) >= start - 2 * reach:
            taken.add(old[back])  # (placed before: unchanged, and within reach)
            back -= 1
        olds: dict[str, FeelingPoint] = {}  # old "?"s near those placed again
        seen = first
        faces_to = start - reach
        frontier = float("-inf")  # the furthest right a "?" that differs was put
        done = len(old)
        for tid, x in wanted_from(stages, start):
            while k + 1 < len(regions) and regions[k + 1][0] - reach <= x:
                k += 1
                hi = max(hi, regions[k][1])
            if x > hi + reach and x - frontier > reach:  # beyond every change's reach:
                j = bisect_left(old, x, lo=first, key=was_at)  # each is where it was
                while j < len(old) and was_at(old[j]) == x and old[j].touchpoint_id != tid:
                    j += 1
                if j < len(old) and old[j].touchpoint_id == tid and was_at(old[j]) == x:
                    done = j
                    break
            if faces_to < x + reach:
                for face in faces_between(stages, faces_to, x + reach, s):
                    taken.add(face)
                faces_to = x + reach
            while seen < len(old) and was_at(old[seen]) <= x + reach:
                olds[old[seen].touchpoint_id] = old[seen]
                seen += 1
            mark = taken.free_spot(tid, x, y, s, field)
            before = olds.get(tid)
            if before is not None and before == mark:
                mark = before  # (the same: views keep it)
            else:
                changed.add(tid)
                frontier = max(frontier, mark.center.x)
            marks.append(mark)
        again = {m.touchpoint_id for m in marks[placed_from:]}
        changed |= {m.touchpoint_id for m in old[first:done]} - again
        k += 1
    marks += old[done:]
    return marks, changed
