"""Start the editor: one QApplication, the map from FILE or the default template."""

from __future__ import annotations

import sys

from cxmapper import __version__


def run_editor(path: str | None) -> int:
    from PySide6.QtWidgets import QApplication

    from cxmapper.app.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("cxmapper")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("cxmapper")
    window = MainWindow()
    window.show()
    if path:
        window.open_path(path, fallback_to_sample=True)
    else:
        window.show_sample()
    return app.exec()
