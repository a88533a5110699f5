"""The scene after cards moved, were added, deleted, re-rated or renamed (each drawn again only
where it changed) shows exactly its layout: a card item per card at its box, a face or "?" per
face, the curve through the faces (that the layout is the one a new one would be:
tests/layout/test_moved.py)."""

import random

from factories import stress_map

from cxmapper.canvas.scene import JourneyScene
from cxmapper.document.document import JourneyDocument
from cxmapper.drawing.curve import smooth_curve
from cxmapper.layout.geometry import Point
from cxmapper.model.templates import load_template, template_names


def shows_its_layout(scene):
    lay = scene.layout
    assert set(scene.cards) == set(lay.cards)
    for tid, item in scene.cards.items():
        assert item.box == lay.cards[tid]
        assert (item.x(), item.y()) == (lay.cards[tid].rect.x, lay.cards[tid].rect.y)
    faces = {p.touchpoint_id: p for p in [*lay.points, *lay.unrated]}
    assert set(scene.points) == set(faces)
    for tid, item in scene.points.items():
        assert item.point == faces[tid]
        assert (item.x(), item.y()) == (faces[tid].center.x, faces[tid].center.y)
    centres = [Point(p.center.x, p.center.y) for p in lay.points]
    assert scene.curve._points == centres
    assert scene.curve._segments == smooth_curve(centres)
    assert scene.selection.order == lay.time_order


def an_edit(doc, rng):
    journey = doc.journey
    tps = journey.touchpoints
    kind = rng.random()
    stage = rng.choice(journey.stages).id
    lane = rng.choice([None, *(d.id for d in journey.departments)])
    if kind < 0.1 or not tps:
        doc.add_touchpoint((stage, rng.choice([0.5, 1.0, 9.0]), lane), "Dropped")
    elif kind < 0.2:
        doc.delete_touchpoints([rng.choice(tps).id])
    elif kind < 0.3:
        rated = [t for t in tps if t.feeling is not None and t.future_state != "new"]
        if rated:
            doc.set_feeling(rng.choice(rated).id, rng.randint(-2, 2))
    elif kind < 0.4:
        doc.set_field("touchpoint", rng.choice(tps).id, "title", f"Renamed {rng.random()}")
    elif kind < 0.5:
        doc.undo()
    elif kind < 0.55:
        doc.redo()
    else:
        tp = rng.choice(tps)
        if rng.random() < 0.5:
            stage, lane = tp.stage_id, tp.department_id
        doc.move_touchpoints({tp.id: (stage, tp.position + rng.choice([0.5, 1.5, -0.5]), lane)})


def counting_layouts(scene):
    """The scene's whole layouts, counted."""
    count = []
    whole = scene.relayout

    def relayout():
        count.append(1)
        whole()

    scene.relayout = relayout
    return count


def test_the_scene_shows_its_layout_edit_after_edit(qapp):
    for k, journey in enumerate([*(load_template(n) for n in template_names()), stress_map()]):
        rng = random.Random(k)
        doc = JourneyDocument(journey)
        scene = JourneyScene(doc)
        whole = counting_layouts(scene)
        for _ in range(40):
            an_edit(doc, rng)
            shows_its_layout(scene)
        assert len(whole) < 25  # (most edits drawn where they changed)
        doc.deleteLater()
