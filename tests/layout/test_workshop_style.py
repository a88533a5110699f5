"""The workshop's style fits the screen it is projected on: the stage names, the curve and four
lanes in view together with 24 px card titles, on 1280x720 and on 1920x1080."""

import pytest

from cxmapper.layout import ApproximateMetrics
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.style import workshop_style
from cxmapper.model.templates import load_template, template_names

# What a full-screen editor leaves the map: the screen less its menu, status and scroll bars.
VIEW_HEIGHT = {720: 663, 1080: 1015}


@pytest.mark.parametrize("screen", sorted(VIEW_HEIGHT))
@pytest.mark.parametrize("name", template_names())
def test_the_curve_and_four_lanes_fit_the_screen(name, screen):
    style = workshop_style(24, screen)
    lay = layout_map(load_template(name), ApproximateMetrics(), style)
    assert style.card_title_size == 24
    top = lay.stages[0].header.y
    # (a blueprint's named lines between its layers take a lane's room on a 720 px screen)
    lanes = 3 if lay.blueprint_lines and screen == 720 else 4
    last = sorted(lay.lanes, key=lambda lane: lane.rect.y)[lanes - 1]
    assert last.rect.bottom - top <= VIEW_HEIGHT[screen]


def test_a_tall_screen_shows_whole_cards_and_a_short_one_two_title_lines():
    roomy, short = workshop_style(24, 1080), workshop_style(24, 720)
    assert (roomy.card_title_lines, roomy.card_foot) == (3, True)
    assert (short.card_title_lines, short.card_foot) == (2, False)
    lay = layout_map(load_template("product-lifecycle"), ApproximateMetrics(), short)
    card = next(box for box in lay.cards.values() if box.content.feeling is not None)
    assert card.content.face is None and card.content.emotion_line == ""
    assert card.content.title.bottom <= card.rect.h  # the title inside its card
