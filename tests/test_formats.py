"""The formats' lists (model/formats.py READERS, canvas/png_format.py WRITERS): each format once,
read and written the same from the command line and the window, a format added in one entry
offered by both, and the one place that says what a PDF looks like."""

import ast
from pathlib import Path

import pytest
from factories import close_quietly, small_map

from cxmapper import __version__
from cxmapper.canvas import png_format
from cxmapper.cli import main
from cxmapper.export.formats import PAGE_SIZE_NAMES, PDF, SVG, page_size_named, sheet_grid
from cxmapper.model import formats, writers
from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes, save_map
from cxmapper.model.formats import Reader, file_is_pdf, is_pdf, read_map
from cxmapper.model.problems import MapError
from cxmapper.model.writers import JSON, OptionRefused, Writer, Written

PACKAGE = Path(__file__).resolve().parent.parent / "cxmapper"


def test_every_format_is_listed_once():
    written, readers = png_format.WRITERS, formats.READERS
    assert [w.name for w in written] == ["json", "csv", "pdf", "png", "svg", "mermaid"]
    assert len({w.suffix for w in written}) == len(written)
    assert [r.name for r in readers] == ["json", "csv", "pdf", "mermaid"]
    assert len({r.suffix for r in readers}) == len(readers)
    picked = [s for r in readers for s in r.picked_by]
    assert len(picked) == len(set(picked))
    assert [r for r in readers if r.own_file] == [formats.JSON_MAP]


def test_the_command_line_offers_each_writer_once():
    from cxmapper.cli import _command_parser

    parser = _command_parser()
    export = parser._subparsers._group_actions[0].choices["export"]
    flags = [o for a in export._actions for o in a.option_strings]
    for writer in png_format.WRITERS:
        assert flags.count(f"--{writer.name}") == 1
        for option in writer.options:
            assert flags.count(option.flag) == 1


def test_the_window_dialogs_show_what_they_showed():
    from cxmapper.app.file_actions import file_filter, open_filter

    assert open_filter() == (
        "Journey maps, spreadsheets, PDFs and Mermaid (*.json *.csv *.pdf *.mmd);;"
        "Journey maps (*.json);;Spreadsheets (*.csv);;PDFs exported by cxmapper (*.pdf);;"
        "Mermaid journey diagrams (*.mmd);;All files (*)"
    )
    imports = {
        r.import_title: file_filter(r.import_files, r.import_suffixes)
        for r in formats.READERS
        if r.import_title
    }
    assert imports == {
        "Import CSV": "Spreadsheets (*.csv *.tsv *.txt)",
        "Import Mermaid": "Mermaid diagrams (*.mmd *.mermaid *.md *.txt)",
    }
    shown = {w.name: (w.title, file_filter(w.files, [w.suffix])) for w in png_format.WRITERS}
    assert shown == {
        "json": ("Export a copy as JSON", "Journey maps (*.json)"),
        "csv": ("Export CSV", "Spreadsheets (*.csv)"),
        "pdf": ("Export PDF", "PDF (*.pdf)"),
        "png": ("Export PNG", "PNG pictures (*.png)"),
        "svg": ("Export SVG", "SVG pictures (*.svg)"),
        "mermaid": ("Export Mermaid", "Mermaid diagrams (*.mmd)"),
    }


# --- a format added in one entry -----------------------------------------------------------
def _write_workbook(journey, _settings):
    return Written(f"workbook of {len(journey.touchpoints)}".encode())


WORKBOOK = Writer(
    "xlsx",
    "xlsx",
    "Excel workbook",
    "Workbooks",
    "Export Excel",
    "a workbook, a sheet per stage",
    _write_workbook,
    lambda journey, _settings: f"{len(journey.touchpoints)} rows",
    article="an",
)


@pytest.fixture
def with_workbooks(monkeypatch):
    monkeypatch.setattr(png_format, "WRITERS", (*png_format.WRITERS, WORKBOOK))


def test_a_new_writer_is_offered_by_the_command_line(with_workbooks, tmp_path, capsys):
    source, out = tmp_path / "m.json", tmp_path / "m.xlsx"
    save_map(small_map(), source)
    assert main(["export", str(source), "--xlsx", str(out)]) == 0
    n = len(small_map().touchpoints)
    assert out.read_bytes() == f"workbook of {n}".encode()
    assert capsys.readouterr().out == f"{out}: written ({n} rows)\n"
    assert main(["export", str(source), "--json", str(tmp_path / "x.xlsx")]) == 2
    assert "named like an XLSX file" in capsys.readouterr().err


