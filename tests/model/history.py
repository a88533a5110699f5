"""cxmapper as it was: the files and the source of older versions, out of the project's own git
history. Every helper gives None when there is no such history here (no git, a source archive,
a shallow clone), and the tests that need it skip."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
JOURNEY = "cxmapper/model/journey.py"


def _git(*args: str) -> bytes | None:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    done = subprocess.run([git, "-C", str(ROOT), *args], capture_output=True)
    return done.stdout if done.returncode == 0 else None


def _writes(commit: str, version: int) -> bool | None:
    """Whether the cxmapper of `commit` writes `version` (None: that commit is not here)."""
    source = _git("show", f"{commit}:{JOURNEY}")
    if source is None:
        return None
    return re.search(rf"^SCHEMA_VERSION = {version}$", source.decode(), re.MULTILINE) is not None


def last_commit_of(version: int) -> str | None:
    """The last commit whose cxmapper wrote `version`: HEAD while its journey.py still says so
    (the next version is not committed yet), else the parent of the commit that brought in
    the next version."""
    head = _writes("HEAD", version)
    if head is None:
        return None
    if head:
        commit = _git("rev-parse", "--verify", "HEAD")
        return commit.decode().strip() if commit else None
    found = _git("log", "--format=%H", "-S", f"SCHEMA_VERSION = {version + 1}", "--", JOURNEY)
    commits = found.decode().split() if found else []
    if not commits:
        return None
    parent = _git("rev-parse", "--verify", "--quiet", f"{commits[-1]}^")
    if parent is None:
        return None  # a shallow clone
    parent_commit = parent.decode().strip()
    assert _writes(parent_commit, version), (
        f"{parent_commit}, before version {version + 1} came in, does not write version {version}"
    )
    return parent_commit


def file_at(commit: str, path: str) -> bytes | None:
    return _git("show", f"{commit}:{path}")


def files_at(commit: str, folder: str) -> list[str]:
    """The paths of the files in `folder` at `commit`."""
    listed = _git("ls-tree", "--name-only", f"{commit}:{folder}")
    return [f"{folder}/{name}" for name in listed.decode().split()] if listed else []


def source_at(commit: str, into: Path) -> Path | None:
    """The cxmapper package of `commit`, in a folder to put on PYTHONPATH."""
    archive = _git("archive", commit, "cxmapper")
    if archive is None:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def old_cxmapper(version: int, into: Path) -> Path | None:
    """The source of the last cxmapper that wrote `version` (None when there is no history)."""
    commit = last_commit_of(version)
    return None if commit is None else source_at(commit, into)


def run_old(source: Path, script: str, *args: object, cwd: Path) -> subprocess.CompletedProcess:
    """Run `script` with the older cxmapper at `source` (and this environment's packages)."""
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(source), "PATH": ""},
    )


def said_the_same(old, new, where="map"):
    """Everything the old data says, the new data says too (it may say more)."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            if key == "schema_version":
                continue
            assert key in new, f"{where}.{key} was lost"
            said_the_same(value, new[key], f"{where}.{key}")
    elif isinstance(old, list):
        assert isinstance(new, list) and len(new) == len(old), where
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            said_the_same(a, b, f"{where}[{i}]")
    else:
        assert old == new, f"{where}: {old!r} became {new!r}"
