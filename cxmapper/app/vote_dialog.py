"""Map > Start Vote…: what the room votes on and how many dots each person has."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model.journey import JourneyMap
from cxmapper.model.voting import MAX_DOTS, TOPIC_CHOICES, can_take_dot, topic_name, total


class VoteDialog(QDialog):
    def __init__(self, journey: JourneyMap, topic: str, dots: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start Vote")
        self.journey = journey
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("What does the room vote on?"))
        self.topics = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for i, (key, text) in enumerate(TOPIC_CHOICES.items()):
            cards = sum(1 for tp in journey.touchpoints if can_take_dot(tp, key))
            button = QRadioButton(f"{text} ({cards})")
            button.setAccessibleName(text)
            button.setEnabled(cards > 0)
            self.topics.addButton(button, i)
            self.buttons[key] = button
            layout.addWidget(button)
        chosen = topic if self.buttons[topic].isEnabled() else "touchpoints"
        self.buttons[chosen].setChecked(True)
        form = QWidget()
        rows = QFormLayout(form)
        rows.setContentsMargins(0, 8, 0, 0)
        self.dots = QSpinBox()
        self.dots.setRange(1, MAX_DOTS)
        self.dots.setValue(max(1, min(MAX_DOTS, dots)))
        self.dots.setSuffix(" dots")
        self.dots.setAccessibleName("Dots per person")
        rows.addRow("Dots per &person:", self.dots)
        layout.addWidget(form)
        # Dots from an earlier vote on the same topic: kept, unless the room starts afresh.
        self.afresh = QCheckBox()
        layout.addWidget(self.afresh)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start Vote")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.topics.idToggled.connect(lambda _i, on: on and self._follow_topic())
        self._follow_topic()
        self.dots.setFocus()
        self.dots.selectAll()

    def topic(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def _follow_topic(self) -> None:
        there = total(self.journey, self.topic())
        self.afresh.setVisible(there > 0)
        self.afresh.setChecked(False)
        dots = f"{there} dot" + ("" if there == 1 else "s")
        self.afresh.setText(
            f"Take &off the {dots} already on the cards for {topic_name(self.topic())}"
        )
