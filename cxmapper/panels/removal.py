"""Removing a stage or a department that holds touchpoints asks first: move them to the
neighbour, or delete them with it. Shared by the Structure dock and the canvas's menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from cxmapper.canvas.tooltips import plain
from cxmapper.model.edits import neighbour_department, neighbour_stage
from cxmapper.model.fields import EditRefused


def _plural(n: int) -> str:
    return "1 touchpoint" if n == 1 else f"{n} touchpoints"


def remove_with_question(parent: QWidget, document, kind: str, part_id: str) -> bool:
    """Remove the stage or department `part_id`, asking what happens to its touchpoints.
    False when the user cancels or the map refuses (the reason is shown)."""
    journey = document.journey
    part = document.part(kind, part_id)
    if kind == "stage":
        inside = document.stage_touchpoints(part_id)
        target = neighbour_stage(journey, part_id)
        where = f"stage “{journey.stage(target).name}”" if target else None
        remove = document.remove_stage
    else:
        inside = document.department_touchpoints(part_id)
        target = neighbour_department(journey, part_id)
        where = f"department “{journey.department(target).name}”" if target else "Unassigned"
        remove = document.remove_department
    keep = True
    if inside and where is not None:
        answer = choose(parent, kind, part.name, len(inside), where)
        if answer is None:
            return False
        keep = answer == "move"
    try:
        return remove(part_id, keep_touchpoints=keep)
    except EditRefused as refused:
        QMessageBox.information(parent, f"Cannot remove the {kind}", plain(str(refused)))
        return False


def choose(parent: QWidget, kind: str, name: str, count: int, where: str) -> str | None:
    """Ask: "move", "delete", or None (cancelled). Move is the default button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the part's name is the map's text
    box.setWindowTitle(f"Remove {kind}")
    box.setText(f"The {kind} “{name}” has {_plural(count)}.")
    box.setInformativeText("Move them to the neighbouring one, or delete them with it?")
    move = box.addButton(f"Move to {where}", QMessageBox.ButtonRole.AcceptRole)
    delete = box.addButton("Delete them", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(move)
    box.exec()
    return {move: "move", delete: "delete"}.get(box.clickedButton())
