"""The shared layout: no overlaps, everything inside its box, touchpoints in time order."""

import pytest
from factories import journey_maps, small_map
from geometry_helpers import contains_rect
from hypothesis import HealthCheck, given, settings

from cxmapper.layout import (
    ApproximateMetrics,
    Rect,
    TextFitter,
    drop_target,
    feeling_at,
    layout_map,
)
from cxmapper.layout.text import ELLIPSIS
from cxmapper.model.edits import place_touchpoints
from cxmapper.model.future import feeling_now, feeling_then
from cxmapper.model.journey import Touchpoint
from cxmapper.model.templates import load_template, template_names

METRICS = ApproximateMetrics()


def check_sound(journey, lay):
    s = lay.style
    cards = list(lay.cards.values())
    assert len(cards) == len(journey.touchpoints)
    # Cards never overlap.
    by_row = sorted(cards, key=lambda c: (c.rect.x, c.rect.y))
    for i, a in enumerate(by_row):
        for b in by_row[i + 1 :]:
            if b.rect.x >= a.rect.right:
                break
            assert not a.rect.overlaps(b.rect), (a.touchpoint_id, b.touchpoint_id)
    lanes = {lane.department_id: lane for lane in lay.lanes}
    stages = {st.stage_id: st for st in lay.stages}
    for tp in journey.touchpoints:
        card = lay.cards[tp.id]
        # In its own lane and its own stage's column, text inside the card.
        assert contains_rect(lanes[tp.department_id].rect, card.rect)
        assert contains_rect(stages[tp.stage_id].column, card.rect)
        c = card.content
        inside = Rect(0, 0, card.rect.w, card.rect.h)
        assert contains_rect(inside, c.title) and contains_rect(inside, c.emotion)
        for line in c.title_lines:
            assert METRICS.text_width(line, c.title_size, True) <= c.title.w + 1e-6
        assert len(c.title_lines) <= s.card_title_lines
        size = c.emotion_size or s.card_note_size
        assert METRICS.text_width(c.emotion_line, size) <= c.emotion.w + 1e-6
        assert size >= 0.75 * s.card_note_size
        for _, badge in c.badges:
            assert contains_rect(inside, badge)
            assert not badge.overlaps(c.emotion)
    # Stages left to right without gaps or overlaps; lanes top to bottom.
    for a, b in zip(lay.stages, lay.stages[1:], strict=False):
        assert a.column.right == pytest.approx(b.column.x)
    bands = {round(line.band.y, 6): line.band for line in lay.blueprint_lines}
    for a, b in zip(lay.lanes, lay.lanes[1:], strict=False):
        band = bands.get(round(a.rect.bottom, 6))  # a blueprint line between two layers
        assert (band.bottom if band else a.rect.bottom) == pytest.approx(b.rect.y)
    # Time order within a stage: a later position is further right.
    for a in journey.touchpoints:
        for b in journey.touchpoints:
            if a.stage_id == b.stage_id and a.position < b.position:
                assert lay.cards[a.id].rect.x < lay.cards[b.id].rect.x
    # The emotion curve: one point per touchpoint rated in the state shown (today's, or the
    # future's), inside the emotion lane, left to right; with both, the future's as well.
    shown = feeling_then if journey.curves == "future" else feeling_now
    assert [p.touchpoint_id for p in lay.points] == [
        i for i in lay.time_order if shown(journey_by_id(journey)[i]) is not None
    ]
    assert [p.touchpoint_id for p in lay.future_points] == (
        [i for i in lay.time_order if feeling_then(journey_by_id(journey)[i]) is not None]
        if journey.curves == "both"
        else []
    )
    for p in lay.points:
        assert lay.emotion.contains(p.center.x, p.center.y)
    xs = [p.center.x for p in lay.points]
    assert xs == sorted(xs)  # time order reads left to right (faces at one time share an x)
    assert lay.width > 0 and lay.legend_rect.bottom <= lay.height


def journey_by_id(journey):
    return {t.id: t for t in journey.touchpoints}


