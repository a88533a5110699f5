"""View > Zoom In, Zoom Out, Fit to Window and Actual Size: the map's view zooms (the status
bar shows by how much)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from cxmapper.app.menus import action

_KEYS = QKeySequence.StandardKey
ZOOMS = (
    ("Zoom &In", "zoom_in", [_KEYS.ZoomIn, "Ctrl+=", "Ctrl++"]),
    ("Zoom &Out", "zoom_out", [_KEYS.ZoomOut, "Ctrl+-"]),
    ("&Fit to Window", "fit_to_window", ["Ctrl+0"]),
    ("&Actual Size", "actual_size", ["Ctrl+1"]),
)


class ZoomActions:
    def __init__(self, window) -> None:
        self.window = window
        self.entries = [
            action(window, text, lambda _c=False, how=how: self.zoom(how), keys)
            for text, how, keys in ZOOMS
        ]

    def zoom(self, how: str) -> None:
        """The view's zoom_in, zoom_out, fit_to_window or actual_size (when a map is open)."""
        view = self.window.view
        if view is not None:
            getattr(view, how)()
