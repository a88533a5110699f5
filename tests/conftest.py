"""Shared test set-up: Qt without a screen, and small maps to work on."""

import os

# Tests never need a screen; set before Qt is first imported (pytest-qt imports it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from factories import small_map  # noqa: E402


@pytest.fixture(autouse=True)
def no_surprise_dialogs(monkeypatch):
    """A modal dialog would hang an offscreen test: fail instead (tests that expect one patch it)."""
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # pragma: no cover - Qt missing: the Qt tests fail on import anyway
        return

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def journey():
    return small_map()
