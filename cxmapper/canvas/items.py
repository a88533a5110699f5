"""Graphics items. They are passive: they draw a piece of the layout and know their id; the view's
interactions move them while a gesture lasts and the scene puts them where the layout says."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem
from shiboken6 import isValid

from cxmapper.canvas.painting import QtPainter, qrect
from cxmapper.drawing.cards import draw_card, draw_handoff
from cxmapper.drawing.curve import draw_feeling, draw_future_mark, smooth_curve
from cxmapper.drawing.map import draw_backdrop
from cxmapper.layout.boxes import CardBox, FeelingPoint, MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import LIGHT, Style, Theme

Z_BACKDROP, Z_CURVE, Z_CARD, Z_POINT, Z_DRAGGED, Z_INDICATOR = 0, 1, 2, 3, 5, 6


def theme_of(item: QGraphicsItem) -> Theme:
    """The colours of the scene an item is in (the screen's theme), LIGHT outside one."""
    scene = item.scene()
    return getattr(scene, "theme", LIGHT) if scene is not None else LIGHT


class BackdropItem(QGraphicsItem):
    """Everything that does not move on its own: header, stages, emotion lane, lanes, legend."""

    def __init__(self, layout: MapLayout) -> None:
        super().__init__()
        self.layout = layout
        # As big as the map has been: a map a lane taller or shorter by turns (a card in and
        # out of Unassigned) costs Qt no new place for the item each time, which at 10,000
        # touchpoints is half a frame. (Beyond the map, the scene's paper shows.)
        self._size = (layout.width, layout.height)
        self.setZValue(Z_BACKDROP)

    def set_layout(self, layout: MapLayout) -> None:
        size = (max(self._size[0], layout.width), max(self._size[1], layout.height))
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
        self.layout = layout
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        e = option.exposedRect
        painter_ = QtPainter(painter, theme_of(self))
        draw_backdrop(self.layout, painter_, Rect(e.x(), e.y(), e.width(), e.height()))


class CardItem(QGraphicsItem):
    """A touchpoint card: owner stripe, channel icon, title, face and flags."""

    _moving: weakref.WeakSet[CardItem] = weakref.WeakSet()  # those a gesture is moving

    def __init__(self, box: CardBox, style: Style) -> None:
        super().__init__()
        self.touchpoint_id = box.touchpoint_id
        self.style = style
        self.box = box
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_CARD)
        self.setPos(box.rect.x, box.rect.y)
        self._bounds = self._bounds_of(box, style)
        # Drawn once into a picture at the screen's resolution and reused while it only moves
        # (a drag of hundreds of cards repaints them every frame).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    @property
    def dragged(self) -> bool:
        """Moved by a gesture: put back where the layout says on the next sync."""
        return self in CardItem._moving

    @dragged.setter
    def dragged(self, on: bool) -> None:
        if on:
            CardItem._moving.add(self)
        else:
            CardItem._moving.discard(self)

    @staticmethod
    def dragged_in(scene) -> list[CardItem]:
        """The cards of `scene` a gesture is moving (a few: not every card of the map)."""
        return [item for item in list(CardItem._moving) if isValid(item) and item.scene() is scene]

    @staticmethod
    def _bounds_of(box: CardBox, style: Style) -> QRectF:
        out = style.selection_width  # a selected card's outline, half outside it
        return QRectF(-out, -out, box.rect.w + 2 * out, box.rect.h + 2 * out)

    def set_box(self, box: CardBox, style: Style | None = None) -> None:
        if self.dragged:
            self.dragged = False
        style = style or self.style
        changed = box.content is not self.box.content or (
            style is not self.style and style != self.style
        )
        if (box.rect.w, box.rect.h) != (self.box.rect.w, self.box.rect.h) or changed:
            self.prepareGeometryChange()
            self._bounds = self._bounds_of(box, style)
        self.box, self.style = box, style
        if changed:
            self.update()
        if self.x() != box.rect.x or self.y() != box.rect.y:
            self.setPos(box.rect.x, box.rect.y)

    def boundingRect(self) -> QRectF:
        return self._bounds  # asked for on every frame of a drag: made once

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        corner = self.style.card_radius
        path.addRoundedRect(QRectF(0, 0, self.box.rect.w, self.box.rect.h), corner, corner)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter_ = QtPainter(painter, theme_of(self))
        draw_card(self.box.content, painter_, self.style, selected=self.isSelected())


