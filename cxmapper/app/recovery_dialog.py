"""At start, after a crash: the maps that can be recovered, and Restore, Discard or Later."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.canvas.tooltips import plain
from cxmapper.model.recovery import Recoverable

RESTORE, DISCARD, LATER = "restore", "discard", "later"


def when(edited: datetime) -> str:
    """The last edit in local time: "today 14:32", or the date when not today."""
    local = edited.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return f"today {local:%H:%M:%S}"
    return f"{local:%Y-%m-%d %H:%M}"


class RecoveryDialog(QDialog):
    def __init__(
        self, maps: list[Recoverable], problems: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved maps")
        self.choice = LATER
        layout = QVBoxLayout(self)
        if maps:
            count = "a map" if len(maps) == 1 else f"{len(maps)} maps"
            intro = QLabel(
                f"cxmapper did not close properly last time. It kept {count} with unsaved "
                "changes. Restore opens each in its own window, unsaved, to save where it was."
            )
        else:
            intro = QLabel("cxmapper found recovery copies it could not read.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Map", "Last edited", "File"])
        self.list.setRootIsDecorated(False)
        for m in maps:
            item = QTreeWidgetItem([m.journey.title, when(m.edited), m.where()])
            item.setToolTip(0, plain(m.journey.title))
            item.setToolTip(2, plain(m.where()))
            self.list.addTopLevelItem(item)
        for column in range(2):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, min(self.list.columnWidth(column), 300))
        self.list.setVisible(bool(maps))
        layout.addWidget(self.list)
        if problems:
            note = QLabel("Set aside, could not be read:\n" + "\n".join(f"• {p}" for p in problems))
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)  # file names and what they held
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(note)
        buttons = QDialogButtonBox()
        if maps:
            self.restore_button = self._button(buttons, "&Restore", RESTORE, "accept")
            self._button(buttons, "&Discard", DISCARD, "destructive")
            self._button(buttons, "&Later", LATER, "reject")
            self.restore_button.setDefault(True)
            self.restore_button.setFocus()
        else:
            self._button(buttons, "OK", LATER, "accept").setDefault(True)
        layout.addWidget(buttons)
        self.resize(760, 260 if maps else 160)

    def _button(self, buttons: QDialogButtonBox, text: str, choice: str, role: str) -> QPushButton:
        roles = {
            "accept": QDialogButtonBox.ButtonRole.AcceptRole,
            "destructive": QDialogButtonBox.ButtonRole.DestructiveRole,
            "reject": QDialogButtonBox.ButtonRole.RejectRole,
        }
        button = buttons.addButton(text, roles[role])
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice == RESTORE else QDialog.DialogCode.Rejected)

    def reject(self) -> None:  # Escape or the window's close button: decide later
        self.choice = LATER
        super().reject()


def ask(maps: list[Recoverable], problems: list[str], parent: QWidget | None = None) -> str:
    """RESTORE, DISCARD or LATER (tests replace this function)."""
    dialog = RecoveryDialog(maps, problems, parent)
    dialog.exec()
    return dialog.choice
