"""Plain rectangles and points, in map units (1 unit = 1 px at 100 % zoom = 1 pt on paper)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Point:
    x: float
    y: float


@dataclass(slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return Point(self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def overlaps(self, other: Rect) -> bool:
        """True when the insides meet (touching edges do not overlap)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )
