"""The PDF as people receive it: complete text, embedded fonts, metadata, bookmarks, a map that
opens back in cxmapper, and no way for map text to act as markup."""

import io
import re
import shutil
import subprocess

import pytest
from factories import small_map, stress_map
from pypdf import PdfReader

from cxmapper.export.paper import PAGE_SIZES, PdfOptions
from cxmapper.export.pdf import export_pdf
from cxmapper.export.pdf_document import ATTACHMENT
from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
from cxmapper.model.journey import Touchpoint
from cxmapper.model.templates import load_template, template_names


def read(data):
    return PdfReader(io.BytesIO(data))


def all_text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text):
    return " ".join(text.split())


def fonts_of(reader):
    found = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font.get("/BaseFont"))] = embedded
    return found


@pytest.mark.parametrize("name", template_names())
def test_every_template_exports_with_every_word_and_only_embedded_fonts(name):
    journey = load_template(name)
    reader = read(export_pdf(journey, PdfOptions("A3")))
    text = squash(all_text(reader))
    for tp in journey.touchpoints:
        assert squash(tp.title) in text
        for note in [tp.description, tp.root_cause, *tp.pain_points, *tp.opportunities, *tp.quotes]:
            assert squash(note) in text, note
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), fonts


@pytest.mark.parametrize(
    ("size", "poster"), [("A4", False), ("A1", False), ("Letter", True), ("A2", True)]
)
def test_page_sizes_one_page_and_poster(size, poster):
    journey = load_template("car-service-visit")
    reader = read(export_pdf(journey, PdfOptions(size, poster=poster, report=False)))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    expected = sorted(PAGE_SIZES[size])
    assert (min(width, height), max(width, height)) == pytest.approx(tuple(expected), abs=1)
    assert width > height  # landscape by default
    if poster:
        assert len(reader.pages) > 1
        first = all_text(reader).split("\f")[0]
        assert "row 1 of" in all_text(reader) and ", column 1 of" in all_text(reader)
        # department names repeat on the sheets of later columns
        second_column = reader.pages[1].extract_text()
        assert any(d.name in second_column for d in journey.departments), first[:100]
    else:
        assert len(reader.pages) == 1


def test_metadata_bookmarks_and_page_numbers():
    journey = load_template("subscription-service")
    data = export_pdf(journey)
    assert data.startswith(b"%PDF-1.4")  # it uses transparency, so it must not claim 1.3
    reader = read(data)
    meta = reader.metadata
    assert meta.title == journey.title
    assert meta.creator.startswith("cxmapper ")
    assert "customer journey map" in meta["/Keywords"]
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert titles[0] == "Journey map"
    assert [t for t in titles if t.startswith("Stage: ")] == [
        f"Stage: {s.name}" for s in journey.stages
    ]
    assert "Department summary" in titles
    assert f"page {len(reader.pages)}" in reader.pages[-1].extract_text()


def test_the_attached_map_opens_back_identical():
    journey = load_template("product-lifecycle")
    data = export_pdf(journey)
    attached = read(data).attachments[ATTACHMENT][0]
    assert attached == map_to_bytes(journey)
    assert map_from_bytes(data) == journey


def test_the_report_can_be_left_out():
    journey = load_template("retail-store-visit")
    with_report = read(export_pdf(journey, PdfOptions(report=True)))
    without = read(export_pdf(journey, PdfOptions(report=False)))
    assert len(without.pages) == 1 < len(with_report.pages)


HOSTILE = [
    "AT&T <b>bold</b> & \"quotes\" 'single'",
    '<img src="/etc/passwd"/> <a href="http://example.com">x</a>',
    '<font name="Courier">not a font change</font> <br/> &amp; &lt;',
    "Ελληνικά, кириллица, 東京の駅, 中文测试, 한국어 여정, emoji 😀🎉 then the rest",
    "right-to-left עברית العربية",
    "tab\tand\nnew line",
    "x" * 2000,
]


