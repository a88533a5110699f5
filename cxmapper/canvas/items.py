"""Graphics items. They are passive: they draw a piece of the layout and know their id; the view's
interactions move them while a gesture lasts and the scene puts them where the layout says."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from cxmapper.canvas.painting import QtPainter, qrect
from cxmapper.drawing.cards import draw_card, draw_handoff
from cxmapper.drawing.curve import curve_segment, draw_feeling, draw_future_mark, smooth_curve
from cxmapper.drawing.map import draw_backdrop
from cxmapper.layout.boxes import CardBox, FeelingPoint, MapLayout
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.style import CURVE_DASH, LIGHT, Style, Theme

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
        self.setZValue(Z_BACKDROP)

    def set_layout(self, layout: MapLayout) -> None:
        if (layout.width, layout.height) != (self.layout.width, self.layout.height):
            self.prepareGeometryChange()
        self.layout = layout
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.layout.width, self.layout.height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        e = option.exposedRect
        painter_ = QtPainter(painter, theme_of(self))
        draw_backdrop(self.layout, painter_, Rect(e.x(), e.y(), e.width(), e.height()))


class CardItem(QGraphicsItem):
    """A touchpoint card: owner stripe, channel icon, title, face and flags."""

    def __init__(self, box: CardBox, style: Style) -> None:
        super().__init__()
        self.touchpoint_id = box.touchpoint_id
        self.style = style
        self.box = box
        self.dragged = False  # moved by a gesture: put back where the layout says on the next sync
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_CARD)
        self.setPos(box.rect.x, box.rect.y)
        self._bounds = self._bounds_of(box, style)
        # Drawn once into a picture at the screen's resolution and reused while it only moves
        # (a drag of hundreds of cards repaints them every frame).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    @staticmethod
    def _bounds_of(box: CardBox, style: Style) -> QRectF:
        out = style.selection_width  # a selected card's outline, half outside it
        return QRectF(-out, -out, box.rect.w + 2 * out, box.rect.h + 2 * out)

    def set_box(self, box: CardBox, style: Style | None = None) -> None:
        self.dragged = False
        style = style or self.style
        changed = box.content is not self.box.content or style != self.style
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
        self.set_point(point)

    def set_point(self, point: FeelingPoint, style: Style | None = None) -> None:
        self.prepareGeometryChange()
        self.point = point
        self.style = style or self.style
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


class CurveItem(QGraphicsItem):
    """The emotion curve through the faces, in time order.

    Kept as runs of a few segments, each its own path: a card re-rated (or a face dragged)
    changes the segments around its face, and only their runs are built and painted again,
    not a curve as long as the map (at 2,000 touchpoints, most of a frame)."""

    RUN = 16  # segments a run holds

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(Z_CURVE)
        self._pen = QPen()
        self._points: list[Point] | None = None
        self._segments: list = []
        self._runs: list[tuple[QPainterPath, QRectF]] = []
        self._bounds = QRectF()
        self.set_look(LIGHT, Style())

    def set_look(self, theme: Theme, style: Style, future: bool = False) -> None:
        """Today's curve solid; the future state's (when it is the one shown) dashed."""
        pen = QPen(QColor(theme.future if future else theme.curve), style.curve_width)
        if future:
            pen.setDashPattern(list(CURVE_DASH))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        dashed_before = bool(self._pen.dashPattern())
        self._pen = pen
        if dashed_before != future and self._points is not None:
            self._build(list(range(len(self._segments))))  # (one run when dashed: see _run_of)
        self.update()

    def pen(self) -> QPen:
        return self._pen

    def path(self) -> QPainterPath:
        """The whole curve, as one path."""
        whole = QPainterPath()
        for run, _rect in self._runs:
            whole.addPath(run)
        return whole

    def set_points(self, points: list[Point]) -> None:
        before = self._points
        self._segments, changed = self._segments_for(points)
        self._points = list(points)
        if before is None or len(before) != len(points):
            self._build(list(range(len(self._segments))))
        else:
            self._build(changed)

    def _run_of(self, segment: int) -> int:
        # A dashed curve is one run: its dashes go on across the whole curve unbroken.
        return 0 if self._pen.dashPattern() else segment // self.RUN

    def _build(self, segments: list[int]) -> None:
        """Build again the runs holding these segments, and repaint where they were and are."""
        points, count = self._points or [], len(self._segments)
        runs = 1 if self._pen.dashPattern() else max(1, -(-count // self.RUN))
        if len(self._runs) != runs or not segments and not count:
            self._runs = [(QPainterPath(), QRectF()) for _ in range(runs)]
            segments = list(range(count))
        dirty = QRectF()
        for k in sorted({self._run_of(i) for i in segments}):
            first = 0 if runs == 1 else k * self.RUN
            last = count if runs == 1 else min(count, first + self.RUN)
            path = QPainterPath()
            if points and first < last:
                path.moveTo(points[first].x, points[first].y)
                for c1, c2, end in self._segments[first:last]:
                    path.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
            margin = self._pen.widthF()
            rect = path.controlPointRect().adjusted(-margin, -margin, margin, margin)
            dirty = dirty.united(self._runs[k][1]).united(rect)
            self._runs[k] = (path, rect if first < last else QRectF())
        bounds = QRectF()
        for _path, rect in self._runs:
            bounds = bounds.united(rect)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        if not dirty.isEmpty():
            self.update(dirty)

    def _segments_for(self, points: list[Point]) -> tuple[list, list[int]]:
        """The curve's segments and which changed; when only a few faces moved (a card
        re-rated), only the segments around them are worked out again."""
        before = self._points
        if before is None or len(before) != len(points) or len(points) < 2:
            segments = smooth_curve(points)
            return segments, list(range(len(segments)))
        moved = [i for i, (a, b) in enumerate(zip(before, points, strict=True)) if a != b]
        if len(moved) > len(points) // 8:
            segments = smooth_curve(points)
            return segments, list(range(len(segments)))
        segments = list(self._segments)
        again = sorted({j for i in moved for j in range(i - 2, i + 2) if 0 <= j < len(points) - 1})
        for j in again:
            segments[j] = curve_segment(points, j)
        return segments, again

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # (nothing to click: a click goes to the face or lane under it)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shown = option.exposedRect
        for path, rect in self._runs:
            if rect.intersects(shown):
                painter.drawPath(path)


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
