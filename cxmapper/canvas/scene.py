"""JourneyScene: the map's layout as graphics items, kept up to date from document changes.

On a change the layout is made from the one before where the change allows (a re-rating, a
rename, cards moved, added or deleted: canvas/following.py), else laid out again whole; either
way only items whose box changed are touched: a moved card moves, a renamed card repaints, the
rest of the scene is left alone.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QGraphicsScene

from cxmapper.canvas.curve import CurveItem
from cxmapper.canvas.following import FAINT, Following
from cxmapper.canvas.fonts import QtTextMetrics
from cxmapper.canvas.items import (
    BackdropItem,
    CardItem,
    DropIndicator,
    FeelingPointItem,
    OverlayItem,
)
from cxmapper.canvas.marks import FoundMarks
from cxmapper.document.document import Changes, JourneyDocument
from cxmapper.layout.boxes import MapLayout
from cxmapper.layout.geometry import Point
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.moments import face_at
from cxmapper.layout.style import DARK, LIGHT, Style, Theme
from cxmapper.layout.text import TextFitter
from cxmapper.model.bulk import building_many
from cxmapper.model.journey import Touchpoint
from cxmapper.model.selection import Selection


def _call(alive: weakref.ref, method: str) -> None:
    scene = alive()
    if scene is not None and shiboken6.isValid(scene):
        getattr(scene, method)()


def theme_for_palette() -> Theme:
    """DARK when the system's windows are dark (their background darker than mid-grey)."""
    app = QGuiApplication.instance()
    if app is None:
        return LIGHT
    return DARK if app.palette().window().color().lightness() < 128 else LIGHT


