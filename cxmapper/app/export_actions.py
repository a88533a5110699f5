"""File > Export: PDF, PNG, SVG, JSON and CSV, each written atomically; a failure says why and
changes nothing (the map stays open, the old file stays whole)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cxmapper import __version__
from cxmapper.canvas.tooltips import plain
from cxmapper.model.fileformat import BACKUPS_KEPT
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, write_atomically


class ExportActions:
    """Mixed into MainWindow (with FileActions' export_target)."""

    def _ready(self) -> bool:
        if self.document is None:
            return False
        if self.view is not None:
            self.view.title_editor.commit()
        return True

    def _write_export(self, path: Path, what: str, make: Callable[[], bytes]) -> bool:
        self.statusBar().showMessage(f"Exporting {path.name}…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big map takes seconds
        try:
            write_atomically(path, make(), backups=BACKUPS_KEPT)  # as the command line does
        except (SaveError, MapError, ValueError, MemoryError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(
                self, f"Cannot export the {what}", plain(str(exc) or "out of memory")
            )
            self.statusBar().clearMessage()
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Exported {path}", 10000)
        return True

    def export_pdf(self) -> bool:
        """Ask for the options (remembered) and a file, then write the PDF."""
        if not self._ready():
            return False
        from cxmapper.app.export_dialog import PdfExportDialog

        journey = self.document.journey
        dialog = PdfExportDialog(self, journey.rows, journey.curves)
        if dialog.exec() != PdfExportDialog.DialogCode.Accepted:
            return False
        dialog.remember()
        if dialog.chosen_rows() != self.document.journey.rows:  # screen and paper: same rows
            self.set_rows(dialog.chosen_rows())
        if dialog.chosen_curves() != self.document.journey.curves:
            self.curves_menu.set(dialog.chosen_curves())
        options = dialog.options()
        path = self.export_target("pdf", "Export PDF", "PDF (*.pdf)")
        return self.write_pdf(path, options) if path else False

    def write_pdf(self, path: Path, options) -> bool:
        from cxmapper.export.pdf import export_pdf, legibility_note, pdf_layout

        journey = self.document.journey
        lay = pdf_layout(journey)
        if not self._write_export(path, "PDF", lambda: export_pdf(journey, options, lay)):
            return False
        if note := legibility_note(journey, options, lay):
            self.statusBar().showMessage(f"Exported {path}. Note: {note}", 15000)
        return True

    def export_png(self) -> bool:
        if not self._ready():
            return False
        from cxmapper.app.image_dialog import PngExportDialog

        dialog = PngExportDialog(self.scene.plain_size(), self)
        if dialog.exec() != PngExportDialog.DialogCode.Accepted:
            return False
        dialog.remember()
        scale = dialog.scale()
        path = self.export_target("png", "Export PNG", "PNG pictures (*.png)")
        return self.write_png(path, scale) if path else False

    def write_png(self, path: Path, scale: float) -> bool:
        from cxmapper.canvas.picture import render_png

        journey = self.document.journey
        return self._write_export(path, "PNG", lambda: render_png(journey, scale))

    def export_svg(self) -> bool:
        if not self._ready():
            return False
        path = self.export_target("svg", "Export SVG", "SVG pictures (*.svg)")
        return self.write_svg(path) if path else False

    def write_svg(self, path: Path) -> bool:
        from cxmapper.export.svg import export_svg

        journey = self.document.journey
        return self._write_export(path, "SVG", lambda: export_svg(journey))

    def export_json(self) -> bool:
        """A copy of the map as a file (the window goes on editing its own file)."""
        if not self._ready():
            return False
        from cxmapper.model.fileformat import map_to_bytes

        path = self.export_target("json", "Export a copy as JSON", "Journey maps (*.json)")
        if not path:
            return False
        if self.document.path and path.resolve() == self.document.path.resolve():
            return self.save()
        journey = self.document.journey.model_copy(deep=True)
        journey.metadata.app_version = __version__
        return self._write_export(path, "JSON", lambda: map_to_bytes(journey))

    def export_csv(self) -> bool:
        if not self._ready():
            return False
        from cxmapper.model.spreadsheet import export_csv

        path = self.export_target("csv", "Export CSV", "Spreadsheets (*.csv)")
        journey = self.document.journey
        return self._write_export(path, "CSV", lambda: export_csv(journey)) if path else False

    def export_mermaid(self) -> bool:
        if not self._ready():
            return False
        from cxmapper.model.mermaid import to_mermaid

        path = self.export_target("mmd", "Export Mermaid", "Mermaid diagrams (*.mmd)")
        journey = self.document.journey
        write = lambda: to_mermaid(journey).encode("utf-8")  # noqa: E731 - one line
        return self._write_export(path, "Mermaid", write) if path else False