@pytest.mark.parametrize("name", template_names())
def test_templates_lay_out_soundly(name):
    journey = load_template(name)
    check_sound(journey, layout_map(journey, METRICS))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_any_map_lays_out_soundly(journey):
    check_sound(journey, layout_map(journey, METRICS))


def test_a_stage_widens_to_fit_its_touchpoints():
    journey = small_map()
    narrow = layout_map(journey, METRICS).stages[0].column.w
    for i in range(6):
        journey.touchpoints.append(
            Touchpoint(
                id=f"x{i}",
                title=f"Step {i}",
                stage_id="s-sales",
                department_id="d-sales",
                position=i + 1,
            )
        )
    wide = layout_map(journey, METRICS).stages[0].column.w
    assert wide > narrow
    s = layout_map(journey, METRICS).style
    assert wide >= 7 * s.card_width + 6 * s.card_gap  # seven cards in one lane, side by side


def _in_sales_stage(journey, *places):
    for i, (lane, position) in enumerate(places):
        journey.touchpoints.append(
            Touchpoint(
                id=f"n{i}",
                title=f"Step {i}",
                stage_id="s-sales",
                department_id=lane,
                position=position,
                feeling=i % 3 - 1,
            )
        )
    return journey


def test_cards_of_different_lanes_share_the_width_in_time_order():
    journey = _in_sales_stage(small_map(), ("d-billing", 1), ("d-sales", 2), ("d-billing", 3))
    lay = layout_map(journey, METRICS)
    s = lay.style
    stage = lay.stages[0]
    # four cards, but no lane holds more than two of them: narrower than four cards side by side
    assert stage.column.w < 3 * s.card_width
    xs = [lay.cards[t].slot_x for t in ("t1", "n0", "n1", "n2")]
    assert xs == sorted(xs) and len(set(xs)) == 4  # left to right in time
    for a in lay.cards.values():  # in a lane, cards never overlap
        for b in lay.cards.values():
            if a is not b and a.department_id == b.department_id:
                assert not a.rect.overlaps(b.rect)
    faces = [p.center.x for p in lay.points if p.touchpoint_id != "t2"]
    assert faces == sorted(faces)  # the curve reads left to right
    for a, b in zip(faces, faces[1:], strict=False):
        assert b - a >= s.face_size  # one face after the other, never on top


def test_touchpoints_at_the_same_moment_stay_aligned():
    journey = _in_sales_stage(small_map(), ("d-billing", 0))
    lay = layout_map(journey, METRICS)
    assert lay.cards["t1"].slot_x == lay.cards["n0"].slot_x


def test_an_add_or_a_delete_does_not_move_the_stages_to_its_right():
    first = layout_map(small_map(), METRICS)
    one = layout_map(_in_sales_stage(small_map(), ("d-billing", 1)), METRICS, previous=first)
    grown = one.stages[1].column.x
    assert grown > first.stages[1].column.x  # the first add grows the stage, with room to spare
    two = _in_sales_stage(small_map(), ("d-billing", 1), (None, 2))
    after = layout_map(two, METRICS, previous=one)
    assert after.stages[1].column.x == grown
    deleted = layout_map(_in_sales_stage(small_map(), ("d-billing", 1)), METRICS, previous=after)
    assert deleted.stages[1].column.x == grown
    again = layout_map(small_map(), METRICS, previous=deleted)
    assert again.stages[1].column.x == grown
    # a fresh layout (a file opened, a PDF) is as narrow as what it holds
    assert layout_map(two, METRICS).stages[0].column.w < after.stages[0].column.w


def test_same_time_same_lane_cards_stack_and_the_lane_grows():
    journey = small_map()
    one = layout_map(journey, METRICS)
    journey.touchpoints.append(
        Touchpoint(
            id="x", title="Also then", stage_id="s-sales", department_id="d-sales", position=0
        )
    )
    two = layout_map(journey, METRICS)
    assert two.lanes[0].rect.h > one.lanes[0].rect.h
    assert two.cards["x"].rect.x == two.cards["t1"].rect.x
    assert two.cards["x"].rect.y > two.cards["t1"].rect.bottom


