"""The main window's files: open (maps and exported PDFs), save, save as, export PDF, and the
question before unsaved changes would be lost."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from cxmapper.document.document import JourneyDocument
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError
from cxmapper.model.templates import new_map

FILE_FILTER = "Journey maps (*.json);;All files (*)"
OPEN_FILTER = "Journey maps (*.json *.pdf);;PDFs exported by cxmapper (*.pdf);;All files (*)"


def file_name_for(title: str) -> str:
    """A file name from a map's title: no characters that some systems forbid in names."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-")
    return safe[:80] or "journey map"


class FileActions:
    """Mixed into MainWindow (which provides document, view, set_document and statusBar)."""

    def show_sample(self) -> None:
        self.set_document(JourneyDocument(new_map(), None))

    def open_path(self, path: str, fallback_to_sample: bool = False) -> bool:
        try:
            document = JourneyDocument.open(path)
        except MapError as exc:
            QMessageBox.critical(self, "Cannot open the map", exc.message())
            if fallback_to_sample and self.document is None:
                self.show_sample()
            return False
        self.set_document(document)
        return True

    def choose_and_open(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open journey map", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        path = self.ask_save_path()
        return self._save_to(path) if path else False

    def ask_save_path(self) -> Path | None:
        if self.document.path and self.document.path.suffix.lower() == ".json":
            suggested = self.document.path
        else:
            base = (
                self.document.path
                or self.document.opened_from
                or Path.home() / file_name_for(self.document.journey.title)
            )
            suggested = base.with_suffix(".json")
        return self.ask_file(suggested, "Save journey map", FILE_FILTER, "json")

    def ask_file(self, suggested: Path, title: str, filters: str, suffix: str) -> Path | None:
        """A save dialog that adds the suffix itself, so its overwrite check sees the real name."""
        dialog = QFileDialog(self, title, str(suggested.parent), filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.selectFile(suggested.name)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def _save_to(self, path: Path) -> bool:
        if self.view is not None:
            self.view.title_editor.commit()
        try:
            self.document.save(path)
        except (SaveError, ValueError) as exc:
            QMessageBox.critical(
                self, "Cannot save the map", f"{exc}\n\nThe map is still open; nothing was lost."
            )
            return False
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def export_pdf(self) -> bool:
        """Ask for the options (remembered) and a file, then write the PDF atomically."""
        if self.document is None:
            return False
        from cxmapper.app.export_dialog import PdfExportDialog

        dialog = PdfExportDialog(self)
        if dialog.exec() != PdfExportDialog.DialogCode.Accepted:
            return False
        dialog.remember()
        options = dialog.options()
        base = (
            self.document.path.with_suffix(".pdf")
            if self.document.path
            else (Path.home() / f"{file_name_for(self.document.journey.title)}.pdf")
        )
        path = self.ask_file(base, "Export PDF", "PDF (*.pdf)", "pdf")
        return self.write_pdf(path, options) if path else False

    def write_pdf(self, path: Path, options) -> bool:
        from cxmapper.export.pdf import export_pdf, legibility_note, pdf_layout
        from cxmapper.model.safe_write import write_atomically

        if self.view is not None:
            self.view.title_editor.commit()
        self.statusBar().showMessage(f"Exporting {path.name}…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big poster takes seconds
        journey = self.document.journey
        try:
            lay = pdf_layout(journey)
            write_atomically(path, export_pdf(journey, options, lay))
        except (SaveError, ValueError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, "Cannot export the PDF", str(exc))
            return False
        QApplication.restoreOverrideCursor()
        note = legibility_note(journey, options, lay)
        self.statusBar().showMessage(
            f"Exported {path}" + (f". Note: {note}" if note else ""), 15000
        )
        return True

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False when the user cancels."""
        if self.document is None or not self.document.modified:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.document.display_name()}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    # --- editing commands ------------------------------------------------------------------
