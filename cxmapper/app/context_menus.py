"""Right-click menus on the map: a card, a stage header, a lane label, the empty canvas; each
offers what applies there, and every entry is an ordinary undoable edit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QMenu

from cxmapper.model.defaults import DEPARTMENT_COLOURS
from cxmapper.panels.removal import remove_with_question


def _short(name: str, most: int = 40) -> str:
    """A name in a menu: one line, not too long, its & shown (not a mnemonic)."""
    name = " ".join(name.split())
    name = name if len(name) <= most else name[: most - 1] + "…"
    return name.replace("&", "&&")


class ContextMenus:
    def __init__(self, window) -> None:
        self.window = window

    @property
    def document(self):
        return self.window.document

    def add_and_name(self, kind: str, index: int) -> None:
        """A new stage or department at `index`, its name editor open on the map."""
        new = self.window.try_edit(lambda: getattr(self.document, f"add_{kind}")(index=index))
        if new:
            self.window.view.title_editor.start_part(kind, new)

    def build(self, kind: str, part_id, scene_pos: QPointF) -> QMenu:
        menu = QMenu(self.window)
        getattr(self, f"_{kind}")(menu, part_id, scene_pos)
        return menu

    def show(self, kind: str, part_id, scene_pos: QPointF, global_pos: QPoint) -> None:
        menu = self.build(kind, part_id, scene_pos)
        menu.exec(global_pos)
        menu.deleteLater()

    def _touchpoint(self, menu: QMenu, part_id, _pos: QPointF) -> None:
        w, doc = self.window, self.document
        ids = w.selection.ids or [part_id]
        if len(ids) == 1:
            menu.addAction("Rename", lambda: w.view.edit_title(part_id))
        menu.addAction("Edit in Inspector", w.docks.focus_inspector)
        future = doc.journey.curves == "future"
        feeling = menu.addMenu("Future feeling" if future else "Feeling")
        w.feelings.for_menu(feeling, ids)  # with their keys: 5 .. 1, 0
        w.votes.for_menu(menu, ids)  # (while a vote runs: V, Shift+V)
        menu.addAction("Add touchpoint after", lambda: w.touchpoints.add_after_selection(""))
        # Its stage's and its lane's menus too: from the keyboard (Menu, Shift+F10 on a card)
        # every command of a stage or a lane is reached this way.
        tp = doc.touchpoint(part_id)
        menu.addSeparator()
        stage = doc.journey.stage(tp.stage_id)
        self._stage(menu.addMenu(f"Stage “{_short(stage.name)}”"), stage.id, _pos)
        lane = doc.journey.department(tp.department_id)
        lane_name = lane.name if lane else "Unassigned"
        self._department(menu.addMenu(f"Lane “{_short(lane_name)}”"), tp.department_id, _pos)
        menu.addSeparator()
        text = "Delete" if len(ids) == 1 else f"Delete {len(ids)} touchpoints"
        menu.addAction(text, lambda: doc.delete_touchpoints(ids))

    def _stage(self, menu: QMenu, stage_id, _pos) -> None:
        w, doc = self.window, self.document
        index = [s.id for s in doc.journey.stages].index(stage_id)
        menu.addAction("Rename stage", lambda: w.view.title_editor.start_part("stage", stage_id))
        menu.addAction("Edit stage…", lambda: w.docks.show_structure("stage", stage_id))
        menu.addSeparator()
        menu.addAction("Add stage before", lambda: self.add_and_name("stage", index))
        menu.addAction("Add stage after", lambda: self.add_and_name("stage", index + 1))
        left = menu.addAction(
            "Move left", lambda: w.try_edit(lambda: doc.move_stage(stage_id, index - 1))
        )
        left.setEnabled(index > 0)
        right = menu.addAction(
            "Move right", lambda: w.try_edit(lambda: doc.move_stage(stage_id, index + 1))
        )
        right.setEnabled(index + 1 < len(doc.journey.stages))
        menu.addSeparator()
        remove = menu.addAction(
            "Remove stage…", lambda: remove_with_question(w, doc, "stage", stage_id)
        )
        remove.setEnabled(len(doc.journey.stages) > 1)

    def _department(self, menu: QMenu, department_id, _pos) -> None:
        from cxmapper.panels.part_list import swatch  # (not before a menu needs it: start-up)

        w, doc = self.window, self.document
        ids = [d.id for d in doc.journey.departments]
        if department_id is None:  # the "Unassigned" lane
            menu.addAction("Add department", lambda: self.add_and_name("department", len(ids)))
            return
        index = ids.index(department_id)
        menu.addAction(
            "Rename department",
            lambda: w.view.title_editor.start_part("department", department_id),
        )
        colour = menu.addMenu("Colour")
        for value in DEPARTMENT_COLOURS:
            colour.addAction(
                swatch(value),
                value,
                lambda v=value: w.try_edit(
                    lambda: doc.set_field("department", department_id, "colour", v)
                ),
            )
        colour.addSeparator()
        colour.addAction("Custom colour…", lambda: w.structure_actions.custom_colour(department_id))
        menu.addSeparator()
        menu.addAction("Add department above", lambda: self.add_and_name("department", index))
        menu.addAction("Add department below", lambda: self.add_and_name("department", index + 1))
        up = menu.addAction(
            "Move up", lambda: w.try_edit(lambda: doc.move_department(department_id, index - 1))
        )
        up.setEnabled(index > 0)
        down = menu.addAction(
            "Move down", lambda: w.try_edit(lambda: doc.move_department(department_id, index + 1))
        )
        down.setEnabled(index + 1 < len(ids))
        menu.addSeparator()
        menu.addAction(
            "Remove department…",
            lambda: remove_with_question(w, doc, "department", department_id),
        )

    def _canvas(self, menu: QMenu, _part_id, pos: QPointF) -> None:
        w, doc = self.window, self.document
        target = w.view.place_at(pos)
        if target is not None:
            menu.addAction("Add touchpoint here", lambda: w.touchpoints.add_at(target))
        menu.addAction("Add stage", lambda: self.add_and_name("stage", len(doc.journey.stages)))
        menu.addAction(
            "Add department", lambda: self.add_and_name("department", len(doc.journey.departments))
        )
        menu.addSeparator()
        menu.addAction("Edit the map…", w.structure_actions.edit_map)
        menu.addAction("Select all", w.edit.select_all)
        menu.addAction("Fit to window", w.view.fit_to_window)
