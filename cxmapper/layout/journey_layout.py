"""layout_map(journey, metrics) -> MapLayout: the geometry of a whole drawn map.

From top to bottom: the header (title, persona, scenario), the stage headers, the emotion lane
(one face per rated touchpoint, the curve through them), one swimlane per department (and an
"Unassigned" lane when some touchpoint has no owner), the legend. Stages are columns left to
right; within a stage, touchpoints sit in time slots (one per distinct position); touchpoints
sharing a slot and a lane stack. Stages widen to fit their slots, lanes grow to fit their stacks,
so cards never overlap.
"""

from __future__ import annotations

from collections import defaultdict

from cxmapper.layout.blueprint import handoffs, lane_order, lines_above
from cxmapper.layout.boxes import (
    BlueprintLine,
    CardBox,
    LaneBox,
    MapLayout,
    Slot,
    StageBox,
)
from cxmapper.layout.card_look import card_key
from cxmapper.layout.columns import pack_columns, widened
from cxmapper.layout.geometry import Rect
from cxmapper.layout.pieces import card_content, feeling_points, header_box, legend_entries
from cxmapper.layout.rows import notes_rows
from cxmapper.layout.style import UNASSIGNED_COLOUR, Style
from cxmapper.layout.text import TextFitter, TextMetrics
from cxmapper.model.future import in_current, in_future
from cxmapper.model.journey import FEELING_WORDS, JourneyMap, Touchpoint


def lanes_of(journey: JourneyMap) -> list[str | None]:
    """The lanes top to bottom: the departments (grouped by layer in a blueprint), then
    Unassigned when a touchpoint has no owner or the map no departments (room to drop)."""
    lanes: list[str | None] = [d.id for d in journey.departments]
    if not lanes or any(tp.department_id is None for tp in journey.touchpoints):
        lanes.append(None)
    return lane_order(journey, lanes)


HEADER_KEY = " header"  # kept with the stage widths (no stage id has a space): its height
MOST_FILL = 0.6  # a map is stretched to its page's shape by at most this much of its size


def layout_map(
    journey: JourneyMap,
    metrics: TextMetrics | TextFitter,
    style: Style | None = None,
    previous: MapLayout | None = None,
    aspect: float | None = None,
    widths: dict[str, float] | None = None,
) -> MapLayout:
    """The geometry of the whole map. Pass a TextFitter to reuse its wrapping cache, and the
    previous layout of the same map to reuse the boxes of cards that did not change (an edit
    then costs little more than the arithmetic, and views can skip unchanged items by identity).
    With `aspect` (a page's width / height) the map is stretched to fill that shape: a map
    wider than its page gets taller lanes and feeling lane, a taller one wider stages.
    `widths`: the stage widths to keep (default: the previous layout's; see pack_columns)."""
    fitter = metrics if isinstance(metrics, TextFitter) else TextFitter(metrics)
    lay = _layout(journey, fitter, style or Style(), previous, widths)
    if aspect is None or lay.height <= 0:
        return lay
    previous = lay  # the stretched layouts reuse its cards' content
    if lay.width / lay.height > aspect * 1.001:
        extra = min(lay.width / aspect - lay.height, lay.height * MOST_FILL)
        return _layout(journey, fitter, lay.style, previous, extra_height=extra)
    if lay.width / lay.height < aspect / 1.001:
        wide = min(lay.height * aspect, lay.width * (1 + MOST_FILL))
        lay = _layout(journey, fitter, lay.style, previous, min_width=wide)
        if lay.width / lay.height > aspect * 1.001:  # goals wrapped shorter: a little height
            extra = min(lay.width / aspect - lay.height, lay.height * MOST_FILL)
            lay = _layout(journey, fitter, lay.style, previous, min_width=wide, extra_height=extra)
    return lay


