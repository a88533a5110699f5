"""The main window's files: open (maps, spreadsheets, exported PDFs) from the menu, the recent
list, the command line or a drop; import; save and save as; close; the question before unsaved
changes would be lost. One map per window: opening or starting a map in a window that holds work
opens another window. The kinds of file, and what the dialogs show for them, come from the
formats' lists (model/formats.py), which the command line reads too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.canvas.tooltips import plain
from cxmapper.document.document import JourneyDocument
from cxmapper.model import formats
from cxmapper.model.formats import MERMAID_DIAGRAM, SPREADSHEET, Reader
from cxmapper.model.problems import MapError
from cxmapper.model.recovery import Recoverable
from cxmapper.model.safe_write import SaveError
from cxmapper.model.templates import new_map
from cxmapper.model.writers import JSON

ALL_FILES = "All files (*)"


def file_filter(files: str, suffixes: Sequence[str]) -> str:
    """One choice of a file dialog: "Spreadsheets (*.csv *.tsv)"."""
    return f"{files} ({' '.join(f'*.{suffix}' for suffix in suffixes)})"


def open_filter() -> str:
    """File > Open's choices: every kind it reads, then each kind, then any file."""
    readers = formats.READERS
    short = [r.short for r in readers]
    every = short[0] if len(short) == 1 else ", ".join(short[:-1]) + " and " + short[-1]
    every = every[0].upper() + every[1:]
    kinds = [file_filter(r.files, [r.suffix]) for r in readers]
    return ";;".join([file_filter(every, [r.suffix for r in readers]), *kinds, ALL_FILES])


def opened_suffixes() -> tuple[str, ...]:
    """The files a drop on the window opens: ".json", ".csv", ..."""
    return tuple(f".{r.suffix}" for r in formats.READERS)


def imported_document(path: str | Path, reader: Reader) -> JourneyDocument:
    """A new map from a file of the reader's kind whatever its name (File > Import): it has no
    file of its own yet, so saving asks where."""
    return JourneyDocument.open(path, reader=reader)


def _problem(exc: Exception, path: str | Path) -> str:
    """What went wrong reading a file: its problems, or (a bug in cxmapper) the error's name."""
    if isinstance(exc, MapError):
        return exc.message()
    return (
        f"{path}: cxmapper could not read it (an unexpected {type(exc).__name__}; please "
        "report it). Nothing open was changed."
    )


