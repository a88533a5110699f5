"""The screen follows the system's light or dark palette; paper is always light."""

from factories import close_quietly
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cxmapper.app.window import MainWindow
from cxmapper.layout.style import DARK, LIGHT


def paper_pixel(window):
    image = window.view.viewport().grab().toImage()
    lay = window.scene.layout
    stage = lay.stages[1]
    at = window.view.mapFromScene(stage.header.right - 4, stage.header.y + 3)
    return image.pixelColor(at.x(), at.y()).name()


def test_a_dark_system_palette_gives_a_dark_map_and_back(qtbot):
    app = QApplication.instance()
    light = QPalette(app.palette())
    window = MainWindow()
    window.show_sample()
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.scene.theme == LIGHT
        assert paper_pixel(window) == LIGHT.header_tints[1]
        dark = QPalette(light)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
        app.setPalette(dark)
        qtbot.waitUntil(lambda: window.scene.theme == DARK, timeout=2000)
        qtbot.wait(20)
        assert paper_pixel(window) == DARK.header_tints[1]
        # what is exported stays on white paper
        from cxmapper.export.pdf_painter import PdfPainter

        assert PdfPainter.theme == LIGHT
    finally:
        app.setPalette(light)
        close_quietly(window)
