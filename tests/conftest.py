"""Shared test set-up: Qt without a screen, and small maps to work on."""

import os

# Tests never need a screen; set before Qt is first imported (pytest-qt imports it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from factories import small_map  # noqa: E402


@pytest.fixture
def journey():
    return small_map()
