"""Dot voting: the room puts dots on the cards that matter most, each person a few.

A map keeps the dots per card and per topic (`Touchpoint.votes`); this module answers what a vote
needs to know without any window: which cards can take a dot on a topic, the cards ranked by their
dots, and (`VoteRound`) whose turn it is and how many dots they have left, from the round's own
events (dots put on, taken off, hand-overs), wherever they come from: the editor's undo history
today, phones in the room later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cxmapper.model.journey import MAX_VOTES, VOTE_TOPIC_NAMES, JourneyMap, Touchpoint

DEFAULT_TOPIC = "pain_points"  # the painful moments: what a room most often votes on
DEFAULT_DOTS = 3
MAX_DOTS = 20  # dots one person may have in a round

# How the choice of topic reads where a vote is started and reported.
TOPIC_CHOICES = {
    "touchpoints": "Every touchpoint",
    "pain_points": "Touchpoints with pain points",
    "opportunities": "Touchpoints with opportunities",
}


def topic_name(topic: str) -> str:
    return VOTE_TOPIC_NAMES[topic]


def can_take_dot(tp: Touchpoint, topic: str) -> bool:
    """Whether a card is voted on in a round on `topic`: any card for touchpoints, otherwise a
    card that has pain points (or opportunities) to vote for."""
    if topic == "pain_points":
        return bool(tp.pain_points)
    if topic == "opportunities":
        return bool(tp.opportunities)
    return True


def dots(tp: Touchpoint, topic: str) -> int:
    return tp.votes.get(topic, 0)


def with_dots(tp: Touchpoint, topic: str, change: int) -> dict[str, int] | None:
    """The card's votes after adding `change` dots on `topic` (negative: taking them off), or
    None when that cannot be: no dot to take off, or the most a card can hold."""
    count = dots(tp, topic) + change
    if count < 0 or count > MAX_VOTES:
        return None
    return {**tp.votes, topic: count}


def total(journey: JourneyMap, topic: str) -> int:
    return sum(tp.votes.get(topic, 0) for tp in journey.touchpoints)


def ranked(journey: JourneyMap, topic: str) -> list[tuple[Touchpoint, int]]:
    """The cards with dots on `topic`, most dots first; equal counts in the journey's order."""
    voted = [(tp, tp.votes.get(topic, 0)) for tp in journey.touchpoints_in_time_order()]
    voted = [(tp, n) for tp, n in voted if n > 0]
    return sorted(voted, key=lambda item: -item[1])


def topics_voted(journey: JourneyMap) -> list[str]:
    """The topics any card has dots on, in the topics' order."""
    return [t for t in VOTE_TOPIC_NAMES if any(tp.votes.get(t) for tp in journey.touchpoints)]


HAND_OVER = None  # an event of a round: the person voting stops before their last dot


@dataclass
class VoteRound:
    """One round of voting at one keyboard: each person in turn puts up to `dots` dots on the
    cards, then the next person votes.

    Whose turn it is follows from the round's events, in order: the dots put on (a positive
    count) or taken off (negative) in this round, and hand-overs (HAND_OVER). The editor reads
    them from its undo history, so an undo, a redo, dots that were on the cards before the
    round, a card deleted or dots typed into a card never change whose turn it is."""

    topic: str
    dots: int

    def people(self, events: Iterable[int | None]) -> tuple[list[int], int]:
        """The dots each earlier person used, and the dots the person voting now has used."""
        done: list[int] = []
        used = 0
        for event in events:
            if event is HAND_OVER:
                if used > 0:
                    done.append(used)
                    used = 0
                continue
            used += event
            while used >= self.dots:  # their last dot: the next person's turn
                done.append(self.dots)
                used -= self.dots
            while used < 0 and done:  # a dot taken off goes back to whoever put it on
                used += done.pop()
            used = max(used, 0)
        return done, used

    def turn(self, events: Iterable[int | None]) -> tuple[int, int]:
        """Whose turn it is (1 for the first person) and how many dots they have left."""
        done, used = self.people(events)
        return len(done) + 1, self.dots - used

    def may_hand_over(self, events: Iterable[int | None]) -> bool:
        """Whether the person voting has put a dot on (there is something to hand over)."""
        return self.people(events)[1] > 0

    @staticmethod
    def cast(events: Iterable[int | None]) -> int:
        """The dots put on in this round, less those taken off."""
        return max(0, sum(e for e in events if e is not HAND_OVER))
