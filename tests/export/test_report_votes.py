"""Dot votes on paper: each card's count on its sticker in the PDF and the SVG, and in the report
a "Votes" section (bookmarked, right after the map's introduction, before the stages) ranking
the cards by their dots, most first."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from cxmapper.export.fonts import pdf_fitter
from cxmapper.export.paper import PdfOptions
from cxmapper.export.pdf import export_pdf
from cxmapper.export.report_votes import vote_ranks
from cxmapper.export.svg import export_svg
from cxmapper.layout.journey_layout import layout_map
from cxmapper.layout.style import VOTE_DOT, WHITE
from cxmapper.model.templates import load_template

SVG = "{http://www.w3.org/2000/svg}"
# Pain points' dots on car-service-visit, and the order the report must list them in: most
# first, equal counts in the journey's order (the quote call comes before the parts delay).
PAIN_VOTES = {
    "tp-survey": 125,
    "tp-invoice-review": 12,
    "tp-quote-call": 7,
    "tp-parts-delay": 7,
    "tp-online-booking": 3,
}
OTHER_VOTES = {"tp-courtesy-car": {"touchpoints": 4}, "tp-parts-delay": {"opportunities": 2}}


def voted_map(shown="pain_points"):
    journey = load_template("car-service-visit")
    for tp in journey.touchpoints:
        votes = dict(OTHER_VOTES.get(tp.id, {}))
        if tp.id in PAIN_VOTES:
            votes["pain_points"] = PAIN_VOTES[tp.id]
        tp.votes = votes
    journey.votes_shown = shown
    return journey


def squash(text):
    return " ".join(text.split())


@pytest.fixture(scope="module")
def voted_pdf():
    journey = voted_map()
    reader = PdfReader(io.BytesIO(export_pdf(journey, PdfOptions("A3"))))
    return journey, reader


def outline_titles(reader):
    def walk(items):
        for item in items:
            yield from walk(item) if isinstance(item, list) else [item.title]

    return list(walk(reader.outline))


def test_the_map_page_shows_each_cards_count(voted_pdf):
    _journey, reader = voted_pdf
    words = reader.pages[0].extract_text().split()
    for count in PAIN_VOTES.values():
        assert str(count) in words
    assert "4" not in words  # (the touchpoints' vote is not the one shown)
    assert "Votes on pain points" in squash(reader.pages[0].extract_text())


def test_the_report_ranks_the_cards_most_dots_first_before_the_stages(voted_pdf):
    journey, reader = voted_pdf
    report = squash("\n".join(page.extract_text() for page in reader.pages[1:]))
    about = report.index(journey.description[:40])
    votes = report.index("Votes Where the room put its dots")
    first_stage = report.index(f"1. {journey.stages[0].name}")
    assert about < votes < first_stage
    section = report[votes:first_stage]
    # the topics in their order, each with its total and its cards, most dots first
    touchpoints = section.index("Votes on touchpoints 4 dots on 1 card.")
    pains = section.index("Votes on pain points 154 dots on 5 cards.")
    chances = section.index("Votes on opportunities 2 dots on 1 card.")
    assert touchpoints < pains < chances
    titles = {tp.id: tp.title for tp in journey.touchpoints}
    places = [section.index(titles[tid], pains) for tid in PAIN_VOTES]
    assert places == sorted(places) and places[-1] < chances
    # rank, dots, title; equal dots share a rank; the stage and the lane follow
    assert "1 125 Receives satisfaction survey" in section
    assert "3 7 Advisor calls with quote" in section and "3 7 Told parts arrive" in section
    assert "5 3 Tries online booking" in section
    # under each card, what was voted on: its pain points (or its opportunities)
    survey = next(tp for tp in journey.touchpoints if tp.id == "tp-survey")
    for note in survey.pain_points:
        assert note in section[pains:chances]
    delay = next(tp for tp in journey.touchpoints if tp.id == "tp-parts-delay")
    assert delay.opportunities[0] in section[chances:]
    titles = outline_titles(reader)
    assert titles.index("About this map") < titles.index("Votes")
    assert titles.index("Votes") < titles.index("Touchpoints by stage")


def test_no_votes_no_section_and_no_sticker():
    journey = load_template("car-service-visit")
    journey.votes_shown = "pain_points"  # shown, but no card has a dot
    reader = PdfReader(io.BytesIO(export_pdf(journey, PdfOptions("A4"))))
    assert "Votes" not in outline_titles(reader)
    assert "Where the room put its dots" not in squash(reader.pages[1].extract_text())
    assert "Votes on" not in squash(reader.pages[0].extract_text())


def test_user_text_in_the_votes_section_stays_text():
    journey = voted_map()
    journey.touchpoints[0].title = 'AT&T <b>"bold"</b>'
    journey.touchpoints[0].pain_points = ["<i>never</i> & <font size=40>"]
    journey.touchpoints[0].votes = {"pain_points": 200}
    reader = PdfReader(io.BytesIO(export_pdf(journey, PdfOptions("A4"))))
    report = squash("\n".join(page.extract_text() for page in reader.pages[1:]))
    votes = report[report.index("Votes Where the room") :]
    assert '1 200 AT&T <b>"bold"</b>' in votes
    assert "<i>never</i> & <font size=40>" in votes


def test_the_svg_shows_the_stickers_and_their_legend():
    data = export_svg(voted_map())
    root = ET.fromstring(data)
    dots = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == VOTE_DOT]
    assert len(dots) == len(PAIN_VOTES) + 1  # each card's sticker, and the legend's
    white = [t for t in root.iter(f"{SVG}text") if t.get("fill") == WHITE]
    counts = [t.text for t in white if t.text.isdigit()]  # (a flag's "!" is white too)
    assert sorted(counts) == sorted(str(n) for n in PAIN_VOTES.values())
    assert all(t.get("font-weight") == "bold" for t in white)
    assert "Votes on pain points" in [t.text for t in root.iter(f"{SVG}text")]
    hidden = export_svg(voted_map(None)).decode()
    assert VOTE_DOT not in hidden and not re.search(r">Votes on ", hidden)


def test_counts_fit_their_stickers_with_the_pdfs_own_metrics():
    journey = voted_map()
    journey.touchpoints[0].votes = {"pain_points": 888}  # the widest digits, three of them
    lay = layout_map(journey, pdf_fitter())
    for box in lay.cards.values():
        c = box.content
        if not c.votes:
            assert c.votes_box is None
            continue
        dot, text = c.votes_box, c.votes_text
        assert dot.x + dot.h / 4 <= text.x + 1e-6 and text.right <= dot.right - dot.h / 4 + 1e-6
        assert all(not (b.right > dot.x and b.x < dot.right) for _, b in c.badges)


def test_equal_dots_share_a_rank():
    assert vote_ranks([9, 7, 7, 3, 3, 3, 1]) == [1, 2, 2, 4, 4, 4, 7]
    assert vote_ranks([]) == []
