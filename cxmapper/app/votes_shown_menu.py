"""View > Votes on the Cards: which votes the cards show as a dot with their count."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from cxmapper.model.fields import MAP_ID
from cxmapper.model.journey import VOTE_TOPICS
from cxmapper.model.voting import topic_name

TEXTS = {
    None: "&None",
    "touchpoints": "&Touchpoints",
    "pain_points": "&Pain Points",
    "opportunities": "&Opportunities",
}


class VotesShownMenu:
    """View > Votes on the Cards: which votes the cards show (saved with the map, undone with
    Ctrl+Z), like the curves and the rows under the lanes."""

    def __init__(self, window) -> None:
        self.window = window
        self.group = QActionGroup(window)
        self.actions: dict[str | None, QAction] = {}
        for topic in (None, *VOTE_TOPICS):
            action = QAction(TEXTS[topic], window)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, t=topic: self.set(t))
            self.group.addAction(action)
            self.actions[topic] = action

    def follow(self) -> None:
        doc = self.window.document
        self.actions[doc.journey.votes_shown if doc else None].setChecked(True)

    def set(self, topic: str | None) -> None:
        doc = self.window.document
        if doc is None:
            return
        text = f"Show the votes on {topic_name(topic)}" if topic else "Show no votes"
        doc.set_fields("map", MAP_ID, {"votes_shown": topic}, text)
        self.follow()
