"""`cxmapper export FILE --FORMAT OUT [options]`: a map written in any format the window's
File > Export writes. Each format, its --FORMAT option and its own options (PDF page size, PNG
resolution) come from the writers' list (canvas/png_format.WRITERS): a format added there is
offered here."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxmapper.canvas import png_format
from cxmapper.cli.output import UsageError, output_file, write_file
from cxmapper.model.fileformat import load_map
from cxmapper.model.writers import CannotWrite, Option, OptionRefused, Writer


def _export(args: argparse.Namespace) -> int:
    writers = png_format.WRITERS
    writer = next(w for w in writers if getattr(args, w.name) is not None)
    target = getattr(args, writer.name)
    for other in writers:
        if other is not writer and other.options_alone and _given(args, other):
            raise UsageError(other.options_alone)
    suffix = Path(target).suffix.lower().lstrip(".")
    named_like = next((w for w in writers if w.suffix == suffix), writer)
    if named_like.suffix != writer.suffix:
        raise UsageError(
            f"--{writer.name} writes {writer.name.upper()}, but {target} is named like "
            f"{named_like.article} {suffix.upper()} file"
        )
    out = output_file(target, args.force)
    journey = load_map(args.file)
    if args.rows is not None:  # the rows under the lanes, instead of the map's own
        journey = journey.model_copy(update={"rows": args.rows})
    if args.curves is not None:  # the emotion curves, instead of the map's own
        journey = journey.model_copy(update={"curves": args.curves})
    try:
        settings = writer.settings({o.key: getattr(args, o.key) for o in writer.options})
        written = writer.write(journey, settings)
    except (OptionRefused, CannotWrite) as exc:
        raise UsageError(str(exc)) from None
    if note := written.note(True):
        print(f"cxmapper: note: {note}", file=sys.stderr)
    write_file(out, written.data)
    print(f"{out}: written ({writer.summary(journey, settings)})")
    return 0


def _given(args: argparse.Namespace, writer: Writer) -> bool:
    """Any of the writer's options is on the command line (not at its default)."""
    return any(getattr(args, option.key) != option.default for option in writer.options)


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


def _argument_type(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """A writer's parser for argparse: its refusal is the message (argparse says "invalid float
    value" itself for a number that is not one)."""

    @functools.wraps(parse)
    def typed(text: str) -> Any:
        try:
            return parse(text)
        except OptionRefused as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return typed


def _add_option(group, option: Option) -> None:
    if option.switch:
        group.add_argument(option.flag, action="store_true", help=option.help)
        return
    group.add_argument(
        option.flag,
        type=None if option.parse is None else _argument_type(option.parse),
        default=option.default,
        metavar=option.metavar,
        help=option.help,
    )


def add_commands(sub) -> None:
    writers = png_format.WRITERS
    p = sub.add_parser("export", help="write a map as PDF, PNG, SVG, JSON (current format) or CSV")
    p.add_argument("file", metavar="FILE")
    what = p.add_mutually_exclusive_group(required=True)
    for writer in writers:
        what.add_argument(f"--{writer.name}", metavar=f"OUT.{writer.suffix}", help=writer.help)
    for writer in writers:
        if writer.options:
            group = p.add_argument_group(writer.options_title)
            for option in writer.options:
                _add_option(group, option)
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
