"""View > Timer: a countdown in view of the room, paused, resumed, flashing at zero."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cxmapper.app import timer as timer_module


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def timer(window, monkeypatch):
    clock = Clock()
    window.timer.clock = clock
    monkeypatch.setattr(
        timer_module.QInputDialog,
        "getInt",
        lambda *args: (2, True),  # "Minutes:" 2
    )
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    window.timer.beeps, window.timer.test_clock = beeps, clock
    return window.timer


def test_start_pause_resume_and_stop_from_the_view_menu(window, timer, qtbot):
    window.timer.start_action.trigger()
    assert timer.label.isVisible() and timer.label.text() == "2:00"
    assert timer.label.textFormat() == Qt.TextFormat.PlainText
    timer.test_clock.now += 30
    timer._tick()
    assert timer.label.text() == "1:30"
    timer.pause_action.trigger()
    assert timer.pause_action.text() == "&Resume Timer"
    timer.test_clock.now += 600  # a long discussion while paused
    timer._tick()
    assert timer.label.text().startswith("1:30")
    timer.pause_action.trigger()
    timer.test_clock.now += 10
    timer._tick()
    assert timer.label.text() == "1:20"
    timer.stop_action.trigger()
    assert not timer.label.isVisible() and not timer.stop_action.isEnabled()


def test_at_zero_it_beeps_flashes_and_stays_at_zero(window, timer, qtbot):
    timer.start(5)
    timer.test_clock.now += 6
    timer._tick()
    assert timer.beeps == [1] and timer.label.text() == "0:00"
    colours = set()
    for _ in range(timer_module.FLASHES):
        colours.add(timer.label.styleSheet())
        timer._tick()
    assert len(colours) == 2  # it flashes
    assert timer.label.isVisible() and timer.label.text() == "0:00"
    assert timer._flashes == 0 and not timer.pause_action.isEnabled()


def test_a_paused_timer_follows_the_map_when_a_dock_opens(window, timer, qtbot):
    timer.start(120)
    timer.pause_or_resume()
    window.inspector_dock.hide()
    qtbot.wait(50)
    timer._tick()
    area = window.centralWidget()
    corner = area.mapTo(window, area.rect().topRight())
    assert timer.label.geometry().right() == corner.x() - 24 - 1


def test_the_timer_stays_in_view_and_grows_in_workshop_mode(window, timer, qtbot):
    timer.start(300)
    plain = timer.label.height()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    qtbot.wait(50)
    assert timer.label.isVisible() and timer.label.height() > plain
    area = window.centralWidget().geometry()
    assert area.contains(timer.label.geometry())  # over the map, at its top right
    assert timer.label.geometry().right() > area.center().x()
    timer.stop()
