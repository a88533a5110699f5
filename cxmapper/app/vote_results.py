"""Map > Vote Results…: the cards by their dots, most first; Enter or a double-click on one
selects it on the map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from cxmapper.model.journey import VOTE_TOPICS
from cxmapper.model.voting import TOPIC_CHOICES, ranked, topic_name, total


class VoteResults(QDialog):
    def __init__(self, window, topic: str) -> None:
        super().__init__(window)
        self.window = window
        self.setWindowTitle("Vote Results")
        journey = window.document.journey
        self.topic = QComboBox()
        for key in VOTE_TOPICS:
            self.topic.addItem(f"Votes on {topic_name(key)} ({total(journey, key)})", key)
        self.topic.setCurrentIndex(VOTE_TOPICS.index(topic))
        self.topic.setAccessibleName("Votes on")
        self.said = QLabel()
        self.table = QTreeWidget()
        self.table.setHeaderLabels(["Rank", "Dots", "Touchpoint", "Stage", "Lane"])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.itemActivated.connect(self._go_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.topic)
        layout.addWidget(self.said)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.topic.currentIndexChanged.connect(self._fill)
        self._fill()
        self.resize(720, 460)
        self.table.setFocus()

    def _fill(self) -> None:
        journey = self.window.document.journey
        key = self.topic.currentData()
        order = ranked(journey, key)
        self.table.clear()
        rank, last = 0, None
        for i, (tp, n) in enumerate(order):
            if n != last:  # equal dots, equal rank
                rank, last = i + 1, n
            stage = journey.stage(tp.stage_id)
            lane = journey.department(tp.department_id)
            row = QTreeWidgetItem(
                [
                    str(rank),
                    str(n),
                    tp.title,
                    stage.name if stage else "",
                    lane.name if lane else "Unassigned",
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, tp.id)
            for column in (0, 1):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.table.addTopLevelItem(row)
        for column in range(5):
            self.table.resizeColumnToContents(column)
        dots = sum(n for _tp, n in order)
        if order:
            self.said.setText(
                f"{TOPIC_CHOICES[key]}: {dots} dot{'s' if dots != 1 else ''} on "
                f"{len(order)} card{'s' if len(order) != 1 else ''}. Enter or a double-click "
                "shows a card on the map."
            )
            self.table.setCurrentItem(self.table.topLevelItem(0))
        else:
            self.said.setText(f"No card holds a dot for {topic_name(key)}.")

    def _go_to(self, row: QTreeWidgetItem) -> None:
        touchpoint_id = row.data(0, Qt.ItemDataRole.UserRole)
        view, doc = self.window.view, self.window.document
        if view is not None and doc is not None and doc.has_touchpoint(touchpoint_id):
            view.select_and_show(touchpoint_id)
        self.accept()
