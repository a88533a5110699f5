"""The map's typeface (DejaVu Sans, shipped in resources/fonts) and Qt text metrics for layout.

The canvas and the PDF use the same font file, so text wraps at the same words on screen and on
paper. Sizes are in map units (pixels at 100 % zoom); hinting is off so widths scale exactly.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from cxmapper.bundled import resource

FALLBACK_FAMILY = "Sans Serif"


@lru_cache(maxsize=1)
def map_family() -> str:
    families: list[str] = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFontFromData(resource("fonts", name).read_bytes())
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else FALLBACK_FAMILY


@lru_cache(maxsize=64)
def map_font(size: float, bold: bool = False) -> QFont:
    font = QFont(map_family())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


class QtTextMetrics:
    """TextMetrics for the layout engine, measured with the map font."""

    def __init__(self) -> None:
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}

    def _for(self, size: float, bold: bool) -> QFontMetricsF:
        key = (size, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(map_font(size, bold))
        return self._metrics[key]

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return self._for(size, bold).horizontalAdvance(text)

    def ascent(self, size: float, bold: bool = False) -> float:
        return self._for(size, bold).ascent()
