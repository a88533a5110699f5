"""View > Workshop Mode (F11): the map full screen for a room to read from the back.

Full screen, the docks out of the way (Ctrl+Enter still captures; the name editor is on the
map), the map drawn in its style scaled up so that card titles are 24 px at 100%, the stage
headers and lane names kept in view; Page Down and Page Up walk the room through the journey a
stage at a time; Esc or F11 leaves, and the window comes back as it was: its size, docks, zoom,
scroll and status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from cxmapper.layout.style import Style, workshop_style

WORKSHOP_TITLE_PX = 24.0  # card titles at least this tall on the projected screen


class WorkshopMode(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._settling: tuple | None = None
        self.window = window
        self.action = QAction("&Workshop Mode", window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))  # by name: X11 has no standard key for it
        self.action.setStatusTip("Full screen, large, for a room: Page Down for the next stage")
        self.action.toggled.connect(self.set_on)
        self._before: tuple | None = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        settling = self._settling
        if event.type() == QEvent.Type.Resize and settling is not None:
            QTimer.singleShot(0, self.window.view, lambda: self._restore_view(*settling))
        return False

    def _settled(self) -> None:
        if self._settling is not None and self.window.view is not None:
            self._restore_view(*self._settling)
            self.window.view.viewport().removeEventFilter(self)
        self._settling = None

    def _restore_view(self, zoom: float, x: int, y: int) -> None:
        """The view as the designer left it before the workshop: its zoom and where it was."""
        view = self.window.view
        if view is None or self.on:
            return
        view.zoom_to(zoom, scrolled=(x, y))

    @property
    def on(self) -> bool:
        return self._before is not None

    def set_on(self, on: bool) -> None:
        w = self.window
        if on == self.on or w.view is None:
            self.action.setChecked(self.on)
            return
        view, scene = w.view, w.scene
        stage = view.current_stage()
        if on:
            docks = [d for d in w.docks.widgets() if d.isVisible()]
            self._before = (
                w.saveGeometry(),
                w.isMaximized(),
                docks,
                view.zoom(),
                view.horizontalScrollBar().value(),
                view.verticalScrollBar().value(),
                stage,
            )
            for dock in docks:
                dock.hide()
            w.showFullScreen()
            # The map drawn in a style half as big again, shown at 100%: stage headers of names
            # alone and a feeling lane grown less, so the curve and the lanes share the screen.
            view.keep_curve_in_view = True  # the lanes scroll under the curve
            screen = w.screen().geometry().height() if w.screen() else 720
            scene.set_style(workshop_style(WORKSHOP_TITLE_PX, screen))
            view.zoom_by(1.0 / view.zoom(), anchor=view.viewport().rect().topLeft())
            w.edit.refresh_found()  # (what Find framed, framed where it is now)
            view.show_stage(stage)
            view.show_stage_headers()  # at the top: the room reads the journey, not its title
        else:
            geometry, maximised, docks, zoom, x, y, _stage = self._before
            self._before = None
            w.showNormal()
            if maximised:
                w.showMaximized()
            else:
                w.restoreGeometry(geometry)
            for dock in docks:
                dock.show()
            scene.set_style(Style())
            view.keep_curve_in_view = False
            w.edit.refresh_found()
            w.statusBar().clearMessage()  # ("Stage 5 of 8" was the room's)
            self._restore_view(zoom, x, y)
            # The window takes its size back when the window system says so (soon after, in one
            # step or several): the view is put back after each of those resizes, for a moment.
            self._settling = (zoom, x, y)
            view.viewport().installEventFilter(self)
            QTimer.singleShot(1000, view, self._settled)
        self.action.setChecked(on)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
