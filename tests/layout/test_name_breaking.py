"""Names set as a typesetter would: a lane's, stage's or card's name breaks at spaces and after
hyphens, never inside a word; a word too long for its line is set smaller (down to a floor)
before it is ever split. The same on screen (Qt's metrics), in the PNG and SVG (drawn from the
screen's layout) and in the PDF (reportlab's metrics, the whole map scaled onto one sheet)."""

import pytest
from factories import small_map

from cxmapper.drawing.map import draw_map
from cxmapper.export.fonts import PdfTextMetrics
from cxmapper.export.paper import FOOTER, MARGIN, PAGE_SIZES, PdfOptions, page_size, pdf_layout
from cxmapper.layout import ApproximateMetrics, TextFitter, layout_map
from cxmapper.layout.style import LIGHT, Style
from cxmapper.layout.text import ELLIPSIS, FIT_MARGIN
from cxmapper.model.journey import Department
from cxmapper.model.templates import blank_map, load_template, template_names

HYPHENS = "-\u2010\u2013\u2014/"  # a line may end after one of these in a word, as typeset
MAPS = [*template_names(), "blank"]
# the one-page PDF: the map laid out to the sheet's shape, then scaled as a whole onto it
SHEETS = [PdfOptions(name, landscape) for name in PAGE_SIZES for landscape in (True, False)]
WORKSHOP = 1.5  # the workshop's style: card titles 24 px on the projected screen


def journey_of(name):
    return blank_map() if name == "blank" else load_template(name)


def mid_word_breaks(text: str, lines: list[str]) -> list[str]:
    """The lines of `text` (as laid out) that end inside a word: neither at a space nor after
    a hyphen of the text itself. A line the text does not hold (a word split with a hyphen
    added, letters lost) counts as one; so does an ellipsis cutting a word short."""
    rest = " ".join(text.split())
    bad = []
    for i, line in enumerate(lines):
        shown = line.removesuffix(ELLIPSIS) if i == len(lines) - 1 else line
        if not shown or not rest.startswith(shown):
            bad.append(line)
            break
        rest = rest[len(shown) :]
        if rest and not rest.startswith(" ") and shown[-1] not in HYPHENS:
            bad.append(line)
        rest = rest.lstrip(" ")
        if line.endswith(ELLIPSIS):
            assert rest, f"{text!r}: an ellipsis though all of it shows: {lines}"
    if rest and not lines[-1].endswith(ELLIPSIS):
        bad.append(f"(lost: {rest!r})")
    return bad


def names_of(journey, lay):
    """(what, text, lines, size, width) of every lane, stage and card name laid out."""
    s = lay.style
    departments = {d.id: d.name for d in journey.departments}
    for lane in lay.lanes:
        name = departments.get(lane.department_id, "Unassigned")
        yield "lane", name, lane.label_lines, lane.label_size, s.lane_text_width
    stages = {st.id: st.name for st in journey.stages}
    for st in lay.stages:
        width = st.header.w - 2 * s.label_inset
        yield "stage", stages[st.stage_id], st.name_lines, st.name_size, width
    titles = {tp.id: tp.title for tp in journey.touchpoints}
    for card in lay.cards.values():
        c = card.content
        yield "card", titles[card.touchpoint_id], c.title_lines, c.title_size, c.title.w


def check_names(journey, lay, metrics):
    s = lay.style
    full = {"lane": s.lane_label_size, "stage": s.stage_name_size, "card": s.card_title_size}
    for what, text, lines, size, width in names_of(journey, lay):
        assert not mid_word_breaks(text, lines), f"{what} {text!r} set as {lines}"
        assert full[what] * s.name_least - 1e-9 <= size <= full[what], (what, text, size)
        for line in lines:
            assert metrics.text_width(line, size, True) <= width + 1e-6, (what, line, size)


@pytest.fixture(scope="module")
def pdf_metrics():
    return PdfTextMetrics()


@pytest.mark.parametrize("name", MAPS)
def test_no_name_breaks_inside_a_word_on_any_one_page_pdf(name, pdf_metrics):
    journey = journey_of(name)
    natural = pdf_layout(journey)
    check_names(journey, natural, pdf_metrics)
    for options in SHEETS:
        w, h = page_size(options)
        lay = pdf_layout(journey, fill=(w - 2 * MARGIN, h - 2 * MARGIN - FOOTER), natural=natural)
        check_names(journey, lay, pdf_metrics)


