"""What a card shows is said once: its key reads exactly the fields CARD_FIELDS names, and
those are fields the change record calls drawn (so an edit of one reaches the canvas)."""

from cxmapper.layout.card_look import CARD_FIELDS, card_key
from cxmapper.model.changes import DRAWN_FIELDS
from cxmapper.model.journey import Touchpoint

OTHER = {
    "title": "Another title",
    "feeling": 2,
    "emotion": "glad",
    "pain_points": ["Slow"],
    "opportunities": ["Faster"],
    "moment_of_truth": True,
    "partner_owned": True,
    "evidence": "observed",
    "future_state": "new",
    "future_feeling": -2,
    "votes": {"pain_points": 3},
    "description": "Changed",
    "root_cause": "Changed",
    "quotes": ["Said"],
    "sources": ["Interview 3"],
    "future_note": "Changed",
    "expectation": "below",
    "position": 5.0,
    "contributing_department_ids": ["d2"],
    "leads_to": ["t9"],
}


def test_a_cards_key_reads_the_fields_it_names_and_no_other():
    tp = Touchpoint(id="t1", title="Calls", stage_id="s1")
    before = card_key(tp, "#0072b2", "phone", True, "pain_points")
    for field, value in OTHER.items():
        changed = tp.model_copy(update={field: value})
        differs = card_key(changed, "#0072b2", "phone", True, "pain_points") != before
        assert differs == (field in CARD_FIELDS), field


def test_every_field_a_card_shows_is_drawn():
    assert DRAWN_FIELDS["touchpoint"] >= CARD_FIELDS
