"""The dots a room put on the cards, on the cards: a sticker with the count at the right of the
owner's band, for the vote the map shows only, clear of the flags and the channel's icon, its
count inside it; and an entry in the legend."""

import random

import pytest
from factories import small_map, voted_journey_maps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmapper.drawing.cards import draw_card
from cxmapper.drawing.map import draw_legend
from cxmapper.layout import ApproximateMetrics
from cxmapper.layout.geometry import Rect
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.pieces import VOTE_TEXT, card_content, votes_label
from cxmapper.layout.refelt import refelt
from cxmapper.layout.style import LIGHT, VOTE_DOT, WHITE, Style, workshop_style
from cxmapper.layout.text import TextFitter
from cxmapper.model.journey import Touchpoint
from cxmapper.model.templates import load_template, template_names

FITTER = TextFitter(ApproximateMetrics())
STYLES = {
    "plain": Style(),
    "workshop 720": workshop_style(24, 720),  # the compact cards: no foot
    "workshop 1080": workshop_style(24, 1080),
}
ALL_FLAGS = {
    "pain_points": ["Waits"],
    "opportunities": ["Text them"],
    "moment_of_truth": True,
    "partner_owned": True,
}


def voted(journey, votes: dict[str, dict[str, int]], shown: str | None):
    for tp in journey.touchpoints:
        tp.votes = votes.get(tp.id, {})
    journey.votes_shown = shown
    return journey


def card(count: int, s: Style, **extra):
    tp = Touchpoint(
        id="t", title="Pays the invoice", stage_id="s", votes={"pain_points": count}, **extra
    )
    return card_content(tp, "web", "#0072b2", FITTER, s, votes_shown="pain_points")


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def inside(inner: Rect, outer: Rect, slack: float = 1e-6) -> bool:
    return (
        inner.x >= outer.x - slack
        and inner.right <= outer.right + slack
        and inner.y >= outer.y - slack
        and inner.bottom <= outer.bottom + slack
    )


def in_pill(x: float, y: float, pill: Rect) -> bool:
    """Whether (x, y) is inside a rectangle with round ends (a dot when it is square)."""
    r = pill.h / 2
    nearest = min(max(x, pill.x + r), pill.right - r)  # on the line between the ends' centres
    return (x - nearest) ** 2 + (y - pill.center.y) ** 2 <= r * r


def test_the_cards_show_the_dots_of_the_vote_shown_only():
    votes = {"t1": {"pain_points": 3, "touchpoints": 5}, "t2": {"touchpoints": 2}}
    for shown, expected in (
        ("pain_points", {"t1": 3, "t2": 0}),
        ("touchpoints", {"t1": 5, "t2": 2}),
        ("opportunities", {"t1": 0, "t2": 0}),
        (None, {"t1": 0, "t2": 0}),
    ):
        lay = layout_map(voted(small_map(), votes, shown), FITTER)
        assert lay.votes_shown == shown
        for tid, count in expected.items():
            c = lay.cards[tid].content
            assert c.votes == count, (shown, tid)
            if count:
                assert c.votes_label == str(count)
                assert c.votes_box is not None and c.votes_text is not None
            else:  # no sticker at all: nothing drawn, nothing in the way
                assert (c.votes_label, c.votes_box, c.votes_text) == ("", None, None)


