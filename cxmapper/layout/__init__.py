"""Where everything on a journey map goes: one pure function, drawn by the canvas and the PDF.

No Qt, no reportlab: text is measured through a TextMetrics object the painter passes in.
"""

from cxmapper.layout.boxes import CardBox, FeelingPoint, LaneBox, MapLayout, StageBox
from cxmapper.layout.drop import DropTarget, drop_target, feeling_at
from cxmapper.layout.geometry import Point, Rect
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.style import FEELING_COLOURS, Style
from cxmapper.layout.text import ApproximateMetrics, TextFitter, TextMetrics

__all__ = [
    "FEELING_COLOURS",
    "ApproximateMetrics",
    "CardBox",
    "DropTarget",
    "FeelingPoint",
    "LaneBox",
    "MapLayout",
    "Point",
    "Rect",
    "StageBox",
    "Style",
    "TextFitter",
    "TextMetrics",
    "drop_target",
    "feeling_at",
    "layout_map",
]