def test_hostile_and_unusual_text_prints_literally_and_completely(tmp_path):
    journey = small_map()
    for i, text in enumerate(HOSTILE):
        journey.touchpoints.append(
            Touchpoint(
                id=f"h{i}",
                title=text.replace("\n", " ").replace("\t", " ")[:200],
                stage_id="s-sales",
                department_id="d-sales",
                description=text,
                pain_points=[text.splitlines()[0][:1000]],
                position=i + 1,
                feeling=-2 + i % 5,
            )
        )
    data = export_pdf(journey, PdfOptions("A3"))
    text = squash(all_text(read(data)))
    assert 'AT&T <b>bold</b> & "quotes"' in text
    assert '<img src="/etc/passwd"/>' in text
    assert '<font name="Courier">not a font change</font>' in text and "&amp; &lt;" in text
    assert "Ελληνικά, кириллица, 東京の駅, 中文测试, 한국어 여정" in text
    assert "then the rest" in text  # an emoji no font has swallows nothing after it
    assert "x" * 2000 in text.replace(" ", "")  # long notes complete in the report pages
    assert map_from_bytes(data) == journey


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is installed by .ci/run")
@pytest.mark.parametrize("poster", [False, True])
def test_qpdf_finds_the_pdf_sound(tmp_path, poster):
    path = tmp_path / "map.pdf"
    path.write_bytes(
        export_pdf(load_template("car-service-visit"), PdfOptions("A3", poster=poster))
    )
    done = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_unknown_page_size_is_refused():
    with pytest.raises(ValueError, match='unknown page size "B5"'):
        export_pdf(small_map(), PdfOptions("B5"))


def test_huge_notes_many_departments_and_empty_maps_still_export():
    from cxmapper.model.journey import Department, JourneyMap, Stage

    journey = small_map()
    journey.touchpoints[0].description = "word " * 4000  # 20,000 characters
    journey.touchpoints[0].pain_points = [f"pain {i}" for i in range(120)]
    journey.departments += [
        Department(id=f"d{i}", name=f"Department number {i} with a long name") for i in range(60)
    ]
    for size in ("A4", "Letter"):
        reader = read(export_pdf(journey, PdfOptions(size, landscape=False)))
        assert "pain 119" in all_text(reader)
    for bare in (
        JourneyMap(title="Nothing yet"),
        JourneyMap(title="Stages only", stages=[Stage(id="s", name="S")]),
    ):
        reader = read(export_pdf(bare))
        assert bare.title in all_text(reader)


def test_stage_bookmarks_point_at_the_page_where_the_stage_starts():
    journey = load_template("retail-store-visit")
    reader = read(export_pdf(journey, PdfOptions("A1")))

    def entries(items):
        for item in items:
            yield from entries(item) if isinstance(item, list) else [item]

    for entry in entries(reader.outline):
        if entry.title.startswith("Stage: "):
            page = reader.get_destination_page_number(entry)
            name = entry.title.removeprefix("Stage: ")
            assert name in squash(reader.pages[page].extract_text()), entry.title


def test_the_report_opens_with_the_map_in_its_own_words():
    journey = load_template("product-lifecycle")
    text = squash(all_text(read(export_pdf(journey))))
    for words in [
        journey.description,
        journey.persona.description,
        journey.scenario,
        *journey.persona.goals,
    ]:
        assert squash(words) in text


def test_every_poster_sheet_the_curve_crosses_draws_it():
    """The curve is one curve: a sheet between two distant faces still shows its piece."""
    from cxmapper.drawing.map import draw_map
    from cxmapper.export.fonts import PdfTextMetrics
    from cxmapper.export.poster import map_sheets
    from cxmapper.layout import layout_map

    journey = load_template("car-service-visit")
    for tp in journey.touchpoints[1:-1]:
        tp.feeling = None  # only the first and last are rated: the curve spans the whole map
    lay = layout_map(journey, PdfTextMetrics())

    from cxmapper.layout.style import LIGHT

    class Counter:
        theme = LIGHT

        def __init__(self):
            self.curves = 0

        def curve(self, start, segments, colour, width, dashed=False):
            if width == 3:  # the emotion curve (faces' mouths are curves too)
                self.curves += 1

        def __getattr__(self, name):
            return lambda *a, **k: None

    for sheet in map_sheets(lay, 1100, 760, poster=True):
        counter = Counter()
        draw_map(lay, counter, visible=sheet.region)
        first, last = lay.points[0].center.x, lay.points[-1].center.x
        if sheet.region.x < last and sheet.region.right > first:
            assert counter.curves == 1, sheet.label


@pytest.mark.parametrize("name", template_names())
def test_no_page_is_left_blank(name):
    reader = read(export_pdf(load_template(name), PdfOptions("A4", landscape=False)))
    for number, page in enumerate(reader.pages, start=1):
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        assert len(lines) > 3, f"page {number} holds only its header and footer"


def test_reportlab_runs_with_its_c_accelerator():
    """rl-accel is a dependency: without it every PDF takes about 15% longer."""
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == "_rl_accel"
    assert not rl_accel._py_funcs  # no function fell back to Python


