"""Every template read whole on screen: fit to window in a 1440x900 window, card titles at 8 px
or more, the map as wide or as tall as the view."""

import pytest
from factories import close_quietly

from cxmapper.app.window import MainWindow
from cxmapper.document.document import JourneyDocument
from cxmapper.model.templates import load_template, template_names


@pytest.mark.parametrize("name", template_names())
def test_a_template_fits_a_1440x900_window_with_readable_titles(qtbot, name):
    window = MainWindow()
    window.set_document(JourneyDocument(load_template(name), None))
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the docks take their first widths
    try:
        window.view.fit_to_window()
        zoom = window.view.zoom()
        title_px = zoom * window.scene.layout.style.card_title_size
        assert title_px >= 8, f"{name}: card titles {title_px:.1f} px at {zoom:.0%}"
        shown = window.view.mapFromScene(window.view.sceneRect()).boundingRect()
        port = window.view.viewport().rect()
        assert shown.width() >= port.width() * 0.95 or shown.height() >= port.height() * 0.95
        assert window.view.viewport().width() >= 1440 * 0.7  # the docks leave the map its room
    finally:
        close_quietly(window)
