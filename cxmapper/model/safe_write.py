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
import hashlib
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


def _longest_name(folder: Path) -> int:
    """The longest file name (in bytes) the folder's file system takes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no such folder yet; Windows
        return 255


def _fitted(name: str, ending: str, most: int) -> str:
    """`name + ending`, or where that is longer than `most` bytes the name cut short (at a whole
    character) and marked with "~" and a code of the whole name, so two long names sharing
    their beginning never share a backup."""
    if len((name + ending).encode()) <= most:
        return name + ending
    code = "~" + hashlib.sha1(name.encode(errors="surrogateescape")).hexdigest()[:8]
    room = most - len((code + ending).encode())
    cut = name.encode(errors="surrogateescape")[:room].decode(errors="ignore")
    return cut + code + ending


def backup_paths(path: Path, count: int) -> list[Path]:
    """Where the previous versions of `path` are kept, newest first: NAME.bak, NAME.bak2...
    (a name too long to take ".bak" is shortened first, see `_fitted`)."""
    most = _longest_name(path.parent)
    endings = [".bak" if n == 1 else f".bak{n}" for n in range(1, count + 1)]
    return [path.with_name(_fitted(path.name, ending, most)) for ending in endings]


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


def _saver_gone(leftover: Path, prefix: str) -> bool:
    """Whether the process that wrote this temporary (its id is in the name) no longer runs."""
    pid = leftover.name[len(prefix) :].split(".", 1)[0]
    if os.name != "posix" or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


def remove_stale_temporaries(target: str | os.PathLike[str]) -> None:
    """Clear temporaries left beside `target` by saves that were killed: at once when the
    process that wrote one is gone, else once it is older than any save takes."""
    target = Path(target)
    prefix = _temp_prefix(target)
    cutoff = time.time() - STALE_AFTER_SECONDS
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f"{glob.escape(prefix)}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                if _saver_gone(leftover, prefix) or leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _keep_backups(path: Path, count: int) -> None:
    """Rotate NAME.bak -> NAME.bak2 ... and make NAME.bak a copy of the current file."""
    backups = backup_paths(path, count)
    for older, newer in zip(reversed(backups[1:]), reversed(backups[:-1]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    staging = path.with_name(f"{_temp_prefix(path)}{os.getpid()}.bak{TEMP_SUFFIX}")
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


def _read_only(target: Path, existing: os.stat_result) -> bool:
    """A file nobody may write (0444), or that this user may not: saving over it would replace
    it all the same (the folder allows a rename), so it is refused as the user would expect."""
    return not existing.st_mode & 0o222 or not os.access(target, os.W_OK)


def write_atomically(
    path: str | os.PathLike[str], data: bytes, *, backups: int = 0, mode: int | None = None
) -> None:
    """Replace the file at `path` with `data`, atomically, keeping `backups` previous versions.
    The file keeps its permissions (a new one gets the umask's), or gets `mode` when given.

    Raises SaveError with a reason users understand; the existing file is then untouched.
    """
    # Through symbolic links: a link to a map saves the map, and the link stays a link. A link
    # to nothing is refused: where it points may be a mistake, or someone else's choice.
    if os.path.islink(path) and not os.path.exists(path):
        raise SaveError(
            f"cannot save {path}: it is a link to {os.path.realpath(path)}, which does not exist"
        )
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
    if existing is not None and _read_only(target, existing):
        raise SaveError(
            f"cannot save {target}: the file is read-only (save it under another name, or make "
            "it writable first)"
        )

    temp_name = None
    try:
        remove_stale_temporaries(target)
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{_temp_prefix(target)}{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder
        )
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        elif existing is not None:
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
