"""File > Save, Save As, Close and Quit: the map written to its file (atomically, by the
document), and the question before unsaved changes would be lost; a file changed by another
program since it was opened is not overwritten without asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.app.file_actions import ALL_FILES, file_filter, file_name_for
from cxmapper.app.menus import action
from cxmapper.canvas.tooltips import plain
from cxmapper.model.safe_write import SaveError


class Saving:
    def __init__(self, window) -> None:
        self.window = window
        keys = QKeySequence.StandardKey
        self.save_actions = [
            action(window, "&Save", self.save, [keys.Save, "Ctrl+S"]),
            action(window, "Save &As…", self.save_as, [keys.SaveAs, "Ctrl+Shift+S"]),
        ]
        self.close_actions = [
            action(window, "&Close", window.close, [keys.Close, "Ctrl+W"]),
            action(window, "&Quit", self.quit, [keys.Quit, "Ctrl+Q"]),
        ]

    @property
    def document(self):
        return self.window.document

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
        from cxmapper.model.writers import JSON  # (the writers: not at start-up)

        doc = self.document
        if doc.path and doc.path.suffix.lower() == f".{JSON.suffix}":
            suggested = doc.path
        else:
            base = doc.path or doc.opened_from or Path.home() / file_name_for(doc.journey.title)
            suggested = base.with_suffix(f".{JSON.suffix}")
        filters = f"{file_filter(JSON.files, [JSON.suffix])};;{ALL_FILES}"
        return self.window.ask_file(suggested, "Save journey map", filters, JSON.suffix)

    def _save_to(self, path: Path) -> bool:
        w, doc = self.window, self.document
        if w.view is not None:
            w.view.title_editor.commit()
        if doc.path is not None and path.absolute() == doc.path and doc.changed_on_disk():
            answer = QMessageBox.question(
                w,
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
            doc.save(path)
        except (SaveError, ValueError) as exc:
            QMessageBox.critical(
                w,
                "Cannot save the map",
                plain(f"{exc}\n\nThe map is still open and unsaved; nothing was lost."),
            )
            return False
        settings.add_recent(path)
        editor().recent_changed.emit()
        w.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    # --- closing -------------------------------------------------------------------------------
    def name_in_questions(self) -> str:
        """'workshop.json', or 'the map "Broadband sign-up"' when it has no file yet."""
        if self.document.path is not None:
            return self.document.path.name
        return f'the map "{self.document.journey.title}"'

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False when the user cancels."""
        w = self.window
        if w.view is not None:
            w.view.title_editor.commit()  # a name being typed counts as a change
        if self.document is None or not self.document.modified:
            return True
        w.raise_()
        answer = QMessageBox.question(
            w,
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

    @staticmethod
    def quit() -> None:
        """Close every window, each asking about its unsaved changes; Cancel stops there."""
        for window in list(editor().windows):
            if not window.close():
                return
