"""Dot voting: the room puts dots on the cards that matter most, each person a few.

A map keeps the dots per card and per topic (`Touchpoint.votes`); this module answers what a vote
needs to know without any window: which cards can take a dot on a topic, the cards ranked by their
dots, and (`VoteRound`) whose turn it is and how many dots they have left. The round is worked out
from the map's own counts, so undo and redo of a dot (or a dot from a phone, later) keep it right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class VoteRound:
    """One round of voting at one keyboard: each person in turn puts up to `dots` dots on the
    cards, then the next person votes. `started_with` is the number of dots on the topic when
    the round began; `handed_over` the numbers of dots cast when a voter chose to stop early."""

    topic: str
    dots: int
    started_with: int
    handed_over: list[int] = field(default_factory=list)

    def cast(self, journey: JourneyMap) -> int:
        """Dots put on the topic since the round began (undone ones are no longer cast)."""
        return max(0, total(journey, self.topic) - self.started_with)

    def turn(self, journey: JourneyMap) -> tuple[int, int]:
        """Whose turn it is (1 for the first voter) and how many dots they have left. A voter
        whose dots are all on the cards hands over by themselves."""
        cast = self.cast(journey)
        # A hand-over after dots that were undone since is forgotten: that voter is back.
        self.handed_over = [n for n in self.handed_over if n <= cast]
        voter, start = 1, 0
        early = iter(self.handed_over)
        stop = next(early, None)
        while True:
            limit = start + self.dots
            if stop is not None and stop < limit:
                voter, start, stop = voter + 1, stop, next(early, None)
            elif cast >= limit:
                voter, start = voter + 1, limit
            else:
                return voter, limit - cast

    def hand_over(self, journey: JourneyMap) -> bool:
        """The voter stops before using all their dots; False when they have not voted yet
        (there is nothing to hand over)."""
        voter, left = self.turn(journey)
        if left == self.dots:
            return False
        self.handed_over.append(self.cast(journey))
        return True