def test_a_new_writer_is_offered_by_the_window(with_workbooks, qtbot, tmp_path, monkeypatch):
    from cxmapper.app.window import MainWindow

    asked = []
    out = tmp_path / "m.xlsx"
    monkeypatch.setattr(MainWindow, "ask_file", lambda self, *a: asked.append(a) or out)
    window = MainWindow()
    try:
        window.show_sample()
        assert window.export(WORKBOOK)
        suggested, title, filters, suffix = asked[0]
        assert (title, filters, suffix) == ("Export Excel", "Workbooks (*.xlsx)", "xlsx")
        assert suggested.suffix == ".xlsx"
        assert out.read_bytes().startswith(b"workbook of ")
    finally:
        close_quietly(window)


def _read_lines(data, path, title):
    journey = small_map()
    journey.title = title or path.stem
    return journey, [f"{len(data.splitlines())} lines read"]


LINES = Reader("lines", "list", "Line lists", "line lists", "lines", _read_lines, ("lines",))


def test_a_new_reader_is_opened_by_name_and_shown_by_the_window(monkeypatch, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    from cxmapper.app.file_actions import FileActions, open_filter, opened_suffixes

    monkeypatch.setattr(formats, "READERS", (*formats.READERS, LINES))
    path = tmp_path / "steps.lines"
    path.write_bytes(b"a\nb\n")
    opened = read_map(path)
    assert (opened.journey.title, opened.kind, opened.notes) == ("steps", "lines", ["2 lines read"])
    assert not opened.own_file
    assert open_filter().startswith("Journey maps, spreadsheets, PDFs, Mermaid and line lists (")
    assert "*.mmd *.lines);;" in open_filter() and ";;Line lists (*.lines);;" in open_filter()
    assert ".lines" in opened_suffixes()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert FileActions.dropped_files(mime) == [path]


# --- reading -------------------------------------------------------------------------------
def test_read_map_picks_the_reader_by_name_then_by_content(tmp_path):
    from cxmapper.export.pdf import export_pdf

    journey = small_map()
    cases = {
        "map.json": (map_to_bytes(journey), "json"),
        "map.txt": (map_to_bytes(journey), "json"),
        "map.pdf": (export_pdf(journey), "pdf"),
        "exported.json": (export_pdf(journey), "pdf"),
        "sheet.CSV": (b"stage,touchpoint,colour\nS,T,red\n", "csv"),
        "flow.mmd": (b"journey\n section S\n  t: 3: Me\n", "mermaid"),
        "flow.mermaid": (b"journey\n section S\n  t: 3: Me\n", "mermaid"),
    }
    for name, (data, kind) in cases.items():
        (tmp_path / name).write_bytes(data)
        opened = read_map(tmp_path / name)
        assert opened.kind == kind, name
        assert opened.own_file == (kind == "json")
        if kind in ("json", "pdf"):
            assert opened.journey == load_map(tmp_path / name)
    sheet = read_map(tmp_path / "sheet.CSV")
    assert sheet.journey.title == "sheet" and any("colour" in n.lower() for n in sheet.notes)
    assert read_map(tmp_path / "flow.mmd").journey.title == "flow"


def test_the_readers_bounds_are_their_formats_own():
    from cxmapper.model import mermaid, spreadsheet

    assert formats.SPREADSHEET.limit == spreadsheet.MAX_CSV_BYTES
    assert formats.MERMAID_DIAGRAM.limit == mermaid.MAX_BYTES


def test_read_map_names_the_file_and_reads_within_the_readers_bound(tmp_path):
    path = tmp_path / "big.mmd"
    path.write_bytes(b"journey\n" + b"%% x\n" * (1 << 20))
    with pytest.raises(MapError) as raised:
        read_map(path)
    assert raised.value.source == str(path) and "the limit is 4 MB" in raised.value.problems[0]
    bad = tmp_path / "bad.mmd"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(MapError, match="not UTF-8 text"):
        read_map(bad)
    forced = tmp_path / "notes.txt"  # File > Import reads any name as its kind
    forced.write_bytes(b"stage,touchpoint\nS,T\n")
    assert read_map(forced, formats.SPREADSHEET).kind == "csv"


def test_a_sheet_is_named_after_its_file_unless_a_title_is_given(tmp_path):
    path = tmp_path / f"{'x' * 120}.csv"
    path.write_bytes(b"stage,touchpoint\nS,T\n")
    assert read_map(path).journey.title == "x" * 80  # as File > Import always named it
    assert read_map(path, title="Workshop").journey.title == "Workshop"


# --- the PDF check in one place ------------------------------------------------------------
# The modules that still say it themselves, until their owners call formats.is_pdf (issue 21).
PENDING: set[str] = set()


def test_what_a_pdf_looks_like_is_said_in_one_place():
    saying = {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "%PDF" in p.read_text(encoding="utf-8")
    }
    assert saying - PENDING == {"model/formats.py"}


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n", b" \n\t%PDF-1.4", b"%PDF", b"%pdf-1.7", b"{}", b"", b"x%PDF-1.7"],
)
def test_is_pdf_agrees_with_the_file_format(tmp_path, data):
    path = tmp_path / "f"
    path.write_bytes(data)
    assert is_pdf(data) == file_is_pdf(path) == data.lstrip().startswith(b"%PDF-")
    try:
        map_from_bytes(data)
    except MapError as exc:
        assert ("PDF" in exc.problems[0]) == is_pdf(data)


