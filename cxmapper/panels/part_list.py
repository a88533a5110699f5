"""One kind of the map's parts (stages, departments or channels) as an editable list with its
buttons, for the Structure dock: add, rename (double-click or F2), reorder, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxmapper.canvas.tooltips import plain
from cxmapper.model.fields import EditRefused, one_line
from cxmapper.panels.removal import remove_with_question

if TYPE_CHECKING:
    from cxmapper.panels.structure import Structure

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
