"""A window on the small map, for the panels' tests."""

import pytest
from factories import map_window


@pytest.fixture
def window(qtbot, journey):
    yield from map_window(qtbot, journey)
