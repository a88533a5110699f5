"""Where the faces go in the emotion lane: one per touchpoint rated in the state shown, those of
one moment side by side, and a "?" for each not rated yet, on the neutral line at its moment or
moved aside (a face's spread at a time) until it hides no face and no other "?"."""

from __future__ import annotations

from collections import defaultdict

from cxmapper.layout.boxes import FeelingPoint, Slot
from cxmapper.layout.columns import face_spread
from cxmapper.layout.geometry import Point
from cxmapper.layout.moments import Moment, joined
from cxmapper.layout.style import Style
from cxmapper.model.future import feeling_now, feeling_then, in_current, in_future


class Faces:
    """How the faces and "?"s of a moment are made: the state shown (today's, or the future's
    with curves "future") and, with both shown, the future's faces as well."""

    def __init__(self, curves: str, level_y: dict[int, float], s: Style) -> None:
        self.future_shown = curves == "future"
        self.both = curves == "both"
        self.feeling_of = feeling_then if self.future_shown else feeling_now
        self.shown = in_future if self.future_shown else in_current
        self.field = "future_feeling" if self.future_shown else "feeling"
        self.level_y = level_y
        self.spread = s.face_size + s.face_gap
        self.radius = s.face_size / 2

    def _faces(self, rated: list[tuple[str, int]], x: float, field: str) -> tuple:
        if not rated:
            return ()
        middle, spread, level_y, r = (len(rated) - 1) / 2, self.spread, self.level_y, self.radius
        return tuple(
            FeelingPoint(tid, Point(x + (k - middle) * spread, level_y[f]), f, r, field)
            for k, (tid, f) in enumerate(rated)
        )

    def place(self, m: Moment, stage_id: str, x: float) -> None:
        """Put the moment at x: its slot, its order in time, its faces and "?"s."""
        lanes = m.lanes
        members = next(iter(lanes.values())) if len(lanes) == 1 else joined(lanes.values())
        m.x = x
        m.slot = Slot(stage_id, m.position, x)
        feeling_of, shown = self.feeling_of, self.shown
        if len(members) == 1 and not self.both:  # (most moments of a big map: one card)
            tp = members[0]
            m.order = (tp.id,)
            f = feeling_of(tp)
            if f is not None:
                face = FeelingPoint(tp.id, Point(x, self.level_y[f]), f, self.radius, self.field)
                m.faces, m.wanted = (face,), ()
            else:
                m.faces, m.wanted = (), ((tp.id, x),) if shown(tp) else ()
            return
        order, rated, wanted = [], [], []
        for tp in members:
            order.append(tp.id)
            f = feeling_of(tp)
            if f is not None:
                rated.append((tp.id, f))
            elif shown(tp):
                wanted.append((tp.id, x))
        m.order = tuple(order)
        m.faces = self._faces(rated, x, self.field)
        m.wanted = tuple(wanted)
        if self.both:
            future = [(tp.id, f) for tp in members if (f := feeling_then(tp)) is not None]
            m.future = self._faces(future, x, "future_feeling")


def question_marks(
    points: list[FeelingPoint],
    wanted: list[tuple[str, float]],
    level_y: dict[int, float],
    s: Style,
    field: str,
) -> list[FeelingPoint]:
    """A "?" for each (touchpoint, moment) in `wanted`, in time order, on the neutral line at
    its moment or moved aside until it hides none of the faces `points` and no other "?"."""
    taken = Taken(points, face_spread(s))
    return [taken.free_spot(tid, x, level_y[0], s, field) for tid, x in wanted]


class Taken:
    """Where the faces of the emotion lane are, by column of a face's spread, to find a place
    near a moment where a "?" hides no face."""

    def __init__(self, points: list[FeelingPoint], spread: float) -> None:
        self.spread = spread
        self.columns: dict[int, list[FeelingPoint]] = defaultdict(list)
        for p in points:
            self.add(p)

    def add(self, p: FeelingPoint) -> None:
        self.columns[int(p.center.x // self.spread)].append(p)

    def _hides(self, x: float, y: float, radius: float) -> bool:
        k = int(x // self.spread)
        return any(
            (p.center.x - x) ** 2 + (p.center.y - y) ** 2 < (p.radius + radius) ** 2
            for column in (k - 1, k, k + 1)
            for p in self.columns.get(column, ())
        )

    def free_spot(self, tp_id: str, x: float, y: float, s: Style, field: str) -> FeelingPoint:
        radius = s.face_size / 3
        for step in range(64):  # at the moment itself, then right, left, further right...
            dx = (step + 1) // 2 * self.spread * (1 if step % 2 else -1)
            if not self._hides(x + dx, y, radius):
                x += dx
                break
        mark = FeelingPoint(tp_id, Point(x, y), None, radius, field)
        self.add(mark)
        return mark
