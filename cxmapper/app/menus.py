"""The main window's menus: File, Edit, Map, View and Help, built once per window from the
actions of the window's controllers. Each controller makes its own actions (`action`: text, keys
with a platform's standard keys first and then the ones users type on any keyboard, a status
tip, what it does); `build_menus` is only where each goes: the menus, their order, separators."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction, QKeySequence


def unique_keys(shortcuts) -> list[QKeySequence]:
    """Key sequences without repeats: a platform's standard keys may already hold one we add
    (Redo is Ctrl+Shift+Z on X11), and the same key twice makes Qt call it ambiguous."""
    keys: dict[str, QKeySequence] = {}
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(shortcut)
        else:
            sequences = [QKeySequence(shortcut)]
        for sequence in sequences:
            if not sequence.isEmpty():
                keys.setdefault(sequence.toString(), sequence)
    return list(keys.values())


def action(window, text: str, slot: Callable, shortcuts=(), tip: str = "") -> QAction:
    """An action of the window (its keys work wherever the window has the keyboard)."""
    made = QAction(text, window)
    if shortcuts:
        made.setShortcuts(unique_keys(shortcuts))
    if tip:
        made.setStatusTip(tip)
    made.triggered.connect(slot)
    return made


def add(menu, entries: Iterable[QAction | None]) -> None:
    """Actions into a menu in their order; None is a separator."""
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        else:
            menu.addAction(entry)


def build_menus(w) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    add(file_menu, w.files.open_actions)
    w.recent.build(file_menu.addMenu("Open &Recent"))
    add(file_menu, [None, *w.saving.save_actions, None, *w.files.import_actions])
    add(file_menu.addMenu("&Export"), w.exports.entries)
    add(file_menu, [None, w.editor_actions.preferences_action, None, *w.saving.close_actions])

    edit = bar.addMenu("&Edit")
    add(edit, [w.edit.undo_action, w.edit.redo_action, None, *w.clipboard.actions, None])
    add(edit, [*w.edit.find_actions, None, *w.edit.selection_actions])

    journey = bar.addMenu("&Map")
    add(journey, [w.structure_actions.edit_map_action, w.touchpoints.capture_action])
    add(journey.addMenu("Rate &Feeling"), w.feelings.entries)
    add(journey, [*w.touchpoints.move_actions, w.handoffs.link, w.handoffs.unlink, None])
    add(journey, [*w.votes.entries, None, *w.structure_actions.add_actions, None])
    add(journey, [w.structure_actions.parts_action])

    view = bar.addMenu("&View")
    add(view, [*w.zoom_actions.entries, None])
    add(view.addMenu("&Rows Under the Lanes"), w.rows_menu.actions.values())
    add(view.addMenu("&Emotion Curves"), w.curves_menu.actions.values())
    add(view.addMenu("&Votes on the Cards"), w.votes_menu.actions.values())
    add(view, [w.workshop.action])
    add(view.addMenu("&Timer"), w.timer.entries)
    add(view, [None, *w.docks.toggles, None, *w.focus_cycle.entries])

    add(bar.addMenu("&Help"), w.editor_actions.help_actions)
