"""Commands that write a new map: from a template (`new`, and `templates` to list them), from a
spreadsheet (`import-csv`) or from a Mermaid journey diagram (`import-mermaid`). The files are
read as the window's File > Import reads them (model/formats.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cxmapper.cli.output import UsageError, output_file, write_file
from cxmapper.model.fields import name_from
from cxmapper.model.fileformat import MAX_FILE_BYTES
from cxmapper.model.formats import MERMAID_DIAGRAM, SPREADSHEET, Reader, read_map
from cxmapper.model.journey import MAX_NAME
from cxmapper.model.writers import JSON


def _new(args: argparse.Namespace) -> int:
    from cxmapper.model.templates import new_map

    out = output_file(args.out, args.force)
    journey = new_map(args.template)
    write_file(out, JSON.write(journey, None).data)
    print(f"{out}: new map from template {args.template}: {journey.summary()}")
    return 0


def _templates(_args: argparse.Namespace) -> int:
    from cxmapper.model.templates import describe_templates

    for t in describe_templates():
        print(f"{t.name}\t{t.title} ({t.touchpoints} touchpoints)")
    return 0


def _imported(out: Path, source: Path, reader: Reader, title: str | None = None) -> int:
    """Read the file (up to the command line's bound, as ever), tell its notes, write the map."""
    opened = read_map(source, reader, title=title, limit=MAX_FILE_BYTES)
    for note in opened.notes:
        print(f"cxmapper: {source}: note: {note}", file=sys.stderr)
    write_file(out, JSON.write(opened.journey, None).data)
    print(f"{out}: imported {opened.journey.summary()}")
    return 0


def _title(source: Path, title: str | None) -> str:
    """--title, or the file's name (whatever the file system allowed there)."""
    if title is None:
        return name_from(source.stem, "Imported journey")
    title = title.strip()
    if not title or "\n" in title or "\r" in title or len(title) > MAX_NAME:
        raise UsageError(f"--title: must be one line of 1 to {MAX_NAME} characters")
    return title


def _import_csv(args: argparse.Namespace) -> int:
    out = output_file(args.output, args.force)
    source = Path(args.csv)
    return _imported(out, source, SPREADSHEET, _title(source, args.title))


def _import_mermaid(args: argparse.Namespace) -> int:
    out = output_file(args.output, args.force)
    return _imported(out, Path(args.mermaid), MERMAID_DIAGRAM)


def add_commands(sub) -> None:
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