@pytest.mark.parametrize("name", template_names())
def test_a_stage_heading_is_never_left_at_a_page_foot(name):
    """Each stage's heading lands on the page of its first touchpoint's notes."""
    journey = load_template(name)
    reader = read(export_pdf(journey, PdfOptions("A4")))
    pages = {}

    def entries(outline):
        for entry in outline:
            if isinstance(entry, list):
                yield from entries(entry)
            else:
                yield entry

    for entry in entries(reader.outline):
        if entry.title.startswith("Stage: "):
            pages[entry.title.removeprefix("Stage: ")] = reader.get_destination_page_number(entry)
    ordered = journey.touchpoints_in_time_order()
    for stage in journey.stages:
        first = next((tp for tp in ordered if tp.stage_id == stage.id), None)
        if first is not None:
            text = squash(reader.pages[pages[stage.name]].extract_text())
            assert squash(first.title) in text, stage.name


def test_a_touchpoint_note_longer_than_a_page_goes_on_and_says_so():
    journey = small_map()
    journey.touchpoints[0].pain_points = [f"Pain point number {n} of many" for n in range(160)]
    reader = read(export_pdf(journey, PdfOptions("A4")))
    text = squash(all_text(reader))
    assert "(continued)" in text
    for n in range(160):
        assert f"Pain point number {n} of many" in text


def test_pages_say_page_n_of_m():
    reader = read(export_pdf(load_template("product-lifecycle"), PdfOptions("A3")))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        assert f"page {number} of {total}" in page.extract_text()


def test_a_map_without_a_persona_has_no_near_blank_page():
    journey = small_map()
    journey.persona.name = journey.persona.description = ""
    journey.persona.goals = []
    journey.description = journey.scenario = ""
    reader = read(export_pdf(journey, PdfOptions("A4")))
    about = reader.pages[1].extract_text()
    assert journey.title in about
    assert journey.stages[0].name in about  # the stages follow on, not on a page of their own