def _layout(
    journey: JourneyMap,
    fitter: TextFitter,
    s: Style,
    previous: MapLayout | None,
    widths: dict[str, float] | None = None,
    min_width: float = 0.0,
    extra_height: float = 0.0,
) -> MapLayout:
    left = s.margin + s.lane_label_width
    # Height to fill a page: a third to the feeling lane, the rest shared by the lanes.
    lane_ids = lanes_of(journey)
    emotion_extra = extra_height / 3
    lane_extra = (extra_height - emotion_extra) / len(lane_ids)

    # Columns: stages left to right, slots packed densely within each (layout/columns.py).
    kept = previous.stage_widths if previous is not None and previous.style == s else None
    kept = widths if widths is not None else kept
    packed = pack_columns(journey, s, left, kept)
    # A map holding little is still as wide as its title (up to a point): no title cut short.
    # (The widths kept for the next layout are the packed ones: widened again the same way,
    # each stage's cards stay in its middle, as in a new layout.)
    title_w = min(
        fitter.width(journey.title, s.title_size, True) + s.label_inset, s.most_title_width
    )
    columns = widened(
        packed, max(left + s.min_stage_width, s.margin + title_w, min_width - s.margin)
    )
    stage_x, slot_positions = columns.stage_x, columns.positions
    timeline_right = max(columns.right, left + s.min_stage_width)
    width = timeline_right + s.margin

    # Which slot and lane each touchpoint takes, and how cards stack there.
    stack: dict[tuple[str, float, str | None], list[Touchpoint]] = defaultdict(list)
    for tp in journey.touchpoints:
        stack[(tp.stage_id, tp.position, tp.department_id)].append(tp)
    deepest: dict[str | None, int] = defaultdict(lambda: 1)
    for (_, _, lane), cards in stack.items():
        deepest[lane] = max(deepest[lane], len(cards))

    def slot_x(stage_id: str, position: float) -> float:
        return columns.slot_x[(stage_id, position)]

    # Stage headers: the name (two lines at most) over the customer's goal, wrapped, not cut;
    # all headers as tall as the tallest, so the emotion lane starts at one height.
    goal_lh = s.line_height(s.stage_goal_size)
    stage_text = {}
    for stage in journey.stages:
        text_w = stage_x[stage.id][1] - 2 * s.label_inset
        # set smaller for a long word ("maintenance" in a narrow stage), never broken inside one
        least = s.stage_name_size * s.name_least
        name, size = fitter.fit_name(stage.name, text_w, s.stage_name_size, 2, True, least)
        goal = (
            fitter.wrap(stage.customer_goal, text_w, s.stage_goal_size, 5)
            if stage.customer_goal.strip() and s.stage_goals
            else []
        )
        stage_text[stage.id] = (name, goal, size)

    def head_needs(name: list[str], goal: list[str], size: float) -> float:
        if not s.stage_goals:  # the name alone (workshop mode): as many lines as it takes
            return 2 * s.label_inset + len(name) * s.line_height(size)
        return 2 * s.label_inset + 2 * s.line_height(size) + s.goal_gap + len(goal) * goal_lh

    head_h = max([s.stage_header_height] + [head_needs(*text) for text in stage_text.values()])
    # While editing, the header row keeps its height unless it must grow or two lines of it go
    # unused: a name wrapping anew in a stage that changed width does not shift every lane.
    kept_head = (kept or {}).get(HEADER_KEY)
    if kept_head is not None and head_h <= kept_head < head_h + 2 * goal_lh:
        head_h = kept_head

    # Rows, top to bottom.
    header_rect = Rect(s.margin, s.margin, width - 2 * s.margin, s.header_height)
    header = header_box(journey, header_rect, fitter, s)
    stage_top = header_rect.bottom
    emotion_top = stage_top + head_h
    emotion_h = s.emotion_height + emotion_extra
    emotion = Rect(s.margin, emotion_top, timeline_right - s.margin, emotion_h)
    lanes_top = emotion.bottom
    lanes: list[LaneBox] = []
    lane_top: dict[str | None, float] = {}
    y = lanes_top
    above = lines_above(journey, lane_ids)
    blueprint: list[BlueprintLine] = []  # the blueprint's lines, between the layers
    for lane_id in lane_ids:
        if lane_id in above:
            line = _blueprint_line(above[lane_id], y, timeline_right, fitter, s)
            blueprint.append(line)
            y += line.band.h
        k = deepest[lane_id]
        height = 2 * s.lane_padding + k * s.card_height + (k - 1) * s.card_gap + lane_extra
        dept = journey.department(lane_id) if lane_id else None
        name = dept.name if dept else "Unassigned"
        label = Rect(s.margin, y, s.lane_label_width, height)
        # set smaller rather than broken inside a word ("Department 1"); "E-commerce" may break
        # after its hyphen
        least = s.lane_label_size * s.name_least
        lines, size = fitter.fit_name(name, s.lane_text_width, s.lane_label_size, 3, True, least)
        colour = dept.colour if dept else UNASSIGNED_COLOUR
        lane_rect = Rect(s.margin, y, timeline_right - s.margin, height)
        lanes.append(LaneBox(lane_id, lane_rect, label, lines, colour, size))
        lane_top[lane_id] = y
        y += height
    lanes_bottom = y
    lanes_area = Rect(left, lanes_top, timeline_right - left, lanes_bottom - lanes_top)

    # Cards: content is reused from the previous layout when what it shows did not change.
    colours = {d.id: d.colour for d in journey.departments}
    icons = {c.id: c.icon for c in journey.channels}
    reusable = previous is not None and previous.style == s
    old_cards = previous.cards if reusable else {}
    old_keys = previous.card_keys if reusable else {}
    cards: dict[str, CardBox] = {}
    card_keys: dict[str, tuple] = {}
    future_cards = journey.curves == "future"  # cards show the future state's feelings
    votes_shown = journey.votes_shown  # cards show their dots in this vote
    for (stage_id, position, lane_id), group in stack.items():
        cx = slot_x(stage_id, position)
        colour = colours.get(lane_id, UNASSIGNED_COLOUR) if lane_id else UNASSIGNED_COLOUR
        for depth, tp in enumerate(group):
            top = lane_top[lane_id] + s.lane_padding + lane_extra / 2
            top += depth * (s.card_height + s.card_gap)
            icon = icons.get(tp.channel_id) if tp.channel_id else None
            key = card_key(tp, colour, icon, future_cards, votes_shown)
            card_keys[tp.id] = key
            if old_keys.get(tp.id) == key:
                content = old_cards[tp.id].content
            else:
                content = card_content(tp, icon, colour, fitter, s, future_cards, votes_shown)
            rect = Rect(cx - s.card_width / 2, top, s.card_width, s.card_height)
            cards[tp.id] = CardBox(tp.id, rect, stage_id, lane_id, cx, content)

    # Time order: stage by stage, slot by slot, lanes top to bottom, stacks top to bottom.
    lane_rank = {lane: i for i, lane in enumerate(lane_ids)}
    stage_rank = {st.id: i for i, st in enumerate(journey.stages)}
    order = sorted(
        journey.touchpoints,
        key=lambda t: (
            stage_rank[t.stage_id],
            t.position,
            lane_rank[t.department_id],
            cards[t.id].rect.y,
        ),
    )
    time_order = [t.id for t in order]

    # The rows the map shows under its lanes (pain points, opportunities, quotes).
    rows, rows_bottom = notes_rows(journey, order, cards, lanes_bottom, timeline_right, fitter, s)

    stages = []
    for stage in journey.stages:
        sx, sw = stage_x[stage.id]
        head = Rect(sx, stage_top, sw, head_h)
        slots = tuple(Slot(stage.id, p, slot_x(stage.id, p)) for p in slot_positions[stage.id])
        name, goal, size = stage_text[stage.id]
        column = Rect(sx, stage_top, sw, rows_bottom - stage_top)
        stages.append(StageBox(stage.id, head, column, name, goal, slots, size, stage.name))

    # The emotion lane: five levels, one face per rated touchpoint.
    plot_top = emotion.y + s.feeling_top + s.face_size / 2
    plot_bottom = emotion.bottom - s.face_size * 0.75
    level_y = {f: plot_bottom - (f + 2) * (plot_bottom - plot_top) / 4 for f in range(-2, 3)}
    # the feeling lane's texts in the gutter: its name and its levels' words
    gutter_x, gutter_w = s.margin + s.label_gap, s.lane_label_width - 2 * s.label_gap
    level_h = s.feeling_level_height
    level_labels = [
        (f, FEELING_WORDS[f], Rect(gutter_x, level_y[f] - level_h / 2, gutter_w, level_h))
        for f in range(2, -3, -1)
    ]
    # The faces show today's feelings, or the future state's; with both, the future's curve
    # runs as a second, dashed one.
    future = journey.curves == "future"
    # Touchpoints not rated yet (in the state shown) get a "?" on the neutral line, to drag.
    shown = in_future if future else in_current
    points, unrated = feeling_points(order, cards, level_y, s, future, shown)
    future_points = (
        feeling_points(order, cards, level_y, s, True)[0] if journey.curves == "both" else []
    )

    legend_top = rows_bottom + s.legend_space
    legend, legend_bottom = legend_entries(
        journey, Rect(s.margin, legend_top, width - 2 * s.margin, 0), fitter, s
    )
    legend_rect = Rect(s.margin, legend_top, width - 2 * s.margin, legend_bottom - legend_top)
    height = legend_bottom + s.margin

    return MapLayout(
        width=width,
        height=height,
        style=s,
        header=header,
        stages=stages,
        lanes=lanes,
        cards=cards,
        emotion=emotion,
        emotion_label=Rect(
            gutter_x, emotion.y + s.feeling_name_top, gutter_w, s.feeling_name_height
        ),
        emotion_label_lines=fitter.wrap(
            s.emotion_label, gutter_w, s.feeling_name_size, 2, bold=True
        ),
        level_y=level_y,
        level_labels=level_labels,
        points=points,
        unrated=unrated,
        curves=journey.curves,
        future_points=future_points,
        votes_shown=votes_shown,
        legend=legend,
        legend_rect=legend_rect,
        timeline=Rect(left, emotion.y, timeline_right - left, rows_bottom - emotion.y),
        lanes_area=lanes_area,
        time_order=time_order,
        card_keys=card_keys,
        stage_widths={**packed.widths(), HEADER_KEY: head_h},
        rows=rows,
        blueprint_lines=blueprint,
        handoffs=handoffs(journey, cards, s),
    )


