"""The Inspector: every field of the selected touchpoints, or of the map when none is selected.

Edits apply as the user types: each field's typing is one undo step until a pause or until the
user leaves the field. Several selected touchpoints are edited together in one step; fields
where they differ show as mixed. The inspector follows the map's selection (the selection
model, never the canvas's cards) and the document's changes (a canvas edit, an undo), and skips
the echo of its own edits in the field being typed in.
"""

from __future__ import annotations

import weakref
from operator import attrgetter

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from cxmapper.model.fields import EditRefused
from cxmapper.model.selection import Selection
from cxmapper.panels.fields import Field
from cxmapper.panels.forms import (
    EVIDENCE_CHOICES,
    EXPECTATION_CHOICES,
    FUTURE_STATE_CHOICES,
    Form,
    PageStack,
    map_fields,
    touchpoint_fields,
)

PAUSE_MS = 1200  # typing after a pause this long is a new undo step
HANDOFF_STAGES = 3  # a card hands off to cards of its own stage and the next two: the list's


def _show(alive: weakref.ref, ids: list[str]) -> None:
    """The selection changed: an Inspector still there shows it (a window's last selection
    may be announced as the window goes)."""
    inspector = alive()
    if inspector is not None and shiboken6.isValid(inspector):
        inspector.show_ids(ids)


