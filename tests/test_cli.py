"""The command line, run as users run it: real processes, real exit codes, no tracebacks."""

import json
import os
import subprocess
import sys

import pytest
from factories import small_map, stress_map

from cxmapper.model.fileformat import load_map, map_to_bytes, save_map
from cxmapper.model.journey import SCHEMA_VERSION
from cxmapper.model.templates import template_names


def cxmapper(*args, cwd=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CXMAPPER_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "cxmapper", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_new_validate_and_resave_are_byte_stable(tmp_path):
    out = tmp_path / "workshop.json"
    done = cxmapper("new", out, "--template", "subscription-service")
    assert done.returncode == 0, done.stderr
    first = out.read_bytes()
    done = cxmapper("validate", out)
    assert done.returncode == 0
    assert done.stdout.count("\n") == 1 and "ok" in done.stdout and "18 touchpoints" in done.stdout
    save_map(load_map(out), out)
    assert out.read_bytes() == first
    cxmapper("export", out, "--json", tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == first


def test_new_refuses_to_overwrite_a_map_without_force(tmp_path):
    out = tmp_path / "m.json"
    out.write_text("precious")
    done = cxmapper("new", out)
    assert done.returncode == 2 and "already exists; add --force" in done.stderr
    assert out.read_text() == "precious"
    assert cxmapper("new", out, "--force").returncode == 0


def test_templates_lists_one_a_line_name_first():
    done = cxmapper("templates")
    assert done.returncode == 0
    names = [line.split("\t")[0] for line in done.stdout.splitlines()]
    assert names == template_names()


def test_unknown_template_is_bad_input(tmp_path):
    done = cxmapper("new", tmp_path / "x.json", "--template", "spaceship")
    assert done.returncode == 2 and 'no template named "spaceship"' in done.stderr
    assert not (tmp_path / "x.json").exists()


def test_validate_lists_every_problem_and_exits_2(tmp_path):
    data = json.loads(map_to_bytes(small_map()))
    data["touchpoints"][1]["feeling"] = 7
    data["touchpoints"][0]["expectation"] = "wow"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    done = cxmapper("validate", bad)
    assert done.returncode == 2
    assert 'touchpoint "Monthly bill" (touchpoints[1]).feeling: must be between -2' in done.stderr
    assert 'touchpoint "Compares offers" (touchpoints[0]).expectation' in done.stderr
    assert done.stdout == ""


HOSTILE = {
    "empty.json": b"",
    "binary.json": bytes(range(256)) * 4,
    "truncated.json": map_to_bytes(small_map())[:300],
    "array.json": b"[]",
    "deep.json": b'{"format": "cxmapper-journey-map", "schema_version": 1, "title": '
    + b"[" * 50000
    + b"]" * 50000
    + b"}",
    "bigint.json": b'{"format": "cxmapper-journey-map", "schema_version": 1' + b"9" * 10000 + b"}",
    "newer.json": b'{"format": "cxmapper-journey-map", "schema_version": %d}'
    % (SCHEMA_VERSION + 1),
    "nan.json": map_to_bytes(small_map()).replace(b'"position": 0.0', b'"position": NaN', 1),
    "surrogate.json": map_to_bytes(small_map()).replace(b'"Compares offers"', b'"\\ud800 offers"'),
    "many.json": json.dumps(
        {
            **json.loads(map_to_bytes(small_map())),
            "stages": [{"id": f"s{i}", "name": "S"} for i in range(101)],
        }
    ).encode(),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_exit_2_with_a_message(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    done = cxmapper("validate", path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"cxmapper: {path}: ")
    assert "Input should" not in done.stderr and "sys." not in done.stderr  # users' words only
    if name == "newer.json":
        assert "made by a newer cxmapper" in done.stderr


def test_oversized_file_states_the_limit(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(40 * 1024 * 1024)
    done = cxmapper("validate", path)
    assert done.returncode == 2 and "the limit is 32 MB" in done.stderr


def test_import_csv_and_export_csv(tmp_path):
    sheet = tmp_path / "workshop notes.csv"
    sheet.write_text(
        "Stage;Touchpoint;Feeling;Colour\nΑγορά;Купить онлайн;-1;red\n", encoding="utf-8-sig"
    )
    out = tmp_path / "map.json"
    done = cxmapper("import-csv", sheet, "-o", out)
    assert done.returncode == 0, done.stderr
    assert 'column "Colour" is not one cxmapper knows' in done.stderr
    journey = load_map(out)
    assert journey.title == "workshop notes"
    assert journey.touchpoints[0].title == "Купить онлайн"
    back = tmp_path / "back.csv"
    assert cxmapper("export", out, "--csv", back).returncode == 0
    assert "Купить онлайн" in back.read_text(encoding="utf-8-sig")


def test_a_bad_sheet_names_row_and_column_and_writes_nothing(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("stage,touchpoint,feeling\nUse,Opens app,1\nUse,Pays,ecstatic\n")
    done = cxmapper("import-csv", sheet, "-o", tmp_path / "m.json")
    assert done.returncode == 2
    assert 'row 3, column feeling: "ecstatic" is not a feeling' in done.stderr
    assert not (tmp_path / "m.json").exists()


def test_export_needs_exactly_one_target(tmp_path):
    save_map(small_map(), tmp_path / "m.json")
    assert cxmapper("export", tmp_path / "m.json").returncode == 2


def test_export_into_a_missing_folder_is_reported(tmp_path):
    save_map(small_map(), tmp_path / "m.json")
    done = cxmapper("export", tmp_path / "m.json", "--csv", tmp_path / "no" / "x.csv")
    assert done.returncode == 2 and "the folder does not exist" in done.stderr


def test_schema_prints_the_json_schema():
    done = cxmapper("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout)["title"] == "cxmapper journey map"


def test_unknown_command_line_is_bad_input():
    done = cxmapper("validate")
    assert done.returncode == 2 and "usage" in done.stderr


def test_an_unexpected_failure_exits_2_without_a_traceback(monkeypatch, capsys):
    from cxmapper import cli

    def explode(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_schema", explode)
    monkeypatch.setattr(cli, "_command_parser", _parser_with(cli, explode))
    assert cli.main(["schema"]) == 2  # never 1: diff and git read that as "the maps differ"
    assert "unexpected error (RuntimeError: boom)" in capsys.readouterr().err


def _parser_with(cli, run):
    original = cli._command_parser

    def build():
        parser = original()
        parser.set_defaults(run=run)
        for action in parser._subparsers._group_actions:
            for sub in action.choices.values():
                sub.set_defaults(run=run)
        return parser

    return build


def test_export_replaces_a_file_only_with_force_and_keeps_a_backup(tmp_path):
    source, target = tmp_path / "m.json", tmp_path / "mine.json"
    save_map(small_map(), source)
    target.write_text("my own map")
    done = cxmapper("export", source, "--json", target)
    assert done.returncode == 2 and "already exists; add --force" in done.stderr
    assert target.read_text() == "my own map"
    assert cxmapper("export", source, "--json", target, "--force").returncode == 0
    assert load_map(target) is not None
    assert (tmp_path / "mine.json.bak").read_text() == "my own map"


def test_an_empty_output_name_is_bad_input(tmp_path):
    save_map(small_map(), tmp_path / "m.json")
    done = cxmapper("export", tmp_path / "m.json", "--json", "")
    assert done.returncode == 2 and "output file name is empty" in done.stderr


def test_a_mistyped_command_is_named_not_opened():
    done = cxmapper("valdate", "x.json")
    assert done.returncode == 2 and 'did you mean "validate"' in done.stderr


def test_the_editor_without_a_display_says_so(tmp_path):
    env_free = subprocess.run(
        [sys.executable, "-m", "cxmapper"],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            k: v
            for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        },
    )
    if sys.platform == "linux":
        assert env_free.returncode == 2 and "no display" in env_free.stderr


def test_a_title_must_be_one_line(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("stage,touchpoint\nUse,Opens app\n")
    done = cxmapper("import-csv", sheet, "-o", tmp_path / "m.json", "--title", "a\nb")
    assert done.returncode == 2 and "--title: must be one line" in done.stderr


def test_export_pdf_and_commands_accept_exported_pdfs(tmp_path):
    source, pdf = tmp_path / "m.json", tmp_path / "m.pdf"
    save_map(small_map(), source)
    done = cxmapper("export", source, "--pdf", pdf, "--page-size", "A4", "--poster", "--no-report")
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert cxmapper("validate", pdf).returncode == 0
    back = tmp_path / "back.json"
    assert cxmapper("export", pdf, "--json", back).returncode == 0
    assert load_map(back).touchpoints == small_map().touchpoints


def test_a_pdf_without_a_map_is_explained(tmp_path):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    done = cxmapper("validate", plain)
    assert done.returncode == 2 and "PDF" in done.stderr


def test_a_one_page_pdf_too_small_to_read_says_so(tmp_path):
    out, source = tmp_path / "m.pdf", tmp_path / "wide.json"
    source.write_bytes(map_to_bytes(stress_map()))
    done = cxmapper("export", source, "--pdf", out, "--page-size", "A4")
    assert done.returncode == 0
    assert "hard to read on paper" in done.stderr and "--poster" in done.stderr
    done = cxmapper("export", source, "--pdf", out, "--poster", "--force")
    assert "hard to read" not in done.stderr


def test_export_a_poster_of_a_chosen_number_of_sheets(tmp_path):
    out, source = tmp_path / "m.pdf", tmp_path / "m.json"
    cxmapper("new", source)
    done = cxmapper("export", source, "--pdf", out, "--sheets", "3x2", "--no-report")
    assert done.returncode == 0, done.stderr
    assert "poster of 3x2 sheets" in done.stdout
    from pypdf import PdfReader

    assert 1 <= len(PdfReader(str(out)).pages) <= 6
    done = cxmapper("export", source, "--pdf", out, "--sheets", "three", "--force")
    assert done.returncode == 2 and "columns x rows" in done.stderr


def test_export_a_poster_with_its_report_on_a_chosen_page_size(tmp_path):
    out, source = tmp_path / "m.pdf", tmp_path / "m.json"
    cxmapper("new", source)
    done = cxmapper(
        "export", source, "--pdf", out, "--page-size", "A1", "--poster", "--report-size", "a4"
    )
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    last = PdfReader(str(out)).pages[-1]
    assert (round(float(last.mediabox.width)), round(float(last.mediabox.height))) == (595, 842)


def test_export_with_rows_under_the_lanes(tmp_path):
    out, source = tmp_path / "m.svg", tmp_path / "m.json"
    source.write_bytes(map_to_bytes(small_map()))
    done = cxmapper("export", source, "--svg", out, "--rows", "pain-points,quotes")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert ">Quotes<" in text and "Why am I paying" in text and "Charged for a" in text
    done = cxmapper("export", source, "--svg", out, "--rows", "none", "--force")
    text = out.read_text(encoding="utf-8")
    assert ">Quotes<" not in text and "paying" not in text
    done = cxmapper("export", source, "--svg", out, "--rows", "pains", "--force")
    assert done.returncode == 2 and "pain-points, opportunities, quotes" in done.stderr


def test_export_chooses_the_curves(tmp_path):
    out = tmp_path / "m.svg"
    source = tmp_path / "m.json"
    journey = small_map()
    journey.touchpoints[0].future_feeling = 2
    source.write_bytes(map_to_bytes(journey))
    done = cxmapper("export", source, "--svg", out, "--curves", "both")
    assert done.returncode == 0, done.stderr
    both = out.read_text(encoding="utf-8")
    assert "stroke-dasharray" in both and ">Future state<" in both and ">Today<" in both
    done = cxmapper("export", source, "--svg", out, "--curves", "current", "--force")
    assert ">Future state<" not in out.read_text(encoding="utf-8")
    done = cxmapper("export", source, "--svg", out, "--curves", "later", "--force")
    assert done.returncode == 2 and "current" in done.stderr and "both" in done.stderr


def test_mermaid_out_and_in(tmp_path):
    source, out, back = tmp_path / "m.json", tmp_path / "m.mmd", tmp_path / "back.json"
    journey = small_map()
    journey.touchpoints[0].title = "Pays: now; #1"
    source.write_bytes(map_to_bytes(journey))
    done = cxmapper("export", source, "--mermaid", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("journey\n") and "section Sales" in text
    done = cxmapper("import-mermaid", out, "-o", back)
    assert done.returncode == 0, done.stderr
    titles = [t.title for t in load_map(back).touchpoints]
    assert "Pays: now; #1" in titles
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n  section S\n  Make tea: high: Me\n", encoding="utf-8")
    done = cxmapper("import-mermaid", bad, "-o", tmp_path / "x.json")
    assert done.returncode == 2 and "line 3:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.json").exists()
    done = cxmapper("export", source, "--mermaid", tmp_path / "m.svg")
    assert done.returncode == 2 and "named like an SVG file" in done.stderr


def test_import_mermaid_reads_tabs_after_keywords_and_says_a_line_break_became_a_space(tmp_path):
    source, out = tmp_path / "day.mmd", tmp_path / "day.json"
    source.write_text(
        "journey\n\ttitle\tA day\n\tsection\tMorning\n\t\tMake\u2028tea:\t5:\tMe\n",
        encoding="utf-8",
    )
    done = cxmapper("import-mermaid", source, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "line 4: a line break in the task's name is read as a space" in done.stderr
    journey = load_map(out)
    assert journey.title == "A day" and [s.name for s in journey.stages] == ["Morning"]
    assert [t.title for t in journey.touchpoints] == ["Make tea"]
