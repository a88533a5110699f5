"""`cxmapper diff` and `cxmapper merge`: maps that git can diff and merge.

cxmapper diff OLD NEW                  the change, in the users' words (exit 0 the same,
                                       1 different, 2 a bad file), as `diff` does
cxmapper diff PATH OLD H M NEW H M     the same, called by git as an external diff driver
                                       (exit 0: git takes any other as a failure)
cxmapper merge BASE OURS THEIRS [-o OUT]  a three-way merge by id, written into OURS (git's
                                       merge driver: %O %A %B) or OUT; exit 0 clean, 1
                                       with conflicts (listed; OURS kept for each), 2 bad
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cxmapper.model.fileformat import load_map, map_to_bytes
from cxmapper.model.journey import JourneyMap
from cxmapper.model.safe_write import write_atomically

GIT_EXTERNAL_DIFF_ARGS = 7  # path old-file old-hex old-mode new-file new-hex new-mode


def _map_or_none(name: str) -> JourneyMap | None:
    """A side of a git diff: no map for a file added or deleted (/dev/null)."""
    if name == os.devnull or not Path(name).exists():
        return None
    return load_map(name)


def diff(args: argparse.Namespace) -> int:
    from cxmapper.model.diff import differences

    files = args.files
    if len(files) == GIT_EXTERNAL_DIFF_ARGS:
        path, old, new = files[0], _map_or_none(files[1]), _map_or_none(files[4])
        print(f"cxmapper diff a/{path} b/{path}")
        if old is None or new is None:
            shown = new or old
            word = "added" if old is None else "deleted"
            print(f"Map {word}: {shown.summary()}" if shown else "(no map on either side)")
        else:
            for line in differences(old, new) or ["(the maps say the same)"]:
                print(line)
        return 0  # git calls any other exit an external diff that died
    if len(files) != 2:
        raise argparse.ArgumentTypeError("give OLD and NEW (or git's seven arguments)")
    lines = differences(load_map(files[0]), load_map(files[1]))
    for line in lines:
        print(line)
    return 1 if lines else 0


def merge(args: argparse.Namespace) -> int:
    from cxmapper.model.merge import merge as merge_maps

    base, ours, theirs = (load_map(name) for name in (args.base, args.ours, args.theirs))
    result = merge_maps(base, ours, theirs)
    out = Path(args.output) if args.output else Path(args.ours)
    write_atomically(out, map_to_bytes(result.journey), backups=0 if not args.output else 3)
    for conflict in result.conflicts:
        print(f"cxmapper merge: conflict: {conflict}", file=sys.stderr)
    n = len(result.conflicts)
    said = "merged cleanly" if not n else f"merged with {n} conflict{'s' if n > 1 else ''}"
    print(f"{out}: {said} ({result.journey.summary()})")
    return 1 if n else 0


def add_commands(sub) -> None:
    p = sub.add_parser(
        "diff",
        help="what changed between two maps, in the users' words (also git's diff driver)",
        description="Exit 0 when the maps say the same, 1 when they differ, 2 for a bad file. "
        "Called by git with seven arguments (as diff.cxmapper.command), it prints the "
        "change and exits 0.",
    )
    p.add_argument("files", nargs="+", metavar="OLD NEW")
    p.set_defaults(run=diff)
    p = sub.add_parser(
        "merge",
        help="a three-way merge of maps by id (also git's merge driver: %%O %%A %%B)",
        description="Independent edits combine; a true conflict keeps OURS for that field and "
        "is listed. Exit 0 clean, 1 with conflicts, 2 for a bad file. The result is written "
        "into OURS (as git's merge driver expects) or OUT.",
    )
    p.add_argument("base", metavar="BASE")
    p.add_argument("ours", metavar="OURS")
    p.add_argument("theirs", metavar="THEIRS")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of into OURS")
    p.set_defaults(run=merge)