class Inspector(QScrollArea):
    tell = Signal(str)  # a value not kept, for the status bar too

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A click on the form's background or on a feeling's face leaves the keyboard where it
        # was (on the map, its arrows walk the map); the fields take it themselves.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.document = None
        self.selection = None
        self._stop_following = None
        self.ids: list[str] = []
        self.map_form = Form(map_fields())
        self.map_form.heading.setText("The map")
        self.map_form.hint.setText("Select a touchpoint on the map to edit it here.")
        self._touchpoint_form: Form | None = None  # built when a touchpoint is first shown
        self.pages = PageStack()
        self.pages.addWidget(self.map_form)
        self.setWidget(self.pages)
        self._session = 0
        self._typing: Field | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._next_step)
        self._follow_edits(self.map_form)

    @property
    def touchpoint_form(self) -> Form:
        """The touchpoint's fields: built when first needed (start-up shows the map's)."""
        if self._touchpoint_form is None:
            form = self._touchpoint_form = Form(touchpoint_fields())
            self.pages.addWidget(form)
            self.choice("expectation").set_choices(EXPECTATION_CHOICES)
            self.choice("evidence").set_choices(EVIDENCE_CHOICES)
            self.choice("future_state").set_choices(FUTURE_STATE_CHOICES)
            self._follow_edits(form)
            for name in ("contributing_department_ids", "leads_to"):
                self.choice(name).toggled.connect(lambda i, on, n=name: self._toggle_item(n, i, on))
            if self.document is not None:
                self._fill_choices()
                self._follow_count()
        return self._touchpoint_form

    def _follow_edits(self, form: Form) -> None:
        for field in form.fields:
            field.edited.connect(lambda value, final, f=field: self._edited(f, value, final))

    def choice(self, name: str):
        return self.touchpoint_form.field("touchpoint", name)

    @property
    def form(self) -> Form:
        return self.touchpoint_form if self.ids else self.map_form

    # --- following the document and the selection --------------------------------------------
    def set_document(self, document, selection: Selection) -> None:
        """Show and edit this map's parts: the touchpoints `selection` holds, or the map."""
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        if self._stop_following is not None:
            self._stop_following()
        self.document, self.selection = document, selection
        document.changed.connect(self._on_changed)
        alive = weakref.ref(self)
        self._stop_following = selection.subscribe(lambda ids: _show(alive, ids))
        if self._touchpoint_form is not None:
            self._fill_choices()
        self.show_ids(selection.ids)

    def show_ids(self, ids: list[str]) -> None:
        self._next_step()
        self.ids = [i for i in ids if self.document.has_touchpoint(i)]
        self._show_page(self.form)
        n = len(self.ids)
        if n == 1:
            self.touchpoint_form.heading.setText("Touchpoint")
            self.touchpoint_form.hint.setText("")
        elif n:
            self.touchpoint_form.heading.setText(f"{n} touchpoints selected")
            self.touchpoint_form.hint.setText(
                "Changes apply to all of them; fields where they differ show as mixed."
            )
        if self._touchpoint_form is not None:
            self._follow_count()
        doc = self.document
        shown = [doc.touchpoint(i) for i in self.ids]  # (once for every field: a Select All)
        for field in self.form.fields:
            field.show_problem("")
            self._load(field, shown)

    def _follow_count(self) -> None:
        """What one touchpoint has that several do not: a title to type, handoffs to tick."""
        self._fill_handoffs()
        self.choice("title").editor.setEnabled(len(self.ids) <= 1)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self.pages.updateGeometry()
        QApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))  # the scroll range

    def _fill_handoffs(self) -> None:
        """The touchpoints one selected touchpoint may hand off to: those of its stage and the
        next ones (a long map's list stays short), in time order, not itself. With several
        selected, none: Map > Hand Off in Order links them (and the list would be long)."""
        field = self.choice("leads_to")
        field.editor.setEnabled(len(self.ids) == 1)
        if len(self.ids) != 1:
            if field.editor.count():
                field.set_items([])
            return
        journey = self.document.journey
        rank = {s.id: i for i, s in enumerate(journey.stages)}
        first = rank[self.document.touchpoint(self.ids[0]).stage_id]
        last = first + HANDOFF_STAGES - 1
        names = {s.id: s.name for s in journey.stages}
        lanes = {d.id: d.name for d in journey.departments}
        shown = [
            t
            for t in journey.touchpoints_in_time_order()
            if first <= rank[t.stage_id] <= last and t.id not in self.ids
        ]
        self.choice("leads_to").set_items(
            [(t.id, f"{t.title} ({lanes.get(t.department_id, 'Unassigned')})") for t in shown],
            [f"{names[t.stage_id]}: {t.title}" for t in shown],
        )

    def _values(self, field: Field, shown: list | None = None) -> list:
        doc = self.document
        if field.kind == "touchpoint":
            if shown is None:
                shown = [doc.touchpoint(i) for i in self.ids]
            return list(map(attrgetter(field.name), shown))
        return [getattr(doc.part(field.kind, field.kind), field.name)]

    def _load(self, field: Field, shown: list | None = None) -> None:
        """The field shows the selected touchpoints' values (`shown`: them, when known)."""
        if field.kind == "touchpoint" and not self.ids:
            return
        field.load(self._values(field, shown))

    def _fill_choices(self) -> None:
        journey = self.document.journey
        self.choice("stage_id").set_choices([(s.name, s.id) for s in journey.stages])
        self.choice("channel_id").set_choices(
            [("No channel", None), *((c.name, c.id) for c in journey.channels)]
        )
        self.choice("department_id").set_choices(
            [("Unassigned", None), *((d.name, d.id) for d in journey.departments)]
        )
        self.choice("contributing_department_ids").set_items(
            [(d.id, d.name) for d in journey.departments]
        )

    def _on_changed(self, changes) -> None:
        structure = any(changes.of(k) for k in ("stage", "department", "channel"))
        if structure and self._touchpoint_form is not None:
            self._fill_choices()
            for field in self._touchpoint_form.fields:
                self._load(field)
        if self.ids:
            change = changes.of("touchpoint")
            if change and change.removed & set(self.ids):
                return  # the selection changes next, and with it this form
            handoffs_moved = change and (
                change.added or change.removed or {"title", "stage_id"} & change.fields
            )
            if handoffs_moved and len(self.ids) == 1:
                self._fill_handoffs()
                self._load(self.choice("leads_to"))
            if change is None or not (change.ids & set(self.ids)):
                return
            fields, form = change.fields, self.touchpoint_form
        else:
            fields = set()
            for kind in ("map", "persona"):
                c = changes.of(kind)
                fields |= {(kind, f) for f in c.fields} if c else set()
            form = self.map_form
        for field in form.fields:
            key = field.name if self.ids else (field.kind, field.name)
            if key not in fields:
                continue
            if changes.initiator is self and field is self._typing:
                continue  # the echo of what is being typed
            self._load(field)

    # --- edits --------------------------------------------------------------------------------
    def _next_step(self) -> None:
        self._session += 1

    def _target(self, field: Field) -> list[str]:
        return list(self.ids) if field.kind == "touchpoint" else [field.kind]

    def _edited(self, field: Field, value, final: bool) -> None:
        doc = self.document
        if doc is None or (field.kind == "touchpoint" and not self.ids):
            return
        ids = self._target(field)
        self._typing = field
        try:
            if field.kind == "touchpoint" and field.name == "stage_id":
                doc.move_to_stage(ids, value, initiator=self)
            else:
                key = ("inspector", field.kind, field.name, tuple(ids), self._session)
                doc.set_fields(field.kind, ids, {field.name: value}, initiator=self, merge_key=key)
            field.show_problem("")
        except EditRefused as refused:
            shown = refused.beside_field()
            field.show_problem(f"Not changed: {shown}" if final else shown)
            if final:  # and where the eye goes after Enter, should the field be scrolled away
                self.tell.emit(f"{field.label} not changed: {shown}")
        finally:
            self._typing = None
        if final:
            self._next_step()
            self._load(field)  # the value as the map keeps it (trimmed), or back if refused
        else:
            self._pause.start()

    def _toggle_item(self, name: str, part_id: str, on: bool) -> None:
        """A check of a list field (a contributing department, a handoff) for every selected
        touchpoint, in one undo step."""
        doc = self.document
        values = {}
        for tid in self.ids:
            current = getattr(doc.touchpoint(tid), name)
            new = [d for d in current if d != part_id] + ([part_id] if on else [])
            values[tid] = {name: new}
        try:
            doc.set_values("touchpoint", values, initiator=self)
        except EditRefused as refused:
            self.choice(name).show_problem(refused.beside_field())
        self._load(self.choice(name))
