"""How the scene follows an edit with as little work as it can: faces re-rated, cards that show
something else (a rename, a flag, dots), cards moved, added or deleted: the layout made from the
one before (layout/refelt.py, layout/moved.py) and only the items it changed touched, the curve
built again only where it changed. When none of these can, the scene lays the map out again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from cxmapper.canvas.items import CardItem, FeelingPointItem
from cxmapper.document.document import Changes
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.moved import Moved, moved
from cxmapper.layout.refelt import recarded, refelt
from cxmapper.model.bulk import building_many

if TYPE_CHECKING:
    from cxmapper.canvas.scene import JourneyScene

FAINT = 0.3  # the opacity of a card left out (of a dot vote)


def _touchpoints_only(changes: Changes, structural: bool = False):
    """The change of touchpoints, when it is the only change (and, unless `structural`, no
    touchpoint came or went)."""
    parts = changes.parts
    if len(parts) != 1 or parts[0].kind != "touchpoint" or parts[0].reordered:
        return None
    if parts[0].structural and not structural:
        return None
    return parts[0]


class Following:
    """The scene's ways of following an edit without a new layout; each says whether it could."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene

    def rated(self, changes: Changes) -> bool:
        """A change of feelings alone: those faces and cards (refelt)."""
        part = _touchpoints_only(changes)
        if part is None or part.fields != {"feeling"}:
            return False
        scene, ids = self.scene, part.ids
        old = scene.layout
        new = refelt(old, scene.document.journey, ids, scene.fitter, scene.find)
        if new is None:
            return False
        scene.take_cards(new, ids)
        marks = new.unrated if new.unrated is not old.unrated else []
        for point in [*(new.points[scene.face_index(tid)] for tid in ids), *marks]:
            item = scene.points.get(point.touchpoint_id)  # ("?" marks may step aside)
            if item is not None and (item.point != point or item.shown_feeling != point.feeling):
                item.set_point(point, new.style)
        scene.update_curve({tid: new.points[scene.face_index(tid)].center.y for tid in ids})
        return True

    def cards(self, changes: Changes) -> bool:
        """A change of what cards show alone (a rename, a flag, dots): those cards
        (refelt.recarded)."""
        part = _touchpoints_only(changes)
        if part is None:
            return False
        scene = self.scene
        journey = scene.document.journey
        new = recarded(scene.layout, journey, part.ids, scene.fitter, part.fields, scene.find)
        if new is None:
            return False
        scene.take_cards(new, part.ids)
        return True

    def moved(self, changes: Changes) -> bool:
        """Cards moved, added or deleted (layout/moved.py): the cards, faces and "?"s it
        names, the curve where it changed."""
        part = _touchpoints_only(changes, structural=True)
        if part is None:
            return False
        scene = self.scene
        with building_many():
            widths = scene.widths_kept()
            result = moved(
                scene.layout,
                scene.document.journey,
                part.ids,
                scene.fitter,
                part.added,
                part.removed,
                part.fields,
                widths,
                scene.find,
            )
            if result is None:
                return False
            new = result.layout
            scene.keep_widths(new)
            old, scene.layout = scene.layout, new
            self._backdrop(old, new)
            self._items(result)
        return True

    def _backdrop(self, old: MapLayout, new: MapLayout) -> None:
        """The backdrop drawn again when what it draws changed (moments are not drawn)."""

        def drawn(stage):
            return stage.header, stage.column, stage.name_lines, stage.goal_lines, stage.name_size

        if (
            old.stages is not new.stages
            and [drawn(st) for st in old.stages] != [drawn(st) for st in new.stages]
            or old.rows != new.rows
            or old.lanes != new.lanes
            or old.header != new.header
            or old.legend != new.legend
            or (old.width, old.height) != (new.width, new.height)
        ):
            self.scene.backdrop.set_layout(new)
        else:
            self.scene.backdrop.layout = new

    def _items(self, result: Moved) -> None:
        """Only the items `result` says changed follow the new layout."""
        scene, lay, style = self.scene, result.layout, result.layout.style
        scene.selection.set_order(lay.time_order)  # (before the cards of deleted ones go)
        if scene.sceneRect() != QRectF(0, 0, lay.width, lay.height):
            scene.setSceneRect(QRectF(0, 0, lay.width, lay.height))
        scene.overlay.set_layout(lay)
        for tid in result.cards:
            box, item = lay.cards.get(tid), scene.cards.get(tid)
            if box is None:
                if item is not None:
                    scene.removeItem(scene.cards.pop(tid))
            elif item is None:
                item = scene.cards[tid] = CardItem(box, style)
                scene.addItem(item)
            else:
                item.set_box(box, style)
            if item is not None and box is not None and scene.faded is not None:
                item.setOpacity(FAINT if scene.faded(tid) else 1.0)
        for item in CardItem.dragged_in(scene):  # (a drag ended by this change: put back)
            box = lay.cards.get(item.touchpoint_id)
            if box is not None:
                item.set_box(box, style)
        shown = {p.touchpoint_id: p for _start, _end, new in result.curve for p in new}
        shown.update((p.touchpoint_id, p) for p in lay.unrated if p.touchpoint_id in result.faces)
        selected = scene.selection
        for tid in result.faces:
            point, item = shown.get(tid), scene.points.get(tid)
            if point is None and tid in lay.cards and (at := scene.face_index(tid)) is not None:
                point = lay.points[at]  # (a face that kept its object, elsewhere)
            if point is None:
                if item is not None:
                    scene.removeItem(scene.points.pop(tid))
            elif item is None:
                item = scene.points[tid] = FeelingPointItem(point, style)
                item.set_highlighted(tid in selected)
                scene.addItem(item)
            elif item.point != point or item.shown_feeling != point.feeling:
                item.set_point(point, style)
        for start, end, new in reversed(result.curve):
            scene.curve.splice(start, end, [p.center for p in new])
