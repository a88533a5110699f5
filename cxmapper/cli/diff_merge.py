"""`cxmapper diff` and `cxmapper merge`: maps that git can diff and merge.

cxmapper diff OLD NEW                  the change, in the users' words (exit 0 the same,
                                       1 different, 2 a bad file), as `diff` does
cxmapper diff PATH OLD H M NEW H M     the same, called by git as an external diff driver
                                       (exit 0: git takes any other as a failure)
cxmapper merge BASE OURS THEIRS [-o OUT [--force]]  a three-way merge by id, written into
                                       OURS (git's merge driver: %O %A %B) or OUT (never an
                                       existing OUT without --force); exit 0 clean, 1 with
                                       conflicts (listed; OURS kept for each), 2 bad

What they print (changes, conflicts, notes, file names, errors) shows control characters and
direction overrides as <U+202E>: a terminal never runs an escape sequence from a map, and a
name reads as what the file holds. The merged file keeps the text as it was written.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

from cxmapper.cli.output import UsageError, output_file, visible
from cxmapper.model.fileformat import BACKUPS_KEPT, load_map, map_to_bytes
from cxmapper.model.journey import JourneyMap
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, write_atomically

GIT_EXTERNAL_DIFF_ARGS = (7, 9)  # path old hex mode new hex mode [new-path rename-info]


def _say(text: str, file=None) -> None:
    """One line of what diff or merge tells (stdout unless `file`)."""
    print(visible(text), file=file or sys.stdout)


def _visibly(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command whose errors (file names, problems) are shown as visibly as its output."""

    @functools.wraps(run)
    def checked(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except MapError as exc:
            raise MapError([visible(p) for p in exc.problems], visible(exc.source)) from None
        except (SaveError, UsageError) as exc:
            raise type(exc)(visible(str(exc))) from None

    return checked


def _map_or_none(name: str) -> JourneyMap | None:
    """A side of a git diff: no map for a file added or deleted (/dev/null)."""
    if name == os.devnull or not Path(name).exists():
        return None
    return load_map(name)


def _text_diff(path: str, old: str, new: str, problem: MapError) -> None:
    """Not maps (a broken one, or another kind of JSON): git's own kind of text diff, said."""
    _say(f"cxmapper: {path} is not a map cxmapper can read ({problem.problems[0]}); as text:")

    def lines(name: str) -> list[str]:
        if name == os.devnull or not Path(name).exists():
            return []
        return Path(name).read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)

    for line in difflib.unified_diff(lines(old), lines(new), f"a/{path}", f"b/{path}"):
        _say(line.removesuffix("\n"))


def diff(args: argparse.Namespace) -> int:
    from cxmapper.model.diff import differences

    files = args.files
    if len(files) in GIT_EXTERNAL_DIFF_ARGS:
        path, old_name, new_name = files[0], files[1], files[4]
        shown_path = f"{path} -> {files[7]}" if len(files) == 9 else path
        _say(f"cxmapper diff a/{path} b/{files[7] if len(files) == 9 else path}")
        try:
            old, new = _map_or_none(old_name), _map_or_none(new_name)
        except MapError as exc:
            _text_diff(shown_path, old_name, new_name, exc)
            return 0  # git calls any other exit an external diff that died
        if old is None or new is None:
            shown = new or old
            word = "added" if old is None else "deleted"
            _say(f"Map {word}: {shown.summary()}" if shown else "(no map on either side)")
        else:
            for line in differences(old, new) or ["(the maps say the same)"]:
                _say(line)
        return 0
    if len(files) != 2:
        raise UsageError(
            f"diff takes two maps, OLD and NEW ({len(files)} given), or the seven or nine "
            "arguments git gives an external diff"
        )
    lines = differences(load_map(files[0]), load_map(files[1]))
    for line in lines:
        _say(line)
    return 1 if lines else 0


def _side(name: str) -> JourneyMap:
    """A side of a merge; an empty file (git's base when both sides added the map) is a map
    with nothing in it yet."""
    path = Path(name)
    if path.is_file() and path.stat().st_size == 0:
        return JourneyMap()
    return load_map(name)


def merge(args: argparse.Namespace) -> int:
    from cxmapper.model.merge import merge as merge_maps

    shown = args.path or args.ours  # git's %P: the map's own name, not its temporary file
    # git's merge driver writes into %A (OURS), as git asks; OUT is the user's and is never
    # replaced without --force (checked before anything is read)
    out = Path(args.ours) if args.output is None else output_file(args.output, args.force)
    try:
        base, ours, theirs = (_side(name) for name in (args.base, args.ours, args.theirs))
    except MapError as exc:
        where = f"{shown} (git's {exc.source})" if args.path else exc.source
        raise MapError(exc.problems, where) from None
    result = merge_maps(base, ours, theirs)
    kept = 0 if args.output is None else BACKUPS_KEPT  # git keeps its own copies of %A
    write_atomically(out, map_to_bytes(result.journey), backups=kept)
    for conflict in result.conflicts:
        _say(f"cxmapper merge: {shown}: conflict: {conflict}", file=sys.stderr)
    sys.stderr.flush()
    n = len(result.conflicts)
    said = "merged cleanly" if not n else f"merged with {n} conflict{'s' if n > 1 else ''}"
    _say(f"{shown if args.output is None else out}: {said} ({result.journey.summary()})")
    return 1 if n else 0


def add_commands(sub) -> None:
    p = sub.add_parser(
        "diff",
        help="what changed between two maps, in the users' words (also git's diff driver)",
        description="Exit 0 when the maps say the same, 1 when they differ, 2 for a bad file. "
        "Called by git with seven (or, for a renamed map, nine) arguments as "
        "diff.cxmapper.command, it prints the change and exits 0; a file that is not a map "
        "is shown as a text diff.",
    )
    p.add_argument("files", nargs="+", metavar="OLD NEW")
    p.set_defaults(run=_visibly(diff))
    p = sub.add_parser(
        "merge",
        help="a three-way merge of maps by id (also git's merge driver: %%O %%A %%B %%P)",
        description="Independent edits combine; a true conflict keeps OURS for that field and "
        "is listed. Exit 0 clean, 1 with conflicts, 2 for a bad file. The result is written "
        "into OURS (as git's merge driver expects) or OUT (an existing OUT only with --force).",
    )
    p.add_argument("base", metavar="BASE")
    p.add_argument("ours", metavar="OURS")
    p.add_argument("theirs", metavar="THEIRS")
    p.add_argument("path", metavar="PATH", nargs="?", help="the map's name in messages (git's %%P)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of into OURS")
    p.add_argument(
        "--force", action="store_true", help="replace OUT if it exists (a backup is kept)"
    )
    p.set_defaults(run=_visibly(merge))
