"""Map > Edit the Map… (its title, description, scenario and persona in the Inspector), Add
Stage, Add Department, Add Channel, and Stages, Departments and Channels… (the Structure dock);
a lane's custom colour. A stage or department added is named in place on the map; a channel in
Structure's list."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog

from cxmapper.app.menus import action


class StructureActions:
    def __init__(self, window) -> None:
        self.window = window
        self.edit_map_action = action(
            window,
            "Edit the &Map…",
            self.edit_map,
            ["Ctrl+I"],
            "The map's title, description, scenario and persona, in the Inspector",
        )
        self.add_actions = [
            action(window, "Add &Stage", self.add_stage, ["Ctrl+Shift+T"]),
            action(window, "Add &Department", self.add_department, ["Ctrl+Shift+L"]),
            action(window, "Add &Channel", self.add_channel),
        ]
        self.parts_action = action(
            window,
            "Stages, Departments and Channels…",
            lambda: window.docks.show_structure("stage"),
        )

    def edit_map(self) -> None:
        """Nothing selected: the Inspector shows the map; its title field gets the keyboard."""
        w = self.window
        if w.selection is not None:
            w.selection.clear()
        w.docks.show_inspector()
        field = w.inspector.map_form.field("map", "title")
        field.editor.setFocus()
        field.editor.selectAll()

    def add_stage(self) -> None:
        """After the stage of the last selected card, else at the end."""
        w = self.window
        ids = w.selection.ids if w.selection is not None else []
        journey = w.document.journey
        index = len(journey.stages)
        if ids:
            stage = w.document.touchpoint(ids[-1]).stage_id
            index = [s.id for s in journey.stages].index(stage) + 1
        w.context_menus.add_and_name("stage", index)

    def add_department(self) -> None:
        w = self.window
        w.context_menus.add_and_name("department", len(w.document.journey.departments))

    def add_channel(self) -> None:
        w = self.window
        new = w.try_edit(lambda: w.document.add_channel())
        if new:
            w.docks.show_structure("channel", new)
            w.structure.lists["channel"].rename()

    def custom_colour(self, department_id: str) -> None:
        w = self.window
        start = QColor(w.document.part("department", department_id).colour)
        colour = QColorDialog.getColor(start, w, "Lane colour")
        if colour.isValid():
            w.try_edit(
                lambda: w.document.set_field("department", department_id, "colour", colour.name())
            )
