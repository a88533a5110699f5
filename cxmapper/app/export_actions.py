"""File > Export: any format of the writers' list (PDF, PNG, SVG, JSON, CSV, Mermaid), each
written atomically; a failure says why and changes nothing (the map stays open, the old file
stays whole). The formats, their save dialogs and their writing are the command line's too
(canvas/png_format.WRITERS, imported when first exporting, not at start-up); only the options
dialogs (PDF, PNG) are the window's own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cxmapper.app.file_actions import file_filter, file_name_for
from cxmapper.app.menus import action
from cxmapper.canvas.tooltips import plain
from cxmapper.model.fileformat import BACKUPS_KEPT
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError, write_atomically

if TYPE_CHECKING:
    from cxmapper.model.writers import Writer, Written


def named_writer(name: str) -> Writer:
    """A format of the writers' list by name: "pdf", "png", "svg", "json", "csv", "mermaid"."""
    from cxmapper.canvas.png_format import writer_named

    return writer_named(name)


class ExportActions:
    def __init__(self, window) -> None:
        self.window = window
        self.entries = [
            action(window, "&PDF…", self.export_pdf, ["Ctrl+E"]),
            action(window, "P&NG…", self.export_png, ["Ctrl+Shift+E"]),
            action(window, "&SVG…", self.export_svg),
            action(window, "&JSON…", self.export_json),
            action(window, "&CSV…", self.export_csv),
            action(window, "&Mermaid…", self.export_mermaid),
        ]

    @property
    def document(self):
        return self.window.document

    def _ready(self) -> bool:
        if self.document is None:
            return False
        if self.window.view is not None:
            self.window.view.title_editor.commit()
        return True

    def export(self, writer: Writer) -> bool:
        """Ask for the format's options (PDF, PNG), then a file, then write it."""
        if not self._ready():
            return False
        ask = {"pdf": self._ask_pdf_options, "png": self._ask_png_scale}.get(writer.name)
        settings = ask() if ask else None
        if ask and settings is None:
            return False  # the options dialog was cancelled
        path = self.export_target(writer)
        if not path:
            return False
        own = self.document.path
        if writer.name == "json" and own and path.resolve() == own.resolve():
            return self.window.saving.save()  # a copy of the map over its own file is a Save
        return self.write_as(writer, path, settings)

    def export_pdf(self) -> bool:
        return self.export(named_writer("pdf"))

    def export_png(self) -> bool:
        return self.export(named_writer("png"))

    def export_svg(self) -> bool:
        return self.export(named_writer("svg"))

    def export_json(self) -> bool:
        """A copy of the map as a file (the window goes on editing its own file)."""
        return self.export(named_writer("json"))

    def export_csv(self) -> bool:
        return self.export(named_writer("csv"))

    def export_mermaid(self) -> bool:
        return self.export(named_writer("mermaid"))

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
        filters = file_filter(writer.files, [suffix])
        return self.window.ask_file(base, writer.title, filters, suffix)

    def _ask_pdf_options(self):
        """The PDF's options (remembered); the rows and curves chosen become the map's own,
        so screen and paper show the same. None when cancelled."""
        from cxmapper.app.export_dialog import PdfExportDialog

        journey = self.document.journey
        dialog = PdfExportDialog(self.window, journey.rows, journey.curves)
        if dialog.exec() != PdfExportDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        if dialog.chosen_rows() != self.document.journey.rows:
            self.window.rows_menu.set(dialog.chosen_rows())
        if dialog.chosen_curves() != self.document.journey.curves:
            self.window.curves_menu.set(dialog.chosen_curves())
        return dialog.options()

    def _ask_png_scale(self) -> float | None:
        from cxmapper.app.image_dialog import PngExportDialog

        dialog = PngExportDialog(self.window.scene.plain_size(), self.window)
        if dialog.exec() != PngExportDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        return dialog.scale()

    def write_pdf(self, path: Path, options) -> bool:
        return self.write_as(named_writer("pdf"), path, options)

    def write_png(self, path: Path, scale: float) -> bool:
        return self.write_as(named_writer("png"), path, scale)

    def write_as(self, writer: Writer, path: Path, settings: Any = None) -> bool:
        """Write the map in the format; the status bar says it is done (with the writer's
        note: a PDF's cards too small to read), a dialog why it could not be."""
        journey, status = self.document.journey, self.window.statusBar()
        status.showMessage(f"Exporting {path.name}…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big map takes seconds
        try:
            written: Written = writer.write(journey, settings)
            write_atomically(path, written.data, backups=BACKUPS_KEPT)  # as the command line
        except (SaveError, MapError, ValueError, MemoryError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(
                self.window, f"Cannot export the {writer.what}", plain(str(exc) or "out of memory")
            )
            status.clearMessage()
            return False
        QApplication.restoreOverrideCursor()
        status.showMessage(f"Exported {path}", 10000)
        if note := written.note(False):
            status.showMessage(f"Exported {path}. Note: {note}", 15000)
        return True
