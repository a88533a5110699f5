"""A real editor process for the recovery tests: `edit [FILE]` starts the editor (on FILE or the
sample), adds a touchpoint named "Added before the crash" as a user would, prints EDITED and runs
on until it is killed; `restart` starts the editor, presses Enter on the recovery question, prints
each window's map as JSON, saves those that have a file (Ctrl+S) and quits."""

import json
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxmapper import __version__
from cxmapper.app.editor import editor
from cxmapper.app.launch import open_windows

app = QApplication(sys.argv[:1])
app.setApplicationName("cxmapper")
app.setApplicationVersion(__version__)
app.setOrganizationName("cxmapper")
mode, paths = sys.argv[1], sys.argv[2:]


def edit() -> None:
    window = editor().windows[-1]
    QTest.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    name_box = window.view.title_editor  # opened on the new card, its name selected
    QTest.keyClicks(name_box, "Added before the crash")
    QTest.keyClick(name_box, Qt.Key.Key_Return)
    print("EDITED", flush=True)


def press_enter_on_the_question() -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(50, press_enter_on_the_question)
        return
    print(f"ASKED {dialog.windowTitle()}", flush=True)
    QTest.keyClick(dialog, Qt.Key.Key_Return)


def report_and_save() -> None:
    for window in editor().windows:
        doc = window.document
        report = {
            "path": str(doc.path) if doc.path else None,
            "modified": doc.modified,
            "title": window.windowTitle(),
            "touchpoints": [tp.title for tp in doc.journey.touchpoints],
        }
        print("MAP " + json.dumps(report), flush=True)
        if doc.path is not None:
            QTest.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            print(f"SAVED {not doc.modified}", flush=True)
    print("DONE", flush=True)
    for window in list(editor().windows):
        window.document.undo_stack.setClean()  # a never-saved map: do not ask on the way out
        window.close()


if mode == "edit":
    open_windows(paths)
    QTimer.singleShot(300, edit)
else:
    QTimer.singleShot(50, press_enter_on_the_question)
    open_windows(paths)
    QTimer.singleShot(300, report_and_save)
sys.exit(app.exec())
