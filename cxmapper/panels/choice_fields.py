"""The Inspector's fields chosen from rather than typed in: a drop-down, a check, a check per
part of a list, a feeling's faces, a card's dots by topic (see fields.py for what a field is).
Only a touchpoint has them: they are built with its form, when a touchpoint is first shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QToolButton,
    QWidget,
)

from cxmapper.canvas.tooltips import plain
from cxmapper.drawing import glyphs
from cxmapper.model.journey import FEELING_WORDS, MAX_VOTES, VOTE_TOPIC_NAMES, VOTE_TOPICS
from cxmapper.panels.fields import MIXED, Field
from cxmapper.panels.palette import glyph_icon


class StillCombo(QComboBox):
    """A drop-down that the mouse wheel does not turn unless it has the keyboard: scrolling
    the Inspector past it scrolls the Inspector, and never changes a touchpoint."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the scroll area


class ChoiceField(Field):
    """One of a list of choices (stage, channel, owner, expectation)."""

    def __init__(self, kind, name, label) -> None:
        editor = StillCombo()
        editor.setPlaceholderText(MIXED)
        super().__init__(kind, name, label, editor)
        editor.activated.connect(lambda k: self._emit(editor.itemData(k), True))

    def set_choices(self, choices: list[tuple[str, Any]]) -> None:
        self._loading = True
        try:
            current = self.editor.currentData()
            self.editor.clear()
            for text, value in choices:
                self.editor.addItem(text, value)
            k = self.editor.findData(current)
            self.editor.setCurrentIndex(k)
        finally:
            self._loading = False

    def set_value(self, value) -> None:
        k = next((i for i in range(self.editor.count()) if self.editor.itemData(i) == value), -1)
        self.editor.setCurrentIndex(k)

    def set_mixed(self, values) -> None:
        self.editor.setCurrentIndex(-1)


class CheckField(Field):
    def __init__(self, kind, name, label, text: str) -> None:
        editor = QCheckBox(text)
        super().__init__(kind, name, label, editor)
        editor.clicked.connect(self._clicked)

    def _clicked(self, checked: bool) -> None:
        self.editor.setTristate(False)
        self._emit(bool(checked), True)

    def set_value(self, value) -> None:
        self.editor.setTristate(False)
        self.editor.setChecked(bool(value))

    def set_mixed(self, values) -> None:
        self.editor.setTristate(True)
        self.editor.setCheckState(Qt.CheckState.PartiallyChecked)


FEELING_CHOICES = [(None, "Not rated"), *((f, FEELING_WORDS[f]) for f in range(-2, 3))]


