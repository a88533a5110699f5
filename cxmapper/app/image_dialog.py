"""File > Export > PNG: the resolution, as a scale (1x to 4x) or as a DPI for print."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from cxmapper.app.dialogs import form_with_buttons
from cxmapper.canvas.picture import BASE_DPI

KEY = "export/png/"
SCALES = (1, 2, 3, 4)


class PngExportDialog(QDialog):
    def __init__(self, size: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PNG")
        self.map_size = size
        self.group = QButtonGroup(self)
        form = QFormLayout()
        self.scale_buttons: dict[int, QRadioButton] = {}
        for n in SCALES:
            button = QRadioButton(f"{n}x ({n * BASE_DPI} DPI)")
            self.group.addButton(button)
            self.scale_buttons[n] = button
            form.addRow("Resolution" if n == 1 else "", button)
            button.toggled.connect(self._show_size)
        self.by_dpi = QRadioButton("DPI")
        self.group.addButton(self.by_dpi)
        self.dpi = QSpinBox()
        self.dpi.setRange(24, 1200)
        self.dpi.setSingleStep(50)
        self.dpi.setValue(300)
        self.dpi.valueChanged.connect(lambda _v: self.by_dpi.setChecked(True))
        self.dpi.valueChanged.connect(self._show_size)
        self.by_dpi.toggled.connect(self._show_size)
        form.addRow(self.by_dpi, self.dpi)
        self.size_label = QLabel()
        form.addRow("Picture", self.size_label)
        form_with_buttons(self, form, "Export…")
        self._remembered()

    def _remembered(self) -> None:
        s = QSettings()
        kind = str(s.value(KEY + "kind", "2"))
        with contextlib.suppress(TypeError, ValueError):
            self.dpi.setValue(int(s.value(KEY + "dpi", 300)))
        if kind == "dpi":
            self.by_dpi.setChecked(True)
        else:
            n = int(kind) if kind.isdigit() and int(kind) in SCALES else 2
            self.scale_buttons[n].setChecked(True)
        self._show_size()

    def scale(self) -> float:
        if self.by_dpi.isChecked():
            return self.dpi.value() / BASE_DPI
        return float(next(n for n, b in self.scale_buttons.items() if b.isChecked()))

    def _show_size(self, *_args) -> None:
        w, h = self.map_size
        s = self.scale()
        self.size_label.setText(f"{round(w * s)} x {round(h * s)} pixels")

    def remember(self) -> None:
        s = QSettings()
        if self.by_dpi.isChecked():
            s.setValue(KEY + "kind", "dpi")
        else:
            s.setValue(KEY + "kind", str(round(self.scale())))
        s.setValue(KEY + "dpi", self.dpi.value())