def test_only_the_changed_cards_are_made_again_when_the_votes_change():
    journey = voted(small_map(), {"t1": {"pain_points": 3}}, "pain_points")
    before = layout_map(journey, FITTER)
    journey.touchpoints[0].votes = {"pain_points": 4}
    after = layout_map(journey, FITTER, previous=before)
    assert after.cards["t1"].content.votes == 4
    assert after.cards["t2"].content is before.cards["t2"].content
    journey.votes_shown = None
    hidden = layout_map(journey, FITTER, previous=after)
    assert hidden.cards["t1"].content.votes_box is None
    assert (
        hidden.cards["t1"].content.badges
        == layout_map(small_map(), FITTER).cards["t1"].content.badges
    )


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("count", [1, 12, 125, 1234, 99_999, 100_000])
def test_the_sticker_sits_in_the_band_clear_of_the_flags_and_the_icon(style, count):
    s = STYLES[style]
    for flags, state in (({}, "new"), ({"pain_points": ["Waits"]}, "removed"), (ALL_FLAGS, "new")):
        c = card(count, s, **flags, future_state=state)
        dot = c.votes_box
        assert dot is not None and inside(dot, c.stripe)
        assert dot.right == pytest.approx(c.width - s.card_pad + s.hair)  # the band's right end
        assert dot.h == pytest.approx(s.vote_dot) and dot.w >= dot.h  # a dot, or a wider pill
        assert dot.x >= c.icon.right + s.mark_gap
        for _kind, badge in c.badges:
            assert not overlaps(badge, dot)
            assert not overlaps(badge, c.icon)
            assert badge.right <= dot.x - s.mark_gap
        assert len(c.badges) == len(flags)  # every flag still shown
        if c.state_box is not None:  # "New" or "Retired" between the icon and the flags, or
            # cut short ("Retir…"), or left out when the band has no room for it
            assert c.state_box.x >= c.icon.right
            assert c.state_box.right <= (c.badges[0][1] if c.badges else dot).x
            assert FITTER.width(c.state_tag, s.card_tag_size, True) <= c.state_box.w - s.label_gap
        else:
            assert c.state_tag == ""


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("count", [7, 42, 999])
def test_a_count_of_up_to_three_digits_fits_the_sticker_at_full_size(style, count):
    s = STYLES[style]
    c = card(count, s, **ALL_FLAGS)  # (the band at its fullest)
    dot, text = c.votes_box, c.votes_text
    assert c.votes_size == pytest.approx(s.vote_dot * VOTE_TEXT)
    assert text.w == pytest.approx(FITTER.width(c.votes_label, c.votes_size, True))
    ring = s.vote_ring
    inner = Rect(dot.x + ring, dot.y + ring, dot.w - 2 * ring, dot.h - 2 * ring)
    # the digits (about 3/4 of the size tall, centred) inside the ring, round ends and all
    half = 0.75 * c.votes_size / 2
    for x in (text.x, text.right):
        for y in (dot.center.y - half, dot.center.y + half):
            assert in_pill(x, y, inner), (x, y, inner)
    assert text.center.x == pytest.approx(dot.center.x)
    if count < 10:
        assert dot.w == pytest.approx(dot.h)  # one digit: a round dot


def test_a_count_too_wide_for_the_band_is_shortened_and_set_smaller_not_pushed_out():
    assert [votes_label(n) for n in (9, 9999, 10_000, 12_345, 100_000)] == [
        "9",
        "9999",
        "10k",
        "12k",
        "100k",
    ]
    narrow = Style(card_width=80)
    c = card(9999, narrow, **ALL_FLAGS)
    assert c.votes_size < narrow.vote_dot * VOTE_TEXT
    assert inside(c.votes_text, c.votes_box)
    assert c.votes_box.x >= c.icon.right + narrow.mark_gap
    assert all(not overlaps(b, c.votes_box) for _, b in c.badges)


class Recorder:
    theme = LIGHT

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def rect(self, r, fill, stroke=None, width=1, radius=0, alpha=1.0):
        self.calls.append(("rect", r, fill, radius))

    def line(self, *args, **kwargs):
        pass

    def curve(self, *args, **kwargs):
        pass

    def text(self, text, box, size, bold=False, colour="#000000"):
        self.calls.append(("text", text, box, size, bold, colour))

    def circle(self, *args):
        pass

    def label(self, *args):
        pass

    def translate(self, dx, dy):
        pass


