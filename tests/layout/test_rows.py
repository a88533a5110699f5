"""Rows under the lanes: each touchpoint's pain points, opportunities or quotes, written out."""

from factories import small_map, stress_map
from geometry_helpers import contains_rect

from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.text import ApproximateMetrics
from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
from cxmapper.model.journey import JourneyMap

METRICS = ApproximateMetrics()


def test_a_map_shows_no_rows_until_asked():
    journey = small_map()
    assert layout_map(journey, METRICS).rows == []
    assert b'"rows": [],' in map_to_bytes(journey)  # said in the file, as every field is


def test_rows_are_stored_with_the_map_in_one_order():
    data = small_map().model_dump(mode="json") | {"rows": ["quotes", "pain_points", "quotes"]}
    journey = JourneyMap.model_validate(data)
    assert journey.rows == ["pain_points", "quotes"]
    assert map_from_bytes(map_to_bytes(journey)).rows == ["pain_points", "quotes"]


def test_each_note_sits_under_its_card_and_notes_never_overlap():
    journey = stress_map()
    journey.rows = ["pain_points", "opportunities", "quotes"]
    lay = layout_map(journey, METRICS)
    assert [row.kind for row in lay.rows] == ["pain_points", "opportunities", "quotes"]
    lanes_bottom = lay.lanes[-1].rect.bottom
    for row in lay.rows:
        assert row.rect.y >= lanes_bottom
        with_notes = {t.id for t in journey.touchpoints if getattr(t, row.kind)}
        assert {n.touchpoint_id for n in row.notes} == with_notes
        for note in row.notes:
            card = lay.cards[note.touchpoint_id]
            assert note.rect.x <= card.slot_x <= note.rect.right  # under its moment in time
            assert contains_rect(row.rect, note.rect)
            for other in row.notes:
                assert other is note or not note.rect.overlaps(other.rect)
    assert lay.legend_rect.y > lay.rows[-1].rect.bottom
    assert all(stage.column.bottom == lay.rows[-1].rect.bottom for stage in lay.stages)


def test_a_note_shows_the_words_set_as_quotes_or_points():
    journey = small_map()
    journey.rows = ["quotes", "pain_points"]
    lay = layout_map(journey, METRICS)
    pains, quotes = lay.rows
    assert " ".join(pains.notes[0].lines) == "• Charged for a week before install"
    assert " ".join(quotes.notes[0].lines) == "“Why am I paying already?”"
