"""A window on the small map, for the panels' tests."""

import pytest
from factories import close_quietly

from cxmapper.app.window import MainWindow
from cxmapper.document.document import JourneyDocument


@pytest.fixture
def window(qtbot, journey):
    w = MainWindow()
    w.set_document(JourneyDocument(journey))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.view.actual_size()
    yield w
    close_quietly(w)  # closing must not ask to save