def test_the_sticker_is_drawn_once_for_every_painter_white_on_a_dark_dot():
    s = Style()
    c = card(12, s)
    p = Recorder()
    draw_card(c, p, s)
    dots = [call for call in p.calls if call[0] == "rect" and call[2] == VOTE_DOT]
    assert len(dots) == 1 and inside(dots[0][1], c.votes_box)
    assert dots[0][3] == pytest.approx(dots[0][1].h / 2)  # round ends
    ring = [call for call in p.calls if call[0] == "rect" and call[1] == c.votes_box]
    assert ring and ring[0][2] == WHITE
    counts = [call for call in p.calls if call[0] == "text" and call[1] == "12"]
    assert counts == [("text", "12", c.votes_text, c.votes_size, True, WHITE)]
    quiet = Recorder()
    draw_card(card(0, s), quiet, s)
    assert not [call for call in quiet.calls if call[0] == "rect" and call[2] == VOTE_DOT]


def test_the_legend_names_the_vote_shown_when_a_card_has_dots():
    def entries(votes, shown):
        lay = layout_map(voted(small_map(), votes, shown), FITTER)
        return lay, [e for e in lay.legend if e.kind == "votes"]

    lay, found = entries({"t1": {"pain_points": 3}}, "pain_points")
    assert [(e.key, e.label) for e in found] == [("pain_points", "Votes on pain points")]
    p = Recorder()
    draw_legend(lay, p)
    assert [call for call in p.calls if call[0] == "rect" and call[2] == VOTE_DOT]
    assert entries({"t1": {"pain_points": 3}}, "opportunities")[1] == []  # no dots on it
    assert entries({"t1": {"pain_points": 3}}, None)[1] == []
    assert entries({}, "touchpoints")[1] == []


def test_re_rated_cards_with_votes_shown_are_laid_out_as_anew():
    for k, name in enumerate(template_names()):
        rng = random.Random(k)
        journey = load_template(name)
        journey.curves = "current"
        for tp in journey.touchpoints:
            tp.votes = {"pain_points": rng.randint(0, 120)} if rng.random() < 0.5 else {}
        journey.votes_shown = "pain_points"
        before = layout_map(journey, FITTER)
        rated = [p.touchpoint_id for p in before.points]
        changed = set(rng.sample(rated, 3))
        for tp in journey.touchpoints:
            if tp.id in changed:
                tp.feeling = next(f for f in (2, -2, 1) if f != tp.feeling)
        patched = refelt(before, journey, changed, FITTER)
        assert patched is not None
        assert patched == layout_map(journey, FITTER, previous=before)
        journey.votes_shown = "touchpoints"  # another vote shown: a new layout, not a patch
        assert refelt(before, journey, changed, FITTER) is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(voted_journey_maps(), st.integers(0, 1000))
def test_any_voted_map_has_its_stickers_clear_and_re_rates_as_anew(journey, seed):
    # (laid out twice, as a map being edited is: its stages keep their widths from then on)
    before = layout_map(journey, FITTER, previous=layout_map(journey, FITTER))
    by_id = {tp.id: tp for tp in journey.touchpoints}
    for tid, box in before.cards.items():
        c = box.content
        shown = journey.votes_shown
        assert c.votes == (by_id[tid].votes.get(shown, 0) if shown else 0)
        if c.votes:
            assert inside(c.votes_box, c.stripe) and inside(c.votes_text, c.votes_box)
            assert all(not overlaps(b, c.votes_box) for _, b in c.badges)
    rng = random.Random(seed)
    rated = [tp for tp in journey.touchpoints if tp.id in {p.touchpoint_id for p in before.points}]
    changed = set()
    for tp in rng.sample(rated, min(len(rated), 2)):
        tp.feeling = rng.choice([f for f in range(-2, 3) if f != tp.feeling])
        changed.add(tp.id)
    patched = refelt(before, journey, changed, FITTER)
    if journey.curves == "current" and changed:
        assert patched == layout_map(journey, FITTER, previous=before)