def test_a_missing_file_is_no_pdf(tmp_path):
    assert not file_is_pdf(tmp_path / "missing.pdf")


# --- writing -------------------------------------------------------------------------------
def test_the_writers_write_what_they_wrote_before():
    from cxmapper.export.svg import export_svg
    from cxmapper.model.mermaid import to_mermaid
    from cxmapper.model.spreadsheet import export_csv

    journey = small_map()
    journey.metadata.app_version = "0.0.1"
    written = JSON.write(journey, None).data
    assert written == map_to_bytes(writers.stamped(journey))
    assert map_from_bytes(written).metadata.app_version == __version__
    assert journey.metadata.app_version == "0.0.1"  # a copy is stamped, not the map
    assert writers.CSV.write(journey, None).data == export_csv(journey)
    assert writers.MERMAID.write(journey, None).data == to_mermaid(journey).encode("utf-8")
    assert SVG.write(journey, None).data == export_svg(journey)
    assert JSON.write(journey, None).note(True) == ""


def test_the_pdf_options_read_as_before():
    from cxmapper.export.paper import PAGE_SIZES, PdfOptions

    assert tuple(PAGE_SIZES) == PAGE_SIZE_NAMES
    assert page_size_named(" letter ") == "Letter"
    assert sheet_grid("3×2") == (3, 2)
    with pytest.raises(OptionRefused, match="unknown page size 'B5'"):
        page_size_named("B5")
    with pytest.raises(OptionRefused, match="each 1 to 20"):
        sheet_grid("0x2")
    values = {o.key: o.default for o in PDF.options}
    assert PDF.settings(values) == PdfOptions("A3", True, False, True, None, None)
    assert PDF.summary(small_map(), PdfOptions(landscape=False, sheets=(3, 2))).startswith(
        "A3 portrait poster of 3x2 sheets, "
    )


def test_the_png_scale_reads_as_before():
    from cxmapper.canvas.picture import BASE_DPI

    assert png_format.BASE_DPI == BASE_DPI
    scale = png_format.png_scale
    assert scale({"dpi": None, "scale": None}) == 1.0
    assert scale({"dpi": 192.0, "scale": None}) == 2.0
    for values, said in [
        ({"dpi": 96.0, "scale": 1.0}, "both say how big"),
        ({"dpi": 5.0, "scale": None}, "--dpi: must be between 10 and 1536, not 5"),
        ({"dpi": None, "scale": 20.0}, "--scale: must be between 0.1 and 16, not 20"),
    ]:
        with pytest.raises(OptionRefused, match=said):
            scale(values)


def test_a_picture_too_large_cannot_be_written(monkeypatch):
    monkeypatch.setattr("cxmapper.canvas.picture.MOST_PIXELS", 1000)
    with pytest.raises(writers.CannotWrite, match="too large"):
        png_format.PNG.write(small_map(), 4.0)


# --- the command line's modules ------------------------------------------------------------
def test_the_commands_never_import_the_command_lines_top():
    """cli/__init__.py imports the commands; they share cli/output.py, never the top."""
    submodules = {p.stem for p in (PACKAGE / "cli").glob("*.py")}
    for path in (PACKAGE / "cli").glob("*.py"):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "cxmapper.cli":
                assert {a.name for a in node.names} <= submodules, path.name
            if isinstance(node, ast.Import):
                assert "cxmapper.cli" not in {a.name for a in node.names}, path.name
