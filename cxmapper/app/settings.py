"""What the editor remembers between runs (QSettings): preferences and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cxmapper.app.recovery import DEFAULT_DELAY_MS

PDF = "export/pdf/"
RECENT = "recent/files"
RECENT_LENGTH = "recent/length"
AUTOSAVE_DELAY = "autosave/delay_ms"
DEFAULT_RECENT_LENGTH = 10


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


def _list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value if str(v)]


def autosave_delay_ms() -> int:
    return _int(QSettings().value(AUTOSAVE_DELAY), DEFAULT_DELAY_MS, 200, 10_000)


def set_autosave_delay_ms(ms: int) -> None:
    QSettings().setValue(AUTOSAVE_DELAY, _int(ms, DEFAULT_DELAY_MS, 200, 10_000))


def recent_length() -> int:
    return _int(QSettings().value(RECENT_LENGTH), DEFAULT_RECENT_LENGTH, 0, 30)


def set_recent_length(n: int) -> None:
    QSettings().setValue(RECENT_LENGTH, _int(n, DEFAULT_RECENT_LENGTH, 0, 30))
    _store(recent_files())


def recent_files() -> list[Path]:
    """The files opened or saved last, newest first (those that are gone are left out)."""
    files = [Path(p) for p in _list(QSettings().value(RECENT))]
    return [p for p in files if p.is_file()][: recent_length()]


def add_recent(path: Path) -> None:
    path = Path(path).absolute()
    files = [p for p in _list(QSettings().value(RECENT)) if Path(p) != path]
    _store([path, *map(Path, files)])


def clear_recent() -> None:
    QSettings().remove(RECENT)


def _store(files: list[Path]) -> None:
    kept = [str(p) for p in files][: recent_length()]
    if kept:
        QSettings().setValue(RECENT, kept)
    else:
        QSettings().remove(RECENT)


def pdf_value(name: str, default: str) -> str:
    return str(QSettings().value(PDF + name, default))


def set_pdf_value(name: str, value: str) -> None:
    QSettings().setValue(PDF + name, value)
