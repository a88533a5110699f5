"""The canvas tests' window: the product lifecycle template at actual size."""

import pytest
from factories import close_quietly

from cxmapper.app.window import MainWindow
from cxmapper.document.document import JourneyDocument
from cxmapper.model.templates import load_template


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.set_document(JourneyDocument(load_template("product-lifecycle")))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.view.actual_size()
    yield w
    close_quietly(w)  # closing must not ask to save