class FaceButton(QToolButton):
    """One face of the feeling row. A click does not take the keyboard (the map keeps it, so its
    arrows walk the map again), and arrow keys only move between the faces: a feeling is chosen
    by a click, or Space on a face reached with Tab, never changed silently by an arrow."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
        }.get(event.key())
        if step is None:
            super().keyPressEvent(event)
            return
        faces = self.group().buttons() if self.group() else [self]
        k = faces.index(self) + step
        if 0 <= k < len(faces):
            faces[k].setFocus(Qt.FocusReason.TabFocusReason)
        event.accept()


class FeelingField(Field):
    """Five faces and "not rated"; none pressed when the selected touchpoints differ."""

    def __init__(self, kind, name, label, unset: str = "Not rated", unset_mark: str = "?") -> None:
        editor = QWidget()
        super().__init__(kind, name, label, editor)
        row = QHBoxLayout(editor)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.group = QButtonGroup(editor)
        self.buttons: dict[int | None, QToolButton] = {}
        for k, (feeling, word) in enumerate(FEELING_CHOICES):
            button = FaceButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIconSize(QSize(26, 26))
            if feeling is None:
                word = unset.lower()
                button.setText(unset_mark)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setMinimumSize(32, 32)
            else:
                button.setIcon(glyph_icon(lambda box, f=feeling: glyphs.face(box, f)))
            button.setToolTip(word[:1].upper() + word[1:])
            button.setAccessibleName(f"Feeling: {word}")
            self.group.addButton(button, k)
            self.buttons[feeling] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.idClicked.connect(lambda k: self._emit(FEELING_CHOICES[k][0], True))

    def set_value(self, value) -> None:
        self.buttons[value].setChecked(True)

    def set_mixed(self, values) -> None:
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


class CheckListField(Field):
    """A check per part, of a list of ids (contributing departments, handoffs); half checked:
    some of the selected touchpoints have it. `toggled(part_id, on)` says which one the user
    changed."""

    toggled = Signal(str, bool)

    def __init__(self, kind, name, label, most_height: int = 120) -> None:
        editor = QListWidget()
        editor.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        editor.setWordWrap(True)  # a long name wraps rather than hiding behind a scroll bar
        editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setMaximumHeight(most_height)
        self.most_height = most_height
        super().__init__(kind, name, label, editor)
        editor.itemChanged.connect(self._changed)

    def set_items(self, departments: list[tuple[str, str]], tips: list[str] | None = None) -> None:
        self._loading = True
        try:
            self.editor.clear()
            for k, (dep_id, dep_name) in enumerate(departments):
                item = QListWidgetItem(dep_name)
                if tips:
                    item.setToolTip(plain(tips[k]))
                item.setData(Qt.ItemDataRole.UserRole, dep_id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.editor.addItem(item)
            rows = sum(self.editor.sizeHintForRow(r) for r in range(self.editor.count()))
            self.editor.setFixedHeight(min(self.most_height, rows + 6) if departments else 28)
        finally:
            self._loading = False

    def load(self, values: list[Any]) -> None:
        self._loading = True
        try:
            for row in range(self.editor.count()):
                item = self.editor.item(row)
                dep = item.data(Qt.ItemDataRole.UserRole)
                having = sum(1 for v in values if dep in (v or []))
                state = (
                    Qt.CheckState.Unchecked
                    if having == 0
                    else Qt.CheckState.Checked
                    if having == len(values)
                    else Qt.CheckState.PartiallyChecked
                )
                item.setCheckState(state)
        finally:
            self._loading = False

    def _changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        on = item.checkState() != Qt.CheckState.Unchecked
        self.toggled.emit(item.data(Qt.ItemDataRole.UserRole), on)


class VotesField(Field):
    """A card's dots, by what was voted on: kept from a vote on the map, or typed in after a
    workshop whose dots were stuck on a wall. Several cards at once show their dots only when
    they are equal (a card's dots are its own)."""

    def __init__(self, kind, name, label) -> None:
        editor = QWidget()
        grid = QGridLayout(editor)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        super().__init__(kind, name, label, editor)
        self.boxes: dict[str, QSpinBox] = {}
        for row, topic in enumerate(VOTE_TOPICS):
            box = QSpinBox()
            box.setRange(0, MAX_VOTES)
            box.setAccessibleName(f"Dots on {VOTE_TOPIC_NAMES[topic]}")
            box.setKeyboardTracking(False)  # a count typed whole, not digit by digit
            box.valueChanged.connect(lambda _v: self._emit(self.value(), False))
            box.editingFinished.connect(lambda: self._emit(self.value(), True))
            words = QLabel(f"on {VOTE_TOPIC_NAMES[topic]}")
            words.setBuddy(box)
            grid.addWidget(box, row, 0)
            grid.addWidget(words, row, 1)
            self.boxes[topic] = box
        grid.setColumnStretch(1, 1)

    def value(self) -> dict[str, int]:
        return {topic: box.value() for topic, box in self.boxes.items() if box.value()}

    def set_value(self, value) -> None:
        self.editor.setEnabled(True)
        self.editor.setToolTip("")
        for topic, box in self.boxes.items():
            if box.value() != (value or {}).get(topic, 0):
                box.blockSignals(True)
                box.setValue((value or {}).get(topic, 0))
                box.blockSignals(False)

    def set_mixed(self, values) -> None:
        self.set_value(None)
        self.editor.setEnabled(False)
        self.editor.setToolTip("The selected cards hold different dots: select one to change its")