def test_the_cjk_and_korean_fonts_are_read_only_for_maps_that_need_them():
    import subprocess
    import sys

    script = (
        "from cxmapper.export.pdf import export_pdf\n"
        "from cxmapper.model.templates import load_template\n"
        "from cxmapper.export import fonts\n"
        "export_pdf(load_template('product-lifecycle'))\n"
        "print(sorted(n for n in fonts._FILES if fonts.register.cache_info().currsize and "
        "n in __import__('reportlab.pdfbase.pdfmetrics', fromlist=['x']).getRegisteredFontNames()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "cxm-DroidSansFallback" not in done.stdout and "cxm-DejaVuSans" in done.stdout


def test_lane_labels_are_tinted_not_solid():
    """The lane label's background is its colour at 13%: text on it stays readable in print."""
    journey = small_map()
    reader = read(export_pdf(journey, PdfOptions("A3", report=False)))
    states = reader.pages[0]["/Resources"]["/ExtGState"]
    alphas = {round(float(s.get_object().get("/ca", 1)), 2) for s in states.values()}
    assert 0.13 in alphas
    tint = next(
        k for k, s in states.items() if round(float(s.get_object().get("/ca", 1)), 2) == 0.13
    )
    content = reader.pages[0].get_contents().get_data().decode("latin-1")
    # Everything drawn at 13%: its fill colour, then what is drawn until the state is restored.
    tinted = re.findall(rf"([\d. ]+) rg\n{tint} gs\n(.*?)\nQ\n", content, re.S)
    number = r"-?[\d.]+"
    for _colour, drawn in tinted:  # one filled rectangle each: no text, no line at 13%
        assert re.fullmatch(rf"n( {number}){{4}} re f\*?", drawn), drawn
    # one per lane, each in its own department's colour
    colours = sorted(tuple(round(float(v) * 255) for v in c.split()) for c, _ in tinted)
    departments = [d.colour.lstrip("#") for d in journey.departments]
    assert colours == sorted(tuple(int(c[i : i + 2], 16) for i in (0, 2, 4)) for c in departments)


def test_a_map_too_small_to_read_says_on_the_page_what_prints_it():
    journey = stress_map()
    reader = read(export_pdf(journey, PdfOptions("A4", report=False)))
    text = squash(reader.pages[0].extract_text())
    assert "Too small to read: on one A4 page the map is scaled to" in text
    advice = re.search(r"one (A\d) (landscape|portrait) page prints it legibly", text)
    assert advice, text
    # The page it names prints the map legibly, and it is the smallest that does.
    size, landscape = advice[1], advice[2] == "landscape"
    advised = read(export_pdf(journey, PdfOptions(size, landscape, report=False)))
    assert "Too small to read" not in advised.pages[0].extract_text()
    smaller = f"A{int(size[1]) + 1}"
    for turned in (True, False):
        tried = read(export_pdf(journey, PdfOptions(smaller, turned, report=False)))
        assert "Too small to read" in tried.pages[0].extract_text()
    fine = read(export_pdf(small_map(), PdfOptions("A3", report=False)))
    assert "Too small to read" not in fine.pages[0].extract_text()


def test_a_stage_header_cut_by_a_poster_sheet_is_fitted_to_what_shows():
    from cxmapper.export.fonts import PdfTextMetrics, pdf_fitter
    from cxmapper.export.paper import pdf_layout
    from cxmapper.layout.geometry import Rect
    from cxmapper.layout.journey_layout import header_part

    lay = pdf_layout(load_template("product-lifecycle"))
    metrics, s = PdfTextMetrics(), lay.style
    for i, stage in enumerate(lay.stages):
        width = stage.header.w * 0.7  # the header began on the sheet to the left
        head = Rect(stage.header.right - width, stage.header.y, width, stage.header.h)
        name, goal, size = header_part(lay, i, head, pdf_fitter())
        words = " ".join(stage.name_lines).split()
        for line in name:
            assert metrics.text_width(line, size, True) <= head.w - 16 + 1e-6
            assert all(word in words for word in line.split())  # no word broken in two
        used = 8 + len(name) * s.line_height(size) + 4
        assert used + len(goal) * s.line_height(s.stage_goal_size) + 8 <= head.h + 1e-6


def test_the_sheet_label_never_runs_into_the_version_stamp():
    narrow = read(
        export_pdf(load_template("product-lifecycle"), PdfOptions("A4", False, True, False))
    )
    text = narrow.pages[0].extract_text()
    assert "Poster sheet row 1 of" in text and "lay over the neighbours" not in text
    wide = read(export_pdf(load_template("product-lifecycle"), PdfOptions("A1", True, True, False)))
    assert "lay over the neighbours up to the crop marks" in wide.pages[0].extract_text()


def test_a_poster_sheet_with_nothing_of_the_map_on_it_is_not_printed(monkeypatch):
    """Only sheets that hold some of what the map draws are printed (blank paper beside the
    legend is not a sheet to tape up)."""
    from cxmapper.export import paper, poster
    from cxmapper.layout.geometry import Rect

    lay = paper.pdf_layout(load_template("product-lifecycle"))
    w, h = paper.page_size(PdfOptions("A3", True, True))
    frame = (w - 2 * paper.MARGIN, h - 2 * paper.MARGIN - paper.FOOTER)
    every = poster.map_sheets(lay, *frame, poster=True)
    assert len(every) > 2
    only_the_title = [Rect(lay.header.title_box.x, lay.header.title_box.y, 10, 10)]
    monkeypatch.setattr(poster, "drawn_parts", lambda _lay: only_the_title)
    printed = poster.map_sheets(lay, *frame, poster=True)
    assert [s.label for s in printed] == [every[0].label]


@pytest.mark.parametrize("grid", [(3, 2), (2, 1), (1, 1), (4, 3)])
def test_a_poster_fitted_to_a_number_of_sheets_takes_no_more(grid):
    journey = load_template("product-lifecycle")
    reader = read(export_pdf(journey, PdfOptions("A3", True, True, False, sheets=grid)))
    columns, rows = grid
    assert 1 <= len(reader.pages) <= columns * rows
    text = squash(all_text(reader))
    for tp in journey.touchpoints:
        assert squash(tp.title) in text


def test_a_posters_report_pages_are_on_a_page_to_read_in_the_hand():
    journey = load_template("product-lifecycle")
    reader = read(export_pdf(journey, PdfOptions("A1", True, True, True)))
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    ]
    sheets = [s for s in sizes if s == (2384, 1684)]
    assert sheets and all(s == (595, 842) for s in sizes[len(sheets) :])  # then A4 portrait
    chosen = read(export_pdf(journey, PdfOptions("A1", True, True, True, report_size="A3")))
    assert (
        round(float(chosen.pages[-1].mediabox.width)),
        round(float(chosen.pages[-1].mediabox.height)),
    ) == (842, 1191)
    total = len(reader.pages)
    assert f"page {total} of {total}" in reader.pages[-1].extract_text()


