"""Closing a benchmark's window without the unsaved-changes question."""

from __future__ import annotations


def close(window) -> None:
    if window.document is not None:
        window.document.undo_stack.setClean()
    if window.autosave is not None:
        window.autosave.discard()
    window.close()
