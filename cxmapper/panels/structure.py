"""The Structure dock: the map's stages, departments (lanes) and channels as lists to add to,
rename (double-click or F2), reorder, recolour and remove; each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cxmapper.canvas.tooltips import plain
from cxmapper.model.defaults import DEPARTMENT_COLOURS
from cxmapper.model.fields import EditRefused, one_line
from cxmapper.model.journey import BLUEPRINT_LAYERS, CHANNEL_ICONS, LAYER_NAMES
from cxmapper.panels.fields import StillCombo, TextField
from cxmapper.panels.removal import remove_with_question

ID_ROLE = Qt.ItemDataRole.UserRole
NAMES = {"stage": "Stages", "department": "Departments", "channel": "Channels"}


def swatch(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class PartList(QWidget):
    """One kind of part as an editable list with its buttons."""

    def __init__(self, kind: str, structure: Structure) -> None:
        super().__init__()
        self.kind, self.structure = kind, structure
        self.list = QListWidget()
        self.list.setAccessibleName(NAMES[kind])
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(lambda _row: structure.current_changed(self))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        buttons, moves = QHBoxLayout(), QHBoxLayout()
        before, after = ("left", "right") if kind == "stage" else ("up", "down")
        self.add_button = self._button(buttons, "Add", self.add, f"Add a {kind} after this one")
        self._button(buttons, "Rename", self.rename, f"Rename the {kind} (F2)")
        self._button(buttons, "Remove", self.remove, f"Remove the {kind} (Delete)")
        self._button(moves, f"Move {before}", lambda: self.move(-1), f"Move the {kind} {before}")
        self._button(moves, f"Move {after}", lambda: self.move(1), f"Move the {kind} {after}")
        self.extra = QFormLayout()
        column = QVBoxLayout(self)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addLayout(moves)
        column.addWidget(self.problem)
        column.addLayout(self.extra)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove)

    def _button(self, row, text, slot, tip) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    @property
    def document(self):
        return self.structure.document

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def refill(self) -> None:
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for part in self.document.parts(self.kind):
            item = QListWidgetItem(part.name)
            item.setData(ID_ROLE, part.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if self.kind == "department":
                item.setIcon(swatch(part.colour))
            if self.kind == "stage" and part.description:
                item.setToolTip(plain(part.description))
            self.list.addItem(item)
            if part.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.structure.current_changed(self)

    def select(self, part_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == part_id:
                self.list.setCurrentRow(row)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _run(self, action):
        try:
            self.show_problem("")
            return action()
        except EditRefused as refused:
            self.show_problem(str(refused))
            return None

    def add(self) -> None:
        ids = [p.id for p in self.document.parts(self.kind)]
        current = self.current_id()
        index = ids.index(current) + 1 if current in ids else len(ids)
        if self.kind == "channel":
            new = self._run(lambda: self.document.add_channel(initiator=self.structure))
        else:
            adder = getattr(self.document, f"add_{self.kind}")
            new = self._run(lambda: adder(index=index, initiator=self.structure))
        if new:
            self.refill()
            self.select(new)
            self.rename()

    def rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        part_id = item.data(ID_ROLE)
        text = one_line(item.text())
        done = self._run(
            lambda: self.document.set_field(
                self.kind, part_id, "name", text, initiator=self.structure
            )
        )
        if done is None or not done:
            self.list.blockSignals(True)
            item.setText(self.document.part(self.kind, part_id).name)
            self.list.blockSignals(False)

    def move(self, step: int) -> None:
        part_id = self.current_id()
        if part_id is None:
            return
        ids = [p.id for p in self.document.parts(self.kind)]
        mover = getattr(self.document, f"move_{self.kind}")
        if self._run(lambda: mover(part_id, ids.index(part_id) + step)):
            self.select(part_id)

    def remove(self) -> None:
        part_id = self.current_id()
        if part_id is None:
            return
        if self.kind == "channel":
            self._run(lambda: self.document.remove_channel(part_id, initiator=self.structure))
        else:
            remove_with_question(self, self.document, self.kind, part_id)


class Structure(QTabWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document = None
        self.lists = {kind: PartList(kind, self) for kind in NAMES}
        for kind, part_list in self.lists.items():
            self.addTab(part_list, NAMES[kind])
        stages = self.lists["stage"]
        self.stage_goal = TextField("stage", "customer_goal", "Customer goal", 2)
        self.stage_description = TextField("stage", "description", "Description", 3)
        for field in (self.stage_goal, self.stage_description):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(field.editor)
            column.addWidget(field.error)
            stages.extra.addRow(f"{field.label}:", cell)
            field.edited.connect(lambda v, final, f=field: self._stage_text(f, v, final))
        self._typing_session = 0
        departments = self.lists["department"]
        self.colour_button = QPushButton("Colour")
        self.colour_button.setToolTip("Choose the lane's colour")
        self.colour_menu = QMenu(self.colour_button)
        for colour in DEPARTMENT_COLOURS:
            action = self.colour_menu.addAction(swatch(colour), colour)
            action.triggered.connect(lambda _=False, c=colour: self.recolour(c))
        self.colour_menu.addSeparator()
        self.colour_menu.addAction("Custom colour…", self.custom_colour)
        self.colour_button.setMenu(self.colour_menu)
        departments.extra.addRow("Lane colour:", self.colour_button)
        self.layer_choice = StillCombo()
        self.layer_choice.setToolTip(
            "Where the lane sits in a service blueprint: lanes are grouped by layer, and the "
            "lines of interaction, visibility and internal interaction drawn between them"
        )
        self.layer_choice.addItem("No layer (a plain journey map)", None)
        for layer in BLUEPRINT_LAYERS:
            self.layer_choice.addItem(LAYER_NAMES[layer], layer)
        self.layer_choice.activated.connect(self._layer_chosen)
        departments.extra.addRow("Blueprint layer:", self.layer_choice)
        channels = self.lists["channel"]
        self.icon_choice = StillCombo()
        for icon in CHANNEL_ICONS:
            self.icon_choice.addItem(icon.capitalize(), icon)
        self.icon_choice.activated.connect(self._icon_chosen)
        channels.extra.addRow("Icon:", self.icon_choice)

    def set_document(self, document) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        document.changed.connect(self._on_changed)
        for part_list in self.lists.values():
            part_list.refill()

    def _on_changed(self, changes) -> None:
        for kind, part_list in self.lists.items():
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
