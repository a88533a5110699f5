"""Re-rating cards without a new layout gives exactly the layout a new one would."""

import random

from factories import journey_maps, voted_journey_maps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmapper.layout import ApproximateMetrics
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.refelt import recarded, refelt
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import MAX_VOTES, VOTE_TOPICS
from cxmapper.model.templates import load_template, template_names

FITTER = TextFitter(ApproximateMetrics())


def rerated(journey, seed, shown):
    rng = random.Random(seed)
    rated = [tp for tp in journey.touchpoints if tp.id in shown]  # (faces of the current state)
    changed = set()
    for tp in rng.sample(rated, min(len(rated), rng.randint(1, 3))):
        tp.feeling = rng.choice([f for f in range(-2, 3) if f != tp.feeling])
        changed.add(tp.id)
    return changed


def check(journey, seed):
    before = layout_map(journey, FITTER)
    changed = rerated(journey, seed, {p.touchpoint_id for p in before.points})
    patched = refelt(before, journey, changed, FITTER)
    if journey.curves != "current" or not changed:
        assert patched is None
        return
    assert patched is not None
    assert patched == layout_map(journey, FITTER, previous=before)
    assert before.cards.keys() == patched.cards.keys()


def test_every_template_re_rated_is_laid_out_as_anew():
    for k, name in enumerate(template_names()):
        check(load_template(name), k)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps(), st.integers(0, 1000))
def test_any_map_re_rated_is_laid_out_as_anew(journey, seed):
    check(journey, seed)


def test_a_card_rated_for_the_first_time_needs_a_new_layout():
    journey = load_template("product-lifecycle")
    lay = layout_map(journey, FITTER)
    tp = next(t for t in journey.touchpoints if t.feeling is None)
    tp.feeling = 1
    assert refelt(lay, journey, {tp.id}, FITTER) is None


def dotted(journey, seed):
    """Dots put on (or taken off) one to three cards, on any topic."""
    rng = random.Random(seed)
    changed = set()
    for tp in rng.sample(journey.touchpoints, min(len(journey.touchpoints), rng.randint(1, 3))):
        topic = rng.choice(VOTE_TOPICS)
        count = tp.votes.get(topic, 0) + rng.choice([-1, 1, 7])
        tp.votes = {**tp.votes, topic: max(0, min(MAX_VOTES, count))}
        changed.add(tp.id)
    return changed


def check_dots(journey, seed):
    before = layout_map(journey, FITTER)
    changed = dotted(journey, seed)
    patched = recarded(before, journey, changed, FITTER, {"votes"})
    fresh = layout_map(journey, FITTER, previous=before)
    if not changed:  # (a map without touchpoints)
        assert patched is None
        return
    if patched is None:  # only when the legend gains or loses its entry for the dots
        assert fresh.legend != before.legend
        return
    assert patched == fresh
    assert patched.card_keys == fresh.card_keys


def test_every_template_given_dots_is_laid_out_as_anew():
    for k, name in enumerate(template_names()):
        journey = load_template(name)
        journey.votes_shown = VOTE_TOPICS[k % 3]
        journey.touchpoints[0].votes = {t: 1 for t in VOTE_TOPICS}  # (the legend has its entry)
        for seed in range(5):
            check_dots(journey, seed)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(voted_journey_maps(), st.integers(0, 1000))
def test_any_map_given_dots_is_laid_out_as_anew(journey, seed):
    check_dots(journey, seed)


def test_the_first_dot_shown_needs_a_new_layout():
    journey = load_template("car-service-visit")
    journey.votes_shown = "touchpoints"
    lay = layout_map(journey, FITTER)
    journey.touchpoints[0].votes = {"touchpoints": 1}
    assert recarded(lay, journey, {journey.touchpoints[0].id}, FITTER, {"votes"}) is None
    again = layout_map(journey, FITTER, previous=lay)
    journey.touchpoints[0].votes = {"touchpoints": 2}
    patched = recarded(again, journey, {journey.touchpoints[0].id}, FITTER, {"votes"})
    assert patched is not None
    assert patched.cards[journey.touchpoints[0].id].content.votes_label == "2"


CARD_EDITS = {
    "title": lambda rng, tp, j: rng.choice(
        ["Calls support", "A much longer title that wraps", "x"]
    ),
    "emotion": lambda rng, tp, j: rng.choice(["", "furious", "exasperated beyond words"]),
    "pain_points": lambda rng, tp, j: rng.choice([[], ["Slow"], ["Slow", "Rude"]]),
    "opportunities": lambda rng, tp, j: rng.choice([[], ["Call back"]]),
    "quotes": lambda rng, tp, j: rng.choice([[], ["It took ages"]]),
    "moment_of_truth": lambda rng, tp, j: not tp.moment_of_truth,
    "partner_owned": lambda rng, tp, j: not tp.partner_owned,
    "evidence": lambda rng, tp, j: rng.choice([None, "observed", "assumed", "proposed"]),
    "channel_id": lambda rng, tp, j: rng.choice([None, *(c.id for c in j.channels)]),
}


def recheck(journey, seed):
    """One kind of what a card shows changed on one to three cards: drawn on those cards alone
    (or laid out again when more changes), the same as a new layout."""
    rng = random.Random(seed)
    before = layout_map(journey, FITTER)
    field = rng.choice(sorted(CARD_EDITS))
    changed = set()
    for tp in rng.sample(journey.touchpoints, min(len(journey.touchpoints), rng.randint(1, 3))):
        setattr(tp, field, CARD_EDITS[field](rng, tp, journey))
        changed.add(tp.id)
    patched = recarded(before, journey, changed, FITTER, {field})
    fresh = layout_map(journey, FITTER, previous=before)
    if patched is not None:
        assert patched == fresh
        assert patched.card_keys == fresh.card_keys
    return patched is not None


def test_every_template_with_a_card_changed_is_laid_out_as_anew():
    fast = 0
    for k, name in enumerate(template_names()):
        for seed in range(8):
            fast += recheck(load_template(name), k * 100 + seed)
    assert fast >= 20  # most such edits take the fast way


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(voted_journey_maps(), st.integers(0, 1000))
def test_any_map_with_a_card_changed_is_laid_out_as_anew(journey, seed):
    recheck(journey, seed)


def test_a_row_that_shows_the_notes_needs_a_new_layout():
    journey = load_template("car-service-visit")
    journey.rows = ["pain_points"]
    lay = layout_map(journey, FITTER)
    tp = journey.touchpoints[0]
    tp.pain_points = ["A new pain"]
    assert recarded(lay, journey, {tp.id}, FITTER, {"pain_points"}) is None
    tp.title = "Renamed"
    assert recarded(lay, journey, {tp.id}, FITTER, {"title"}) is not None
