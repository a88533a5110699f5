"""The emotion curve kept in runs: after any re-rating it is the curve drawn afresh, and only
the runs around the faces that moved are painted again."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QPainterPath

from cxmapper.canvas.curve import CurveItem
from cxmapper.layout.geometry import Point
from cxmapper.layout.style import LIGHT, Style


def elements(path):
    return [
        (e.type, round(e.x, 6), round(e.y, 6))
        for e in map(path.elementAt, range(path.elementCount()))
    ]


def curve_through(points, future=False):
    item = CurveItem()
    item.set_look(LIGHT, Style(), future)
    item.set_points(points)
    return item


def faces(n, seed):
    rng = random.Random(seed)
    return [Point(40.0 * i, 100.0 + 20 * rng.randint(-2, 2)) for i in range(n)]


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 120), st.integers(0, 10_000), st.integers(1, 3), st.booleans())
def test_a_curve_re_rated_in_place_is_the_curve_drawn_afresh(qapp, n, seed, moved, future):
    points = faces(n, seed)
    item = curve_through(points, future)
    rng = random.Random(seed + 1)
    for i in rng.sample(range(n), min(n, moved)):
        points[i] = Point(points[i].x, 100.0 + 20 * rng.randint(-2, 2))
    item.set_points(points)
    assert elements(item.path()) == elements(curve_through(points, future).path())
    bounds = item.boundingRect()
    assert bounds.united(curve_through(points, future).path().boundingRect()) == bounds


def test_a_face_moved_repaints_only_its_part_of_a_long_curve(qapp):
    points = faces(2000, 7)
    item = curve_through(points)
    repainted = []
    item.update = lambda rect=None: repainted.append(rect)
    points[1000] = Point(points[1000].x, 60.0)
    item.set_points(points)
    (rect,) = repainted
    assert rect.width() < item.boundingRect().width() / 20  # a few runs, not the whole curve
    assert rect.left() <= points[1000].x <= rect.right()


def test_the_curve_takes_no_clicks(qapp):
    item = curve_through(faces(10, 1))
    assert item.shape().isEmpty()


def cubics(path):
    """The curve as drawn: its segments' points, however it is cut into runs."""
    drawn = elements(path)
    return drawn[:1] + [e for e in drawn if e[0] != QPainterPath.ElementType.MoveToElement]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 120), st.integers(0, 10_000), st.booleans())
def test_a_curve_spliced_is_the_curve_drawn_afresh(qapp, n, seed, future):
    """Faces taken out and put in where cards moved (two places at a time, as a card moved
    from one stage to another): the same curve as drawn through all the faces at once."""
    rng = random.Random(seed)
    points = faces(n, seed)
    item = curve_through(points, future)
    for _ in range(6):
        cuts = []
        for _ in range(rng.randint(1, 2)):
            start = rng.randint(0, len(points))
            end = min(len(points), start + rng.randint(0, 3))
            new = [Point(40.0 * rng.random() * n, 100.0 + 20 * rng.randint(-2, 2))]
            cuts.append((start, end, new * rng.randint(0, 2)))
        cuts.sort(key=lambda cut: cut[:2])
        if len(cuts) == 2 and cuts[0][1] > cuts[1][0]:
            cuts = cuts[:1]
        for start, end, new in reversed(cuts):
            points[start:end] = new
            item.splice(start, end, new)
        fresh = curve_through(points, future)
        assert item._segments == fresh._segments
        assert cubics(item.path()) == cubics(fresh.path())
        bounds = item.boundingRect()
        assert bounds.united(fresh.path().boundingRect()) == bounds


def test_a_face_spliced_repaints_only_its_part_of_a_long_curve(qapp):
    points = faces(2000, 7)
    item = curve_through(points)
    repainted = []
    item.update = lambda rect=None: repainted.append(rect)
    item.splice(1000, 1001, [])
    (rect,) = repainted
    assert rect.width() < item.boundingRect().width() / 20
    assert rect.left() <= points[1000].x <= rect.right()
