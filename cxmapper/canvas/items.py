"""Graphics items. They are passive: they draw a piece of the layout and know their id; the view's
interactions move them while a gesture lasts and the scene puts them where the layout says."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

from cxmapper.canvas.painting import draw_lines, draw_shapes, qrect
from cxmapper.layout import glyphs
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.journey_layout import CardBox, FeelingPoint, MapLayout
from cxmapper.layout.style import INK, MUTED_INK, PAPER, STAGE_TINTS

SELECTION = "#0969da"
CARD_BORDER = "#afb8c1"

Z_BACKDROP, Z_CURVE, Z_CARD, Z_POINT, Z_DRAGGED, Z_INDICATOR = 0, 1, 2, 3, 5, 6


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
        lay, s = self.layout, self.layout.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.boundingRect(), QColor(PAPER))
        exposed = option.exposedRect

        # Header.
        h = lay.header
        draw_lines(painter, [h.title], h.title_box, s.title_size, h.title_box.h, bold=True)
        for text, box in h.lines:
            draw_lines(painter, [text], box, s.subtitle_size, box.h, colour=MUTED_INK)

        # Stage columns and their headers.
        for i, stage in enumerate(lay.stages):
            column = qrect(stage.column)
            if not column.intersects(exposed):
                continue
            painter.fillRect(column, QColor(STAGE_TINTS[i % 2]))
            head = stage.header
            painter.fillRect(qrect(head), QColor("#e6ebf1" if i % 2 else "#dde4ec"))
            name_box = Rect(
                head.x + 10, head.y + 8, head.w - 20, s.line_height(s.stage_name_size) * 2
            )
            draw_lines(
                painter,
                stage.name_lines,
                name_box,
                s.stage_name_size,
                s.line_height(s.stage_name_size),
                bold=True,
            )
            if stage.goal_line:
                goal = Rect(
                    head.x + 10,
                    head.bottom - 8 - s.line_height(s.stage_goal_size),
                    head.w - 20,
                    s.line_height(s.stage_goal_size),
                )
                draw_lines(
                    painter, [stage.goal_line], goal, s.stage_goal_size, goal.h, colour=MUTED_INK
                )
            painter.setPen(QPen(QColor("#c4cdd6"), 1))
            painter.drawLine(column.topRight(), column.bottomRight())

        # The emotion lane: level guides and words.
        band = qrect(lay.emotion)
        painter.fillRect(
            qrect(Rect(lay.emotion.x, lay.emotion.y, s.lane_label_width, lay.emotion.h)),
            QColor("#f0f3f6"),
        )
        draw_lines(
            painter,
            [s.emotion_label],
            Rect(lay.emotion.x + 12, lay.emotion.y + 6, s.lane_label_width - 24, 22),
            s.lane_label_size - 2,
            22,
            bold=True,
        )
        for feeling, word, box in lay.level_labels:
            y = lay.level_y[feeling]
            pen = QPen(
                QColor("#9aa5b1" if feeling == 0 else "#d0d7de"),
                1,
                Qt.PenStyle.SolidLine if feeling == 0 else Qt.PenStyle.DashLine,
            )
            painter.setPen(pen)
            painter.drawLine(QPointF(lay.timeline.x, y), QPointF(lay.timeline.right, y))
            face_box = Rect(box.x, y - 8, 16, 16)
            draw_shapes(painter, glyphs.face(face_box, feeling), 16)
            draw_lines(
                painter,
                [word],
                Rect(box.x + 22, box.y, box.w - 22, box.h),
                s.level_label_size,
                box.h,
                colour=MUTED_INK,
            )
        painter.setPen(QPen(QColor("#8c959f"), 1.5))
        painter.drawLine(band.bottomLeft(), band.bottomRight())

        # Swimlanes.
        for lane in lay.lanes:
            rect = qrect(lane.rect)
            if not rect.intersects(exposed):
                continue
            tint = QColor(lane.colour)
            tint.setAlpha(34)
            painter.fillRect(qrect(lane.label), tint)
            painter.fillRect(
                QRectF(lane.label.x, lane.label.y, 8, lane.label.h), QColor(lane.colour)
            )
            lh = s.line_height(s.lane_label_size)
            text_box = Rect(
                lane.label.x + 18,
                lane.label.center.y - lh * len(lane.label_lines) / 2,
                lane.label.w - 26,
                lh * len(lane.label_lines),
            )
            draw_lines(painter, lane.label_lines, text_box, s.lane_label_size, lh, bold=True)
            painter.setPen(QPen(QColor("#c4cdd6"), 1))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        # Legend.
        for entry in lay.legend:
            if entry.swatch is not None:
                sw = entry.swatch
                if entry.kind == "feeling":
                    draw_shapes(painter, glyphs.face(sw, int(entry.key)), sw.w)
                elif entry.kind == "department":
                    dept = next((d for d in lay.lanes if d.department_id == entry.key), None)
                    painter.fillRect(qrect(sw), QColor(dept.colour if dept else "#999999"))
                elif entry.kind == "channel":
                    draw_shapes(painter, glyphs.channel_icon(sw, entry.key), sw.w)
                elif entry.kind == "badge":
                    draw_shapes(painter, glyphs.badge(sw, entry.key), sw.w)
            draw_lines(
                painter,
                [entry.label],
                entry.text,
                s.legend_size,
                entry.text.h,
                bold=entry.kind == "heading",
                colour=INK if entry.kind == "heading" else MUTED_INK,
            )


class CardItem(QGraphicsItem):
    """A touchpoint card: owner stripe, channel icon, title, face and flags."""

    def __init__(self, box: CardBox, style) -> None:
        super().__init__()
        self.touchpoint_id = box.touchpoint_id
        self.style = style
        self.box = box
        self.dragged = False  # moved by a gesture: put back where the layout says on the next sync
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_CARD)
        self.setPos(box.rect.x, box.rect.y)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_box(self, box: CardBox) -> None:
        self.dragged = False
        changed = box.content is not self.box.content
        self.box = box
        if changed:
            self.update()
        if self.x() != box.rect.x or self.y() != box.rect.y:
            self.setPos(box.rect.x, box.rect.y)

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, self.box.rect.w + 6, self.box.rect.h + 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, self.box.rect.w, self.box.rect.h), 8, 8)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        c, s = self.box.content, self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QRectF(0, 0, c.width, c.height)
        painter.setPen(
            QPen(QColor(SELECTION), 3) if self.isSelected() else QPen(QColor(CARD_BORDER), 1)
        )
        painter.setBrush(QBrush(QColor(PAPER)))
        painter.drawRoundedRect(outline, 8, 8)
        painter.save()
        clip = QPainterPath()
        clip.addRoundedRect(outline, 8, 8)
        painter.setClipPath(clip)
        painter.fillRect(qrect(c.stripe), QColor(c.colour))
        painter.restore()
        draw_shapes(painter, glyphs.channel_icon(c.icon, c.channel_icon), c.icon.w, MUTED_INK)
        draw_lines(
            painter, c.title_lines, c.title, c.title_size, s.line_height(c.title_size), bold=True
        )
        if c.face is not None and c.feeling is not None:
            draw_shapes(painter, glyphs.face(c.face, c.feeling), c.face.w)
        if c.emotion_line:
            draw_lines(
                painter,
                [c.emotion_line],
                c.emotion,
                s.card_note_size,
                c.emotion.h,
                colour=MUTED_INK,
            )
        for kind, rect in c.badges:
            draw_shapes(painter, glyphs.badge(rect, kind), rect.w, "#ffffff")


FACE_RADIUS = 15


class FeelingPointItem(QGraphicsItem):
    """A face on the emotion curve; drag it up or down to change the feeling. A touchpoint not
    rated yet shows a small "?" on the neutral line, dragged the same way."""

    def __init__(self, point: FeelingPoint) -> None:
        super().__init__()
        self.touchpoint_id = point.touchpoint_id
        self.point = point
        self.shown_feeling = point.feeling
        self.setZValue(Z_POINT)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setAcceptHoverEvents(True)
        self.highlighted = False
        self.set_point(point)

    def set_point(self, point: FeelingPoint) -> None:
        self.prepareGeometryChange()
        self.point = point
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
        r = max(self.point.radius, FACE_RADIUS) + 5
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        feeling = self.shown_feeling
        r = self.point.radius if feeling is None else FACE_RADIUS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.highlighted:
            painter.setPen(QPen(QColor(SELECTION), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
        box = Rect(-r, -r, 2 * r, 2 * r)
        shapes = glyphs.unrated(box) if feeling is None else glyphs.face(box, feeling)
        draw_shapes(painter, shapes, 2 * r)


class CurveItem(QGraphicsPathItem):
    """The emotion curve through the faces, in time order."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(QColor("#57606a"), 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(Z_CURVE)

    def set_points(self, points: list[Point]) -> None:
        path = QPainterPath()
        if points:
            path.moveTo(points[0].x, points[0].y)
            for c1, c2, end in glyphs.smooth_curve(points):
                path.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
        self.setPath(path)


class DropIndicator(QGraphicsRectItem):
    """Where a dragged touchpoint will land: a bar between slots, or a frame at a slot."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_INDICATOR)
        self.setPen(QPen(QColor(SELECTION), 2))
        colour = QColor(SELECTION)
        colour.setAlpha(70)
        self.setBrush(colour)
        self.hide()

    def show_at(self, rect: Rect | None) -> None:
        if rect is None:
            self.hide()
            return
        shown = qrect(rect)
        if shown.width() < 10:  # a bar between time slots: wide enough to see at any zoom
            shown.adjust(-3, 0, 3, 0)
        self.setRect(shown)
        self.show()
