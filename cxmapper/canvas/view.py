"""JourneyView: zoom, pan, selection, keyboard, in-place title editing and drops from the palette.

Mouse gestures are handed to interaction objects (interactions.py); everything that changes the
map goes through the document, so one gesture is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QToolTip

from cxmapper.canvas.interactions import CardDrag, FeelingDrag, HeaderDrag
from cxmapper.canvas.items import CardItem, FeelingPointItem
from cxmapper.canvas.palette_drops import PaletteDrops
from cxmapper.canvas.scene import JourneyScene, theme_for_palette
from cxmapper.canvas.sticky import draw_sticky
from cxmapper.canvas.title_editor import TitleEditor
from cxmapper.canvas.tooltips import department_tip, stage_tip, touchpoint_tip
from cxmapper.layout.drop import DropTarget, drop_target, lane_label_at, stage_header_at
from cxmapper.model.journey import FEELING_WORDS

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.1, 6.0, 1.25

# One key rates the selected cards (a digit never starts a rename): 1 very negative .. 5 very
# positive, 0 not rated. On the main keys and the keypad alike.
FEELING_KEYS: dict[str, int | None] = {"1": -2, "2": -1, "3": 0, "4": 1, "5": 2, "0": None}


class JourneyView(PaletteDrops, QGraphicsView):
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
        self.gesture: CardDrag | FeelingDrag | HeaderDrag | None = None
        self._finishing = False
        self._pending: tuple[CardItem, QPointF, QPoint] | None = None
        self._header_press: tuple[str, str, QPoint] | None = None
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._first_view_pending = True
        self.title_editor = TitleEditor(self)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scene.document.changed.connect(self._on_document_changed)

    def _on_document_changed(self, change) -> None:
        """A change from elsewhere (a shortcut, undo) in the middle of a drag ends the drag:
        the scene has already put every item where the new model says."""
        if self.gesture is not None and not self._finishing:
            gesture, self.gesture = self.gesture, None
            self._pending = None
            gesture.abandon()
        self.title_editor.follow()  # a name still being typed stays over its card

    def cancel_gesture(self) -> None:
        if self.gesture is not None:
            gesture, self.gesture = self.gesture, None
            gesture.cancel()
        self._pending = None

    @property
    def document(self):
        return self.journey_scene.document

    @property
    def selection(self):
        """The selected touchpoints (the map's selection model, which the cards mirror)."""
        return self.journey_scene.selection

    # --- zoom and pan --------------------------------------------------------------------------
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

    def current_stage(self) -> int:
        """The stage at the left of the window (the one being talked about)."""
        stages = self.journey_scene.layout.stages
        shown = getattr(self, "_stage_shown", None)
        if shown is not None and shown[1] == self.horizontalScrollBar().value():
            return min(shown[0], max(0, len(stages) - 1))  # the last stages end at the right edge
        gutter = self.journey_scene.layout.style.lane_label_width
        left = self.mapToScene(self.viewport().rect().topLeft()).x() + gutter
        for i, stage in enumerate(stages):
            if stage.column.right > left + 2:
                return i
        return max(0, len(stages) - 1)

    def show_stage(self, index: int) -> None:
        """Page Down / Page Up: the stage at the left edge, just after the lane names, with as
        much of it and the ones after as the window holds."""
        lay = self.journey_scene.layout
        if not lay.stages:
            return
        stage = lay.stages[max(0, min(len(lay.stages) - 1, index))]
        bar = self.horizontalScrollBar()
        gutter = lay.style.lane_label_width * self.zoom()
        x = self.mapFromScene(QPointF(stage.column.x, stage.column.y)).x()
        bar.setValue(bar.value() + round(x - gutter))
        self._stage_shown = (lay.stages.index(stage), bar.value())
        self.stage_shown.emit(stage.stage_id)

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1) < 1e-9:
            return
        if anchor is None:
            local = self.viewport().mapFromGlobal(self.cursor().pos())
            anchor = (
                local if self.viewport().rect().contains(local) else self.viewport().rect().center()
            )
        before = self.mapToScene(anchor)
        # A plain scale (a translation kept in the transform would offset the scroll bars from
        # the map once they show again); the scroll bars then keep the point under the anchor.
        self.setTransform(QTransform.fromScale(target, target))
        moved = self.mapFromScene(before) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())
        self.title_editor.follow()
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def actual_size(self) -> None:
        self.zoom_by(1 / self.zoom())

    def fit_to_window(self, at_least: float = MIN_ZOOM) -> None:
        """The whole map in the window (never above 100 %, never below `at_least`)."""
        view = self.viewport().rect()
        scene = self.sceneRect()
        if view.width() < 50 or view.height() < 50 or scene.isEmpty():
            return
        fit = min((view.width() - 8) / scene.width(), (view.height() - 8) / scene.height())
        target = min(1.0, max(at_least, fit))
        self.setTransform(self.transform().fromScale(target, target))
        self.centerOn(scene.center()) if target == fit else self.ensureVisible(0, 0, 1, 1, 0, 0)
        self.title_editor.follow()
        self.zoom_changed.emit(self.zoom())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if (
            self._first_view_pending
            and self.viewport().width() >= 300
            and self.viewport().height() >= 200
        ):
            self._first_view_pending = False
            self.fit_to_window(at_least=0.5)  # all of it, unless its titles would be tiny

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
            event.accept()
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().y():
            bar = self.horizontalScrollBar()  # Shift+wheel: along the journey
            bar.setValue(bar.value() - round(event.angleDelta().y() / 120 * bar.singleStep() * 3))
            self.title_editor.follow()
            event.accept()
        else:
            super().wheelEvent(event)
            self.title_editor.follow()

    def _pan(self, pos: QPoint) -> None:
        delta = pos - self._pan_from
        self._pan_from = pos
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
        self.title_editor.follow()

    # --- mouse ---------------------------------------------------------------------------------
    def _under_kept_curve(self, event: QMouseEvent) -> bool:
        """Whether a click falls on the feeling lane drawn again over the lanes (workshop mode):
        what is under that picture is out of sight, so the click is not theirs."""
        lay = self.journey_scene.layout
        if not self.keep_curve_in_view or not lay.stages:
            return False
        head = lay.stages[0].header
        top = self.mapToScene(0, 0).y()
        at = max(top, head.y) + head.h
        if at <= lay.emotion.y:
            return False
        y = self.mapToScene(event.position().toPoint()).y()
        return at <= y < at + lay.emotion.h

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.title_editor.leave()
        if self._under_kept_curve(event):
            event.accept()
            return
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, FeelingPointItem):
                # Select its card, but do not scroll to it: the face is being dragged.
                self.selection.select([item.touchpoint_id])
                self.gesture = FeelingDrag(self.journey_scene, item)
                event.accept()
                return
            if isinstance(item, CardItem):
                self._press_card(item, event)
                event.accept()
                return
            kind, part_id = self.part_at(event.position().toPoint())
            if kind in ("stage", "department") and part_id is not None:
                self._header_press = (kind, part_id, event.position().toPoint())
                event.accept()
                return
        super().mousePressEvent(event)

    def _press_card(self, item: CardItem, event: QMouseEvent) -> None:
        mods = event.modifiers()
        if self.card_clicked is not None and not mods:  # (a dot vote: a click is a dot)
            self._select_only(item.touchpoint_id)
            self.card_clicked(item.touchpoint_id)
            return
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.selection.toggle(item.touchpoint_id)
            return
        if item.touchpoint_id not in self.selection:
            self.selection.select([item.touchpoint_id])
        self._pending = (
            item,
            self.mapToScene(event.position().toPoint()),
            event.position().toPoint(),
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            self._pan(pos)
            return
        if self._header_press is not None and self.gesture is None:
            kind, part_id, press = self._header_press
            if (pos - press).manhattanLength() >= QApplication.startDragDistance():
                self.gesture = HeaderDrag(self.journey_scene, kind, part_id)
        if self._pending is not None and self.gesture is None:
            item, start, press = self._pending
            if (pos - press).manhattanLength() >= QApplication.startDragDistance():
                self.gesture = CardDrag(self.journey_scene, item, start)
        if self.gesture is not None:
            self.gesture.move(self.mapToScene(pos))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        self._pending = None
        self._header_press = None
        if self.gesture is not None and event.button() == Qt.MouseButton.LeftButton:
            gesture, self.gesture = self.gesture, None
            self._finishing = True
            try:
                gesture.finish(self.mapToScene(event.position().toPoint()))
            finally:
                self._finishing = False
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._under_kept_curve(event):
            event.accept()
            return
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, CardItem) and self.card_clicked is not None:
            if not event.modifiers():  # (in a dot vote, a second click is a second dot)
                self.card_clicked(item.touchpoint_id)
            return
        if isinstance(item, CardItem):
            self._select_only(item.touchpoint_id)
            self.edit_title(item.touchpoint_id)
            return
        kind, part_id = self.part_at(event.position().toPoint())
        if kind in ("stage", "department") and part_id is not None:
            self.title_editor.start_part(kind, part_id)
            return
        super().mouseDoubleClickEvent(event)

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

    def contextMenuEvent(self, event) -> None:
        self.title_editor.leave()
        if event.reason() == event.Reason.Keyboard:
            self.open_menu_here()
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

    # --- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_Escape:
            if self.gesture is not None:
                self.cancel_gesture()
            else:
                self.selection.clear()
                self.escaped.emit()  # and out of workshop mode, if on
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and not event.modifiers():
            step = 1 if key == Qt.Key.Key_PageDown else -1
            self.show_stage(self.current_stage() + step)
            return
        if key == Qt.Key.Key_Delete and not event.modifiers():
            self.delete_selection()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            ids = self.selection.ids
            if ids:
                self.edit_title(ids[0])
            return
        if key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        ):
            self.open_menu_here()
            return
        typed = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        unshifted = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if unshifted and typed in FEELING_KEYS and self.gesture is None:
            self.rate(FEELING_KEYS[typed])  # (when no menu action took the key first)
            return
        if plain and typed.isprintable() and typed.strip() and self.gesture is None:
            ids = self.selection.ids
            if len(ids) == 1:  # typing on a selected card renames it, starting with that key
                self.edit_title(ids[0], typed=typed)
                return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.step_selection(*arrows[key])
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space_down = False
        super().focusOutEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.title_editor.holding():  # a name typed on a card waits for Enter or Escape
            self.title_editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def rate(self, feeling: int | None, ids: list[str] | None = None) -> bool:
        """The rating keys: the selected cards' (or these cards') feeling, the future state's
        while the map shows the future state's curve (as dragging a face does there); one undo
        step, and the selection stays where it is."""
        ids = self.selection.ids if ids is None else ids
        if not ids:
            return False
        field = "future_feeling" if self.journey_scene.layout.curves == "future" else "feeling"
        if len(ids) == 1:
            return self.document.set_feeling(ids[0], feeling, field)
        word = "not rated" if feeling is None else FEELING_WORDS[feeling]
        which = "Future feeling" if field == "future_feeling" else "Feeling"
        text = f"{which} of {len(ids)} touchpoints: {word}"
        return self.document.set_fields("touchpoint", ids, {field: feeling}, text)

    def open_menu_here(self) -> None:
        """Menu key or Shift+F10: the selected card's menu at the card; with no card selected,
        the menu of the stage on screen at its header."""
        ids = self.selection.ids
        lay = self.journey_scene.layout
        if ids and ids[0] in lay.cards:
            kind, part_id = "touchpoint", ids[0]
            self.show_touchpoint(part_id)
            r = lay.cards[part_id].rect
            at = QPointF(r.x + min(r.w / 2, 40), r.y + min(r.h / 2, 30))
        elif lay.stages:
            stage = lay.stages[self.current_stage()]
            kind, part_id = "stage", stage.stage_id
            head = stage.header
            self.ensureVisible(QRectF(head.x, head.y, min(head.w, 80), head.h), 20, 20)
            at = QPointF(head.x + min(head.w / 2, 60), head.y + head.h / 2)
        else:
            return
        point = self.mapFromScene(at)
        self.context_menu_requested.emit(kind, part_id, at, self.viewport().mapToGlobal(point))

    def delete_selection(self) -> bool:
        return self.document.delete_touchpoints(self.selection.ids)

    def step_selection(self, dx: int, dy: int) -> None:
        """Arrow keys: left/right through time, up/down to a stacked card or the next lane."""
        lay = self.journey_scene.layout
        order = lay.time_order
        if not order:
            return
        current = self.selection.ids
        if not current:
            first = next((t for t in order if self.walk_only is None or self.walk_only(t)), None)
            if first is not None:
                self._select_only(first)
            return
        here = lay.cards[current[-1] if dx > 0 or dy > 0 else current[0]]
        if dx:
            k = order.index(here.touchpoint_id) + dx
            walk = self.walk_only
            while walk is not None and 0 <= k < len(order) and not walk(order[k]):
                k += dx  # (in a dot vote, to the next card that can take a dot)
            if walk is not None and not 0 <= k < len(order):
                return  # no further card to vote on: stay
            self._select_only(order[max(0, min(len(order) - 1, k))])
            return
        cards = list(lay.cards.values())
        # First a card stacked above or below in the same lane and time slot, then other lanes.
        if self.walk_only is not None:  # (in a dot vote, only the cards voted on)
            cards = [c for c in cards if self.walk_only(c.touchpoint_id)]
        candidates = [
            c
            for c in cards
            if c.department_id == here.department_id
            and c.slot_x == here.slot_x
            and (c.rect.y - here.rect.y) * dy > 0
        ]
        lanes = [ln.department_id for ln in lay.lanes]
        lane = lanes.index(here.department_id)
        step = 1
        while not candidates and 0 <= lane + dy * step < len(lanes):
            candidates = [c for c in cards if c.department_id == lanes[lane + dy * step]]
            step += 1
        if candidates:
            nearest = min(
                candidates, key=lambda c: (abs(c.slot_x - here.slot_x), abs(c.rect.y - here.rect.y))
            )
            self._select_only(nearest.touchpoint_id)

    def select_and_show(self, touchpoint_id: str) -> None:
        """Select one touchpoint and scroll it into view."""
        self._select_only(touchpoint_id)

    def _select_only(self, touchpoint_id: str) -> None:
        self.selection.select([touchpoint_id])
        self.show_touchpoint(touchpoint_id)

    def show_touchpoint(self, touchpoint_id: str) -> None:
        """Scroll a touchpoint's card into view (with a margin round it)."""
        item = self.journey_scene.cards.get(touchpoint_id)
        if item is not None:
            self.ensureVisible(item, 40, 40)

    def place_at(self, point: QPointF) -> DropTarget | None:
        """Where a touchpoint put at this point of the map would go (None: nowhere)."""
        return drop_target(self.journey_scene.layout, point.x(), point.y())

    def show_stage_headers(self) -> None:
        """Scroll down to the stage headers: the room reads the journey, not its title."""
        lay = self.journey_scene.layout
        if lay.stages:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.mapFromScene(0, lay.stages[0].header.y).y())

    def edit_title(
        self, touchpoint_id: str, typed: str | None = None, run: bool = False, fresh: bool = False
    ) -> None:
        self.title_editor.start_part("touchpoint", touchpoint_id, typed, run, fresh)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.title_editor.isVisible():
            return False
        return super().event(event)
