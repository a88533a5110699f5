"""Map > Add Touchpoint (a capture run: type a name, Enter for the next) and Move to the Next or
Previous Stage, the Lane Above or Below; the palette's kinds added after the selected card; a
touchpoint added where the canvas' menu was opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from cxmapper.app.menus import action
from cxmapper.layout.journey_layout import lanes_of
from cxmapper.model.edits import place_after

# Ctrl with the keypad's Enter (the main Return key is "Ctrl+Return")
ENTER_ON_KEYPAD = QKeySequence(
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier | Qt.Key.Key_Enter
)
MOVES = (
    ("Move to &Next Stage", (1, 0), "Alt+Right"),
    ("Move to &Previous Stage", (-1, 0), "Alt+Left"),
    ("Move to the Lane &Above", (0, -1), "Alt+Up"),
    ("Move to the Lane &Below", (0, 1), "Alt+Down"),
)


class TouchpointActions:
    def __init__(self, window) -> None:
        self.window = window
        self.capture_action = action(
            window,
            "Add &Touchpoint",
            self.capture,
            ["Ctrl+Return", "Ctrl+Enter", ENTER_ON_KEYPAD, "Ctrl+T"],
            "A touchpoint after the selected one (or in the stage on screen): type its name, "
            "Enter for the next",
        )
        self.move_actions = []
        for text, by, keys in MOVES:
            move = action(window, text, lambda _c=False, b=by: self.move_selection(*b), [keys])
            move.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.move_actions.append(move)
        self._run_previous: str | None = None  # the card named last in a capture run

    def attach(self, view) -> None:
        """The moves' keys work while the map has the keyboard."""
        for move in self.move_actions:
            view.addAction(move)

    def document_replaced(self) -> None:
        self._run_previous = None

    # --- adding -------------------------------------------------------------------------------
    def capture(self) -> None:
        """Ctrl+Enter: a capture run. A new touchpoint after the selected one (or, with nothing
        selected, at the end of the stage on screen) with its name editor open; Enter keeps the
        name and opens the next one after it, Escape ends the run and a card left without a name
        is not kept."""
        self.add_after_selection("", run=True)

    def add_after_selection(self, kind: str, run: bool = False) -> None:
        """Palette Enter/double-click, Ctrl+Enter: a touchpoint just after the selected one (same
        lane); with nothing selected, in the stage on screen (place_on_screen)."""
        w = self.window
        if w.document is None:
            return
        if not w.document.journey.stages:
            w.status.show_problem("This map has no stages yet: a touchpoint needs a stage.")
            return
        ids = w.selection.ids
        place = place_after(w.document.journey, ids[-1]) if ids else self.place_on_screen()
        self._add(place, kind, run)

    def place_on_screen(self):
        """Where the room is looking: the stage on screen (the one Page Down / Page Up walked
        to, else the leftmost in view), the first lane, after the stage's last card."""
        journey = self.window.document.journey
        stage_index = min(self.window.view.current_stage(), len(journey.stages) - 1)
        stage_id = journey.stages[stage_index].id
        lane = next(iter(lanes_of(journey)), None)
        if lane is None and journey.departments:
            lane = journey.departments[0].id
        last = max((t.position for t in journey.touchpoints if t.stage_id == stage_id), default=-1)
        return (stage_id, float(last) + 1.0, lane)

    def add_at(self, target) -> None:
        """A touchpoint where the canvas' menu was opened (a drop target)."""
        self._add((target.stage_id, target.position, target.department_id), "")

    def capture_next(self, touchpoint_id: str) -> None:
        place = place_after(self.window.document.journey, touchpoint_id)
        self._add(place, "", run=True)
        self._run_previous = touchpoint_id

    def capture_closed(self) -> None:
        """A run ended on an empty new card: the last one named is selected again, so
        Alt+Right or Ctrl+Enter go on from it."""
        w = self.window
        previous, self._run_previous = self._run_previous, None
        if previous and w.document.has_touchpoint(previous) and w.selection.is_empty():
            w.view.select_and_show(previous)

    def _add(self, place, kind: str, run: bool = False) -> None:
        w = self.window
        channel = w.document.journey.channel(kind) if kind else None
        title = f"{channel.name} touchpoint" if channel else "New touchpoint"
        new_id = w.try_edit(
            lambda: w.document.add_touchpoint(place, title, channel.id if channel else None)
        )
        if new_id is None:
            return
        w.view.select_and_show(new_id)
        w.view.edit_title(new_id, run=run, fresh=run)

    # --- moving -------------------------------------------------------------------------------
    def move_selection(self, stages: int, lanes: int) -> None:
        """Alt+arrows: the selected cards to the next or previous stage (at its end, in their
        lanes and order), or to the lane above or below, one undo step; they stay selected."""
        w = self.window
        ids = w.selection.ids if w.selection is not None else []
        if not ids:
            return
        doc = w.document
        journey = doc.journey
        if stages:  # each card one stage on from its own
            order = [s.id for s in journey.stages]
            groups: dict[str, list[str]] = {}
            for tid in ids:
                k = order.index(doc.touchpoint(tid).stage_id) + stages
                if 0 <= k < len(order):
                    groups.setdefault(order[k], []).append(tid)
            if groups:
                n = len(ids)
                text = "Move " + ("a touchpoint" if n == 1 else f"{n} touchpoints") + " a stage"

                def move() -> None:
                    with doc.macro(text):
                        for stage_id, moving in groups.items():
                            doc.move_to_stage(moving, stage_id)

                w.try_edit(move)
        else:
            # among the departments as the lanes show them (grouped by layer in a blueprint);
            # an unassigned card moves up into the last
            departments = [d for d in lanes_of(journey) if d is not None]
            moves = {}
            for tid in ids:
                stage, position, lane = doc.place_of(tid)
                k = (departments.index(lane) if lane in departments else len(departments)) + lanes
                if 0 <= k < len(departments):
                    moves[tid] = (stage, position, departments[k])
            if moves:
                w.try_edit(lambda: doc.move_touchpoints(moves))
        w.selection.select(ids)
        w.view.show_touchpoint(ids[0])
