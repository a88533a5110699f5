"""Edit a name in place: a card's title, a stage header's or a lane label's name. Enter keeps
it, Escape cancels; pasted line breaks become spaces.

A rename asked for (Enter, F2, double-click, a menu) is also kept when the keyboard goes
elsewhere. A rename started by typing on a selected card is kept by Enter only: a click or a
focus change leaves what was typed in the editor, over its card, until Enter or Escape, so a
stray key is never made a card's name behind the user's back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from cxmapper.canvas.fonts import map_font
from cxmapper.canvas.painting import qrect
from cxmapper.model.fields import EditRefused, one_line
from cxmapper.model.journey import MAX_NAME

if TYPE_CHECKING:
    from cxmapper.canvas.view import JourneyView

FIELD = {"touchpoint": "title", "stage": "name", "department": "name"}


class TitleEditor(QLineEdit):
    problem = Signal(str)
    closed = Signal()  # the name was kept or the edit cancelled
    next_wanted = Signal(str)  # a capture run: Enter kept this touchpoint's name, add the next

    def __init__(self, view: JourneyView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.target: tuple[str, str] | None = None
        # A capture run (Ctrl+Enter): Enter opens the next new touchpoint; `fresh`: the card was
        # added for this edit and goes away again if it is left without a name.
        self.run = False
        self.fresh = False
        self.typed = False  # started by typing on the card: kept by Enter only
        self.setMaxLength(MAX_NAME)
        self.setFrame(True)
        self.hide()

    @property
    def touchpoint_id(self) -> str | None:
        return self.target[1] if self.target and self.target[0] == "touchpoint" else None

    def start(self, touchpoint_id: str) -> None:
        self.start_part("touchpoint", touchpoint_id)

    def start_part(
        self,
        kind: str,
        part_id: str,
        typed: str | None = None,
        run: bool = False,
        fresh: bool = False,
    ) -> None:
        """Edit a name in place: with `typed`, the name is replaced by what was typed (a letter
        typed on a selected card); a `fresh` card starts empty, its name to type. A name typed
        on another card and never confirmed is dropped, not kept."""
        if self.typed:
            self._drop()
        self.commit()
        if self._area(kind, part_id) is None:
            return
        self.target = (kind, part_id)
        self.run, self.fresh = run, fresh
        self.typed = typed is not None and not fresh
        name = getattr(self.view.document.part(kind, part_id), FIELD[kind])
        self.setPlaceholderText("Type a name" if fresh else "")
        self.setText("" if fresh else name if typed is None else typed)
        self.follow()
        self.show()
        if typed is None and not fresh:
            self.selectAll()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _area(self, kind: str, part_id: str) -> tuple[QRectF, float] | None:
        lay = self.view.journey_scene.layout
        s = lay.style
        if kind == "touchpoint":
            box = lay.cards.get(part_id)
            if box is None:
                return None
            content = box.content
            area = qrect(content.title).translated(box.rect.x, box.rect.y)
            area.setHeight(content.title.h)  # all of the title's lines, nothing showing under
            return area, content.title_size
        if kind == "stage":
            stage = next((st for st in lay.stages if st.stage_id == part_id), None)
            if stage is None:
                return None
            head, size = stage.header, stage.name_size or s.stage_name_size
            inset = s.label_inset / 2
            return QRectF(head.x + inset, head.y + s.label_gap, head.w - 2 * inset, size * 2), size
        lane = next((ln for ln in lay.lanes if ln.department_id == part_id), None)
        if lane is None or part_id is None:
            return None
        label = lane.label
        left = s.label_bar + s.row_label_inset
        area = QRectF(
            label.x + left,
            label.center.y - s.lane_label_size,
            label.w - left - s.row_label_inset,
            s.lane_label_size * 2,
        )
        return area, s.lane_label_size

    def follow(self) -> None:
        """Sit over the name at the current zoom and scroll."""
        if self.target is None:
            return
        found = self._area(*self.target)
        if found is None:
            self.cancel()
            return
        area, text_size = found
        zoom = self.view.zoom()
        rect = self.view.mapFromScene(area).boundingRect()
        size = max(13.0, text_size * zoom)  # readable however far out the map is zoomed
        self.setFont(map_font(size, bold=True))
        width = max(rect.width() + 8, 180)  # room to type, over a neighbour or two at most
        height = max(rect.height(), round(size * 2))
        port = self.view.viewport().width()
        x = max(0, min(rect.x() - 4, port - width))  # inside the map's window, not past its edge
        self.setGeometry(x, rect.y() - 2, width, height)

    def holding(self) -> bool:
        """A name typed on a card waits in the editor for Enter or Escape."""
        return self.typed and self.target is not None and self.isVisible()

    def leave(self) -> None:
        """A click elsewhere or the keyboard going elsewhere: a rename asked for is kept; one
        started by typing stays open with its text."""
        if not self.holding():
            self.commit()

    def _drop(self) -> None:
        self.target, self.typed = None, False
        self.hide()
        self.closed.emit()

    def commit(self) -> None:
        if self.target is None:
            return
        (kind, part_id), self.target = self.target, None
        fresh, self.run, self.fresh, self.typed = self.fresh, False, False, False
        text = one_line(self.text())
        self.hide()
        doc = self.view.document
        if not text and fresh:  # a new card left without a name is not kept
            doc.withdraw_touchpoint(part_id)
            self.view.setFocus()
            self.closed.emit()
            return
        try:
            exists = doc.part(kind, part_id) is not None
        except KeyError:
            exists = False
        if text and exists:
            try:
                doc.set_field(kind, part_id, FIELD[kind], text)
            except EditRefused as exc:
                self.problem.emit(f"The name was not changed: {exc}")
        self.view.setFocus()
        self.closed.emit()

    def cancel(self) -> None:
        """Escape: the name as it was; a card added for this edit (a capture run's next) goes."""
        target, self.target = self.target, None
        self.hide()
        if target is not None and self.fresh:
            self.view.document.withdraw_touchpoint(target[1])
        self.run = self.fresh = self.typed = False
        self.view.setFocus()
        self.closed.emit()

    def pending(self) -> tuple[str, str, str, str] | None:
        """The name being typed and not kept yet, as (kind, id, field, text); for autosave."""
        if self.target is None:
            return None
        kind, part_id = self.target
        text = one_line(self.text())
        try:
            current = getattr(self.view.document.part(kind, part_id), FIELD[kind])
        except KeyError:
            return None
        return (kind, part_id, FIELD[kind], text) if text and text != current else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.fresh and one_line(self.text()):
                self.commit()  # a capture run ends, and the name just typed is kept
            else:
                self.cancel()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            target, run = self.target, self.run and bool(one_line(self.text()))
            self.commit()
            if run and target is not None and self.view.document.has_touchpoint(target[1]):
                self.next_wanted.emit(target[1])  # at once: the next keys go to the next card
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.target is not None and self.isVisible():
            self.leave()
