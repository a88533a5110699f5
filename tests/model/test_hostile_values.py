"""Values no editor writes, from files anyone may have made: each refused with its place, never
an exception of another kind."""

import json

import pytest
from factories import small_map, version_1_data

from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
from cxmapper.model.problems import MapError


def data():
    return json.loads(map_to_bytes(small_map()))


@pytest.mark.parametrize(
    "when",
    ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"],
)
@pytest.mark.parametrize("field", ["created", "modified"])
def test_a_date_that_leaves_the_calendar_in_utc_is_refused_with_its_place(field, when):
    d = data()
    d["metadata"][field] = when
    with pytest.raises(MapError) as refused:
        map_from_bytes(json.dumps(d).encode())
    assert f"metadata.{field}" in refused.value.message()
    assert "between the years 1 and 9999" in refused.value.message()


def test_the_last_moment_the_calendar_holds_is_kept():
    d = data()
    d["metadata"]["created"] = "9999-12-31T23:59:59+14:00"
    assert map_from_bytes(json.dumps(d).encode()).metadata.created.year == 9999


@pytest.mark.parametrize("value", [[[]], [{}], [["d-sales"]], [None, "d-sales"]])
def test_a_contributing_department_that_is_not_an_id_is_refused(value):
    d = data()
    d["touchpoints"][0]["contributing_department_ids"] = value
    with pytest.raises(MapError) as refused:
        map_from_bytes(json.dumps(d).encode())
    assert "contributing_department_ids" in refused.value.message()


@pytest.mark.parametrize("breaker", ["\u2028", "\u2029", "\n", "\r"])
def test_a_line_or_paragraph_separator_in_a_name_is_refused_as_more_than_one_line(breaker):
    d = data()
    d["touchpoints"][0]["title"] = f"First{breaker}Second"
    with pytest.raises(MapError) as refused:
        map_from_bytes(json.dumps(d).encode())
    assert "touchpoints[0]" in refused.value.message() or "title" in refused.value.message()
    assert "must be a single line" in refused.value.message()


def test_a_separator_pasted_into_a_name_field_becomes_a_space():
    from cxmapper.model.fields import one_line

    assert one_line("First\u2028Second\u2029Third") == "First Second Third"


def test_a_version_1_file_holding_version_2_fields_is_refused_by_name():
    d = version_1_data(small_map())
    map_from_bytes(json.dumps(d).encode())  # a true version-1 map reads
    d["touchpoints"][0]["future_feeling"] = 99
    d["departments"][0]["blueprint_layer"] = "nonsense"
    with pytest.raises(MapError) as refused:
        map_from_bytes(json.dumps(d).encode())
    message = refused.value.message()
    assert "touchpoints[0]).future_feeling: is not a field of version 1 maps" in message
    assert "departments[0]).blueprint_layer: is not a field of version 1 maps" in message
    assert message.count("(it came with version 2): set schema_version to 2") == 2


@pytest.mark.parametrize("item", [b"{}", b"[]", b'"a"', b"0"])
def test_a_file_of_millions_of_tiny_values_is_refused_before_it_is_parsed(item):
    """Three bytes of JSON can cost Python sixty: such a file would take gigabytes."""
    data = b'{"format": "cxmapper-journey-map", "schema_version": 2, "x": ['
    data += (item + b",") * 2_100_000 + item + b"]}"
    with pytest.raises(MapError, match="more than 2,000,000 values"):
        map_from_bytes(data)
