"""File > Preferences: the PDF's default page, how soon autosave follows an edit, and how many
recent files the menu lists."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from cxmapper.app import settings
from cxmapper.app.dialogs import form_with_buttons
from cxmapper.export.paper import PAGE_SIZES


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        size = settings.pdf_value("page_size", "A3")
        self.page_size.setCurrentText(size if size in PAGE_SIZES else "A3")
        self.orientation = QComboBox()
        self.orientation.addItems(["Landscape", "Portrait"])
        landscape = settings.pdf_value("landscape", "true") == "true"
        self.orientation.setCurrentIndex(0 if landscape else 1)
        self.delay = QSpinBox()
        self.delay.setRange(200, 10_000)
        self.delay.setSingleStep(100)
        self.delay.setSuffix(" ms after the last edit")
        self.delay.setValue(settings.autosave_delay_ms())
        self.recent = QSpinBox()
        self.recent.setRange(0, 30)
        self.recent.setSuffix(" files")
        self.recent.setValue(settings.recent_length())
        form = QFormLayout()
        form.addRow("PDF page size", self.page_size)
        form.addRow("PDF orientation", self.orientation)
        form.addRow("Autosave", self.delay)
        form.addRow("Open Recent lists", self.recent)
        form_with_buttons(self, form)

    def accept(self) -> None:
        settings.set_pdf_value("page_size", self.page_size.currentText())
        settings.set_pdf_value(
            "landscape", "true" if self.orientation.currentIndex() == 0 else "false"
        )
        settings.set_autosave_delay_ms(self.delay.value())
        settings.set_recent_length(self.recent.value())
        super().accept()
