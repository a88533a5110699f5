"""The `cxmapper` command: start the editor, or work on map files without a display.

    cxmapper [FILE...]                       open the editor (the sample map when no FILE)
    cxmapper validate FILE...                check maps; exit 2 listing every problem
    cxmapper new OUT.json [--template NAME]  start a map from a template
    cxmapper templates                       list the templates, one a line, name first
    cxmapper import-csv IN.csv -o OUT.json   turn a spreadsheet of touchpoints into a map
    cxmapper import-mermaid IN.mmd -o OUT.json  turn a Mermaid journey diagram into a map
    cxmapper export FILE --json OUT | --csv OUT | --pdf OUT [--page-size A3 --poster --no-report]
                         | --png OUT [--dpi N | --scale N] | --svg OUT | --mermaid OUT.mmd
    cxmapper diff OLD NEW                    what changed, in the users' words (git's diff driver)
    cxmapper merge BASE OURS THEIRS          a three-way merge by id (git's merge driver)
    cxmapper schema                          print the file format's JSON Schema

Exit codes: 0 done, 2 bad input (a message on stderr, never a traceback), 1 unexpected failure.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from cxmapper import __version__
from cxmapper.git_commands import visible
from cxmapper.model.fields import name_from
from cxmapper.model.fileformat import (
    BACKUPS_KEPT,
    json_schema_text,
    load_map,
    map_to_bytes,
    read_limited,
)
from cxmapper.model.journey import MAX_NAME, JourneyMap
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, write_atomically

COMMANDS = (
    "validate",
    "new",
    "templates",
    "import-csv",
    "import-mermaid",
    "export",
    "diff",
    "merge",
    "schema",
)


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit 2)."""


def _stamped(journey: JourneyMap) -> JourneyMap:
    """The map as this cxmapper writes it: its version recorded in the metadata."""
    journey = journey.model_copy(deep=True)
    journey.metadata.app_version = __version__
    return journey


def _output(name: str, force: bool) -> Path:
    """Where a command writes: never an existing file without --force."""
    if not name.strip():
        raise UsageError("the output file name is empty")
    path = Path(name)
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to replace it (a backup is kept)")
    return path


def _write(path: Path, data: bytes) -> None:
    """Atomically, keeping the replaced file's previous versions as NAME.bak..."""
    write_atomically(path, data, backups=BACKUPS_KEPT)


def _validate(args: argparse.Namespace) -> int:
    worst = 0
    for name in args.files:
        try:
            journey = load_map(name)
        except MapError as exc:
            print(f"cxmapper: {exc.message()}", file=sys.stderr)
            worst = 2
        else:
            print(f"{name}: ok: {journey.summary()}")
    return worst


def _new(args: argparse.Namespace) -> int:
    from cxmapper.model.templates import new_map

    out = _output(args.out, args.force)
    journey = new_map(args.template)
    _write(out, map_to_bytes(_stamped(journey)))
    print(f"{out}: new map from template {args.template}: {journey.summary()}")
    return 0


def _templates(_args: argparse.Namespace) -> int:
    from cxmapper.model.templates import describe_templates

    for t in describe_templates():
        print(f"{t.name}\t{t.title} ({t.touchpoints} touchpoints)")
    return 0


def _import_csv(args: argparse.Namespace) -> int:
    from cxmapper.model.spreadsheet import import_csv

    out = _output(args.output, args.force)
    source = Path(args.csv)
    if args.title is None:  # named after its file, whatever the file system allowed there
        title = name_from(source.stem, "Imported journey")
    else:
        title = args.title.strip()
        if not title or "\n" in title or "\r" in title or len(title) > MAX_NAME:
            raise UsageError(f"--title: must be one line of 1 to {MAX_NAME} characters")
    try:
        result = import_csv(read_limited(source), title=title)
    except MapError as exc:
        raise MapError(exc.problems, str(source)) from None
    for warning in result.warnings:
        print(f"cxmapper: {source}: note: {warning}", file=sys.stderr)
    _write(out, map_to_bytes(_stamped(result.journey)))
    print(f"{out}: imported {result.journey.summary()}")
    return 0


