"""View > Timer: a countdown the whole room can see, for a workshop's timeboxes.

Start Timer… asks how many minutes; the time left stays in view at the map's top right corner
(in workshop mode too, large), Pause Timer holds it and goes on again, Stop Timer takes it
away. At zero the window beeps and the time flashes, then stays at 0:00 until stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel

from cxmapper.app.menus import action

TICK_MS = 200
FLASHES = 8  # half-seconds of flashing at zero
MOST_MINUTES = 180


class WorkshopTimer(QObject):
    def __init__(self, window, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window, self.clock = window, clock
        self.minutes = 5  # what Start Timer… offers first: the last duration chosen
        self.left = 0.0  # seconds left when paused; while running, until `self._end`
        self._end: float | None = None
        self._flashes = 0
        self._look: tuple | None = None
        self.label = QLabel(window)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName("Timer")
        self.label.hide()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.start_action = action(
            window, "&Start Timer…", self.ask_and_start, ["Ctrl+Alt+T"], "A countdown in view"
        )
        self.pause_action = action(window, "&Pause Timer", self.pause_or_resume)
        self.stop_action = action(window, "S&top Timer", self.stop)
        self.entries = [self.start_action, self.pause_action, self.stop_action]
        window.installEventFilter(self)
        self._update_actions()

    # --- what the facilitator does -----------------------------------------------------------
    def ask_and_start(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self.window, "Timer", "Minutes:", self.minutes, 1, MOST_MINUTES
        )
        if ok:
            self.start(minutes * 60)

    def start(self, seconds: float) -> None:
        self.minutes = max(1, round(seconds / 60))
        self.left, self._end, self._flashes = float(seconds), self.clock() + seconds, 0
        self._ticker.start()
        self._show()

    def pause_or_resume(self) -> None:
        if self._end is not None:  # running: hold the time left
            self.left = max(0.0, self._end - self.clock())
            self._end = None
        elif self.left > 0:  # paused: go on from it
            self._end = self.clock() + self.left
        self._show()
        self._update_actions()

    def stop(self) -> None:
        self._ticker.stop()
        self.left, self._end, self._flashes = 0.0, None, 0
        self.label.hide()
        self._update_actions()

    # --- what it shows -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._end is not None

    def remaining(self) -> float:
        return max(0.0, self._end - self.clock()) if self._end is not None else self.left

    def text(self) -> str:
        seconds = int(self.remaining() + 0.999)  # 4:59.2 shows 5:00, as a kitchen timer does
        return f"{seconds // 60}:{seconds % 60:02d}" + ("" if self.running or not seconds else " ‖")

    def _tick(self) -> None:
        if self._end is not None and self.remaining() <= 0:
            self._end, self.left = None, 0.0
            self._flashes = FLASHES
            QApplication.beep()
        if self._flashes:
            self._flashes -= 1
        self._show()  # (ticking on while shown, paused or at 0:00: a dock opened moves the map)

    def _show(self) -> None:
        big = getattr(self.window, "workshop", None) is not None and self.window.workshop.on
        look = (self._flashes % 2 == 1, big)
        restyled = look != self._look
        if restyled:  # only when the alarm or the size changes, not on every tick
            self._look = look
            colour, paper = ("#ffffff", "#b3261e") if look[0] else ("#1f2328", "#fff8e1")
            self.label.setStyleSheet(
                f"QLabel {{ background: {paper}; color: {colour}; border: 2px solid #b3261e;"
                f" border-radius: 8px; padding: 4px 14px; font-size: {44 if big else 26}px;"
                " font-weight: bold; }"
            )
        text = self.text()
        if restyled or text != self.label.text() or not self.label.isVisible():
            self.label.setText(text)
            self.label.adjustSize()
            self.label.show()
            self.label.raise_()
            self._update_actions()
        self._place()

    def _place(self) -> None:
        """At the map's top right, inside it, clear of its scroll bar."""
        area = self.window.centralWidget()
        if area is None:
            return
        corner = area.mapTo(self.window, area.rect().topRight())
        margin = 24
        at = (corner.x() - self.label.width() - margin, corner.y() + margin)
        if (self.label.x(), self.label.y()) != at:
            self.label.move(*at)

    def _update_actions(self) -> None:
        shown = self.label.isVisible() or self.running
        self.pause_action.setEnabled(shown and self.remaining() > 0)
        self.pause_action.setText("&Resume Timer" if shown and not self.running else "&Pause Timer")
        self.stop_action.setEnabled(shown)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        moved = event.type() in (QEvent.Type.Resize, QEvent.Type.WindowStateChange)
        if moved and self.label.isVisible():
            QTimer.singleShot(0, self.label, self._show)
        return False