def header_part(
    lay: MapLayout, index: int, head: Rect, fitter: TextFitter
) -> tuple[list[str], list[str], float] | None:
    """A stage header's name, goal and name size fitted again to the part of it that shows
    (a poster sheet beginning inside it; the window scrolled so it starts under the lane
    names); None when all of it shows. A long name is set smaller (to half) before it is cut,
    and never broken inside a word."""
    stage, s = lay.stages[index], lay.style
    if head.w >= stage.header.w:
        return None
    if head.w < s.min_stage_width / 2 - 10 * s.hair:
        return [], [], 0.0  # a sliver of the header: its tint only, no letters cut to pieces
    width = head.w - 2 * s.label_inset
    whole = stage.name or " ".join(stage.name_lines)
    half = s.stage_name_size * 0.5
    name, size = fitter.fit_name(whole, width, stage.name_size or s.stage_name_size, 2, True, half)
    while name[-1].endswith("…") and size > s.stage_name_size * 0.55:  # smaller, not cut
        name, size = fitter.fit_name(whole, width, size * 0.9, 2, True, half)
    room = head.h - 2 * s.label_inset - len(name) * s.line_height(size) - s.goal_gap
    most = int(room // s.line_height(s.stage_goal_size))  # the goal stays under the name
    goal = fitter.wrap(stage.goal_line, width, s.stage_goal_size, most) if most > 0 else []
    return name, goal if stage.goal_lines else [], size


def _blueprint_line(
    name: str,
    top: float,
    right: float,
    fitter: TextFitter,
    s: Style,
) -> BlueprintLine:
    """A line's band across the map, its name in the gutter beside it (two lines at most;
    kept in view on screen and repeated in a poster's gutter, like the lanes' names)."""
    size = s.blueprint_line_size
    width = s.lane_label_width - 2 * s.label_gap
    lines = fitter.wrap(name, width, size, 2, bold=True)
    h = s.line_height(size) * len(lines)
    band = Rect(s.margin, top, right - s.margin, max(s.blueprint_band, h + 2 * s.mark_gap))
    label = Rect(s.margin + s.label_gap, band.center.y - h / 2, width, h)
    return BlueprintLine(name, band, (label,), lines)
