"""File > Export > PDF: page size, orientation, one page or poster, report pages; remembered."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from cxmapper.app import settings
from cxmapper.app.dialogs import form_with_buttons
from cxmapper.export.paper import PAGE_SIZES, PdfOptions
from cxmapper.model.journey import ROW_NAMES, ROWS

CURVE_CHOICES = (
    ("current", "Current state"),
    ("future", "Future state (dashed)"),
    ("both", "Both: current solid, future dashed"),
)


class PdfExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        rows: list[str] | None = None,
        curves: str = "current",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.size_box = QComboBox()
        self.size_box.addItems(list(PAGE_SIZES))
        self.landscape = QRadioButton("Landscape")
        self.portrait = QRadioButton("Portrait")
        self.one_page = QRadioButton("One page: the whole map scaled to the sheet")
        self.poster = QRadioButton("Poster: full size, tiled across sheets to tape together")
        self.fitted = QRadioButton("Poster fitted to")
        self.columns, self.rows = QSpinBox(), QSpinBox()
        for box, suffix in ((self.columns, " across"), (self.rows, " down")):
            box.setRange(1, 20)
            box.setSuffix(suffix)
            box.valueChanged.connect(lambda _v: self.fitted.setChecked(True))
        sheets = QWidget()
        row = QHBoxLayout(sheets)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fitted)
        row.addWidget(self.columns)
        row.addWidget(QLabel("x"))
        row.addWidget(self.rows)
        row.addWidget(QLabel("sheets"))
        row.addStretch()
        # Two separate choices: radio buttons under one parent would be one group otherwise.
        self.orientation_group = QButtonGroup(self)
        self.orientation_group.addButton(self.landscape)
        self.orientation_group.addButton(self.portrait)
        self.fit_group = QButtonGroup(self)
        self.fit_group.addButton(self.one_page)
        self.fit_group.addButton(self.poster)
        self.fit_group.addButton(self.fitted)
        self.report = QCheckBox("Add report pages (every annotation, department summary)")
        # The map's own rows (View > Rows Under the Lanes): a change here changes the map too.
        self.row_boxes = {kind: QCheckBox(ROW_NAMES[kind]) for kind in ROWS}
        row_line = QWidget()
        row_layout = QHBoxLayout(row_line)
        row_layout.setContentsMargins(0, 0, 0, 0)
        for kind, box in self.row_boxes.items():
            box.setChecked(kind in (rows or []))
            row_layout.addWidget(box)
        row_layout.addStretch()
        form = QFormLayout()
        form.addRow("Page size", self.size_box)
        form.addRow("Orientation", self.landscape)
        form.addRow("", self.portrait)
        form.addRow("Fit", self.one_page)
        form.addRow("", self.poster)
        form.addRow("", sheets)
        form.addRow("Rows under the lanes", row_line)
        # The map's own curves (View > Emotion Curves): a change here changes the map too.
        self.curves = QComboBox()
        for key, text in CURVE_CHOICES:
            self.curves.addItem(text, key)
        self.curves.setCurrentIndex(max(0, self.curves.findData(curves)))
        form.addRow("Emotion curves", self.curves)
        form.addRow("", self.report)
        form_with_buttons(self, form, "Export…")
        self.set_options(self.remembered())

    @staticmethod
    def remembered() -> PdfOptions:
        """The last export's choices; the page size and orientation are also Preferences."""
        size = settings.pdf_value("page_size", "A3")
        return PdfOptions(
            page_size=size if size in PAGE_SIZES else "A3",
            landscape=settings.pdf_value("landscape", "true") == "true",
            poster=settings.pdf_value("poster", "false") == "true",
            report=settings.pdf_value("report", "true") == "true",
            sheets=_grid(settings.pdf_value("sheets", "")),
        )

    def set_options(self, options: PdfOptions) -> None:
        self.size_box.setCurrentText(options.page_size)
        (self.landscape if options.landscape else self.portrait).setChecked(True)
        columns, rows = options.sheets or (3, 2)
        self.columns.setValue(columns)
        self.rows.setValue(rows)
        if options.sheets:
            self.fitted.setChecked(True)
        else:
            (self.poster if options.poster else self.one_page).setChecked(True)
        self.report.setChecked(options.report)

    def options(self) -> PdfOptions:
        fitted = self.fitted.isChecked()
        return PdfOptions(
            self.size_box.currentText(),
            self.landscape.isChecked(),
            self.poster.isChecked() or fitted,
            self.report.isChecked(),
            (self.columns.value(), self.rows.value()) if fitted else None,
        )

    def chosen_curves(self) -> str:
        return self.curves.currentData()

    def chosen_rows(self) -> list[str]:
        return [kind for kind, box in self.row_boxes.items() if box.isChecked()]

    def remember(self) -> None:
        o = self.options()
        settings.set_pdf_value("page_size", o.page_size)
        for name, value in (("landscape", o.landscape), ("poster", o.poster), ("report", o.report)):
            settings.set_pdf_value(name, "true" if value else "false")
        settings.set_pdf_value("sheets", f"{o.sheets[0]}x{o.sheets[1]}" if o.sheets else "")


def _grid(text: str) -> tuple[int, int] | None:
    """ "3x2" as remembered -> (3, 2); anything else -> None."""
    parts = text.split("x")
    if len(parts) == 2 and all(p.isdigit() and 1 <= int(p) <= 20 for p in parts):
        return int(parts[0]), int(parts[1])
    return None