class JourneyScene(QGraphicsScene):
    def __init__(
        self, document: JourneyDocument, parent=None, selection: Selection | None = None
    ) -> None:
        super().__init__(parent or document)
        self.document = document
        # The selected touchpoints, shared with the panels: the cards mirror it both ways.
        self.selection = document.selection if selection is None else selection
        self._mirroring = False
        self.fitter = TextFitter(QtTextMetrics())
        self.theme: Theme = theme_for_palette()
        self.style = Style()  # (workshop mode draws the map in a bigger one: set_style)
        with building_many():  # the layout and an item per card and face
            self.layout: MapLayout = layout_map(document.journey, self.fitter, self.style)
            # each state's stage widths, by its place in the undo stack (see widths_kept)
            self._widths_at = {document.undo_stack.index(): self.layout.stage_widths}
            self._count_seen = document.undo_stack.count()
            self.backdrop = BackdropItem(self.layout)
            self.addItem(self.backdrop)
            self.curve = CurveItem()
            self.addItem(self.curve)
            self.overlay = OverlayItem(self.layout)  # the future's curve, the handoffs
            self.addItem(self.overlay)
            self.indicator = DropIndicator()
            self.addItem(self.indicator)
            self.marks = FoundMarks()  # what Find found, framed
            self.addItem(self.marks)
            self.cards: dict[str, CardItem] = {}
            # Cards shown faint (in a dot vote: those that cannot take a dot); None: none.
            self.faded: Callable[[str], bool] | None = None
            self.points: dict[str, FeelingPointItem] = {}
            self._sync(self.layout)
        self._following = Following(self)
        self.curve.set_look(self.theme, self.style, self.layout.curves == "future")
        self.indicator.set_theme(self.theme)
        self.setBackgroundBrush(QColor(self.theme.paper))
        document.changed.connect(self.on_document_changed)
        # Through a weak reference: a scene being destroyed (its items going) announces a last
        # selection change, which must not reach a half-destroyed Python object; nor must the
        # selection, which may outlive the scene.
        alive = weakref.ref(self)
        self.selectionChanged.connect(lambda: _call(alive, "_take_selection"))
        self.selection.subscribe(lambda _ids: _call(alive, "_show_selection"))
        self._show_selection()

    def set_theme(self, theme: Theme) -> None:
        """Draw the map in other colours (the system switched to dark, or back)."""
        if theme == self.theme:
            return
        self.theme = theme
        self.curve.set_look(theme, self.style, self.layout.curves == "future")
        self.indicator.set_theme(theme)
        self.setBackgroundBrush(QColor(theme.paper))
        for item in self.items():
            item.update()

    def set_style(self, style: Style) -> None:
        """Draw the map in other sizes (workshop mode: every size half as big again), laid out
        afresh in them: tight, as when a map is opened."""
        if style == self.style:
            return
        self.style = style
        with building_many():
            new = layout_map(self.document.journey, self.fitter, style)
            self._widths_at = {self.document.undo_stack.index(): new.stage_widths}
            self.layout = new
            self.backdrop.set_layout(new)
            self._sync(new)
        self.curve.set_look(self.theme, style, self.layout.curves == "future")
        self._highlight_faces()

    def plain_size(self) -> tuple[float, float]:
        """The map's size in the plain style (what an exported picture is), in any mode."""
        k = Style().card_width / self.style.card_width
        return self.layout.width * k, self.layout.height * k

    def _highlight_faces(self) -> None:
        """A selected card's face in the emotion lane is ringed too: which face is whose."""
        selection = self.selection
        for tid, item in self.points.items():
            item.set_highlighted(tid in selection)

    # --- keeping up with the document ----------------------------------------------------------
    def on_document_changed(self, changes: Changes) -> None:
        if not changes.drawn:  # a description, a quote, a root cause: nothing on the map moves
            return
        follow = self._following
        if follow.rated(changes):  # faces moved up or down: nothing else of the map
            return
        if follow.cards(changes):  # a rename, a flag, dots: those cards, nothing else
            return
        if not follow.moved(changes):  # cards moved, added, deleted: where they were, went
            self.relayout()
        added = changes.added_touchpoints
        if added:  # what reappears (undo of a delete, redo of an add) comes back selected
            self.select_ids([i for i in added if i in self.cards])

    def take_cards(self, new: MapLayout, ids) -> None:
        """`new` in place of the layout, where only the cards `ids` look different."""
        self.keep_widths(new)
        self.layout = self.backdrop.layout = new
        self.overlay.set_layout(new)
        for tid in ids:
            if tid in self.cards:
                self.cards[tid].set_box(new.cards[tid], new.style)

    def find(self, tid: str) -> Touchpoint | None:
        """The map's touchpoint of that id (None: there is none)."""
        doc = self.document
        return doc.touchpoint(tid) if doc.has_touchpoint(tid) else None

    def face_index(self, tid: str) -> int | None:
        """Where the face of `tid` is in the layout's faces (None: it has none)."""
        lay = self.layout
        if lay.moments is not None:
            return face_at(lay.moments, lay.cards, tid)
        return next((i for i, p in enumerate(lay.points) if p.touchpoint_id == tid), None)

    def relayout(self) -> None:
        with building_many():
            self._relayout()

    def widths_kept(self) -> dict[str, float]:
        """The stage widths to keep: those this state of the map had when it was last shown
        (so an undo or a redo puts every stage back exactly), else the current ones."""
        stack = self.document.undo_stack
        index, count = stack.index(), stack.count()
        if count != self._count_seen:  # a new edit: states after it are gone from the stack
            self._count_seen = count
            self._widths_at = {i: w for i, w in self._widths_at.items() if i < index}
        return self._widths_at.get(index, self.layout.stage_widths)

    def keep_widths(self, new: MapLayout) -> None:
        """`new`'s stage widths are this state's, kept for when the undo stack comes back to
        it."""
        self.widths_kept()  # (which forgets the states a new edit replaced)
        self._widths_at[self.document.undo_stack.index()] = new.stage_widths

    def _relayout(self) -> None:
        widths = self.widths_kept()
        new = layout_map(
            self.document.journey, self.fitter, self.style, previous=self.layout, widths=widths
        )
        self.keep_widths(new)
        old, self.layout = self.layout, new
        if (
            old.stages != new.stages
            or old.rows != new.rows
            or old.lanes != new.lanes
            or old.header != new.header
            or old.legend != new.legend
            or (old.width, old.height) != (new.width, new.height)
        ):
            self.backdrop.set_layout(new)
        else:
            self.backdrop.layout = new
        self._sync(new)

    def _sync(self, lay: MapLayout) -> None:
        self.selection.set_order(lay.time_order)  # (before the cards of deleted ones go)
        self.setSceneRect(QRectF(0, 0, lay.width, lay.height))
        self.overlay.set_layout(lay)
        for tid in [t for t in self.cards if t not in lay.cards]:
            self.removeItem(self.cards.pop(tid))
        for tid, box in lay.cards.items():
            item = self.cards.get(tid)
            if item is None:
                item = self.cards[tid] = CardItem(box, lay.style)
                self.addItem(item)
            elif item.box is not box or item.style is not lay.style:
                item.set_box(box, lay.style)
        for item in CardItem.dragged_in(self):  # (put back where the layout says)
            box = lay.cards.get(item.touchpoint_id)
            if box is not None:
                item.set_box(box, lay.style)
        wanted = {p.touchpoint_id: p for p in lay.points}
        wanted.update({p.touchpoint_id: p for p in lay.unrated})
        for tid in [t for t in self.points if t not in wanted]:
            self.removeItem(self.points.pop(tid))
        for tid, point in wanted.items():
            item = self.points.get(tid)
            if item is None:
                self.points[tid] = FeelingPointItem(point, lay.style)
                self.addItem(self.points[tid])
            elif (
                item.point != point
                or item.shown_feeling != point.feeling
                or item.pos().y() != point.center.y
                or item.style is not lay.style
            ):
                item.set_point(point, lay.style)
        self.update_curve()
        if self.faded is not None:  # (new cards, cards that gained or lost what made them faint)
            self.fade(self.faded)

    def fade(self, faded: Callable[[str], bool] | None) -> None:
        """Show faint the cards for which `faded` says so (None: every card as it is)."""
        self.faded = faded
        for tid, item in self.cards.items():
            item.setOpacity(FAINT if faded is not None and faded(tid) else 1.0)

    def update_curve(self, overrides: dict[str, float] | None = None) -> None:
        """Redraw the curve; `overrides` gives the y of points being dragged (or re-rated):
        then only the curve around them is worked out again."""
        future = self.layout.curves == "future"
        if future != getattr(self, "_future_curve", False):
            self._future_curve = future
            self.curve.set_look(self.theme, self.style, future)
        points = self.layout.points
        if overrides:
            for tid, y in overrides.items():
                i = self.face_index(tid)
                if i is not None:
                    self.curve.splice(i, i + 1, [Point(points[i].center.x, y)])
            return
        self.curve.set_points([Point(p.center.x, p.center.y) for p in points])

    # --- the selection, mirrored both ways ------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """Selected touchpoints, in time order."""
        return self.selection.ids

    def select_ids(self, ids: list[str]) -> None:
        self.selection.select(ids)

    def _take_selection(self) -> None:
        """A click, a Ctrl+click or a rubber band selected cards: the selection follows."""
        if not self._mirroring:
            self.selection.select(
                i.touchpoint_id for i in self.selectedItems() if isinstance(i, CardItem)
            )

    def _show_selection(self) -> None:
        """The selection changed: its cards are selected, the others not, without a word from
        each card (the selection announces the change once, not once per card: on a big Select
        All the Inspector and the faces would otherwise follow thousands of times)."""
        selection = self.selection
        self._mirroring = True
        self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if isinstance(item, CardItem) and item.touchpoint_id not in selection:
                    item.setSelected(False)
            for tid in selection.ids:
                item = self.cards.get(tid)
                if item is not None and not item.isSelected():
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
            self._mirroring = False
        self._highlight_faces()
