"""Run by test_keys_on_x11.py under a virtual X screen with Qt's xcb platform: the keys that
Qt's standard lists get wrong there (Delete holds Ctrl+D, full screen has none) do what the
menus say, on a real window."""

import json
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv)
assert app.platformName() == "xcb", app.platformName()

from cxmapper.app.editor import editor  # noqa: E402
from cxmapper.app.window import MainWindow  # noqa: E402

window = MainWindow()
window.show_sample()
window.show()
QTest.qWaitForWindowExposed(window)
window.activateWindow()
window.view.setFocus()
QTest.qWait(100)
doc, scene = window.document, window.scene
count = len(doc.journey.touchpoints)
scene.select_ids(["tp-sees-ad"])
QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
QTest.qWait(50)
after_duplicate = len(doc.journey.touchpoints)
still_there = doc.has_touchpoint("tp-sees-ad")
QTest.keyClick(window.view, Qt.Key.Key_Delete)
QTest.qWait(50)
after_delete = len(doc.journey.touchpoints)
QTest.keyClick(window.view, Qt.Key.Key_F11)
QTest.qWait(300)
full = window.isFullScreen()
scene.clearSelection()
QTest.keyClick(window.view, Qt.Key.Key_Escape)
QTest.qWait(300)
print(
    json.dumps(
        {
            "count": count,
            "after_duplicate": after_duplicate,
            "still_there": still_there,
            "after_delete": after_delete,
            "full_screen": full,
            "left_full_screen": not window.isFullScreen(),
        }
    )
)
doc.undo_stack.setClean()
window.close()
editor().forget_editor() if hasattr(editor(), "forget_editor") else None
