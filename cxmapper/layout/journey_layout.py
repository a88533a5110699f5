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

from cxmapper.layout.blueprint import handoffs
from cxmapper.layout.boxes import CardBox, MapLayout, StageBox
from cxmapper.layout.card_look import CardLooks
from cxmapper.layout.columns import centred, pack_columns, pack_stage, widened
from cxmapper.layout.faces import Faces, question_marks
from cxmapper.layout.geometry import Rect
from cxmapper.layout.lanes import lane_boxes, lanes_of
from cxmapper.layout.moments import Moments, StageMoments, gather, joined, moment, totals
from cxmapper.layout.pieces import header_box, legend_entries, legend_items
from cxmapper.layout.rows import notes_rows
from cxmapper.layout.style import Style
from cxmapper.layout.text import TextFitter, TextMetrics
from cxmapper.model.journey import FEELING_WORDS, JourneyMap, Stage

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

    # Columns: stages left to right, moments packed densely within each (layout/columns.py).
    stack, by_stage = gather(journey)
    lane_rank = {lane: i for i, lane in enumerate(lane_ids)}
    stage_ids = [stage.id for stage in journey.stages]
    staged: dict[str, StageMoments] = {}
    for sid in stage_ids:
        slots = by_stage[sid]
        positions = sorted(slots)
        moments = [moment(p, slots[p], lane_rank) for p in positions]
        centres, need = pack_stage(moments, s)
        staged[sid] = StageMoments(moments, positions, centres, need)
    kept = previous.stage_widths if previous is not None and previous.style == s else None
    kept = widths if widths is not None else kept
    packed = pack_columns(stage_ids, {sid: sm.need for sid, sm in staged.items()}, s, left, kept)
    # A map holding little is still as wide as its title (up to a point): no title cut short.
    title_w = min(
        fitter.width(journey.title, s.title_size, True) + s.label_inset, s.most_title_width
    )
    columns = widened(
        packed, max(left + s.min_stage_width, s.margin + title_w, min_width - s.margin)
    )
    stage_x = columns.stage_x
    timeline_right = max(columns.right, left + s.min_stage_width)
    width = timeline_right + s.margin

    # How high each lane's stacks are.
    heights: dict[str | None, dict[int, int]] = defaultdict(dict)
    for (_, _, lane), cards_there in stack.items():
        tall = heights[lane]
        tall[len(cards_there)] = tall.get(len(cards_there), 0) + 1
    deepest = {lane: max(tall) for lane, tall in heights.items()}

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

    natural_head = max([s.stage_header_height] + [head_needs(*t) for t in stage_text.values()])
    head_h = header_height(natural_head, kept, s)

    # Rows, top to bottom.
    header_rect = Rect(s.margin, s.margin, width - 2 * s.margin, s.header_height)
    header = header_box(journey, header_rect, fitter, s)
    stage_top = header_rect.bottom
    emotion_top = stage_top + head_h
    emotion_h = s.emotion_height + emotion_extra
    emotion = Rect(s.margin, emotion_top, timeline_right - s.margin, emotion_h)
    lanes_top = emotion.bottom
    lanes, blueprint, lane_top, lanes_bottom = lane_boxes(
        journey, lane_ids, deepest, lanes_top, timeline_right, lane_extra, fitter, s
    )
    lanes_area = Rect(left, lanes_top, timeline_right - left, lanes_bottom - lanes_top)

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

    # Each moment placed: its x, its touchpoints in time order (lanes top to bottom, stacks
    # top to bottom), its faces (today's, or the future state's; with both, the future's
    # curve runs as a second, dashed one) and a "?" for each touchpoint not rated yet in the
    # state shown, on the neutral line, to drag.
    faces = Faces(journey.curves, level_y, s)
    slot_x: dict[tuple[str, float], float] = {}
    for sid, sm in staged.items():
        for m, centre in zip(sm.moments, centred(sm.centres, sm.need, s), strict=True):
            faces.place(m, sid, columns.slot_x(sid, centre))
            slot_x[(sid, m.position)] = m.x
        totals(sm)
    stage_moments = [staged[sid].moments for sid in stage_ids]
    time_order = joined(m.order for ms in stage_moments for m in ms)
    points = joined(m.faces for ms in stage_moments for m in ms)
    future_points = joined(m.future for ms in stage_moments for m in ms)
    wanted = joined(m.wanted for ms in stage_moments for m in ms)
    unrated = question_marks(points, wanted, level_y, s, faces.field)

    # Cards: content is reused from the previous layout when what it shows did not change.
    reusable = previous is not None and previous.style == s
    looks = CardLooks(journey, fitter, s, previous if reusable else None)
    cards: dict[str, CardBox] = {}
    card_keys: dict[str, tuple] = {}
    for (stage_id, position, lane_id), group in stack.items():
        cx = slot_x[(stage_id, position)]
        top = lane_top[lane_id] + s.lane_padding + lane_extra / 2
        for depth, tp in enumerate(group):
            cards[tp.id] = looks.card(tp, stage_id, cx, top, depth, card_keys)

    # The rows the map shows under its lanes (pain points, opportunities, quotes).
    rows, rows_bottom = [], lanes_bottom
    if journey.rows:
        order = joined(group for ms in stage_moments for m in ms for group in m.lanes.values())
        rows, rows_bottom = notes_rows(
            journey, order, cards, lanes_bottom, timeline_right, fitter, s
        )

    stages = [
        stage_box(st, stage_x[st.id], stage_top, head_h, rows_bottom, stage_text, staged)
        for st in journey.stages
    ]

    legend_top = rows_bottom + s.legend_space
    legend_held = legend_items(journey)
    legend, legend_bottom = legend_entries(
        journey, Rect(s.margin, legend_top, width - 2 * s.margin, 0), fitter, s, legend_held
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
        votes_shown=journey.votes_shown,
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
        moments=Moments(
            staged,
            {tp.id: k for k, tp in enumerate(journey.touchpoints)},
            len(journey.touchpoints),
            dict(heights),
            sum(tp.department_id is None for tp in journey.touchpoints),
            lane_top,
            natural_head,
            packed.packed,
            columns.shift,
            timeline_right,
            lanes_bottom,
            rows_bottom,
            legend_held,
        )
        if not (extra_height or min_width)
        else None,
    )


def header_height(needs: float, kept: dict[str, float] | None, s: Style) -> float:
    """The stage headers' height: what their texts need; while editing, the height they had
    unless they must grow or two lines of it go unused (a name wrapping anew in a stage that
    changed width does not shift every lane)."""
    kept_head = (kept or {}).get(HEADER_KEY)
    if kept_head is not None and needs <= kept_head < needs + 2 * s.line_height(s.stage_goal_size):
        return kept_head
    return needs


def stage_box(
    stage: Stage,
    x: tuple[float, float],
    top: float,
    head_h: float,
    bottom: float,
    texts: dict[str, tuple[list[str], list[str], float]],
    staged: dict[str, StageMoments],
) -> StageBox:
    """A stage's header and column from `top` down to `bottom`, `x` its (left, width)."""
    sx, sw = x
    name, goal, size = texts[stage.id]
    slots = tuple(m.slot for m in staged[stage.id].moments)
    head, column = Rect(sx, top, sw, head_h), Rect(sx, top, sw, bottom - top)
    return StageBox(stage.id, head, column, name, goal, slots, size, stage.name)


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
