"""Gestures on the canvas, one small class each: they move items while the mouse moves and push
one document command when the button is released (Escape cancels and puts everything back)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from cxmapper.canvas.items import Z_CARD, Z_DRAGGED, CardItem, FeelingPointItem
from cxmapper.canvas.scene import JourneyScene
from cxmapper.layout.drop import DropTarget, drop_target, feeling_at

MANY_MOVING = 100  # cards dragged at once beyond which the scene's index is set aside


class CardDrag:
    """Drag one or several cards: to another time, another stage, another department's lane."""

    def __init__(self, scene: JourneyScene, grabbed: CardItem, start: QPointF) -> None:
        self.scene = scene
        self.grabbed = grabbed
        self.start = start
        self.items = [i for i in scene.selectedItems() if isinstance(i, CardItem)] or [grabbed]
        self.origins = {item.touchpoint_id: item.pos() for item in self.items}
        self.target: DropTarget | None = None
        # Many cards moving together: the scene's spatial index would be rebuilt for each of
        # them on every step; without it a frame stays a frame (restored when the drag ends).
        self.unindexed = len(self.items) > MANY_MOVING
        if self.unindexed:
            scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for item in self.items:
            item.setZValue(Z_DRAGGED)
            item.dragged = True

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        for item in self.items:
            item.setPos(self.origins[item.touchpoint_id] + delta)
        self.target = drop_target(self.scene.layout, pos.x(), pos.y())
        self.scene.indicator.show_at(self.target.indicator if self.target else None)

    def finish(self, pos: QPointF) -> bool:
        """Push the move; False (and everything back in place) when it lands nowhere new."""
        self.move(pos)
        delta = pos - self.start
        lay = self.scene.layout
        doc = self.scene.document
        moves = {}
        if self.target is not None:
            order = {tid: k for k, tid in enumerate(lay.time_order)}
            items = [
                i
                for i in self.items
                if i.touchpoint_id in lay.cards and doc.has_touchpoint(i.touchpoint_id)
            ]
            # Cards landing in one gap keep their time order; cards that were at the same time
            # stay together (one small step per original time slot, not per card).
            slots: dict[tuple[str, float], int] = {}
            for item in sorted(items, key=lambda i: order[i.touchpoint_id]):
                tid = item.touchpoint_id
                if item is self.grabbed:
                    target = self.target
                else:
                    center = lay.cards[tid].rect.center
                    target = drop_target(
                        lay, center.x + delta.x(), center.y + delta.y(), clamp=True
                    )
                if target is None:
                    continue
                place = doc.place_of(tid)
                rank = slots.setdefault((place[0], place[1]), len(slots) + 1)
                epsilon = 0.0 if target.joins_slot else 1e-6 * rank
                moves[tid] = (target.stage_id, target.position + epsilon, target.department_id)
        moved = bool(moves) and doc.move_touchpoints(moves)
        self._end(restore=not moved)
        return moved

    def cancel(self) -> None:
        self._end(restore=True)

    def abandon(self) -> None:
        """The map changed under the drag: stop, leaving items where the scene put them."""
        self._end(restore=False)

    def _end(self, restore: bool) -> None:
        self.scene.indicator.show_at(None)
        if self.unindexed:
            self.unindexed = False
            self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        for item in self.items:
            item.setZValue(Z_CARD)
            if item.scene() is None:
                continue
            if restore:
                item.dragged = False
                item.setPos(self.origins[item.touchpoint_id])
            elif item.dragged:  # the move changed nothing for this card: back to its place
                box = self.scene.layout.cards.get(item.touchpoint_id)
                if box is not None:
                    item.set_box(box)


class FeelingDrag:
    """Drag a face up or down the emotion lane; it snaps to the five levels, the curve follows."""

    def __init__(self, scene: JourneyScene, item: FeelingPointItem) -> None:
        self.scene = scene
        self.item = item
        self.original = item.point.feeling
        self.feeling = self.original

    def move(self, pos: QPointF) -> None:
        feeling = feeling_at(self.scene.layout, pos.y())
        if feeling != self.feeling or self.item.shown_feeling != feeling:
            self.feeling = feeling
            y = self.scene.layout.level_y[feeling]
            self.item.show_feeling(feeling, y)
            self.scene.update_curve({self.item.touchpoint_id: y})

    def finish(self, pos: QPointF) -> bool:
        self.move(pos)
        doc = self.scene.document
        if self.feeling == self.original or not doc.has_touchpoint(self.item.touchpoint_id):
            self.cancel()
            return False
        return doc.set_feeling(self.item.touchpoint_id, self.feeling, self.item.point.field)

    def cancel(self) -> None:
        if self.item.scene() is not None:
            self.item.set_point(self.item.point)
        self.scene.update_curve()

    def abandon(self) -> None:
        self.scene.update_curve()


class HeaderDrag:
    """Drag a stage header left or right, or a lane label up or down, to reorder; a bar shows
    where it will go and the release is one undo step."""

    def __init__(self, scene: JourneyScene, kind: str, part_id: str) -> None:
        self.scene, self.kind, self.part_id = scene, kind, part_id
        self.index: int | None = None

    def _boxes(self):
        lay = self.scene.layout
        if self.kind == "stage":
            return [(s.stage_id, s.header) for s in lay.stages]
        return [(ln.department_id, ln.label) for ln in lay.lanes if ln.department_id is not None]

    def move(self, pos: QPointF) -> None:
        from cxmapper.layout.geometry import Rect

        boxes = self._boxes()
        if not boxes:
            return
        along = pos.x() if self.kind == "stage" else pos.y()
        index = sum(
            1
            for _, box in boxes
            if along > ((box.x + box.w / 2) if self.kind == "stage" else (box.y + box.h / 2))
        )
        self.index = index
        if self.kind == "stage":
            edge = boxes[index][1].x if index < len(boxes) else boxes[-1][1].right
            first = boxes[0][1]
            bar = Rect(edge - 3, first.y, 6, self.scene.layout.lanes_area.bottom - first.y)
        else:
            edge = boxes[index][1].y if index < len(boxes) else boxes[-1][1].bottom
            first = boxes[0][1]
            bar = Rect(first.x, edge - 3, self.scene.layout.width - 2 * first.x, 6)
        self.scene.indicator.show_at(bar)

    def finish(self, pos: QPointF) -> bool:
        self.move(pos)
        self.scene.indicator.show_at(None)
        if self.index is None:
            return False
        ids = [i for i, _ in self._boxes()]
        if self.part_id not in ids:
            return False
        current = ids.index(self.part_id)
        target = self.index - 1 if self.index > current else self.index
        doc = self.scene.document
        mover = doc.move_stage if self.kind == "stage" else doc.move_department
        return mover(self.part_id, target)

    def cancel(self) -> None:
        self.scene.indicator.show_at(None)

    def abandon(self) -> None:
        self.scene.indicator.show_at(None)