def test_long_titles_wrap_and_end_with_an_ellipsis():
    journey = small_map()
    journey.touchpoints[0].title = (
        "An extraordinarily long touchpoint title that cannot possibly fit on one small card " * 2
    )
    card = layout_map(journey, METRICS).cards["t1"]
    assert len(card.content.title_lines) == 3
    assert card.content.title_lines[-1].endswith(ELLIPSIS)


def test_a_word_wider_than_the_card_is_broken():
    lines = TextFitter(METRICS).wrap(
        "Supercalifragilisticexpialidocious" * 3, 100, 13.5, 3, bold=True
    )
    assert all(METRICS.text_width(line, 13.5, True) <= 100 for line in lines)
    assert lines[-1].endswith(ELLIPSIS)


def test_a_long_word_on_a_card_is_set_smaller_and_only_then_broken_with_a_hyphen():
    from cxmapper.export.fonts import PdfTextMetrics

    journey = small_map()
    journey.touchpoints[0].title = "Troubleshoots the router"
    journey.touchpoints[1].title = "Requests reimbursement"
    journey.touchpoints.append(
        Touchpoint(
            id="t3",
            title="Requests Supercalifragilisticexpialidocious",
            stage_id="s-sales",
            department_id="d-billing",
            position=0,
        )
    )
    lay = layout_map(journey, PdfTextMetrics())
    first, second = lay.cards["t1"].content, lay.cards["t2"].content
    least = lay.style.card_title_size * lay.style.name_least
    assert first.title_lines == ["Troubleshoots", "the router"]  # whole, a little smaller
    assert least <= first.title_size < lay.style.card_title_size
    assert second.title_lines == ["Requests", "reimbursement"]  # whole, smaller still
    assert least <= second.title_size < first.title_size
    third = lay.cards["t3"].content  # too long even at the least size: broken with a hyphen
    assert third.title_size == least and third.title_lines[1].endswith("-")
    assert "".join(third.title_lines[1:]).replace("-", "") == "Supercalifragilisticexpialidocious"
    # words that hold a hyphen break after it; a report's pasted link is not hyphenated
    fitter = TextFitter(PdfTextMetrics())
    assert fitter.wrap("Internationalisation-configuration", 180, 14, 3, True, True)[0] == (
        "Internationalisation-"
    )
    assert all("-" not in line for line in fitter.wrap("x" * 300, 100, 10, 5))


def test_unowned_touchpoints_get_an_unassigned_lane():
    journey = small_map()
    journey.touchpoints[0].department_id = None
    lay = layout_map(journey, METRICS)
    assert [lane.department_id for lane in lay.lanes] == ["d-sales", "d-billing", None]
    assert lay.lanes[-1].label_lines == ["Unassigned"]


def test_drop_targets_follow_the_pointer():
    journey = small_map()
    lay = layout_map(journey, METRICS)
    card = lay.cards["t1"]
    billing = lay.lanes[1].rect
    # On a card's slot, in another lane: same time, other owner.
    on = drop_target(lay, card.slot_x, billing.center.y)
    assert (on.stage_id, on.position, on.department_id, on.joins_slot) == (
        "s-sales",
        0.0,
        "d-billing",
        True,
    )
    # Just right of it: a new, later time slot.
    after = drop_target(lay, card.rect.right + 8, card.rect.center.y)
    assert after.position > 0 and not after.joins_slot and after.department_id == "d-sales"
    before = drop_target(lay, card.rect.x - 8, card.rect.center.y)
    assert before.position < 0
    # Outside the swimlanes: nothing.
    assert drop_target(lay, card.slot_x, lay.emotion.center.y) is None
    assert drop_target(lay, lay.timeline.right + 50, card.rect.center.y) is None
    assert drop_target(lay, 5, 5) is None


def test_feeling_snaps_to_the_nearest_of_five_levels():
    lay = layout_map(small_map(), METRICS)
    assert feeling_at(lay, lay.level_y[2] - 40) == 2
    assert feeling_at(lay, lay.level_y[-1] + 3) == -1
    assert feeling_at(lay, lay.emotion.bottom + 500) == -2


