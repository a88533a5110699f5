"""Checks on the layout's rectangles that only the tests need."""

from cxmapper.layout.geometry import Rect


def contains_rect(outer: Rect, inner: Rect) -> bool:
    """`inner` lies wholly inside `outer` (a rounding error past the right or bottom edge allowed)."""
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and inner.right <= outer.right + 1e-6
        and inner.bottom <= outer.bottom + 1e-6
    )
