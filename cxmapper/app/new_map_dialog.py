"""File > New: a blank map, or one of the templates (with their titles and a line on each)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from cxmapper.canvas.tooltips import plain
from cxmapper.model.journey import JourneyMap
from cxmapper.model.templates import blank_map, describe_templates, new_map

BLANK = ""
NAME_ROLE = Qt.ItemDataRole.UserRole


def first_sentence(text: str, limit: int = 140) -> str:
    line = " ".join(text.split())
    end = line.find(". ")
    line = line[: end + 1] if 0 < end < limit else line
    return line if len(line) <= limit else line[: limit - 1] + "…"


class NewMapDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New journey map")
        self.choices = QListWidget()
        self.choices.setAccessibleName("Start from")
        self.choices.setWordWrap(True)
        self.choices.setSpacing(3)
        blank = QListWidgetItem("Blank map\nOne stage and one department, ready to type into.")
        blank.setData(NAME_ROLE, BLANK)
        self.choices.addItem(blank)
        for template in describe_templates():
            text = f"{template.title}\n{first_sentence(template.description)}"
            text += f" ({template.touchpoints} touchpoints)"
            item = QListWidgetItem(text)
            item.setData(NAME_ROLE, template.name)
            item.setToolTip(plain(template.description))
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel("Start from:"))
        column.addWidget(self.choices)
        column.addWidget(buttons)
        self.resize(560, 420)

    def chosen(self) -> str:
        item = self.choices.currentItem()
        return item.data(NAME_ROLE) if item else BLANK

    def journey(self) -> JourneyMap:
        name = self.chosen()
        return blank_map() if name == BLANK else new_map(name)
