"""The window's files: open (maps, spreadsheets, exported PDFs) from the menu, the recent list
(recent_files.py), the command line or a drop; import; a new map; a map from a recovery copy.
One map per window: opening or starting a map in a window that holds work opens another window.
The kinds of file, and what the dialogs show for them, come from the formats' lists
(model/formats.py), which the command line reads too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.app.menus import action
from cxmapper.canvas.tooltips import plain
from cxmapper.document.document import JourneyDocument
from cxmapper.model import formats
from cxmapper.model.formats import MERMAID_DIAGRAM, SPREADSHEET, Reader
from cxmapper.model.problems import MapError
from cxmapper.model.recovery import Recoverable
from cxmapper.model.templates import new_map

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
    """File > New, Open and Import for one window, and the files dropped on it (saving and
    closing: saving.py)."""

    def __init__(self, window) -> None:
        self.window = window
        keys = QKeySequence.StandardKey
        new_tip = "A new map, from a template"
        self.open_actions = [
            action(window, "&New…", self.new_map, [keys.New, "Ctrl+N"], new_tip),
            action(window, "&Open…", self.choose_and_open, [keys.Open, "Ctrl+O"]),
        ]
        self.import_actions = [
            action(
                window,
                "&Import CSV…",
                self.import_csv,
                tip="A new map from a spreadsheet of touchpoints",
            ),
            action(
                window,
                "Import &Mermaid…",
                self.import_mermaid,
                tip="A new map from a Mermaid journey diagram",
            ),
        ]

    @property
    def document(self) -> JourneyDocument | None:
        return self.window.document

    def show_sample(self) -> None:
        self.window.set_document(JourneyDocument(new_map(), None))

    def new_map(self) -> None:
        """A map from a template, in this window if it holds nothing yet, else in a new one."""
        from cxmapper.app.new_map_dialog import NewMapDialog

        dialog = NewMapDialog(self.window)
        if dialog.exec() != NewMapDialog.DialogCode.Accepted:
            return
        self.window_for_a_map().show_opened(JourneyDocument(dialog.journey(), None))

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

    def window_for_a_map(self) -> FileActions:
        """This window's files if it holds nothing yet, else a new window's."""
        return self if self.untouched() else editor().new_window().files

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
            QMessageBox.critical(self.window, "Cannot open the map", plain(_problem(exc, path)))
            return None

    def show_opened(self, document: JourneyDocument) -> None:
        w = self.window
        w.set_document(document)
        w.raise_()
        w.activateWindow()
        source = document.path or document.opened_from
        if source is not None:
            settings.add_recent(source)
            editor().recent_changed.emit()
        if document.notes:
            notes = "\n".join(document.notes[:20]) or "Imported."
            QMessageBox.information(w, "Imported", plain(notes))

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
        self.window.set_document(document)
        kept = self.window.autosave.write_now()
        note = f" ({'; '.join(found.notes)})" if found.notes else ""
        self.window.statusBar().showMessage(
            f"Restored {document.display_name()}{note}: save it to keep the changes", 15000
        )
        return kept

    def choose_and_open(self) -> None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Open journey map", start, open_filter()
        )
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
        path, _ = QFileDialog.getOpenFileName(self.window, reader.import_title, "", filters)
        if not path:
            return
        try:
            document = imported_document(path, reader)
        except Exception as exc:  # noqa: BLE001 - whatever a file holds, the editor goes on
            title = f"Cannot import the {reader.what}"
            QMessageBox.critical(self.window, title, plain(_problem(exc, path)))
            return
        self.window_for_a_map().show_opened(document)

    # --- drops ---------------------------------------------------------------------------------
    @staticmethod
    def dropped_files(mime) -> list[Path]:
        if not mime.hasUrls():
            return []
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in files if p.suffix.lower() in opened_suffixes()]

    def drag_entered(self, event) -> None:
        """A drag over the window: taken when it carries a file the window opens."""
        if self.dropped_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropped(self, event) -> None:
        files = self.dropped_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        for path in files:
            self.open_file(path)
