"""The PDF's fonts: DejaVu Sans for most scripts, Droid Sans Fallback for Chinese and Japanese,
Nanum Gothic for Korean.

Text is split into runs by which font has each character. A character no font has, and every
character beyond U+FFFF (emoji: reportlab writes no valid Unicode mapping for them), prints as
one uniform box "□" that copies and searches as itself; nothing after it is lost. (No emoji font
is shipped yet: this box is the fallback.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.resources import as_file

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from cxmapper.bundled import resource
from cxmapper.layout.text import TextFitter

REGULAR, BOLD = "cxm-DejaVuSans", "cxm-DejaVuSans-Bold"
FALLBACK, HANGUL = "cxm-DroidSansFallback", "cxm-NanumGothic"
FALLBACKS = (FALLBACK, HANGUL)  # tried in order for characters the main font lacks
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumGothic.ttf",
}


def _as_written(code: int) -> str:
    """What a drawn character copies as: an Arabic or Hebrew presentation form (a joined
    letter, as arabic-reshaper draws it) as the letter(s) typed; anything else as itself."""
    if 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:
        letters = unicodedata.normalize("NFKC", chr(code))
        if len(letters) > 1 and all(unicodedata.category(ch) == "Lo" for ch in letters):
            # a ligature (lam-alef) in display order, like the line it is drawn in: a viewer
            # turning the line to reading order turns its letters too
            return letters[::-1]
        return letters
    return chr(code)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map of a font subset, with joined letters mapped back to the
    letters typed, so that copying and searching the PDF finds the words as written (viewers
    put the right-to-left runs, drawn in display order, back in reading order themselves)."""
    pairs = [
        f"<{i:02X}> <{_as_written(v).encode('utf-16-be').hex().upper()}>"
        for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# reportlab writes each subset's ToUnicode map with this module function: ours is the same map
# but for the joined letters (reportlab has no hook for it).
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@lru_cache(maxsize=len(_FILES))
def register(font_name: str) -> None:
    """Register one shipped TrueType font with reportlab, once (it is embedded, subset)."""
    with as_file(resource("fonts", _FILES[font_name])) as path:
        pdfmetrics.registerFont(TTFont(font_name, str(path)))


def register_fonts() -> None:
    """The main fonts. The fallbacks (Chinese and Japanese, Korean: 150 ms to read) are read
    when a text first has a character DejaVu lacks."""
    register(REGULAR)
    register(BOLD)


@lru_cache(maxsize=len(_FILES))
def _coverage(font_name: str) -> frozenset[int]:
    register(font_name)
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


MISSING = "□"  # what a character no shipped font has prints as (most emoji): one uniform box
# Joiners, variation selectors, skin-tone modifiers and tags: parts of an emoji, not marks.
INVISIBLE = frozenset(
    [
        *range(0x200B, 0x2010),
        0x2060,
        *range(0xFE00, 0xFE10),
        *range(0x1F3FB, 0x1F400),
        *range(0xE0020, 0xE0080),
    ]
)


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")  # Hebrew, Arabic, Syriac...


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@lru_cache(maxsize=4096)
def visual(text: str) -> str:
    """A line as it is drawn: Arabic letters in their joined forms (arabic-reshaper), and the
    right-to-left runs in display order (python-bidi's Unicode bidi algorithm)."""
    if not has_rtl(text):
        return text
    from arabic_reshaper import reshape
    from bidi import get_display

    return get_display(reshape(text))


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """(font name, text) pieces: each character in the first font that has it. A character no
    font has, and any beyond U+FFFF (emoji, whose text reportlab cannot map back), becomes one
    uniform box, which copies from the PDF as that box, never as garbage; zero-width joiners
    and variation selectors are left out."""
    main = BOLD if bold else REGULAR
    has_main = _coverage(main)
    if not text.isascii():
        text = visual(text)  # drawn (and measured) in display order, shaped
    if text.isascii() or (max(text) <= "\uffff" and has_main.issuperset(map(ord, text))):
        return [(main, text)] if text else []  # nearly every text: one run, checked at C speed
    pieces: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        font = main
        if code in INVISIBLE:
            continue
        if code > 0xFFFF:  # reportlab cannot map these back to text: copy and search would break
            ch = MISSING
        elif code not in has_main and code >= 0x20:  # a line break is no reason to read a font
            font = next((f for f in FALLBACKS if code in _coverage(f)), None)
            if font is None:
                font, ch = main, MISSING
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + ch)
        else:
            pieces.append((font, ch))
    return pieces


class PdfTextMetrics:
    """TextMetrics for the layout engine, measured as the PDF will draw (same fonts, same runs)."""

    def __init__(self) -> None:
        register_fonts()

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, bold))


@lru_cache(maxsize=1)
def pdf_fitter() -> TextFitter:
    """The map's own wrapping with the PDF's metrics, shared by everything the PDF lays out
    itself (report notes, poster headers), so its cache is filled once."""
    return TextFitter(PdfTextMetrics())
