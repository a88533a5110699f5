"""The map a window shows: its document, scene, view and selection, its autosave, and all that
follows it (the panels, the menus' ticks, Undo's text, the title, the status bar). Another map
takes its place whole: the old view, history and autosave go with the old map."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.app.recovery import Autosave
from cxmapper.canvas.scene import JourneyScene
from cxmapper.canvas.view import JourneyView
from cxmapper.document.document import JourneyDocument
from cxmapper.model.bulk import keep_long_lived
from cxmapper.model.fields import part_of
from cxmapper.model.selection import Selection


class OpenMap:
    def __init__(self, window) -> None:
        self.window = window
        self.document: JourneyDocument | None = None
        self.scene: JourneyScene | None = None
        self.view: JourneyView | None = None
        self.selection: Selection | None = None  # the open map's selected touchpoints
        self.autosave: Autosave | None = None

    def show(self, document: JourneyDocument) -> None:
        w = self.window
        old_view, old_document = self.view, self.document
        self.document = document
        document.setParent(w)
        self.selection = document.selection  # (one selection a map, the map's own)
        self.scene = JourneyScene(document, document)
        self.view = view = JourneyView(self.scene, w)
        w.setCentralWidget(view)
        view.show()  # now, so that it can take the keyboard at once
        # The actions whose keys belong to the map (not to a panel with the keyboard)
        view.addAction(w.edit.delete_action)
        for actions in (w.clipboard, w.touchpoints, w.handoffs, w.feelings, w.votes):
            actions.attach(view)
        view.escaped.connect(lambda: w.workshop.set_on(False))
        view.stage_shown.connect(w.status.say_stage)
        view.horizontalScrollBar().valueChanged.connect(w.status.follow_stage)
        self.autosave = Autosave(
            document, editor().recovery, settings.autosave_delay_ms(), self.journey_as_typed
        )
        self.autosave.failed.connect(w.status.autosave_failed)
        self.autosave.working.connect(w.status.autosave_label.hide)
        view.title_editor.textEdited.connect(self.autosave.edited)
        view.title_editor.closed.connect(self.autosave.edited)
        if old_view is not None:
            old_view.deleteLater()
        if old_document is not None:
            for child in old_document.findChildren(Autosave):
                child.discard()  # replaced by a map that needed no window of its own
            old_document.deleteLater()  # with its scene and undo history
        w.palette.set_channels(document.journey.channels)
        for menu in (w.rows_menu, w.curves_menu, w.votes_menu):
            menu.follow()
        w.votes.document_replaced()
        document.file_changed.connect(self.update_title)
        document.changed.connect(w.status.update)
        document.changed.connect(self.follow_channels)
        document.changed.connect(w.edit.refresh_found)
        view.context_menu_requested.connect(w.context_menus.show)
        w.inspector.set_document(document, self.selection)
        w.structure.set_document(document)
        view.zoom_changed.connect(w.status.show_zoom)
        view.title_editor.problem.connect(w.status.show_problem)
        view.title_editor.next_wanted.connect(w.touchpoints.capture_next)
        view.title_editor.closed.connect(w.touchpoints.capture_closed)
        w.touchpoints.document_replaced()
        w.edit.follow(document.undo_stack, old_document.undo_stack if old_document else None)
        self.update_title()
        w.status.update()
        self.give_map_the_keyboard()
        if w.isVisible():  # a new central widget can leave the docks with all the room
            QTimer.singleShot(0, w, w.docks.size)
        keep_long_lived()  # the map, its layout and items: not scanned by every later collection

    def journey_as_typed(self):
        """The map with the name being typed in place, for autosave; None when none is."""
        typed = self.view.title_editor.pending() if self.view is not None else None
        if typed is None:
            return None
        kind, part_id, field, text = typed
        journey = self.document.journey.model_copy(deep=True)
        part = part_of(journey, kind, part_id)
        if part is None:
            return None
        try:
            setattr(part, field, text)
        except ValueError:  # not a name the map could hold (yet): keep what is kept
            return None
        return journey

    def give_map_the_keyboard(self) -> None:
        """The map has the keyboard when a map opens (also once the window shows)."""
        view = self.view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, view, lambda: view is self.view and view.setFocus())

    def follow_channels(self, changes) -> None:
        """The palette offers the map's channels; the View menu ticks what the map shows."""
        w = self.window
        if changes.of("channel"):
            w.palette.set_channels(self.document.journey.channels)
        for menu in (w.rows_menu, w.curves_menu, w.votes_menu):
            menu.follow()

    def update_title(self) -> None:
        """The window's title names the map, with a mark while it has unsaved changes."""
        w = self.window
        if self.document:
            w.setWindowTitle(f"{self.document.display_name()}[*] — cxmapper")
            w.setWindowModified(self.document.modified)
