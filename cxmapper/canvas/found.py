"""What Find found, shown on the map: the cards that do not match dimmed, the other parts found
framed (the one Enter went to in a heavier frame), and where a part found is drawn, to scroll
to it. The find bar says what was found; the canvas alone knows its cards and their places."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from cxmapper.canvas.marks import place_of
from cxmapper.canvas.painting import qrect
from cxmapper.model.search import Hit

DIMMED = 0.2


def dim_cards(scene, bright: set[str] | None) -> None:
    """The cards not in `bright` dimmed (None: every card as bright as it is)."""
    for tid, item in scene.cards.items():
        item.setOpacity(1.0 if bright is None or tid in bright else DIMMED)


def frame_found(scene, hits: list[Hit], current: Hit | None = None) -> None:
    """Frame the parts found that are not cards; the current one, card or not, heavier."""
    lay, fitter = scene.layout, scene.fitter
    places = [place_of(lay, h, fitter) for h in hits if h.kind != "touchpoint"]
    here = place_of(lay, current, fitter) if current is not None else None
    scene.marks.show_marks([p for p in places if p is not None], here)


def place_found(scene, hit: Hit) -> QRectF | None:
    """Where a part found is drawn on the map (None: nowhere, such as an unused channel)."""
    place = place_of(scene.layout, hit, scene.fitter)
    return qrect(place) if place is not None else None
