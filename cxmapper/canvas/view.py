"""JourneyView: the map on screen. Its Qt events are handed to small helpers, each with one
seam of the view: zoom and scroll (zoom.py), the mouse (mouse.py), the keyboard (keys.py),
walking the cards (walking.py) and drops from the palette (palette_drops.py); in-place names are
the title editor's (title_editor.py). Everything that changes the map goes through the document,
so one gesture is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QToolTip

from cxmapper.canvas.items import CardItem
from cxmapper.canvas.keys import Keys
from cxmapper.canvas.mouse import Mouse
from cxmapper.canvas.palette_drops import PaletteDrops
from cxmapper.canvas.scene import JourneyScene, theme_for_palette
from cxmapper.canvas.sticky import draw_sticky
from cxmapper.canvas.title_editor import TitleEditor
from cxmapper.canvas.tooltips import department_tip, stage_tip, touchpoint_tip
from cxmapper.canvas.walking import CardWalk
from cxmapper.canvas.zoom import MIN_ZOOM, ZoomAndScroll
from cxmapper.layout.drop import DropTarget, drop_target, lane_label_at, stage_header_at


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)
    escaped = Signal()  # Esc with nothing to cancel or deselect
    stage_shown = Signal(str)  # Page Down / Page Up brought this stage to the left
    # kind ("touchpoint", "stage", "department", "canvas"), id, scene point, screen point
    context_menu_requested = Signal(str, object, QPointF, QPoint)

    def __init__(self, scene: JourneyScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.journey_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.keep_curve_in_view = False  # workshop mode: the feeling lane stays under the headers
        # In a dot vote: a plain click on a card is a dot (given the card's id), and the left
        # and right arrows walk only the cards that can take one.
        self.card_clicked: Callable[[str], None] | None = None
        self.walk_only: Callable[[str], bool] | None = None
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zooming = ZoomAndScroll(self)
        self.mouse = Mouse(self)
        self.keys = Keys(self)
        self.walk = CardWalk(self)
        self.drops = PaletteDrops(self)
        self.title_editor = TitleEditor(self)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scene.document.changed.connect(self._on_document_changed)

    def _on_document_changed(self, change) -> None:
        self.mouse.abandon()  # (a drag met by an edit from elsewhere: a shortcut, undo)
        self.title_editor.follow()  # a name still being typed stays over its card

    @property
    def document(self):
        return self.journey_scene.document

    @property
    def selection(self):
        """The selected touchpoints (the map's selection model, which the cards mirror)."""
        return self.journey_scene.selection

    def cancel_gesture(self) -> None:
        self.mouse.cancel()

    # --- zoom and scroll (zoom.py) -------------------------------------------------------------
    def zoom(self) -> float:
        return self.zooming.zoom()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        self.zooming.zoom_by(factor, anchor)

    def zoom_in(self) -> None:
        self.zooming.zoom_in()

    def zoom_out(self) -> None:
        self.zooming.zoom_out()

    def actual_size(self) -> None:
        self.zooming.actual_size()

    def fit_to_window(self, at_least: float = MIN_ZOOM) -> None:
        self.zooming.fit_to_window(at_least)

    def zoom_to(self, zoom: float, scrolled: tuple[int, int] | None = None) -> None:
        self.zooming.zoom_to(zoom, scrolled)

    def current_stage(self) -> int:
        return self.zooming.current_stage()

    def show_stage(self, index: int) -> None:
        self.zooming.show_stage(index)

    def show_stage_headers(self) -> None:
        self.zooming.show_stage_headers()

    # --- the cards -------------------------------------------------------------------------------
    def step_selection(self, dx: int, dy: int) -> None:
        self.walk.step(dx, dy)

    def select_and_show(self, touchpoint_id: str) -> None:
        """Select one touchpoint and scroll it into view."""
        self.walk.select_only(touchpoint_id)

    def show_touchpoint(self, touchpoint_id: str) -> None:
        self.walk.show(touchpoint_id)

    def edit_title(
        self, touchpoint_id: str, typed: str | None = None, run: bool = False, fresh: bool = False
    ) -> None:
        self.title_editor.start_part("touchpoint", touchpoint_id, typed, run, fresh)

    def delete_selection(self) -> bool:
        return self.document.delete_touchpoints(self.selection.ids)

    def part_at(self, pos: QPoint) -> tuple[str, object]:
        """What is under a viewport point: ("touchpoint", id), ("stage", id), ("department",
        id or None for Unassigned), or ("canvas", None)."""
        item = self.itemAt(pos)
        if isinstance(item, CardItem):
            return "touchpoint", item.touchpoint_id
        scene_pos = self.mapToScene(pos)
        lay = self.journey_scene.layout
        stage = stage_header_at(lay, scene_pos.x(), scene_pos.y())
        if stage is not None:
            return "stage", stage
        on_label, department = lane_label_at(lay, scene_pos.x(), scene_pos.y())
        if on_label:
            return "department", department
        return "canvas", None

    def place_at(self, point: QPointF) -> DropTarget | None:
        """Where a touchpoint put at this point of the map would go (None: nowhere)."""
        return drop_target(self.journey_scene.layout, point.x(), point.y())

    # --- painting ------------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect) -> None:  # noqa: N802 - Qt's name
        super().drawForeground(painter, rect)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        scene = self.journey_scene
        draw_sticky(
            painter, scene.layout, visible, scene.fitter, scene.theme, self.keep_curve_in_view
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.journey_scene.set_theme(theme_for_palette())
            self.viewport().update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the headers kept in view are drawn anew, not scrolled

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.zooming.resized()

    # --- Qt's events, handed to the helpers ----------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.zooming.wheel(event):
            super().wheelEvent(event)
            self.title_editor.follow()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.title_editor.leave()
        if not self.mouse.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.mouse.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.mouse.release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self.mouse.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys.press(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self.keys.release(event):
            super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self.mouse.space_down = False
        super().focusOutEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.title_editor.holding():  # a name typed on a card waits for Enter or Escape
            self.title_editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def dragEnterEvent(self, event) -> None:
        self.drops.enter(event)

    def dragMoveEvent(self, event) -> None:
        self.drops.move(event)

    def dragLeaveEvent(self, event) -> None:
        self.drops.leave(event)

    def dropEvent(self, event) -> None:
        self.drops.drop(event)

    def contextMenuEvent(self, event) -> None:
        self.title_editor.leave()
        if event.reason() == event.Reason.Keyboard:
            self.keys.open_menu_here()
            event.accept()
            return
        kind, part_id = self.part_at(event.pos())
        if kind == "touchpoint" and part_id not in self.selection:
            self.selection.select([part_id])
        self.context_menu_requested.emit(
            kind, part_id, self.mapToScene(event.pos()), event.globalPos()
        )
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            kind, part_id = self.part_at(event.pos())
            journey = self.document.journey
            tip = ""
            if kind == "touchpoint" and self.document.has_touchpoint(part_id):
                tip = touchpoint_tip(journey, self.document.touchpoint(part_id))
            elif kind == "stage":
                tip = stage_tip(journey, part_id)
            elif kind == "department":
                tip = department_tip(journey, part_id)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.title_editor.isVisible():
            return False
        return super().event(event)
