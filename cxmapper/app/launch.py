"""Start the editor: one QApplication, the maps left by an editor that did not close properly
(asked about first), then the files named on the command line, or the sample map."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from cxmapper import __version__


def run_editor(paths: list[str]) -> int:
    # Start-up makes a few hundred thousand objects (modules, the map's model, Qt's wrappers)
    # and almost no garbage: the cycle collector is off meanwhile (a window freezes what it
    # holds, model/bulk.keep_long_lived), which spares it a hundred passes over them.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        # The map's model (and pydantic's hundred modules) before Qt, as the command line has
        # it: PySide6 reads the source of each module imported after it (for its __feature__
        # switches), which for these costs about 25 ms. So do the Qt-free layers the window
        # draws and edits with (the layout, the drawing, the edits' plans): 3 ms more.
        import cxmapper.model.templates  # noqa: F401, I001 - before Qt, on purpose
        import cxmapper.model.plans  # noqa: F401
        import cxmapper.layout.journey_layout  # noqa: F401
        import cxmapper.drawing.map  # noqa: F401
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("cxmapper")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("cxmapper")
        open_windows(paths)
    finally:
        if was_collecting:
            gc.enable()
    return app.exec()


def open_windows(paths: list[str], ask=None) -> list:
    """Recovered maps first, each in its own window; then each file; the sample if nothing."""
    from cxmapper.app.editor import editor
    from cxmapper.app.window import MainWindow

    windows = recover(ask)
    for path in paths:
        shown = editor().window_for(Path(path))
        if shown is not None:  # restored just now, with the edits the file does not have
            windows.remove(shown)
            windows.append(shown)
            continue
        window = MainWindow()
        if window.files.open_path(path):  # shown once it holds the map; a bad file shows nothing
            window.show()
            windows.append(window)
        else:
            window.close()
    if not windows:
        window = MainWindow()
        window.show_sample()
        window.show()
        windows.append(window)
    windows[-1].raise_()
    windows[-1].activateWindow()
    return windows


def recover(ask=None) -> list:
    """Ask about the maps that gone editors left (`ask`: the recovery dialog's question);
    restore or discard them, or leave them."""
    from cxmapper.app.editor import editor

    sessions = editor().recovery.left_behind()
    if not sessions:
        return []
    from cxmapper.app import recovery_dialog  # (only now: most starts have nothing to ask)
    from cxmapper.app.recovery_dialog import DISCARD, RESTORE
    from cxmapper.app.window import MainWindow

    ask = ask or recovery_dialog.ask
    maps = [m for s in sessions for m in s.maps]
    problems = [p for s in sessions for p in s.problems]
    choice = ask(maps, problems)
    windows = []
    for session in sessions:
        for found in list(session.maps):
            if choice == RESTORE:
                window = MainWindow()
                kept = window.files.restore(found)  # to this editor's own folder first...
                window.show()
                windows.append(window)
                if kept:
                    session.forget(found.copy)  # ...and only then the old copy goes
            elif choice == DISCARD:
                session.forget(found.copy)
        session.release()
    return windows
