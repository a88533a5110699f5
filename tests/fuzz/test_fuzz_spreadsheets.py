"""Spreadsheets (CSV), whatever they hold: a map and notes, or MapError naming the file and
the row and column. Read as File > Import and File > Open read a .csv (the editor's
JourneyDocument.open) and as `cxmapper import-csv` does (import_csv on the file's bytes).

An imported map must save and load again as the same map, and its own CSV export must import
again. See fuzzing.py for the long run (CXMAPPER_FUZZ=long).
"""

import csv
import io

import pytest
from factories import journey_maps, small_map, stress_map
from fuzzing import (
    CSV_CELLS,
    CSV_HEADERS,
    SEED,
    SHEETS,
    STRINGS,
    TEMPLATES,
    Campaign,
    SheetMutator,
    count,
    examples,
    open_in_editor,
    read_rows,
    roundtrips,
    usable,
)
from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.csv_format import ALIASES, COLUMNS
from cxmapper.model.problems import MapError
from cxmapper.model.spreadsheet import CsvImport, export_csv, import_csv
from cxmapper.model.templates import load_template


def _corpus() -> list[bytes]:
    maps = [load_template(p.stem) for p in TEMPLATES] + [small_map(), stress_map()]
    return [export_csv(m) for m in maps] + [p.read_bytes() for p in SHEETS]


CORPUS = _corpus()


def sound_import(result) -> None:
    """An import's map saves and loads again; its notes are text; its export imports again."""
    if not isinstance(result, CsvImport):  # the editor's reader gives the map itself
        usable(result)
        again = import_csv(export_csv(result))
    else:
        assert all(isinstance(w, str) and w for w in result.warnings), result.warnings
        usable(result.journey)
        again = import_csv(export_csv(result.journey))
    roundtrips(again.journey)


def _reader(data: bytes, title: str, path, how: str):
    if how == "memory":
        return lambda: import_csv(data, title=title)
    path.write_bytes(data)
    return lambda: open_in_editor(path)


@pytest.mark.slow
def test_mutated_spreadsheets_import_or_are_refused(tmp_path):
    campaign = Campaign("csv")
    m = SheetMutator(SEED + 2)
    path = tmp_path / "fuzzed sheet.csv"
    sheets = [read_rows(data) for data in CORPUS]
    for n in range(count("csv")):
        base = m.rng.randrange(len(CORPUS))
        if m.chance(0.2):
            data, recipe = m.mutate_bytes(CORPUS[base], CORPUS)
        else:
            data, recipe = m.mutate_sheet(sheets[base])
        title = m.pick(["Fuzz"] * 6 + [s[:80] for s in STRINGS])
        how = m.pick(["memory"] * 3 + ["editor"])
        campaign.attempt(
            f"#{n} from sheet {base}: {recipe}; title {title[:30]!r} (read from {how})",
            data,
            _reader(data, title, path, how),
            source="" if how == "memory" else str(path),
            check=sound_import,
        )
    campaign.assert_clean()


# --- hypothesis ---------------------------------------------------------------------------

hypothesis_sheets = Campaign("csv (hypothesis)")
headers = st.sampled_from(sorted(COLUMNS) + sorted(ALIASES) + CSV_HEADERS)
cells = st.sampled_from(CSV_CELLS) | st.text(max_size=20)


@examples(60)
@given(
    header=st.lists(headers, min_size=1, max_size=8),
    rows=st.lists(st.lists(cells, max_size=9), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "utf-32"]),
)
def test_any_sheet_of_known_columns(header, rows, delimiter, encoding):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows([header, *rows])
    data = out.getvalue().encode(encoding, "replace")
    hypothesis_sheets.must(lambda: import_csv(data), sound_import)


@examples(40)
@given(st.binary(max_size=300))
def test_any_bytes(data):
    hypothesis_sheets.must(lambda: import_csv(b"stage,touchpoint\n" + data), sound_import)
    hypothesis_sheets.must(lambda: import_csv(data), sound_import)


@examples(20)
@given(journey_maps())
def test_every_map_goes_out_to_a_sheet_and_comes_back(journey):
    hypothesis_sheets.must(lambda: import_csv(export_csv(journey)), sound_import)


# --- fixed cases: what fuzzing found (fixed in spreadsheet.py) --------------------------------

fixed = Campaign("csv (fixed cases)")


