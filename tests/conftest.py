"""Shared test set-up: Qt without a screen, and small maps to work on."""

import os
import tempfile  # noqa: E402

# Tests never need a screen; set before Qt is first imported (pytest-qt imports it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings (QSettings) and recovery copies (QStandardPaths) of the tests' editors go to a folder
# of their own, never the user's; each test gets a fresh one below.
_HOME = tempfile.mkdtemp(prefix="cxmapper-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

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


@pytest.fixture(autouse=True)
def own_settings_and_recovery(tmp_path, monkeypatch):
    """Each test: empty settings, an empty recovery folder, an editor of its own."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover
        yield
        return
    # QSettings reads XDG_CONFIG_HOME once per process: point it at this test's folder.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    from cxmapper.app.editor import forget_editor

    forget_editor()


@pytest.fixture
def journey():
    return small_map()
