"""What every command writes: files (atomically, keeping backups, never over an existing file
without --force) and text a terminal shows as written (never runs an escape sequence from a
map). Shared by all the commands; the UsageError they raise for a request that cannot be done."""

from __future__ import annotations

import re
from pathlib import Path

from cxmapper.model.fileformat import BACKUPS_KEPT
from cxmapper.model.safe_write import write_atomically

# Control characters but the tab (ESC starts terminal escapes; CR, BS overwrite a line), the
# line and paragraph separators, and the marks and overrides that reorder text on screen.
HIDDEN = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit 2)."""


def visible(text: str) -> str:
    """Text for a terminal, with what it would hide or obey written out: "<U+202E>"."""
    return HIDDEN.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)


def output_file(name: str, force: bool) -> Path:
    """Where a command writes: never an existing file without --force."""
    if not name.strip():
        raise UsageError("the output file name is empty")
    path = Path(name)
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to replace it (a backup is kept)")
    return path


def write_file(path: Path, data: bytes) -> None:
    """Atomically, keeping the replaced file's previous versions as NAME.bak..."""
    write_atomically(path, data, backups=BACKUPS_KEPT)
