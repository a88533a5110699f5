"""View > Workshop Mode (F11): the map full screen for a room to read from the back.

Full screen, the docks out of the way (Ctrl+Enter still captures; the name editor is on the
map), the map drawn in its style scaled up so that card titles are 24 px at 100%, the stage
headers and lane names kept in view; Page Down and Page Up walk the room through the journey a
stage at a time; Esc or F11 leaves, and the window comes back as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from cxmapper.layout.style import Style

WORKSHOP_TITLE_PX = 24.0  # card titles at least this tall on the projected screen


class WorkshopMode:
    def __init__(self, window, menu) -> None:
        self.window = window
        self.action = QAction("&Workshop Mode", window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))  # by name: X11 has no standard key for it
        self.action.setStatusTip("Full screen, large, for a room: Page Down for the next stage")
        self.action.toggled.connect(self.set_on)
        menu.addAction(self.action)
        self._before: tuple | None = None

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
            docks = [d for d in w.dock_widgets() if d.isVisible()]
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
            # The map drawn in a style half as big again (every size of it), shown at 100%.
            scene.set_style(Style().scaled(WORKSHOP_TITLE_PX / Style().card_title_size))
            view.zoom_by(1.0 / view.zoom(), anchor=view.viewport().rect().topLeft())
            w.find_bar.refresh()  # (what Find framed, framed where it is now)
            view.show_stage(stage)
            lay = scene.layout
            if (
                lay.stages
            ):  # the stage headers at the top: the room reads the journey, not its title
                top = view.mapFromScene(0, lay.stages[0].header.y).y()
                bar = view.verticalScrollBar()
                bar.setValue(bar.value() + top)
        else:
            geometry, maximised, docks, zoom, x, y, first_stage = self._before
            self._before = None
            w.showNormal()
            if maximised:
                w.showMaximized()
            else:
                w.restoreGeometry(geometry)
            for dock in docks:
                dock.show()
            scene.set_style(Style())
            w.find_bar.refresh()
            view.zoom_by(zoom / view.zoom())
            view.verticalScrollBar().setValue(y)
            if stage == first_stage:  # back where it was
                view.horizontalScrollBar().setValue(x)
            else:  # the room walked on: the stage it reached stays in view
                view.show_stage(stage)
        self.action.setChecked(on)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
