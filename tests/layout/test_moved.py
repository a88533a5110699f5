"""Cards moved, added and deleted, laid out only where that changed, give exactly the layout a
new one would: its boxes, faces, "?"s, order, the order of its cards and the widths it keeps."""

import random

from factories import journey_maps, stress_map, voted_journey_maps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmapper.layout import ApproximateMetrics
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.moved import moved
from cxmapper.layout.refelt import refelt
from cxmapper.layout.text import TextFitter
from cxmapper.model.changes import ChangeCollector
from cxmapper.model.plans.edit import apply_edit
from cxmapper.model.plans.removal import delete_touchpoints
from cxmapper.model.plans.touchpoints import add_touchpoint, move_touchpoints
from cxmapper.model.templates import load_template, template_names

FITTER = TextFitter(ApproximateMetrics())


def a_place(journey, rng, tp=None):
    """Somewhere a card may be dropped: a moment of a stage (or between two), in any lane."""
    stage = rng.choice(journey.stages).id
    there = sorted({t.position for t in journey.touchpoints if t.stage_id == stage}) or [0.0]
    position = rng.choice(there) + rng.choice([0.0, 0.0, 0.5, -0.5, 1.0])
    lanes = [None, *(d.id for d in journey.departments)]
    lane = rng.choice(lanes) if tp is None or rng.random() < 0.6 else tp.department_id
    return stage, max(0.0, position), lane


def an_edit(journey, rng):
    """Moving one card or several, adding one, deleting some: as the canvas asks for them."""
    tps = journey.touchpoints
    kind = rng.random()
    if not tps or kind < 0.15:
        return add_touchpoint(journey, a_place(journey, rng), "Dropped")
    if kind < 0.3:
        return delete_touchpoints(
            journey, [t.id for t in rng.sample(tps, rng.randint(1, min(2, len(tps))))]
        )
    moving = rng.sample(tps, min(len(tps), rng.choice([1, 1, 1, 2, 3])))
    if rng.random() < 0.3:  # within its moment's reach: the same stage, the next moment
        tp = moving[0]
        place = (tp.stage_id, tp.position + rng.choice([0.5, 1.5, -0.5]), tp.department_id)
        return move_touchpoints(journey, {tp.id: (place[0], max(0.0, place[1]), place[2])})
    return move_touchpoints(journey, {t.id: a_place(journey, rng, t) for t in moving})


def step(journey, before, rng):
    """One edit (or the undo of one) made on the map; its layout by `moved` checked against a
    new one. Returns the layout to go on from and whether `moved` made it."""
    rated = [p.touchpoint_id for p in before.points]
    if rated and rng.random() < 0.15:  # a rating between the moves (refelt)
        chosen = rng.choice(rated)
        tp = next(t for t in journey.touchpoints if t.id == chosen)
        tp.feeling = rng.choice([f for f in range(-2, 3) if f != tp.feeling])
        again = refelt(before, journey, {tp.id}, FITTER)
        fresh = layout_map(journey, FITTER, previous=before)
        assert again is None or again == fresh
        return (again or fresh), False
    edit = an_edit(journey, rng)
    if edit is None:
        return before, False
    changes = ChangeCollector()
    undo = apply_edit(journey, edit, changes)
    done = _checked(journey, before, changes)
    if rng.random() < 0.2:  # and undone
        changes = ChangeCollector()
        apply_edit(journey, undo, changes)
        done = _checked(journey, done[0], changes)
    return done


def _checked(journey, before, changes):
    part = changes.collect().of("touchpoint")
    fresh = layout_map(journey, FITTER, previous=before)
    if part is None:
        return fresh, False
    result = moved(before, journey, part.ids, FITTER, part.added, part.removed, part.fields)
    if result is None:
        return fresh, False
    lay = result.layout
    assert lay == fresh
    assert list(lay.cards) == list(fresh.cards)  # (painters go through them in this order)
    assert lay.card_keys == fresh.card_keys
    assert lay.stage_widths == fresh.stage_widths
    for tid, box in lay.cards.items():  # what the views are told changed
        if tid not in result.cards:
            assert before.cards.get(tid) is box
    shown = {p.touchpoint_id: p for p in [*lay.points, *lay.unrated]}
    was = {p.touchpoint_id: p for p in [*before.points, *before.unrated]}
    for tid in set(shown) | set(was):
        if tid not in result.faces:
            assert shown.get(tid) == was.get(tid), tid
    curve = list(before.points)
    for start, end, new in reversed(result.curve):
        curve[start:end] = new
    assert curve == lay.points
    return lay, True


def walk(journey, seed, steps=8):
    rng = random.Random(seed)
    lay = layout_map(journey, FITTER)
    fast = 0
    for _ in range(steps):
        lay, done = step(journey, lay, rng)
        fast += done
    return fast


def test_every_template_edited_card_by_card_is_laid_out_as_anew():
    fast = 0
    for k, name in enumerate(template_names()):
        fast += walk(load_template(name), k, steps=12)
    assert fast >= 3 * len(template_names())  # (some widen a stage or deepen a lane first)


def test_a_busy_map_edited_card_by_card_is_laid_out_as_anew():
    assert walk(stress_map(), 5, steps=30) >= 10


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(journey_maps(), voted_journey_maps()), st.integers(0, 10_000))
def test_any_map_edited_card_by_card_is_laid_out_as_anew(journey, seed):
    walk(journey, seed)


def test_a_card_moved_after_a_rating_keeps_its_new_face():
    journey = load_template("product-lifecycle")
    lay = layout_map(journey, FITTER)
    tp = next(t for t in journey.touchpoints if t.stage_id == "stage-setup" and t.feeling)
    fast = 0
    for position in (9, 0.5, 9, 0.5, 9):  # (the stage widens once, then holds it)
        tp.feeling = 2 if tp.feeling != 2 else -2
        lay = refelt(lay, journey, {tp.id}, FITTER)
        changes = ChangeCollector()
        place = (tp.stage_id, position, tp.department_id)
        apply_edit(journey, move_touchpoints(journey, {tp.id: place}), changes)
        lay, done = _checked(journey, lay, changes)
        fast += done
        assert next(p for p in lay.points if p.touchpoint_id == tp.id).feeling == tp.feeling
    assert fast >= 3


def test_a_card_moved_along_its_lane_does_not_lay_out_the_map_again():
    journey = load_template("product-lifecycle")
    lay = layout_map(journey, FITTER)
    tp = journey.touchpoints[len(journey.touchpoints) // 2]
    changes = ChangeCollector()
    edit = move_touchpoints(journey, {tp.id: (tp.stage_id, tp.position + 1.5, tp.department_id)})
    apply_edit(journey, edit, changes)
    assert _checked(journey, lay, changes)[1]


def test_a_handoff_drawn_or_taken_away_is_laid_out_as_anew():
    from cxmapper.model.plans.edit import Edit, SetFields

    for name in template_names():
        journey = load_template(name)
        lay = layout_map(journey, FITTER)
        rng = random.Random(name)
        for _ in range(4):
            a, b = rng.sample(journey.touchpoints, 2)
            leads = (
                [t for t in a.leads_to if t != b.id] if b.id in a.leads_to else [*a.leads_to, b.id]
            )
            changes = ChangeCollector()
            edit = Edit("Hand off", (SetFields("touchpoint", {a.id: {"leads_to": leads}}),))
            apply_edit(journey, edit, changes)
            lay, fast = _checked(journey, lay, changes)
            assert fast
