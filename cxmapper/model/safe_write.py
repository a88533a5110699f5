"""Write a file so that, whatever happens, the old or the new version is there whole.

The bytes go to a temporary file in the same folder, are flushed and fsynced, and only then
replace the target with `os.replace` (atomic on POSIX and Windows); the folder is fsynced so the
rename survives a power cut. The previous version is kept as `NAME.bak` (then `.bak2`, `.bak3`),
by hard link where the file system allows it, so the target is never missing for a moment.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".cxmapper-tmp"
STALE_AFTER_SECONDS = 120


class SaveError(Exception):
    """A save that did not happen; the file that was there is untouched."""


def backup_paths(path: Path, count: int) -> list[Path]:
    """Where the previous versions of `path` are kept, newest first."""
    return [
        path.with_name(path.name + (".bak" if n == 1 else f".bak{n}")) for n in range(1, count + 1)
    ]


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (is the folder or file read-only?)"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno == errno.EISDIR:
        return "it is a folder, not a file"
    return exc.strerror or str(exc)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_prefix(target: Path) -> str:
    # Short, so that a name the file system just accepts still leaves room for the temporary.
    return f".{target.name[:40]}."


def _remove_stale_temporaries(target: Path) -> None:
    """Clear temporaries left by saves that were killed (older than any save takes)."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f"{glob.escape(_temp_prefix(target))}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _keep_backups(path: Path, count: int) -> None:
    """Rotate NAME.bak -> NAME.bak2 ... and make NAME.bak a copy of the current file."""
    backups = backup_paths(path, count)
    for older, newer in zip(reversed(backups[1:]), reversed(backups[:-1]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    staging = path.with_name(f"{_temp_prefix(path)}bak{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staging)
    try:
        try:
            os.link(path, staging)
        except OSError:  # no hard links here (FAT, some network drives): copy instead
            shutil.copy2(path, staging)
        os.replace(staging, backups[0])
    finally:
        with contextlib.suppress(OSError):
            os.unlink(staging)


def write_atomically(path: str | os.PathLike[str], data: bytes, *, backups: int = 0) -> None:
    """Replace the file at `path` with `data`, atomically, keeping `backups` previous versions.

    Raises SaveError with a reason users understand; the existing file is then untouched.
    """
    # Through symbolic links: a link to a map saves the map, and the link stays a link.
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise SaveError(f"cannot save {target}: {_reason(exc)}") from exc
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise SaveError(f"cannot save {target}: it is not a regular file")
    if existing is not None and existing.st_size == len(data):
        with contextlib.suppress(OSError), open(target, "rb") as current:
            if current.read() == data:
                return  # already saved: keep the file and its backups as they are

    temp_name = None
    try:
        _remove_stale_temporaries(target)
        fd, temp_name = tempfile.mkstemp(
            prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=folder
        )
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if existing is not None:
            os.chmod(temp_name, stat.S_IMODE(existing.st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        if existing is not None and backups > 0:
            _keep_backups(target, backups)
        os.replace(temp_name, target)
        temp_name = None
        with contextlib.suppress(OSError):  # the file is saved; only durability is best-effort
            _fsync_folder(folder)
    except OSError as exc:
        raise SaveError(f"cannot save {target}: {_reason(exc)}") from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
