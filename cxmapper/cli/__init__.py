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

Exit codes: 0 done; 1 the maps differ or merged with conflicts (diff, merge); 2 bad input or
an unexpected failure (a message on stderr, never a traceback).
The commands live beside this module: new_map (new, templates, import-csv, import-mermaid),
export_cmd (export), diff_merge (diff, merge); output holds what they share.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from cxmapper import __version__
from cxmapper.cli import diff_merge, export_cmd, new_map
from cxmapper.cli.output import UsageError, visible
from cxmapper.model.fileformat import json_schema_text, load_map
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError

__all__ = ["COMMANDS", "UsageError", "main"]

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


def _schema(_args: argparse.Namespace) -> int:
    sys.stdout.write(json_schema_text())
    return 0


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxmapper",
        description="Customer journey maps: check, create, import and export them. "
        "Run `cxmapper [FILE]` to open the editor.",
    )
    parser.add_argument("--version", action="version", version=f"cxmapper {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    diff_merge.add_commands(sub)
    p = sub.add_parser("validate", help="check map files; exit 2 listing every problem")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(run=_validate)
    new_map.add_commands(sub)
    export_cmd.add_commands(sub)
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
