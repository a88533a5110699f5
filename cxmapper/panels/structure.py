"""The Structure dock: the map's stages, departments (lanes) and channels as lists to add to,
rename (double-click or F2), reorder, recolour and remove; each change one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget

from cxmapper.model.defaults import DEPARTMENT_COLOURS
from cxmapper.model.fields import EditRefused
from cxmapper.model.journey import BLUEPRINT_LAYERS, CHANNEL_ICONS, LAYER_NAMES

if TYPE_CHECKING:
    from cxmapper.panels.choice_fields import StillCombo
    from cxmapper.panels.fields import TextField
    from cxmapper.panels.part_list import PartList


class Structure(QTabWidget):
    """Its tabs are built when its dock first comes into view (`build`) or when they are asked
    for: start-up does not wait for a dock that opens behind the Inspector."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document = None
        self._lists: dict[str, PartList] | None = None
        self._typing_session = 0

    @property
    def lists(self) -> dict[str, PartList]:
        self.build()
        return self._lists

    @property
    def stage_goal(self) -> TextField:
        self.build()
        return self._stage_goal

    @property
    def stage_description(self) -> TextField:
        self.build()
        return self._stage_description

    @property
    def layer_choice(self) -> StillCombo:
        self.build()
        return self._layer_choice

    @property
    def icon_choice(self) -> StillCombo:
        self.build()
        return self._icon_choice

    def build(self) -> None:
        """The three lists and their fields (once)."""
        if self._lists is not None:
            return
        # (not at start-up, which shows no list)
        from PySide6.QtWidgets import QMenu, QPushButton, QVBoxLayout, QWidget

        from cxmapper.panels.choice_fields import StillCombo
        from cxmapper.panels.fields import TextField
        from cxmapper.panels.part_list import NAMES, PartList, swatch

        lists = {kind: PartList(kind, self) for kind in NAMES}
        stages = lists["stage"]
        self._stage_goal = TextField("stage", "customer_goal", "Customer goal", 2)
        self._stage_description = TextField("stage", "description", "Description", 3)
        for field in (self._stage_goal, self._stage_description):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(field.editor)
            column.addWidget(field.error)
            stages.extra.addRow(f"{field.label}:", cell)
            field.edited.connect(lambda v, final, f=field: self._stage_text(f, v, final))
        departments = lists["department"]
        self._colour_button = QPushButton("Colour")
        self._colour_button.setToolTip("Choose the lane's colour")
        self._colour_menu = QMenu(self._colour_button)
        for colour in DEPARTMENT_COLOURS:
            action = self._colour_menu.addAction(swatch(colour), colour)
            action.triggered.connect(lambda _=False, c=colour: self.recolour(c))
        self._colour_menu.addSeparator()
        self._colour_menu.addAction("Custom colour…", self.custom_colour)
        self._colour_button.setMenu(self._colour_menu)
        departments.extra.addRow("Lane colour:", self._colour_button)
        self._layer_choice = StillCombo()
        self._layer_choice.setToolTip(
            "Where the lane sits in a service blueprint: lanes are grouped by layer, and the "
            "lines of interaction, visibility and internal interaction drawn between them"
        )
        self._layer_choice.addItem("No layer (a plain journey map)", None)
        for layer in BLUEPRINT_LAYERS:
            self._layer_choice.addItem(LAYER_NAMES[layer], layer)
        self._layer_choice.activated.connect(self._layer_chosen)
        departments.extra.addRow("Blueprint layer:", self._layer_choice)
        channels = lists["channel"]
        self._icon_choice = StillCombo()
        for icon in CHANNEL_ICONS:
            self._icon_choice.addItem(icon.capitalize(), icon)
        self._icon_choice.activated.connect(self._icon_chosen)
        channels.extra.addRow("Icon:", self._icon_choice)
        self._lists = lists
        for kind, part_list in lists.items():
            self.addTab(part_list, NAMES[kind])
        if self.document is not None:
            for part_list in lists.values():
                part_list.refill()

    def set_document(self, document) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        document.changed.connect(self._on_changed)
        for part_list in (self._lists or {}).values():
            part_list.refill()

    def _on_changed(self, changes) -> None:
        for kind, part_list in (self._lists or {}).items():
            change = changes.of(kind)
            if change is None:
                continue
            if changes.initiator is self and change.fields <= {"description", "customer_goal"}:
                continue
            part_list.refill()

    def current_changed(self, part_list: PartList) -> None:
        if self.document is None:
            return
        part_id = part_list.current_id()
        if part_list.kind == "stage":
            self._typing_session += 1
            for field in (self.stage_goal, self.stage_description):
                field.editor.setEnabled(part_id is not None)
                if part_id is not None:
                    field.load([getattr(self.document.part("stage", part_id), field.name)])
        elif part_list.kind == "department":
            self.layer_choice.setEnabled(part_id is not None)
            if part_id is not None:
                layer = self.document.part("department", part_id).blueprint_layer
                self.layer_choice.setCurrentIndex(self.layer_choice.findData(layer))
        elif part_list.kind == "channel" and part_id is not None:
            icon = self.document.part("channel", part_id).icon
            self.icon_choice.setCurrentIndex(self.icon_choice.findData(icon))

    def _stage_text(self, field: TextField, value: str, final: bool) -> None:
        stage_id = self.lists["stage"].current_id()
        if stage_id is None:
            return
        key = ("structure", field.name, stage_id, self._typing_session)
        try:
            self.document.set_field(
                "stage", stage_id, field.name, value, initiator=self, merge_key=key
            )
            field.show_problem("")
        except EditRefused as refused:
            field.show_problem(refused.beside_field())
        if final:
            self._typing_session += 1

    def recolour(self, colour: str) -> None:
        dep = self.lists["department"].current_id()
        if dep is not None:
            self.lists["department"]._run(
                lambda: self.document.set_field("department", dep, "colour", colour)
            )

    def custom_colour(self) -> None:
        dep = self.lists["department"].current_id()
        if dep is None:
            return
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        start = QColor(self.document.part("department", dep).colour)
        colour = QColorDialog.getColor(start, self, "Lane colour")
        if colour.isValid():
            self.recolour(colour.name())

    def _layer_chosen(self, index: int) -> None:
        department = self.lists["department"].current_id()
        if department is not None:
            layer = self.layer_choice.itemData(index)
            self.lists["department"]._run(
                lambda: self.document.set_field("department", department, "blueprint_layer", layer)
            )

    def _icon_chosen(self, index: int) -> None:
        channel = self.lists["channel"].current_id()
        if channel is not None:
            self.lists["channel"]._run(
                lambda: self.document.set_field(
                    "channel", channel, "icon", self.icon_choice.itemData(index)
                )
            )

    def show_kind(self, kind: str, part_id: str | None = None) -> None:
        self.setCurrentWidget(self.lists[kind])
        if part_id:
            self.lists[kind].select(part_id)
