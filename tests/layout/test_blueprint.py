"""The service blueprint in the layout: lanes grouped by layer with the lines between them,
handoff arrows from card edge to card edge, evidence marks, future tags and both curves."""

from factories import small_map
from geometry_helpers import contains_rect

from cxmapper.layout import ApproximateMetrics, TextFitter, layout_map
from cxmapper.model.journey import BLUEPRINT_LAYERS
from cxmapper.model.templates import load_template

FITTER = TextFitter(ApproximateMetrics())


def test_a_map_with_no_layers_looks_as_it_always_did():
    journey = load_template("product-lifecycle")
    lay = layout_map(journey, FITTER)
    assert [lane.department_id for lane in lay.lanes] == [d.id for d in journey.departments]
    assert lay.blueprint_lines == [] and lay.handoffs == [] and lay.future_points == []


def test_lanes_are_grouped_by_layer_with_the_three_lines_between_the_groups():
    journey = load_template("car-service-blueprint")
    lay = layout_map(journey, FITTER)
    layers = [journey.department(lane.department_id).blueprint_layer for lane in lay.lanes]
    assert layers == sorted(layers, key=BLUEPRINT_LAYERS.index)  # customer down to support
    names = [line.name for line in lay.blueprint_lines]
    assert names == ["Line of interaction", "Line of visibility", "Line of internal interaction"]
    for line in lay.blueprint_lines:  # each between the last lane of a layer and the next
        above = [lane for lane in lay.lanes if lane.rect.bottom <= line.band.y + 1e-6]
        below = [lane for lane in lay.lanes if lane.rect.y >= line.band.bottom - 1e-6]
        assert above and below
        a = journey.department(above[-1].department_id).blueprint_layer
        b = journey.department(below[0].department_id).blueprint_layer
        assert BLUEPRINT_LAYERS.index(a) < BLUEPRINT_LAYERS.index(b)
        assert line.labels and all(contains_rect(line.band, label) for label in line.labels)


def test_a_handoff_runs_from_one_cards_edge_to_the_others_with_its_head_at_the_second():
    journey = small_map()
    journey.touchpoints[0].leads_to = ["t2"]
    lay = layout_map(journey, FITTER)
    (arrow,) = lay.handoffs
    a, b = lay.cards["t1"].rect, lay.cards["t2"].rect
    assert arrow.start.x == a.right and arrow.end.x == b.x  # t2 is later: left to right
    assert arrow.start.y == a.center.y and arrow.end.y == b.center.y
    assert all(tip.x < arrow.end.x for tip in arrow.head)  # the head points into t2


def test_cards_show_evidence_and_the_future_state():
    journey = small_map()
    first, second = journey.touchpoints
    first.evidence, second.future_state = "observed", "removed"
    lay = layout_map(journey, FITTER)
    one, two = lay.cards["t1"].content, lay.cards["t2"].content
    assert one.evidence == "observed" and one.evidence_box is not None
    assert one.emotion.right <= one.evidence_box.x  # the emotion word makes room for it
    assert two.evidence is None and two.evidence_box is None
    assert two.state_tag == "Retired" and one.state_tag == ""
    assert two.state_box is not None and two.state_box.bottom <= two.stripe.bottom


def test_future_and_both_curves():
    journey = small_map()
    journey.touchpoints[0].future_feeling = 2
    journey.touchpoints[1].future_state = "removed"
    journey.curves = "future"
    lay = layout_map(journey, FITTER)
    assert [(p.touchpoint_id, p.feeling, p.field) for p in lay.points] == [
        ("t1", 2, "future_feeling")
    ]
    journey.curves = "both"
    lay = layout_map(journey, FITTER)
    assert [p.feeling for p in lay.points] == [t.feeling for t in journey.touchpoints]
    assert [(p.touchpoint_id, p.feeling) for p in lay.future_points] == [("t1", 2)]
    kinds = {(e.kind, e.key) for e in lay.legend}
    assert {("curve", "current"), ("curve", "future")} <= kinds
