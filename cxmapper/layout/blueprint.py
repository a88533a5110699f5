"""The service blueprint: lanes grouped by the layer their department sits in (customer
actions, frontstage, backstage, support processes, top to bottom) and the three lines named
between the groups. A map whose departments have no layer keeps its lanes as they are."""

from __future__ import annotations

import math

from cxmapper.layout.boxes import CardBox, Handoff
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import Style
from cxmapper.model.journey import BLUEPRINT_LAYERS, BLUEPRINT_LINES, JourneyMap

UNLAYERED = len(BLUEPRINT_LAYERS)  # departments given no layer, in a blueprint: after the rest
NO_LAYER = "No blueprint layer"  # the line above them


def is_blueprint(journey: JourneyMap) -> bool:
    return any(d.blueprint_layer for d in journey.departments)


def layer_rank(journey: JourneyMap, department_id: str | None) -> int:
    """Where a lane's layer comes, top to bottom (the Unassigned lane and unlayered ones last)."""
    department = journey.department(department_id) if department_id else None
    if department is None or department.blueprint_layer is None:
        return UNLAYERED
    return BLUEPRINT_LAYERS.index(department.blueprint_layer)


def lane_order(journey: JourneyMap, lanes: list[str | None]) -> list[str | None]:
    """The lanes top to bottom: as listed, or grouped by layer in a blueprint (stable)."""
    if not is_blueprint(journey):
        return lanes
    return sorted(lanes, key=lambda lane: layer_rank(journey, lane))


def lines_above(journey: JourneyMap, lanes: list[str | None]) -> dict[str | None, str]:
    """The blueprint line to draw above a lane, by lane: above the first lane of each layer
    that has a line (frontstage: interaction; backstage: visibility; support: internal
    interaction), and above the lanes in no layer. The customer's own lane group is above
    them all, with the feeling lane."""
    if not is_blueprint(journey):
        return {}
    found: dict[str | None, str] = {}
    seen: set[int] = set()
    for lane in lanes:
        rank = layer_rank(journey, lane)
        if rank in seen:
            continue
        seen.add(rank)
        if rank == UNLAYERED:  # (not to be read as the layer above's)
            found[lane] = NO_LAYER
        elif name := BLUEPRINT_LINES.get(BLUEPRINT_LAYERS[rank]):
            found[lane] = name
    return found


def handoffs(journey: JourneyMap, cards: dict[str, CardBox], s: Style) -> list[Handoff]:
    """An arrow for each handoff ("leads to"), in the order of the touchpoints."""
    found = []
    for tp in journey.touchpoints:
        for target in tp.leads_to:
            if tp.id in cards and target in cards:
                found.append(_arrow(tp.id, target, cards[tp.id].rect, cards[target].rect, s))
    return found


def _arrow(from_id: str, to_id: str, a: Rect, b: Rect, s: Style) -> Handoff:
    """From the side of `a` facing `b` to the side of `b` facing `a`: sideways when one is
    later in time, up or down when they share a moment (across lanes and layers)."""
    if b.x >= a.right or b.right <= a.x:
        forward = b.x >= a.right
        start = Point(a.right if forward else a.x, a.center.y)
        end = Point(b.x if forward else b.right, b.center.y)
        bend = max(abs(end.x - start.x) / 2, s.card_gap * 2) * (1 if forward else -1)
        c1, c2 = Point(start.x + bend, start.y), Point(end.x - bend, end.y)
    else:
        down = b.y >= a.center.y
        start = Point(a.center.x, a.bottom if down else a.y)
        end = Point(b.center.x, b.y if down else b.bottom)
        bend = max(abs(end.y - start.y) / 2, s.card_gap * 2) * (1 if down else -1)
        c1, c2 = Point(start.x, start.y + bend), Point(end.x, end.y - bend)
    angle = math.atan2(end.y - c2.y, end.x - c2.x)
    k, spread = s.handoff_head, math.radians(28)
    head = tuple(
        Point(
            end.x - k * math.cos(angle + side * spread), end.y - k * math.sin(angle + side * spread)
        )
        for side in (-1, 1)
    )
    return Handoff(from_id, to_id, start, c1, c2, end, head)
