"""The inspector's field editors. Each one shows a value (or "mixed" when the selected parts
differ), says when the user changed it (`edited(value, final)`: final when the user is done,
e.g. on leaving the field), and shows a refused value's reason under itself. Here: the ones
typed in (a name, a text, a list a line each); those chosen from are in choice_fields.py."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from cxmapper.model.fields import one_line

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