def file_name_for(title: str) -> str:
    """A file name from a map's title: no characters that some systems forbid in names."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-")
    return safe[:80] or "journey map"


class FileActions:
    """Mixed into MainWindow (which provides document, view, set_document and statusBar)."""

    def show_sample(self) -> None:
        self.set_document(JourneyDocument(new_map(), None))

    # --- which window a map goes to ------------------------------------------------------------
    def untouched(self) -> bool:
        """Nothing here would be lost by showing another map in this window instead."""
        doc = self.document
        return doc is None or (
            doc.path is None
            and doc.opened_from is None
            and not doc.modified
            and doc.undo_stack.count() == 0
        )

    def window_for_a_map(self):
        return self if self.untouched() else editor().new_window()

    def open_file(self, path: str | Path) -> bool:
        """Open a file as a user does: the window already showing it comes forward; otherwise
        this window if it holds nothing yet, or a new one."""
        shown = editor().window_for(Path(path))
        if shown is not None:
            shown.raise_()
            shown.activateWindow()
            return True
        document = self.read_document(path)
        if document is None:
            return False
        self.window_for_a_map().show_opened(document)
        return True

    def read_document(self, path: str | Path) -> JourneyDocument | None:
        """The map in a file, or None after a dialog naming the problem (nothing open changes)."""
        try:
            return JourneyDocument.open(path)
        except Exception as exc:  # noqa: BLE001 - whatever a file holds, the editor goes on
            QMessageBox.critical(self, "Cannot open the map", plain(_problem(exc, path)))
            return None

    def show_opened(self, document: JourneyDocument) -> None:
        self.set_document(document)
        self.raise_()
        self.activateWindow()
        source = document.path or document.opened_from
        if source is not None:
            settings.add_recent(source)
            editor().recent_changed.emit()
        if document.notes:
            notes = "\n".join(document.notes[:20]) or "Imported."
            QMessageBox.information(self, "Imported", plain(notes))

    def open_path(self, path: str, fallback_to_sample: bool = False) -> bool:
        """Open a file in this window (the command line; tests)."""
        document = self.read_document(path)
        if document is None:
            if fallback_to_sample and self.document is None:
                self.show_sample()
            return False
        self.show_opened(document)
        return True

    def restore(self, found: Recoverable) -> bool:
        """A map from a recovery copy: its own file again, unsaved, autosaved from now on.
        True when its copy is safe in this editor's own recovery folder."""
        document = JourneyDocument(found.journey, found.path)
        document.opened_from = found.opened_from
        document.disk_stamp = found.disk_stamp  # so Ctrl+S sees a change made since the crash
        document.undo_stack.resetClean()  # unsaved, though nothing is on the undo stack
        self.set_document(document)
        kept = self.autosave.write_now()
        note = f" ({'; '.join(found.notes)})" if found.notes else ""
        self.statusBar().showMessage(
            f"Restored {document.display_name()}{note}: save it to keep the changes", 15000
        )
        return kept

    def choose_and_open(self) -> None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        paths, _ = QFileDialog.getOpenFileNames(self, "Open journey map", start, open_filter())
        for path in paths:
            self.open_file(path)

    def import_csv(self) -> None:
        self.import_file(SPREADSHEET)

    def import_mermaid(self) -> None:
        self.import_file(MERMAID_DIAGRAM)

    def import_file(self, reader: Reader) -> None:
        """A new map from another kind of file, in a window of its own; a dialog naming every
        problem when it cannot be read."""
        filters = f"{file_filter(reader.import_files, reader.import_suffixes)};;{ALL_FILES}"
        path, _ = QFileDialog.getOpenFileName(self, reader.import_title, "", filters)
        if not path:
            return
        try:
            document = imported_document(path, reader)
        except Exception as exc:  # noqa: BLE001 - whatever a file holds, the editor goes on
            title = f"Cannot import the {reader.what}"
            QMessageBox.critical(self, title, plain(_problem(exc, path)))
            return
        self.window_for_a_map().show_opened(document)

    def open_recent(self, path: Path) -> None:
        if not path.is_file():
            QMessageBox.information(self, "Open Recent", plain(f"{path} is no longer there."))
            settings.add_recent(path)  # moved to the top, then gone from the (filtered) list
            editor().recent_changed.emit()
            return
        self.open_file(path)

    def clear_recent(self) -> None:
        settings.clear_recent()
        editor().recent_changed.emit()

    # --- drops ---------------------------------------------------------------------------------
    @staticmethod
    def dropped_files(mime) -> list[Path]:
        if not mime.hasUrls():
            return []
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in files if p.suffix.lower() in opened_suffixes()]

    def dragEnterEvent(self, event) -> None:
        if self.dropped_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        files = self.dropped_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        for path in files:
            self.open_file(path)

    # --- saving --------------------------------------------------------------------------------
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
        if self.document.path and self.document.path.suffix.lower() == f".{JSON.suffix}":
            suggested = self.document.path
        else:
            base = (
                self.document.path
                or self.document.opened_from
                or Path.home() / file_name_for(self.document.journey.title)
            )
            suggested = base.with_suffix(f".{JSON.suffix}")
        filters = f"{file_filter(JSON.files, [JSON.suffix])};;{ALL_FILES}"
        return self.ask_file(suggested, "Save journey map", filters, JSON.suffix)

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
        doc = self.document
        if doc.path is not None and path.absolute() == doc.path and doc.changed_on_disk():
            answer = QMessageBox.question(
                self,
                "The file has changed",
                plain(
                    f"{path.name} was changed by another program (or removed) after this map was "
                    "last opened or saved. Replace it with this map? (The replaced version is "
                    f"kept as {path.name}.bak.) Choose No to save this map under another name."
                ),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.No:
                return self.save_as()
        try:
            self.document.save(path)
        except (SaveError, ValueError) as exc:
            QMessageBox.critical(
                self,
                "Cannot save the map",
                plain(f"{exc}\n\nThe map is still open and unsaved; nothing was lost."),
            )
            return False
        settings.add_recent(path)
        editor().recent_changed.emit()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    # --- closing -------------------------------------------------------------------------------
    def name_in_questions(self) -> str:
        """'workshop.json', or 'the map "Broadband sign-up"' when it has no file yet."""
        if self.document.path is not None:
            return self.document.path.name
        return f'the map "{self.document.journey.title}"'

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False when the user cancels."""
        if self.view is not None:
            self.view.title_editor.commit()  # a name being typed counts as a change
        if self.document is None or not self.document.modified:
            return True
        self.raise_()
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            plain(f"Save the changes to {self.name_in_questions()}?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        try:
            if self.autosave is not None:
                self.autosave.discard()  # saved or discarded: nothing left to recover
            if self.was_shown:
                self.remember_layout()
        finally:
            editor().remove(self)
            event.accept()
