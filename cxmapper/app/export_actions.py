"""File > Export: any format of the writers' list (PDF, PNG, SVG, JSON, CSV, Mermaid), each
written atomically; a failure says why and changes nothing (the map stays open, the old file
stays whole). The formats, their save dialogs and their writing are the command line's too
(canvas/png_format.WRITERS); only the options dialogs (PDF, PNG) are the window's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cxmapper.app.file_actions import file_filter, file_name_for
from cxmapper.canvas.png_format import PNG
from cxmapper.canvas.tooltips import plain
from cxmapper.export.formats import PDF, SVG
from cxmapper.model.fileformat import BACKUPS_KEPT
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, write_atomically
from cxmapper.model.writers import CSV, JSON, MERMAID, Writer, Written


class ExportActions:
    """Mixed into MainWindow (with FileActions' ask_file and save)."""

    def _ready(self) -> bool:
        if self.document is None:
            return False
        if self.view is not None:
            self.view.title_editor.commit()
        return True

    def export(self, writer: Writer) -> bool:
        """Ask for the format's options (PDF, PNG), then a file, then write it."""
        if not self._ready():
            return False
        ask = {PDF.name: self._ask_pdf_options, PNG.name: self._ask_png_scale}.get(writer.name)
        settings = ask() if ask else None
        if ask and settings is None:
            return False  # the options dialog was cancelled
        path = self.export_target(writer)
        if not path:
            return False
        if writer is JSON and self.document.path and path.resolve() == self.document.path.resolve():
            return self.save()  # a copy of the map over its own file is a Save
        return self.write_as(writer, path, settings)

    def export_pdf(self) -> bool:
        return self.export(PDF)

    def export_png(self) -> bool:
        return self.export(PNG)

    def export_svg(self) -> bool:
        return self.export(SVG)

    def export_json(self) -> bool:
        """A copy of the map as a file (the window goes on editing its own file)."""
        return self.export(JSON)

    def export_csv(self) -> bool:
        return self.export(CSV)

    def export_mermaid(self) -> bool:
        return self.export(MERMAID)

    def export_target(self, writer: Writer) -> Path | None:
        """Beside the map's file, named after it; never the map's own file or the spreadsheet
        or PDF it came from (an export of a CSV import is suggested as NAME-export.csv)."""
        doc, suffix = self.document, writer.suffix
        source = doc.path or doc.opened_from
        if source is None:
            base = Path.home() / f"{file_name_for(doc.journey.title)}.{suffix}"
        else:
            base = source.with_suffix(f".{suffix}")
            if base in (doc.path, doc.opened_from):
                base = source.with_name(f"{source.stem}-export.{suffix}")
        return self.ask_file(base, writer.title, file_filter(writer.files, [suffix]), suffix)

    def _ask_pdf_options(self):
        """The PDF's options (remembered); the rows and curves chosen become the map's own,
        so screen and paper show the same. None when cancelled."""
        from cxmapper.app.export_dialog import PdfExportDialog

        journey = self.document.journey
        dialog = PdfExportDialog(self, journey.rows, journey.curves)
        if dialog.exec() != PdfExportDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        if dialog.chosen_rows() != self.document.journey.rows:
            self.set_rows(dialog.chosen_rows())
        if dialog.chosen_curves() != self.document.journey.curves:
            self.curves_menu.set(dialog.chosen_curves())
        return dialog.options()

    def _ask_png_scale(self) -> float | None:
        from cxmapper.app.image_dialog import PngExportDialog

        dialog = PngExportDialog(self.scene.plain_size(), self)
        if dialog.exec() != PngExportDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        return dialog.scale()

    def write_pdf(self, path: Path, options) -> bool:
        return self.write_as(PDF, path, options)

    def write_png(self, path: Path, scale: float) -> bool:
        return self.write_as(PNG, path, scale)

    def write_as(self, writer: Writer, path: Path, settings: Any = None) -> bool:
        """Write the map in the format; the status bar says it is done (with the writer's
        note: a PDF's cards too small to read), a dialog why it could not be."""
        journey = self.document.journey
        self.statusBar().showMessage(f"Exporting {path.name}…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big map takes seconds
        try:
            written: Written = writer.write(journey, settings)
            write_atomically(path, written.data, backups=BACKUPS_KEPT)  # as the command line
        except (SaveError, MapError, ValueError, MemoryError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(
                self, f"Cannot export the {writer.what}", plain(str(exc) or "out of memory")
            )
            self.statusBar().clearMessage()
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Exported {path}", 10000)
        if note := written.note(False):
            self.statusBar().showMessage(f"Exported {path}. Note: {note}", 15000)
        return True
