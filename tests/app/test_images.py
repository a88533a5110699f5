"""PNG and SVG of the whole map, from the menu and from the command line (headless)."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from factories import close_quietly, small_map
from PySide6.QtGui import QImage

from cxmapper.app.image_dialog import PngExportDialog
from cxmapper.app.window import MainWindow
from cxmapper.canvas.picture import render_png
from cxmapper.model.fileformat import save_map


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow()
    path = tmp_path / "workshop.json"
    save_map(small_map(), path)
    w.files.open_path(str(path))
    w.show()
    yield w
    close_quietly(w)


def image_of(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


def test_png_scales_and_records_its_dpi(qtbot):
    one, two = image_of(render_png(small_map(), 1)), image_of(render_png(small_map(), 2))
    assert abs(two.width() - 2 * one.width()) <= 1 and abs(two.height() - 2 * one.height()) <= 1
    assert round(two.dotsPerMeterX() * 0.0254) == 192
    # not blank: the header's title is dark ink on white paper
    assert one.pixelColor(5, 5).name() == "#ffffff"
    dark = sum(
        1
        for x in range(0, one.width(), 4)
        for y in range(0, 120, 4)
        if one.pixelColor(x, y).lightness() < 80
    )
    assert dark > 20


def test_export_png_from_the_menu_at_a_chosen_resolution(window, tmp_path, monkeypatch):
    out = tmp_path / "map.png"
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, suggested, *a: out)

    def choose_3x(dialog):
        dialog.scale_buttons[3].setChecked(True)
        return PngExportDialog.DialogCode.Accepted

    monkeypatch.setattr(PngExportDialog, "exec", choose_3x)
    assert window.exports.export_png()
    image = image_of(out.read_bytes())
    assert abs(image.width() - round(window.scene.layout.width * 3)) <= 1


def test_png_by_dpi_shows_the_pixel_size(window):
    dialog = PngExportDialog((1000, 500), window)
    dialog.dpi.setValue(288)
    assert dialog.by_dpi.isChecked() and dialog.scale() == 3
    assert dialog.size_label.text() == "3000 x 1500 pixels"


def test_export_svg_from_the_menu(window, tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    asked = []
    monkeypatch.setattr(
        MainWindow, "ask_file", lambda self, suggested, *a: asked.append(suggested) or out
    )
    assert window.exports.export_svg()
    assert asked == [tmp_path / "workshop.svg"]
    root = ET.fromstring(out.read_bytes())
    assert small_map().title in [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_a_png_too_large_is_explained_and_nothing_is_written(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr("cxmapper.canvas.picture.MOST_PIXELS", 1000)
    out = tmp_path / "huge.png"
    assert not window.exports.write_png(out, 4)
    assert "too large" in shown[0] and "SVG or PDF" in shown[0]
    assert not out.exists()


def cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "cxmapper", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_cli_png_and_svg_headless(tmp_path):
    path = tmp_path / "m.json"
    save_map(small_map(), path)
    headless = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = cli("export", path, "--png", tmp_path / "m.png", "--dpi", 192, env=headless)
    assert done.returncode == 0, done.stderr
    assert "192 DPI" in done.stdout
    image = image_of((tmp_path / "m.png").read_bytes())
    one = image_of(render_png(small_map(), 1))
    assert abs(image.width() - 2 * one.width()) <= 1
    done = cli("export", path, "--svg", tmp_path / "m.svg", env=headless)
    assert done.returncode == 0, done.stderr
    ET.fromstring((tmp_path / "m.svg").read_bytes())


def test_cli_picture_options_are_checked(tmp_path):
    path = tmp_path / "m.json"
    save_map(small_map(), path)
    done = cli("export", path, "--png", tmp_path / "m.png", "--dpi", 5)
    assert done.returncode == 2 and "--dpi" in done.stderr
    done = cli("export", path, "--svg", tmp_path / "m.svg", "--dpi", 300)
    assert done.returncode == 2 and "--png" in done.stderr
    assert "Traceback" not in done.stderr
    done = cli("export", path, "--png", tmp_path / "m.png", "--scale", 20)
    assert done.returncode == 2 and "--scale" in done.stderr
    assert not (tmp_path / "m.png").exists()


def test_cli_refuses_a_picture_named_like_another_format(tmp_path):
    path = tmp_path / "m.json"
    save_map(small_map(), path)
    done = cli("export", path, "--png", tmp_path / "m.svg")
    assert done.returncode == 2 and "named like an SVG file" in done.stderr
    assert not (tmp_path / "m.svg").exists()


def test_cli_png_needs_no_display_even_when_display_is_stale(tmp_path):
    path = tmp_path / "m.json"
    save_map(small_map(), path)
    stale = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    stale["DISPLAY"] = ":97"  # no X server there
    done = cli("export", path, "--png", tmp_path / "m.png", env=stale)
    assert done.returncode == 0, done.stderr
    assert image_of((tmp_path / "m.png").read_bytes()).width() > 100
