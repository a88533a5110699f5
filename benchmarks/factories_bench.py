"""Closing a benchmark's window without the unsaved-changes question, and deleting it there
and then (as the event loop would), not later in the middle of another measurement."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent


def close(window) -> None:
    if window.document is not None:
        window.document.undo_stack.setClean()
    if window.autosave is not None:
        window.autosave.discard()
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
