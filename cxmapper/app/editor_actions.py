"""What belongs to the editor rather than to the map: File > Preferences… (for every window),
Help > Keyboard Shortcuts and About cxmapper. Their dialogs are imported when first asked for,
not at start-up."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from cxmapper.app import settings
from cxmapper.app.editor import editor
from cxmapper.app.menus import action


class EditorActions:
    def __init__(self, window) -> None:
        self.window = window
        keys = QKeySequence.StandardKey
        self.preferences_action = action(
            window, "Pre&ferences…", self.show_preferences, [keys.Preferences, "Ctrl+,"]
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        about = action(window, "&About cxmapper", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_actions = [
            action(window, "&Keyboard Shortcuts", self.show_shortcuts, [keys.HelpContents]),
            about,
        ]

    def show_preferences(self) -> None:
        from cxmapper.app.preferences import PreferencesDialog

        if PreferencesDialog(self.window).exec() == PreferencesDialog.DialogCode.Accepted:
            delay = settings.autosave_delay_ms()
            for window in editor().windows:
                if window.autosave is not None:
                    window.autosave.set_delay(delay)
            editor().recent_changed.emit()

    def show_shortcuts(self) -> None:
        from cxmapper.app.help import ShortcutsDialog

        ShortcutsDialog(self.window).exec()

    def show_about(self) -> None:
        from cxmapper.app.help import show_about

        show_about(self.window)
