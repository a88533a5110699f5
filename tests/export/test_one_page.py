"""A map on one page reads: card titles measured in the PDF, the map spanning the page."""

from __future__ import annotations

import io

import pytest
from factories import stress_map
from pypdf import PdfReader

from cxmapper.export.paper import PAGE_SIZES, PdfOptions, pdf_layout
from cxmapper.export.pdf import export_pdf
from cxmapper.model.templates import load_template, template_names


def placed_text(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(text, size in pt as printed, x, y) of every piece of text on the first page."""
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        a, b, c, d, e, f = tm
        # the text matrix, then the drawing's own scale (the map is scaled onto the page)
        m = [
            a * cm[0] + b * cm[2],
            a * cm[1] + b * cm[3],
            c * cm[0] + d * cm[2],
            c * cm[1] + d * cm[3],
            e * cm[0] + f * cm[2] + cm[4],
            e * cm[1] + f * cm[3] + cm[5],
        ]
        size = font_size * (m[2] ** 2 + m[3] ** 2) ** 0.5
        found.append((text.strip(), size, m[4], m[5]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def card_title_sizes(journey, pdf: bytes) -> list[float]:
    """The printed size of each line of a card's title (found by its words, as laid out)."""
    lay = pdf_layout(journey)
    lines = {line for card in lay.cards.values() for line in card.content.title_lines}
    lines -= {line for lane in lay.lanes for line in lane.label_lines}  # "support" of a lane
    return [size for text, size, _, _ in placed_text(pdf) if text in lines]


@pytest.mark.parametrize("name", template_names())
@pytest.mark.parametrize(("page", "least"), [("A3", 8.0), ("A4", 6.0)])
def test_every_template_on_one_page_has_titles_a_reader_can_read(name, page, least):
    journey = load_template(name)
    pdf = export_pdf(journey, PdfOptions(page, report=False))
    sizes = card_title_sizes(journey, pdf)
    assert len(sizes) >= len(journey.touchpoints)
    assert min(sizes) >= least - 0.01, f"{name} on {page}: card titles {min(sizes):.2f} pt"
    assert b"Too small to read" not in pdf


@pytest.mark.parametrize("name", template_names())
def test_the_map_spans_the_page_with_its_title_at_the_top(name):
    journey = load_template(name)
    pdf = export_pdf(journey, PdfOptions("A3", report=False))
    width, height = PAGE_SIZES["A3"][1], PAGE_SIZES["A3"][0]  # landscape
    pieces = placed_text(pdf)
    title = next(p for p in pieces if p[0] == journey.title)
    assert title[3] > height - 80  # the title is at the top of the page, not half way down
    ys = [y for text, _, _, y in pieces if not text.startswith(("page ", journey.title + " "))]
    xs = [x for _, _, x, _ in pieces]
    # text from the top of the page to near its foot (the legend), and across it
    assert min(y for y in ys if y > 40) < 80, "a blank band under the map"
    assert min(xs) < 40 and max(xs) > width * 0.85


def test_a_map_too_big_for_one_page_says_so_on_the_paper():
    journey = stress_map()
    pdf = export_pdf(journey, PdfOptions("A3", report=False))
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Too small to read" in text and "prints it legibly" in text