@pytest.mark.parametrize(
    "options",
    [PdfOptions("A3", True, True, False), PdfOptions("A4", False, True, False, sheets=(3, 2))],
)
def test_crop_marks_of_neighbouring_sheets_meet_on_the_same_line_of_the_map(options):
    from cxmapper.export import paper
    from cxmapper.export.poster import map_sheets

    lay = paper.pdf_layout(load_template("product-lifecycle"))
    w, h = paper.page_size(options)
    sheets = map_sheets(
        lay, w - 2 * paper.MARGIN, h - 2 * paper.MARGIN - paper.FOOTER, True, options.sheets
    )
    by_place = {}
    for sheet in sheets:
        row_part, column_part = sheet.label.split(", ")  # "row 1 of 2", "column 3 of 3"
        row, column = int(row_part.split()[1]), int(column_part.split()[1])
        by_place[(row, column)] = sheet
    checked = 0
    for (row, column), sheet in by_place.items():
        xs, ys = sheet.mark_lines()
        right = by_place.get((row, column + 1))
        if right is not None:
            mine = sheet.to_map(xs[1], ys[0])[0]
            theirs = right.to_map(right.mark_lines()[0][0], ys[0])[0]
            assert abs(mine - theirs) < 0.01
            checked += 1
        below = by_place.get((row + 1, column))
        if below is not None:
            mine = sheet.to_map(xs[0], ys[0])[1]
            theirs = below.to_map(xs[0], below.mark_lines()[1][1])[1]
            assert abs(mine - theirs) < 0.01
            checked += 1
    assert checked


def test_emoji_print_as_one_uniform_box_and_the_text_still_copies(caplog):
    journey = small_map()
    journey.touchpoints[0].title = "Loves it 😀🎉 then the rest"
    journey.touchpoints[0].description = "Thumbs 👍🏽 and a heart ❤️ too"
    with caplog.at_level("WARNING"):
        text = squash(all_text(read(export_pdf(journey, PdfOptions("A3")))))
    assert "Loves it □□ then the rest" in text
    assert "Thumbs □ and a heart ❤ too" in text  # one box for one emoji, skin tone and all
    assert "invalid hex" not in caplog.text  # the text mapping is valid


def test_bold_chinese_japanese_and_korean_are_drawn_bold():
    """The fallback fonts have no bold: bold CJK text is filled and outlined (render mode 2)."""
    journey = small_map()
    journey.touchpoints[0].title = "東京の駅 한국어"  # card titles and note titles are bold
    reader = read(export_pdf(journey, PdfOptions("A3")))
    content = "".join(p.get_contents().get_data().decode("latin-1") for p in reader.pages)
    assert "2 Tr" in content and "0 Tr" in content
    assert "東京の駅" in squash(all_text(reader))


def test_right_to_left_text_prints_shaped_and_in_display_order():
    from cxmapper.export.fonts import visual

    assert visual("שלום עולם") == "םלוע םולש"  # drawn right to left
    shaped = visual("العربية")
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in shaped)  # joined forms
    assert visual("plain text") == "plain text"
    journey = small_map()
    journey.touchpoints[0].title = "שלום עולם and العربية"
    reader = read(export_pdf(journey, PdfOptions("A4")))
    assert "שלום עולם" in all_text(reader)  # copied in reading order


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="installed by .ci/run")
def test_copy_and_search_find_every_script_as_written(tmp_path):
    """Right-to-left lines are drawn in display order with Arabic letters joined; the PDF maps
    the joined letters back to those typed, so a viewer's copy and search find the words."""
    journey = stress_map()
    path = tmp_path / "m.pdf"
    path.write_bytes(export_pdf(journey, PdfOptions("A3")))
    done = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=120
    )
    text = " ".join(done.stdout.replace("\u202b", "").replace("\u202c", "").split())
    for words in (
        "يتصل بخدمة العملاء",  # lam-alef, a ligature, comes back as two letters
        "שואל על החשבון",
        "خدمة العملاء",
        "查看账单",
        "請求書を確認する",
        "고객센터에 전화",
        'AT&T <b>"quoted"</b> </text><script>',
        "Calls support about the router that keeps dropping the connection every evening",
    ):
        assert words in text, words


def test_each_bookmark_opens_the_page_its_heading_is_on():
    """(All of them once pointed at the map's page: pages are held back to number them.)"""
    journey = load_template("car-service-visit")
    reader = read(export_pdf(journey, PdfOptions("A4")))

    def entries(outline):
        for entry in outline:
            yield from entries(entry) if isinstance(entry, list) else [entry]

    pages = {e.title: reader.get_destination_page_number(e) for e in entries(reader.outline)}
    assert pages["Journey map"] == 0
    assert 0 < pages["About this map"] <= pages["Touchpoints by stage"]
    stages = [pages[f"Stage: {s.name}"] for s in journey.stages]
    assert stages == sorted(stages) and stages[-1] > stages[0]
    assert pages["Department summary"] > stages[-1]