def _import_mermaid(args: argparse.Namespace) -> int:
    from cxmapper.model.mermaid import from_mermaid

    out = _output(args.output, args.force)
    source = Path(args.mermaid)
    try:
        data = read_limited(source)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise MapError(["not UTF-8 text"]) from None
        notes: list[str] = []
        journey = from_mermaid(text, name=source.stem, notes=notes)
    except MapError as exc:
        raise MapError(exc.problems, str(source)) from None
    for note in notes:
        print(f"cxmapper: {source}: note: {note}", file=sys.stderr)
    _write(out, map_to_bytes(_stamped(journey)))
    print(f"{out}: imported {journey.summary()}")
    return 0


EXPORTS = ("json", "csv", "pdf", "png", "svg", "mermaid")
SUFFIXES = {"mermaid": "mmd"}


def _export(args: argparse.Namespace) -> int:
    target = next(getattr(args, k) for k in EXPORTS if getattr(args, k) is not None)
    if (args.dpi is not None or args.scale is not None) and args.png is None:
        raise UsageError("--dpi and --scale size a PNG: use them with --png")
    kind = next(k for k in EXPORTS if getattr(args, k) is not None)
    suffix = Path(target).suffix.lower().lstrip(".")
    known = [SUFFIXES.get(k, k) for k in EXPORTS]
    if suffix in known and suffix != SUFFIXES.get(kind, kind):
        raise UsageError(
            f"--{kind} writes {kind.upper()}, but {target} is named like "
            f"{'an' if suffix == 'svg' else 'a'} {suffix.upper()} file"
        )
    out = _output(target, args.force)
    journey = load_map(args.file)
    if args.rows is not None:  # the rows under the lanes, instead of the map's own
        journey = journey.model_copy(update={"rows": args.rows})
    if args.curves is not None:  # the emotion curves, instead of the map's own
        journey = journey.model_copy(update={"curves": args.curves})
    if args.pdf is not None:
        from cxmapper.export.pdf import PdfOptions, export_pdf, legibility_note, pdf_layout

        options = PdfOptions(
            args.page_size,
            not args.portrait,
            args.poster,
            not args.no_report,
            args.sheets,
            args.report_size,
        )
        lay = pdf_layout(journey)
        data = export_pdf(journey, options, lay)
        if note := legibility_note(journey, options, lay, command_line=True):
            print(f"cxmapper: note: {note}", file=sys.stderr)
        _write(out, data)
        kind = ("portrait " if args.portrait else "") + (
            f"poster of {args.sheets[0]}x{args.sheets[1]} sheets"
            if args.sheets
            else ("poster" if args.poster else "one page")
        )
        print(
            f"{out}: written ({options.page_size} {kind}, {len(journey.touchpoints)} touchpoints)"
        )
    elif args.png is not None:
        scale = _picture_scale(args)
        data = _png(journey, scale)
        _write(out, data)
        print(f"{out}: written ({len(journey.touchpoints)} touchpoints, {scale * 96:g} DPI)")
    elif args.svg is not None:
        from cxmapper.export.svg import export_svg

        _write(out, export_svg(journey))
        print(f"{out}: written ({len(journey.touchpoints)} touchpoints)")
    elif args.mermaid is not None:
        from cxmapper.model.mermaid import to_mermaid

        _write(out, to_mermaid(journey).encode("utf-8"))
        print(f"{out}: written ({len(journey.touchpoints)} tasks)")
    elif args.json is not None:
        _write(out, map_to_bytes(_stamped(journey)))
        print(f"{out}: written ({len(journey.touchpoints)} touchpoints)")
    else:
        from cxmapper.model.spreadsheet import export_csv

        _write(out, export_csv(journey))
        print(f"{out}: written ({len(journey.touchpoints)} rows)")
    return 0


def _rows(text: str) -> list[str]:
    """ "pain-points,quotes" -> ["pain_points", "quotes"]; "none" -> []."""
    from cxmapper.model.journey import ROWS

    words = [w.strip().lower().replace("-", "_").replace(" ", "_") for w in text.split(",")]
    if words == ["none"]:
        return []
    unknown = [w for w in words if w not in ROWS]
    if unknown or not words:
        raise argparse.ArgumentTypeError(
            f"{text!r}: say which rows, comma-separated: pain-points, opportunities, quotes "
            "(or none)"
        )
    return [row for row in ROWS if row in words]


