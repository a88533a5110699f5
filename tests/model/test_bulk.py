"""Building many objects with the cycle collector paused: it is always resumed."""

import gc

import pytest

from cxmapper.model.bulk import building_many


def test_the_collector_is_resumed_after_building_even_on_an_error():
    assert gc.isenabled()
    with building_many():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), building_many():
        raise ValueError("a bad file")
    assert gc.isenabled()


def test_a_collector_the_program_turned_off_stays_off():
    gc.disable()
    try:
        with building_many():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
