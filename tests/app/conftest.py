"""The editor as a user meets it: a window on the sample map, active, the map holding the keys."""

import pytest
from factories import close_quietly

from cxmapper.app.editor import editor
from cxmapper.app.window import MainWindow


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
