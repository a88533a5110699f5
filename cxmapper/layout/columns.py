"""Where each stage and each moment in time sits across the map: the dense columns.

Within a stage, the touchpoints at one position (a time slot) share an x, and slots go left to
right in time. Two slots only need a card's width between them where they have a card in the
same lane; otherwise the next one may start just a face's width further on, with its cards in
other lanes sharing the horizontal space. So the emotion curve still reads left to right, one
face after the other, while the map is about as wide as a designer would lay it out by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cxmapper.layout.moments import Moment
from cxmapper.layout.style import Style


@dataclass(frozen=True)
class Columns:
    stage_x: dict[str, tuple[float, float]]  # stage id -> (left, width), widened
    packed: dict[str, tuple[float, float]]  # the same as packed (before widening)
    right: float  # where the last stage ends
    shift: dict[str, float] | None = None  # widened: how far each stage's moments moved

    def widths(self) -> dict[str, float]:
        """The packed widths (kept by the next layout: widened again the same way, each
        stage's cards stay in its middle, as in a new layout)."""
        return {sid: w for sid, (_, w) in self.packed.items()}

    def slot_x(self, stage_id: str, centre: float) -> float:
        """Where a moment packed at `centre` from its stage's left is."""
        x = self.packed[stage_id][0] + centre
        return x + self.shift[stage_id] if self.shift is not None else x


def face_spread(s: Style) -> float:
    """How far apart the faces of touchpoints at the same moment sit in the emotion lane."""
    return s.face_size + s.face_gap


def pack_stage(moments: list[Moment], s: Style) -> tuple[list[float], float]:
    """The moments' centres from the stage's left edge (before a stage holding little puts
    them in its middle: `centred`), and the width they need."""
    return pack_from(moments, 0, [], {}, s)


def pack_from(
    moments: list[Moment],
    start: int,
    centres: list[float],
    lane_right: dict,
    s: Style,
    stop: Callable[[int, float, dict], bool] | None = None,
) -> tuple[list[float], float]:
    """Go on packing `moments` from `start`, the ones before it packed at `centres` with the
    right edges of each lane's last card `lane_right` (both filled in as it goes); `stop(i,
    x, lane_right)` may end it early (having filled in the rest of `centres` itself)."""
    half, spread = s.card_width / 2, face_spread(s)
    previous_faces = moments[start - 1].rated if start else 0
    for i in range(start, len(moments)):
        m = moments[i]
        x = s.stage_padding + half
        faces = m.rated
        if centres:
            # the faces of both moments side by side, one face's room between them
            x = centres[-1] + spread * (max(previous_faces - 1, 0) / 2 + max(faces - 1, 0) / 2 + 1)
        lanes = m.lanes
        for lane in lanes:
            if lane in lane_right:
                x = max(x, lane_right[lane] + s.card_gap + half)
        for lane in lanes:
            lane_right[lane] = x + half
        centres.append(x)
        previous_faces = faces
        if stop is not None and stop(i, x, lane_right):
            break
    need = (centres[-1] + half + s.stage_padding) if centres else 0.0
    return centres, max(s.min_stage_width, need)


def lanes_before(moments: list[Moment], centres: list[float], i: int, lanes: int, s: Style):
    """The right edge of the last card of each lane (of `lanes` in all) before moment i."""
    half = s.card_width / 2
    found: dict = {}
    k = i - 1
    while k >= 0 and len(found) < lanes:
        for lane in moments[k].lanes:
            if lane not in found:
                found[lane] = centres[k] + half
        k -= 1
    return found


def repack(
    moments: list[Moment],
    first: int,
    last: int,
    old: list[Moment],
    old_centres: list[float],
    old_last: int,
    lanes: int,
    s: Style,
) -> tuple[list[float], float, int]:
    """`moments` packed again where they changed: those before `first` are `old`'s, and
    those from `last` on are `old`'s from `old_last` on. Packed from `first` until they
    fall where they were with every lane's cards ending where they did: from there on,
    nothing changes. Returns the centres, the width needed and where it stopped (the index
    after the last moment packed again)."""
    centres = old_centres[:first]
    half = s.card_width / 2
    state = {"tries": 0, "upto": len(moments)}

    def live(right: dict, x: float) -> dict:
        # a lane whose last card ends so far left that no later card can come near it is
        # no longer in the way (x + a face's spread: the next moment's least x)
        soonest = x + face_spread(s)
        return {lane: r for lane, r in right.items() if r + s.card_gap + half > soonest}

    def settled(i: int, x: float, lane_right: dict) -> bool:
        if i < last or state["tries"] > 8:
            return False
        was = i - last + old_last
        if x != old_centres[was]:
            return False
        state["tries"] += 1
        if live(lane_right, x) != live(lanes_before(old, old_centres, was + 1, lanes, s), x):
            return False
        centres.extend(old_centres[was + 1 :])
        state["upto"] = i + 1
        return True

    lane_right = lanes_before(moments, centres, first, lanes, s)
    centres, need = pack_from(moments, first, centres, lane_right, s, settled)
    return centres, need, state["upto"]


def centred(centres: list[float], need: float, s: Style) -> list[float]:
    """A stage holding little: its moments in the middle of its least width."""
    raw = (centres[-1] + s.card_width / 2 + s.stage_padding) if centres else 0.0
    if raw < s.min_stage_width:
        return [c + (s.min_stage_width - raw) / 2 for c in centres]
    return centres


def stage_width(need: float, before: float | None, s: Style) -> float:
    """A stage keeps the width it had while what it holds still fits and leaves less than a
    card's width unused, and grows with room to spare, so an add or a delete does not move
    every card to its right each time."""
    if before is not None and need <= before < need + s.slot_width:
        return before
    if before is not None and need > before:  # grown while editing: room for the next
        return need + s.card_width / 2
    return need


def pack_columns(
    stage_ids: list[str], needs: dict[str, float], s: Style, left: float, kept=None
) -> Columns:
    """The stages side by side from `left`, each as wide as it needs (`needs`), or as it was
    while the map is being edited (`kept`: the stage widths of the previous layout)."""
    kept = kept or {}
    stage_x: dict[str, tuple[float, float]] = {}
    x = left
    for sid in stage_ids:
        width = stage_width(needs[sid], kept.get(sid), s)
        stage_x[sid] = (x, width)
        x += width
    return Columns(stage_x, stage_x, x)


def widened(columns: Columns, right: float) -> Columns:
    """The same columns spread to end at `right` (a map as wide as its title, or as its page):
    every stage gets an equal share of the extra width, its slots in the middle of it."""
    extra = right - columns.right
    if extra <= 0 or not columns.stage_x:
        return columns
    share = extra / len(columns.stage_x)
    stage_x: dict[str, tuple[float, float]] = {}
    shift: dict[str, float] = {}
    for i, (sid, (x, w)) in enumerate(columns.packed.items()):
        stage_x[sid] = (x + i * share, w + share)
        shift[sid] = i * share + share / 2
    return Columns(stage_x, columns.packed, right, shift)
