"""Whether a map prints legibly: card titles too small to read on one page get a warning,
saying which page (or a poster) prints the map legibly and the options that ask for it; on the
page itself, a line under the map says so too."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from cxmapper.export.fonts import REGULAR
from cxmapper.export.paper import FOOTER, MARGIN, PdfOptions, page_size, pdf_layout
from cxmapper.export.poster import map_sheets
from cxmapper.layout.boxes import MapLayout
from cxmapper.model.journey import JourneyMap

HAND_SIZES = ("A4", "Letter")  # read in the hand; larger sheets go on the wall


def legible_size(page: str) -> float:
    """The smallest card titles (pt) that read on this paper: 6 pt on a sheet held in the
    hand, 8 pt on one hung on the wall and read from a step away."""
    return 6.0 if page in HAND_SIZES else 8.0


def _title_pt(lay: MapLayout, options: PdfOptions) -> tuple[float, float]:
    """(scale, card title size in pt) of the map on one page of these options."""
    size = page_size(options)
    scale = min((size[0] - 2 * MARGIN) / lay.width, (size[1] - 2 * MARGIN - FOOTER) / lay.height)
    return scale, lay.style.card_title_size * scale


def legible_choice(lay: MapLayout, options: PdfOptions) -> tuple[str, str]:
    """The smallest A-series page that prints the map legibly on one page, or else the poster
    (and how many sheets of this size it takes); in words, and as command-line options."""
    for name in ("A4", "A3", "A2", "A1", "A0"):
        for landscape in (True, False):
            trial = PdfOptions(name, landscape, False, options.report)
            if _title_pt(lay, trial)[1] >= legible_size(name):
                flags = f"--page-size {name}" + ("" if landscape else " --portrait")
                return f"one {name} {'landscape' if landscape else 'portrait'} page", flags
    size = page_size(options)
    frame_w, frame_h = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - FOOTER
    sheets = len(map_sheets(lay, frame_w, frame_h, poster=True))
    return f"a poster of {sheets} {options.page_size} sheets (full size)", "--poster"


def legibility_note(
    journey: JourneyMap,
    options: PdfOptions,
    layout: MapLayout | None = None,
    command_line: bool = False,
) -> str:
    """A warning when one page shrinks card titles below print legibility, naming what prints
    it legibly (with the options that ask for it, on the command line); "" when fine."""
    if options.poster or options.sheets:
        return ""
    lay = layout or pdf_layout(journey)
    scale, title_pt = _title_pt(lay, options)
    if title_pt >= legible_size(options.page_size):
        return ""
    choice, flags = legible_choice(lay, options)
    if command_line and flags == "--poster":
        choice = choice.replace("(full size)", "(full size: --poster)")
    elif command_line:
        choice += f" ({flags}; or --poster)"
    return (
        f"on one {options.page_size} page the map is scaled to {scale:.0%} (card titles "
        f"{title_pt:.1f} pt, hard to read on paper): {choice} prints it legibly"
    )


class TooSmallNote(Flowable):
    """A line under the one-page map saying it is too small to read, and what would print it."""

    HEIGHT = 16.0

    def __init__(self, text: str, width: float) -> None:
        super().__init__()
        self.text, self.width, self.height = text, width, self.HEIGHT

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(HexColor("#b42318"))
        size = 9.0
        while size > 6 and c.stringWidth(self.text, REGULAR, size) > self.width:
            size -= 0.5
        c.setFont(REGULAR, size)
        c.drawCentredString(self.width / 2, 4, self.text)
