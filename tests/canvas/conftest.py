"""The canvas tests' window: the product lifecycle template at actual size."""

import pytest
from factories import map_window

from cxmapper.model.templates import load_template


@pytest.fixture
def window(qtbot):
    yield from map_window(qtbot, load_template("product-lifecycle"))
