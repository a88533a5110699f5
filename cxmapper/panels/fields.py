"""The inspector's field editors. Each one shows a value (or "mixed" when the selected parts
differ), says when the user changed it (`edited(value, final)`: final when the user is done,
e.g. on leaving the field), and shows a refused value's reason under itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from cxmapper.canvas.tooltips import plain
from cxmapper.layout import glyphs
from cxmapper.model.fields import one_line
from cxmapper.model.journey import FEELING_WORDS, MAX_VOTES, VOTE_TOPIC_NAMES, VOTE_TOPICS
from cxmapper.panels.palette import glyph_icon

MIXED = "Mixed"


class Field(QObject):
    """One field of the form: `editor` is the widget, `error` the label under it."""

    edited = Signal(object, bool)  # value, final

    def __init__(self, kind: str, name: str, label: str, editor: QWidget) -> None:
        super().__init__(editor)
        self.kind, self.name, self.label = kind, name, label
        self.editor = editor
        self.editor.setAccessibleName(label)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self._loading = False

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def load(self, values: list[Any]) -> None:
        """Show the values of the selected parts: one value, or mixed."""
        self._loading = True
        try:
            first = values[0] if values else None
            if all(v == first for v in values[1:]):
                self.set_value(first)
            else:
                self.set_mixed(values)
        finally:
            self._loading = False

    def _emit(self, value: Any, final: bool) -> None:
        if not self._loading:
            self.edited.emit(value, final)

    # Subclasses show values:
    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_mixed(self, values: list[Any]) -> None:
        self.set_value(None)


class LineField(Field):
    """A one-line name: pasted line breaks become spaces (never a refused value)."""

    def __init__(self, kind, name, label) -> None:
        # No length set here: a name is never cut as typed or pasted; the map refuses one too
        # long in words, under the field, where a silent cut would lose the end of a paste.
        editor = QLineEdit()
        editor.setClearButtonEnabled(False)
        super().__init__(kind, name, label, editor)
        editor.textEdited.connect(lambda text: self._emit(one_line(text), False))
        editor.editingFinished.connect(lambda: self._emit(one_line(editor.text()), True))

    def set_value(self, value) -> None:
        self.editor.setPlaceholderText("")
        if self.editor.text() != (value or ""):
            self.editor.setText(value or "")
            self.editor.setCursorPosition(0)  # its beginning in view, not its end

    def set_mixed(self, values) -> None:
        self.editor.setText("")
        self.editor.setPlaceholderText(MIXED)


class GrowingText(QPlainTextEdit):
    """A text box that grows with its text (the dock scrolls), and leaves with Tab."""

    left = Signal()

    def __init__(self, lines: int = 3, most: int = 14) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # wrapped to the width it has, whatever width it had before (a mode change, a restore)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._lines, self._most = lines, most
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        if not self.isVisible():
            return  # a hidden box has no width to wrap at; it fits itself when shown
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        width = max(40, self.viewport().width() - 2 * int(self.document().documentMargin()))
        lines = 0
        for text in self.toPlainText().split("\n"):
            if not text:
                lines += 1
                continue
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
            lines += max(1, round(box.height() / line))
        shown = max(self._lines, min(self._most, lines))
        height = shown * line + 2 * self.frameWidth() + 10
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        reasons = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if event.reason() in reasons:  # tabbed into: ready to add to what it says
            self.moveCursor(QTextCursor.MoveOperation.End)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())


class TextField(Field):
    def __init__(self, kind, name, label, lines: int = 3, placeholder: str = "") -> None:
        editor = GrowingText(lines)
        editor.setPlaceholderText(placeholder)
        super().__init__(kind, name, label, editor)
        editor.textChanged.connect(lambda: self._emit(self.value(), False))
        editor.left.connect(lambda: self._emit(self.value(), True))

    def value(self) -> Any:
        return self.editor.toPlainText()

    def _text_of(self, value) -> str:
        return value or ""

    def set_value(self, value) -> None:
        text = self._text_of(value)
        self.editor.setPlaceholderText(self._placeholder())
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)

    def _placeholder(self) -> str:
        return ""

    def set_mixed(self, values) -> None:
        self.editor.setPlainText("")
        self.editor.setPlaceholderText(MIXED)


class ListField(TextField):
    """A list of short items (pain points, quotes, goals): one per line."""

    def __init__(self, kind, name, label, lines: int = 2) -> None:
        super().__init__(kind, name, label, lines, "One per line")

    def value(self) -> list[str]:
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]

    def _text_of(self, value) -> str:
        return "\n".join(value or [])

    def _placeholder(self) -> str:
        return "One per line"


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
