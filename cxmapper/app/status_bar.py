"""The window's status bar: the map's summary and zoom stay put at the right, menu hints and
messages show on the left; while autosave cannot write, a warning stays in view beside them. In
workshop mode it names the stage at the left as the map scrolls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from cxmapper.app.editor import editor
from cxmapper.canvas.tooltips import plain


class StatusBar:
    def __init__(self, window) -> None:
        self.window = window
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # it holds the map's title
        self.zoom_label = QLabel()
        self.autosave_label = QLabel()  # shown only while autosave cannot write
        self.autosave_label.setStyleSheet("QLabel { color: #b42318; font-weight: bold; }")
        self.autosave_label.hide()
        bar = window.statusBar()
        bar.addPermanentWidget(self.autosave_label)
        bar.addPermanentWidget(self.summary_label)
        bar.addPermanentWidget(self.zoom_label)
        self._stage_said: str | None = None

    def show_problem(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom:.0%}")

    def update(self, _changes=None) -> None:
        """The map's summary (its title and how many of each part) and the zoom."""
        w = self.window
        if w.document:
            self.summary_label.setText(w.document.journey.summary())
            self.show_zoom(w.view.zoom())

    def autosave_failed(self, text: str) -> None:
        """Crash safety is off: say so where it stays in view, and once in a dialog."""
        self.autosave_label.setText("⚠ Autosave is off")
        self.autosave_label.setToolTip(plain(text))
        self.autosave_label.show()
        self.show_problem(text)
        if not editor().told_autosave_failed:
            editor().told_autosave_failed = True
            QMessageBox.warning(
                self.window,
                "Autosave is off",
                plain(
                    f"{text}\n\nEditing goes on, but unsaved changes cannot be recovered after a "
                    "crash. Save often, or fix the folder and restart cxmapper."
                ),
            )

    def follow_stage(self, _value: int) -> None:
        """In workshop mode the status bar names the stage at the left as the map scrolls."""
        w = self.window
        if w.workshop.on and w.document and w.document.journey.stages:
            stage = w.document.journey.stages[w.view.current_stage()]
            if self._stage_said != stage.id:
                self.say_stage(stage.id)

    def say_stage(self, stage_id: str) -> None:
        self._stage_said = stage_id
        doc = self.window.document
        stage = doc.journey.stage(stage_id) if doc else None
        if stage is not None:
            stages = doc.journey.stages
            n = [s.id for s in stages].index(stage_id) + 1
            self.window.statusBar().showMessage(f"Stage {n} of {len(stages)}: {stage.name}", 6000)