def test_placing_renumbers_the_stage_and_keeps_same_time_together():
    journey = small_map()
    journey.touchpoints.append(
        Touchpoint(
            id="t3", title="Reads offer", stage_id="s-sales", position=0, department_id="d-billing"
        )
    )
    moves = place_touchpoints(journey, {"t2": ("s-sales", -1.0, "d-sales")})
    assert moves == {
        "t2": ("s-sales", 0.0, "d-sales"),
        "t1": ("s-sales", 1.0, "d-sales"),
        "t3": ("s-sales", 1.0, "d-billing"),
    }
    assert place_touchpoints(journey, {"t1": ("s-sales", 0.0, "d-sales")}) == {}


def test_an_edit_reuses_the_content_of_cards_that_did_not_change():
    journey = small_map()
    first = layout_map(journey, METRICS)
    journey.touchpoints[0].title = "Compares three offers"
    journey.touchpoints[1].position = 5.0
    second = layout_map(journey, METRICS, previous=first)
    assert second.cards["t2"].content is first.cards["t2"].content  # only moved: same content
    assert second.cards["t1"].content is not first.cards["t1"].content
    assert second.cards["t1"].content.title_lines == [
        "Compares three",
        "offers",
    ] or "three" in " ".join(second.cards["t1"].content.title_lines)


def test_the_emotion_curve_never_runs_backwards_or_overshoots():
    from cxmapper.drawing.curve import smooth_curve
    from cxmapper.layout.geometry import Point

    points = [Point(0, 100), Point(10, 0), Point(400, 100), Point(405, 0), Point(900, 50)]
    start = points[0]
    for c1, c2, end in smooth_curve(points):
        lo_x, hi_x = min(start.x, end.x), max(start.x, end.x)
        lo_y, hi_y = min(start.y, end.y), max(start.y, end.y)
        for c in (c1, c2):
            assert lo_x <= c.x <= hi_x and lo_y <= c.y <= hi_y
        start = end


def test_a_long_emotion_word_is_set_smaller_before_it_is_cut():
    journey = small_map()
    journey.touchpoints[0] = Touchpoint(
        **{
            **journey.touchpoints[0].model_dump(),
            "emotion": "overwhelmedness",
            "feeling": -2,
            "pain_points": ["x"],
            "opportunities": ["y"],
            "moment_of_truth": True,
        }
    )
    lay = layout_map(journey, METRICS)
    content = lay.cards[journey.touchpoints[0].id].content
    assert content.emotion_line == "overwhelmedness"
    assert content.emotion_size < lay.style.card_note_size


def test_a_stage_goal_wraps_instead_of_being_cut():
    journey = small_map()
    goal = "Understand the bill before paying it, and know what changes next month and why"
    journey.stages[0].customer_goal = goal
    lay = layout_map(journey, METRICS)
    stage = lay.stages[0]
    assert len(stage.goal_lines) > 1
    assert " ".join(stage.goal_lines) == goal  # every word, no "…"
    assert all(b.header.h == stage.header.h for b in lay.stages)  # headers line up
    assert lay.emotion.y == stage.header.bottom


def test_while_editing_the_lanes_do_not_shift_when_a_stage_goal_wraps_anew():
    goal = "Know what the bill will say"
    journey = small_map()
    journey.stages[0].customer_goal = goal
    first = layout_map(journey, METRICS)
    wide = _in_sales_stage(small_map(), ("d-billing", 1), (None, 2), ("d-billing", 3))
    wide.stages[0].customer_goal = goal
    fresh = layout_map(wide, METRICS)
    assert len(fresh.stages[0].goal_lines) < len(first.stages[0].goal_lines)  # fewer lines
    assert fresh.lanes[0].rect.y < first.lanes[0].rect.y
    edited = layout_map(wide, METRICS, previous=first)
    assert edited.lanes[0].rect.y == first.lanes[0].rect.y  # while editing, the lanes stay put