class FeelingPointItem(QGraphicsItem):
    """A face on the emotion curve; drag it up or down to change the feeling. A touchpoint not
    rated yet shows a small "?" on the neutral line, dragged the same way."""

    def __init__(self, point: FeelingPoint, style: Style) -> None:
        super().__init__()
        self.touchpoint_id = point.touchpoint_id
        self.point = point
        self.style = style
        self.shown_feeling = point.feeling
        self.setZValue(Z_POINT)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setAcceptHoverEvents(True)
        self.highlighted = False
        self._bounds: QRectF | None = None
        self.set_point(point)

    def set_point(self, point: FeelingPoint, style: Style | None = None) -> None:
        style = style or self.style
        was = self.point
        if (
            self._bounds is not None
            and style is self.style
            and (point.radius, point.feeling, point.field) == (was.radius, was.feeling, was.field)
            and self.shown_feeling == point.feeling
        ):  # the same face elsewhere (its moment moved): it only moves
            self.point = point
            self.setPos(point.center.x, point.center.y)
            return
        self.prepareGeometryChange()
        self.point = point
        self.style = style
        s = self.style
        r = max(point.radius, s.face_size / 2) + s.mark_gap + s.selection_width  # and its ring
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r)  # asked for on every frame: made once
        self.shown_feeling = point.feeling
        self.setPos(point.center.x, point.center.y)
        self.update()

    def show_feeling(self, feeling: int | None, y: float) -> None:
        """While dragging: the face of `feeling` at height y."""
        self.prepareGeometryChange()
        self.shown_feeling = feeling
        self.setPos(self.point.center.x, y)
        self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        draw_feeling(
            self.point,
            QtPainter(painter, theme_of(self)),
            self.style,
            self.shown_feeling,
            Point(0, 0),
            self.highlighted,
        )


class DropIndicator(QGraphicsRectItem):
    """Where a dragged touchpoint will land: a bar between slots, or a frame at a slot."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_INDICATOR)
        self.set_theme(LIGHT)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self.setPen(QPen(QColor(theme.selection), 2))
        colour = QColor(theme.selection)
        colour.setAlpha(70)
        self.setBrush(colour)

    def show_at(self, rect: Rect | None) -> None:
        if rect is None:
            self.hide()
            return
        shown = qrect(rect)
        if shown.width() < 10:  # a bar between time slots: wide enough to see at any zoom
            shown.adjust(-3, 0, 3, 0)
        self.setRect(shown)
        self.show()


class OverlayItem(QGraphicsItem):
    """What the layout draws between the backdrop and the cards besides today's curve: the
    future state's dashed curve and marks (with both curves shown) and the handoff arrows.
    Drawn with the map's own drawing code; redrawn when the layout's say changes."""

    def __init__(self, layout: MapLayout) -> None:
        super().__init__()
        self.setZValue(Z_CURVE)
        self.layout = layout
        self._drawn: tuple = ()
        self._bounds = QRectF()

    def set_layout(self, layout: MapLayout) -> None:
        self.layout = layout
        drawn = (tuple(layout.future_points), tuple(layout.handoffs), layout.style)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self.prepareGeometryChange()
        self._bounds = QRectF(0, 0, layout.width, layout.height) if any(drawn[:2]) else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lay, p = self.layout, QtPainter(painter, theme_of(self))
        s = lay.style
        if lay.future_points:
            centres = [pt.center for pt in lay.future_points]
            segments = smooth_curve(centres)
            if segments:
                p.curve(centres[0], segments, p.theme.future, s.curve_width, True)
            for point in lay.future_points:
                draw_future_mark(point, p, s)
        for handoff in lay.handoffs:
            draw_handoff(handoff, p, s)
