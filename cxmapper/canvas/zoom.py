"""Zoom and scroll of the map's view: zoom in and out (Ctrl+wheel round the mouse), actual size,
fit to window (the whole map at first, unless its titles would be tiny), Shift+wheel along the
journey, and a stage at a time (Page Down / Page Up bring the next stage to the left edge, just
after the lane names)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTransform, QWheelEvent

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.1, 6.0, 1.25


class ZoomAndScroll:
    def __init__(self, view) -> None:
        self.view = view
        self.first_view_pending = True  # fitted to the window once it is big enough
        self._stage_shown: tuple[int, int] | None = None  # (stage, scroll bar) of Page Down

    # --- zoom --------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.view.transform().m11()

    def _zoomed(self) -> None:
        self.view.title_editor.follow()
        self.view.zoom_changed.emit(self.zoom())

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        view = self.view
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1) < 1e-9:
            return
        if anchor is None:
            port = view.viewport()
            local = port.mapFromGlobal(view.cursor().pos())
            anchor = local if port.rect().contains(local) else port.rect().center()
        before = view.mapToScene(anchor)
        self._scale(target)
        # the scroll bars keep the point under the anchor
        moved = view.mapFromScene(before) - anchor
        self.scroll_by(moved.x(), moved.y())
        self._zoomed()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def actual_size(self) -> None:
        self.zoom_by(1 / self.zoom())

    def _scale(self, zoom: float) -> None:
        """A plain scale: a translation kept in the transform (a zoom made while the whole map
        fitted, without scroll bars) would offset the scroll bars from the map once they show
        again."""
        self.view.setTransform(QTransform.fromScale(zoom, zoom))

    def zoom_to(self, zoom: float, scrolled: tuple[int, int] | None = None) -> None:
        """This zoom, and the scroll bars where they were (`scrolled`): the view as it was left
        before (workshop mode gives it back)."""
        self._scale(zoom)
        if scrolled is not None:
            self.view.horizontalScrollBar().setValue(scrolled[0])
            self.view.verticalScrollBar().setValue(scrolled[1])
        self._zoomed()

    def fit_to_window(self, at_least: float = MIN_ZOOM) -> None:
        """The whole map in the window (never above 100 %, never below `at_least`)."""
        view = self.view
        port = view.viewport().rect()
        scene = view.sceneRect()
        if port.width() < 50 or port.height() < 50 or scene.isEmpty():
            return
        fit = min((port.width() - 8) / scene.width(), (port.height() - 8) / scene.height())
        target = min(1.0, max(at_least, fit))
        view.setTransform(view.transform().fromScale(target, target))
        view.centerOn(scene.center()) if target == fit else view.ensureVisible(0, 0, 1, 1, 0, 0)
        self._zoomed()

    def resized(self) -> None:
        """The first time the view is big enough: all of the map, unless its titles would be
        tiny."""
        port = self.view.viewport()
        if self.first_view_pending and port.width() >= 300 and port.height() >= 200:
            self.first_view_pending = False
            self.fit_to_window(at_least=0.5)

    def wheel(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel zooms round the mouse, Shift+wheel scrolls along the journey; False: the
        view's own scrolling."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
            event.accept()
            return True
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().y():
            bar = self.view.horizontalScrollBar()
            bar.setValue(bar.value() - round(event.angleDelta().y() / 120 * bar.singleStep() * 3))
            self.view.title_editor.follow()
            event.accept()
            return True
        return False

    # --- scroll ------------------------------------------------------------------------------
    def scroll_by(self, dx: float, dy: float) -> None:
        view = self.view
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)

    def current_stage(self) -> int:
        """The stage at the left of the window (the one being talked about)."""
        view = self.view
        lay = view.journey_scene.layout
        stages = lay.stages
        shown = self._stage_shown
        if shown is not None and shown[1] == view.horizontalScrollBar().value():
            return min(shown[0], max(0, len(stages) - 1))  # the last stages end at the right edge
        left = view.mapToScene(view.viewport().rect().topLeft()).x() + lay.style.lane_label_width
        for i, stage in enumerate(stages):
            if stage.column.right > left + 2:
                return i
        return max(0, len(stages) - 1)

    def show_stage(self, index: int) -> None:
        """Page Down / Page Up: the stage at the left edge, just after the lane names, with as
        much of it and the ones after as the window holds."""
        view = self.view
        lay = view.journey_scene.layout
        if not lay.stages:
            return
        stage = lay.stages[max(0, min(len(lay.stages) - 1, index))]
        bar = view.horizontalScrollBar()
        gutter = lay.style.lane_label_width * self.zoom()
        x = view.mapFromScene(QPointF(stage.column.x, stage.column.y)).x()
        bar.setValue(bar.value() + round(x - gutter))
        self._stage_shown = (lay.stages.index(stage), bar.value())
        view.stage_shown.emit(stage.stage_id)

    def show_stage_headers(self) -> None:
        """Scroll down to the stage headers: the room reads the journey, not its title."""
        view = self.view
        lay = view.journey_scene.layout
        if lay.stages:
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + view.mapFromScene(0, lay.stages[0].header.y).y())
