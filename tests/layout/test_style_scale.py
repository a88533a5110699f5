"""One style: every size of a drawn map comes from it, so a style scaled by k draws the same
map k times as big (workshop mode relies on it), with nothing left at its old size."""

from dataclasses import astuple, is_dataclass

import pytest
from factories import stress_map

from cxmapper.drawing.map import draw_map
from cxmapper.layout import ApproximateMetrics, Point, Rect, TextFitter, layout_map
from cxmapper.layout.style import LIGHT, Style
from cxmapper.model.journey import ROWS
from cxmapper.model.templates import load_template, template_names

K = 2.0  # (a power of two: the scaled numbers are exact, so equal means equal)


def _flat(value):
    if isinstance(value, (Rect, Point)) or is_dataclass(value):
        return tuple(_flat(v) for v in astuple(value))
    if isinstance(value, (list, tuple)):
        return tuple(_flat(v) for v in value)
    return value


class Recorder:
    """A painter that writes down what it is asked to draw, every number included."""

    theme = LIGHT

    def __init__(self) -> None:
        self.ops: list[tuple] = []

    def __getattr__(self, name):
        def record(*args, **kwargs):
            alpha = kwargs.pop("alpha", 1.0)  # a share, not a size
            self.ops.append((name, _flat(args), _flat(sorted(kwargs.items())), alpha))

        return record


def _scaled(value, k):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return value * k
    return tuple(_scaled(v, k) for v in value)


def _drawn(journey, style: Style) -> list[tuple]:
    painter = Recorder()
    draw_map(layout_map(journey, TextFitter(ApproximateMetrics()), style), painter)
    return painter.ops


def _same_but_bigger(small: list[tuple], big: list[tuple]) -> None:
    for a, b in zip(small, big, strict=False):
        name, args, kwargs, alpha = a
        want = (name, _scaled(args, K), _scaled(kwargs, K), alpha)
        assert b == want, f"{name}: drawn as {b[1:3]}; {K} times {args, kwargs} expected"
    assert len(small) == len(big)


@pytest.mark.parametrize("name", template_names())
def test_a_scaled_style_draws_every_template_bigger_and_the_same(name):
    journey = load_template(name).model_copy(update={"rows": list(ROWS)})
    _same_but_bigger(_drawn(journey, Style()), _drawn(journey, Style().scaled(K)))


def test_a_scaled_style_draws_the_stress_map_bigger_and_the_same():
    journey = stress_map().model_copy(update={"rows": list(ROWS)})
    _same_but_bigger(_drawn(journey, Style()), _drawn(journey, Style().scaled(K)))


def test_scaling_keeps_counts_and_ratios():
    big = Style().scaled(1.5)
    assert big.card_title_size == 24 and big.card_width == 186
    assert big.card_title_lines == Style().card_title_lines
    assert big.line_spacing == Style().line_spacing
    assert big.emotion_label == Style().emotion_label
