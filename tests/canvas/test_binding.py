"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 does on 3.11)."""

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_painting_does_not_leak_references_to_none(qapp):
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(5000):
        painter.save()
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2)
        painter.restore()
    drift = sys.getrefcount(None) - before
    painter.end()
    # A broken binding loses one reference per call (20,000 here); None's count otherwise
    # moves by a few dozen at most. On Python >= 3.12 None is immortal and the count is fixed.
    assert drift > -1000, (
        f"the Qt binding drops references to None ({drift}): install a fixed PySide6"
    )