def _picture_scale(args: argparse.Namespace) -> float:
    if args.dpi is not None and args.scale is not None:
        raise UsageError("--dpi and --scale both say how big the picture is: give one")
    if args.dpi is not None:
        if not 10 <= args.dpi <= 1536:
            raise UsageError(f"--dpi: must be between 10 and 1536, not {args.dpi:g}")
        return args.dpi / 96
    scale = 1.0 if args.scale is None else args.scale
    if not 0.1 <= scale <= 16:
        raise UsageError(f"--scale: must be between 0.1 and 16, not {scale:g}")
    return scale


def _png(journey: JourneyMap, scale: float) -> bytes:
    """A PNG needs Qt's painter, never a screen: the offscreen platform (unless the user chose
    one), so a stale DISPLAY (ssh, cron, a container) cannot abort the export."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from cxmapper.canvas.picture import PictureTooLarge, render_png

    _app = QGuiApplication.instance() or QGuiApplication(["cxmapper"])
    try:
        return render_png(journey, scale)
    except PictureTooLarge as exc:
        raise UsageError(str(exc)) from None


def _schema(_args: argparse.Namespace) -> int:
    sys.stdout.write(json_schema_text())
    return 0


PAGE_SIZE_NAMES = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")


def _page_size(text: str) -> str:
    for name in PAGE_SIZE_NAMES:
        if text.strip().lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(
        f"unknown page size {text!r}: use {', '.join(PAGE_SIZE_NAMES)}"
    )


def _sheet_grid(text: str) -> tuple[int, int]:
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        columns, rows = (int(p) for p in parts)
        if 1 <= columns <= 20 and 1 <= rows <= 20:
            return columns, rows
    raise argparse.ArgumentTypeError(
        f"{text!r}: give columns x rows of sheets, each 1 to 20, such as 3x2"
    )


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxmapper",
        description="Customer journey maps: check, create, import and export them. "
        "Run `cxmapper [FILE]` to open the editor.",
    )
    parser.add_argument("--version", action="version", version=f"cxmapper {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    from cxmapper.git_commands import add_commands

    add_commands(sub)
    p = sub.add_parser("validate", help="check map files; exit 2 listing every problem")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(run=_validate)

    p = sub.add_parser("new", help="start a new map from a template")
    p.add_argument("out", metavar="OUT.json")
    p.add_argument(
        "--template",
        default="product-lifecycle",
        metavar="NAME",
        help="see `cxmapper templates` (default: product-lifecycle)",
    )
    p.add_argument("--force", action="store_true", help="replace OUT.json if it exists")
    p.set_defaults(run=_new)

    p = sub.add_parser("templates", help="list the templates, one a line, name first")
    p.set_defaults(run=_templates)

    p = sub.add_parser("import-csv", help="turn a spreadsheet (CSV) of touchpoints into a map")
    p.add_argument("csv", metavar="IN.csv")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")
    p.add_argument("--title", help="the map's title (default: the CSV file's name)")
    p.add_argument("--force", action="store_true", help="replace OUT.json if it exists")
    p.set_defaults(run=_import_csv)

    p = sub.add_parser("import-mermaid", help="turn a Mermaid journey diagram into a map")
    p.add_argument("mermaid", metavar="IN.mmd")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")
    p.add_argument("--force", action="store_true", help="replace OUT.json if it exists")
    p.set_defaults(run=_import_mermaid)

    p = sub.add_parser("export", help="write a map as PDF, PNG, SVG, JSON (current format) or CSV")
    p.add_argument("file", metavar="FILE")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--json", metavar="OUT.json", help="the map in the current file format")
    what.add_argument("--csv", metavar="OUT.csv", help="one touchpoint a row, for spreadsheets")
    what.add_argument(
        "--pdf", metavar="OUT.pdf", help="the map to print and share (opens back in cxmapper)"
    )
    what.add_argument("--png", metavar="OUT.png", help="the whole map as a picture")
    what.add_argument("--svg", metavar="OUT.svg", help="the whole map as vector art with real text")
    what.add_argument(
        "--mermaid",
        metavar="OUT.mmd",
        help="a Mermaid journey diagram: a section per stage, a task per touchpoint",
    )
    picture = p.add_argument_group("PNG options")
    picture.add_argument(
        "--dpi", type=float, metavar="N", help="resolution in dots per inch (96 is 1x)"
    )
    picture.add_argument(
        "--scale",
        type=float,
        metavar="N",
        help="pixels per map unit, 0.1 to 16 (default 1; 2 for sharp slides)",
    )
    pdf = p.add_argument_group("PDF options")
    pdf.add_argument(
        "--page-size",
        default="A3",
        type=_page_size,
        metavar="{A4,A3,A2,A1,A0,Letter,Tabloid}",
        help="sheet size, any case (default A3)",
    )
    pdf.add_argument("--portrait", action="store_true", help="portrait sheets (default: landscape)")
    pdf.add_argument(
        "--poster", action="store_true", help="tile the map at full size across several sheets"
    )
    pdf.add_argument("--no-report", action="store_true", help="leave out the report pages")
    pdf.add_argument(
        "--report-size",
        type=_page_size,
        metavar="SIZE",
        help="the report pages' size, portrait (default: A4 for a poster on A2-A0, else the map's)",
    )
    pdf.add_argument(
        "--sheets",
        type=_sheet_grid,
        metavar="CxR",
        help="a poster fitted to C columns by R rows of sheets, e.g. 3x2 (scaled to fit)",
    )
    p.add_argument(
        "--rows",
        type=_rows,
        metavar="LIST",
        help="rows under the lanes, instead of the map's own: any of pain-points, "
        "opportunities, quotes, comma-separated; or none",
    )
    p.add_argument(
        "--curves",
        choices=("current", "future", "both"),
        help="the emotion curves, instead of the map's own: the current state's, the future "
        "state's (dashed), or both",
    )
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(run=_export)

    p = sub.add_parser("schema", help="print the file format's JSON Schema")
    p.set_defaults(run=_schema)
    return parser


def _editor_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxmapper",
        usage="cxmapper [FILE]  |  cxmapper COMMAND ... (" + ", ".join(COMMANDS) + ")",
        description="Open the journey map editor on FILE, or on a sample map. "
        "Commands that need no display: " + ", ".join(COMMANDS) + " (cxmapper COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"cxmapper {__version__}")
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="journey maps (.json), spreadsheets (.csv) or PDFs exported by cxmapper",
    )
    return parser


def _looks_like_a_command(word: str) -> str | None:
    """The command a mistyped word probably meant ("valdate" -> "validate"), if any."""
    if Path(word).exists() or "." in word or "/" in word or "\\" in word:
        return None
    return next(iter(difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)), None)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        args = _command_parser().parse_args(argv)
        return args.run(args)
    if argv and not argv[0].startswith("-") and (meant := _looks_like_a_command(argv[0])):
        raise UsageError(f'unknown command "{argv[0]}"; did you mean "{meant}"? (cxmapper --help)')
    args = _editor_parser().parse_args(argv)
    if not _has_display():
        raise UsageError(
            "no display to open the editor on (DISPLAY is not set); the commands "
            + ", ".join(COMMANDS)
            + " work without one"
        )
    from cxmapper.app.launch import run_editor  # Qt is imported only for the editor

    return run_editor(args.files)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except (MapError, SaveError, UsageError) as exc:
        print(f"cxmapper: {visible(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # the surroundings, not cxmapper: a full disk, a closed terminal
        print(f"cxmapper: {visible(str(exc.strerror or exc))}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: say so plainly; exit 2 (1 means "differ" to diff and git)
        print(
            f"cxmapper: unexpected error ({type(exc).__name__}: {visible(str(exc))}); please "
            "report it",
            file=sys.stderr,
        )
        if os.environ.get("CXMAPPER_DEBUG"):
            raise
        return 2