@pytest.mark.parametrize("name", MAPS)
@pytest.mark.parametrize("k", [1.0, WORKSHOP, 2.0])
def test_no_name_breaks_inside_a_word_at_any_scale_of_the_style(name, k, pdf_metrics):
    journey = journey_of(name)
    check_names(journey, layout_map(journey, pdf_metrics, Style().scaled(k)), pdf_metrics)
    approximate = ApproximateMetrics()
    check_names(journey, layout_map(journey, approximate, Style().scaled(k)), approximate)


@pytest.mark.parametrize("name", MAPS)
def test_no_name_breaks_inside_a_word_on_screen(name, qapp):
    from cxmapper.canvas.fonts import QtTextMetrics  # the canvas's, the PNG's and the SVG's

    journey, metrics = journey_of(name), QtTextMetrics()
    for k in (1.0, WORKSHOP):
        check_names(journey, layout_map(journey, metrics, Style().scaled(k)), metrics)


def test_a_blank_maps_lanes_keep_their_words_whole(pdf_metrics):
    lay = pdf_layout(blank_map())
    named = [lane for lane in lay.lanes if lane.department_id is not None]
    assert named and all(lane.label_lines[0] == "Department" for lane in named)


def test_a_hyphenated_lane_name_breaks_after_its_hyphen_or_is_set_smaller(pdf_metrics):
    journey = small_map()
    journey.departments.append(Department(id="d-web", name="E-commerce", colour="#336699"))
    journey.departments.append(Department(id="d-long", name="Administration", colour="#996633"))
    lay = layout_map(journey, pdf_metrics)
    lanes = {lane.department_id: lane for lane in lay.lanes}
    assert lanes["d-web"].label_lines in (["E-commerce"], ["E-", "commerce"])
    long = lanes["d-long"]
    assert long.label_lines == ["Administration"]  # whole, smaller
    assert long.label_size < lay.style.lane_label_size


# The wrap itself, with widths that are easy to count: 10 units a letter at size 10 (bold).
class Counting:
    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return len(text) * size


def fit(text, width, size=10.0, lines=3, least=7.0):
    return TextFitter(Counting()).fit_name(text, width, size, lines, True, least)


def test_a_name_breaks_at_spaces_and_after_hyphens_only():
    assert fit("Department 1", 120) == (["Department", "1"], 10.0)
    assert fit("E-commerce", 90) == (["E-", "commerce"], 10.0)  # after the hyphen, full size
    assert fit("Pick-up & payment", 100) == (["Pick-up &", "payment"], 10.0)
    assert fit("and/or else", 50) == (["and/", "or", "else"], 10.0)
    assert fit("-2 degrees", 80) == (["-2", "degrees"], 10.0)  # a minus sign is no hyphen


def test_a_long_word_is_set_smaller_before_it_is_split():
    lines, size = fit("Department 1", 95)  # "Department": 100 wide at size 10
    assert lines == ["Department", "1"] and 9.0 < size < 10.0
    assert len("Department") * size <= 95 - FIT_MARGIN * size
    # "commerce" does not fit either: the whole name smaller, broken after its hyphen
    lines, size = fit("E-commerce", 75)
    assert lines == ["E-", "commerce"] and size < 10.0 and 8 * size <= 75


def test_only_a_word_too_long_at_the_least_size_is_split_with_a_hyphen():
    lines, size = fit("Supercalifragilistic", 100)  # 20 letters: 140 wide at the least size 7
    assert size == 7.0
    assert lines[0].endswith("-") and "".join(lines).replace("-", "") == "Supercalifragilistic"
    assert all(len(line) * size <= 100 for line in lines)


def test_a_name_too_long_for_its_lines_ends_in_an_ellipsis_after_a_whole_word():
    # "cat and…" is too wide: the ellipsis follows "cat", not "an"
    assert fit("Big fat cat and dog", 75, lines=2) == (["Big fat", "cat…"], 10.0)
    assert not mid_word_breaks("Big fat cat and dog", ["Big fat", "cat…"])
    assert mid_word_breaks("Big fat cat and dog", ["Big fat", "cat an…"])
    assert mid_word_breaks("Department 1", ["Departmen", "t 1"])


def test_lanes_draw_their_names_at_the_size_laid_out():
    class Recorder:
        theme = LIGHT

        def __init__(self):
            self.texts = []

        def text(self, text, box, size, bold=False, colour=None):
            self.texts.append((text, size))

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    journey = small_map()
    journey.departments[0].name = "Departmental"
    lay = layout_map(journey, ApproximateMetrics())
    lane = lay.lanes[0]
    assert lane.label_lines == ["Departmental"] and lane.label_size < lay.style.lane_label_size
    painter = Recorder()
    draw_map(lay, painter)
    assert ("Departmental", lane.label_size) in painter.texts
