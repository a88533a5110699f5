"""Dots counted in a spreadsheet: read as written in digits, never guessed, and shown."""

import pytest

from cxmapper.model.csv_format import export_csv, parse_votes
from cxmapper.model.spreadsheet import import_csv


@pytest.mark.parametrize(
    ("cell", "count"), [("4", 4), (" 7 ", 7), ("4.0", 4), ("", 0), ("100000", 100000)]
)
def test_a_count_in_digits_is_read(cell, count):
    assert parse_votes(cell) == count


@pytest.mark.parametrize(
    "cell", ["1.000", "1e3", "1_000", "١٢", "-1", "2.5", "three", "100001", "+3"]
)
def test_a_count_that_could_be_misread_is_refused(cell):
    with pytest.raises(ValueError, match="is not a number of votes"):
        parse_votes(cell)


def test_a_sheet_of_dots_opens_showing_them():
    sheet = (
        b"stage,department,title,votes_opportunities\nBuy,Sales,Orders online,3\nBuy,Sales,Pays,\n"
    )
    journey = import_csv(sheet).journey
    assert journey.votes_shown == "opportunities"
    assert [tp.votes for tp in journey.touchpoints] == [{"opportunities": 3}, {}]
    again = import_csv(export_csv(journey)).journey
    assert [tp.votes for tp in again.touchpoints] == [{"opportunities": 3}, {}]
    plain = import_csv(b"stage,department,title\nBuy,Sales,Orders online\n").journey
    assert plain.votes_shown is None
