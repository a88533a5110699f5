"""The editor as a user meets it: a window on the sample map, active, the map holding the keys."""

import pytest
from factories import close_quietly

from cxmapper.app.editor import editor
from cxmapper.app.window import MainWindow
from cxmapper.document.document import JourneyDocument
from cxmapper.model.templates import load_template


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.show_sample()
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.view.setFocus()
    yield w
    for other in list(editor().windows):  # and any window the test opened from it
        close_quietly(other)


@pytest.fixture
def blueprint(window, qtbot):
    """The window on a template of 24 cards, the map holding the keys, nothing selected."""
    window.set_document(JourneyDocument(load_template("car-service-blueprint"), None))
    qtbot.wait(20)
    window.view.setFocus()
    window.scene.clearSelection()
    return window
