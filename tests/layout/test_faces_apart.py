"""Faces that never collide: every face and "?" of the emotion lane can be seen and dragged."""

import itertools

from factories import journey_maps
from hypothesis import HealthCheck, given, settings

from cxmapper.layout import ApproximateMetrics
from cxmapper.layout.journey_layout import layout_map
from cxmapper.model.templates import load_template, template_names

METRICS = ApproximateMetrics()


def overlapping(journey):
    lay = layout_map(journey, METRICS)
    points = lay.points + lay.unrated
    return [
        (a.touchpoint_id, b.touchpoint_id)
        for a, b in itertools.combinations(points, 2)
        if (a.center.x - b.center.x) ** 2 + (a.center.y - b.center.y) ** 2
        < (a.radius + b.radius) ** 2
    ]


def test_no_face_hides_another_in_any_template():
    for name in template_names():
        assert overlapping(load_template(name)) == [], name


def test_a_question_mark_beside_a_face_at_the_same_moment_is_moved_aside():
    journey = load_template("car-service-blueprint")  # a rated card and an unrated one at once
    lay = layout_map(journey, METRICS)
    face = next(p for p in lay.points if p.touchpoint_id == "tp-hands-keys")
    mark = next(p for p in lay.unrated if p.touchpoint_id == "tp-job-card")
    assert abs(face.center.x - mark.center.x) >= face.radius + mark.radius


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_no_face_hides_another_in_any_map(journey):
    assert overlapping(journey) == []