def _refused(data: bytes) -> str:
    result = fixed.must(lambda: import_csv(data), sound_import)
    assert result is None, "imported, but should have been refused"
    try:
        import_csv(data)
    except MapError as exc:
        return exc.message()
    raise AssertionError("not refused")


def test_a_cell_naming_a_hundred_thousand_departments_is_refused_at_once():
    """Each new name cost as much as all the names before it: 8,000 took 7 s, a 1 MB cell
    hours. Now the 101st department stops the import."""
    cell = "\n".join(f"D{i}" for i in range(100_000))
    said = _refused(f'stage,touchpoint,contributing_departments\nS,T,"{cell}"\n'.encode())
    assert said == "row 2, column contributing_departments: too many departments (at most 100)"


def test_names_that_make_the_same_id_are_refused_at_once_too():
    """Names of letters an id cannot hold ("é", "éé"...) all make "dept-item": finding the
    next free id walked the whole chain each time."""
    cell = "\n".join("é" * (i % 40 + 1) + "ü" * (i // 40) for i in range(3_000))
    said = _refused(f'stage,touchpoint,contributing_departments\nS,T,x\n,U,"{cell}"\n'.encode())
    assert said == "row 3, column contributing_departments: too many departments (at most 100)"
    rows = "".join(f"{'é' * (i % 40 + 1)}{'ü' * (i // 40)},T\n" for i in range(20_000))
    assert _refused(("stage,touchpoint\n" + rows).encode()) == (
        "row 102, column stage: too many stages (at most 100)"
    )


def test_ten_thousand_rows_handing_off_to_one_title_link_in_time_and_say_so_briefly():
    """Every row looked through every row of the same title (quadratic), and noted each."""
    sheet = ("stage,touchpoint,hands_off_to\n" + "S,T,T\n" * 10_000).encode()
    result = fixed.must(lambda: import_csv(sheet))  # (not saved and read again: 10,000 cards)
    assert len(result.journey.touchpoints) == 10_000
    assert all(t.leads_to for t in result.journey.touchpoints)
    assert len(result.warnings) == 101
    assert result.warnings[-1] == "... and 9900 more notes like that about handoffs"


def test_a_header_of_six_hundred_thousand_unknown_columns():
    """A first line over 1 MB was refused as "cannot be read" (the separator was guessed by
    reading it as one cell), and each unknown column made a note: now it imports, noted
    briefly."""
    data = ("stage,touchpoint," + "x," * 600_000 + "\nS,T\n").encode()
    result = fixed.must(lambda: import_csv(data), sound_import)
    assert len(result.journey.touchpoints) == 1
    assert len(result.warnings) == 101


def test_a_row_that_cannot_be_read_is_named_by_its_row_not_its_line():
    """The row after a cell of four lines is row 3, not line 6."""
    cell = "x" * ((1 << 20) + 1)
    data = ('stage,touchpoint,quote\nS,T,"a\nb\nc\nd"\nS,T,"' + cell + '"\n').encode()
    assert _refused(data).startswith("row 3: the CSV cannot be read")


NAMES = ["a\nb", "\udcff", "a\x1bb", "a\u2028b", "  ", "x" * 250, "\u202eevil"]


@pytest.mark.parametrize("stem", NAMES, ids=repr)
def test_a_sheet_is_never_refused_for_the_name_of_its_file(tmp_path, stem):
    """The editor makes the map's title of the file's name: a name with a line break, an
    escape or a byte that is not UTF-8 made a good sheet "title: must be a single line"."""
    path = tmp_path / f"{stem}.csv"
    path.write_bytes(b"stage,touchpoint\nS,T\n")
    journey = fixed.must(lambda: open_in_editor(path), usable, source=str(path))
    assert journey is not None, "refused"
    assert journey.title.strip()


@pytest.mark.parametrize("stem", NAMES, ids=repr)
def test_import_csv_never_refuses_a_sheet_for_the_name_of_its_file(tmp_path, stem, capsys):
    """`cxmapper import-csv` (no --title) titles the map after the file too: a name with a
    line break, an escape or a byte that is not UTF-8 is refused as a bad --title."""
    from cxmapper.cli import main

    path = tmp_path / f"{stem}.csv"
    path.write_bytes(b"stage,touchpoint\nS,T\n")
    code = main(["import-csv", str(path), "-o", str(tmp_path / "out.json")])
    assert code == 0, capsys.readouterr().err
