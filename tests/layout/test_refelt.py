"""Re-rating cards without a new layout gives exactly the layout a new one would."""

import random

from factories import journey_maps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmapper.layout import ApproximateMetrics
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.refelt import refelt
from cxmapper.layout.text import TextFitter
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
