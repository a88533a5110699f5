"""Workshop-scale costs in a real editor window: Select All, a drag step of every selected card
(one frame), dropping them, undoing that, pasting a list of 50 lines, rating cards from the
keyboard (a digit key each) and voting with dots (V each; both targets one 60 Hz frame). Each
is timed from the action until Qt has processed its events and painted the window; the floor
is that window repainted with nothing changed."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def _settled() -> None:
    QApplication.processEvents()
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.repaint()
    QApplication.processEvents()


def _timed(fn, repeat: int = 3, before=None):
    from run import Timing

    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
            _settled()
        start = time.perf_counter()
        fn()
        _settled()
        runs.append((time.perf_counter() - start) * 1000)
    return Timing(runs)


def workshop_costs(journey) -> dict[str, float]:
    from factories_bench import close

    from cxmapper.app.window import MainWindow
    from cxmapper.canvas.interactions import CardDrag
    from cxmapper.document.document import JourneyDocument

    window = MainWindow()
    window.set_document(JourneyDocument(journey.model_copy(deep=True), None))
    window.resize(1400, 900)
    window.show()
    _settled()
    scene, doc = window.scene, window.document
    # The floor: the same window only repainted, nothing changed (what every figure includes).
    floor = _timed(lambda: window.view.viewport().update(), repeat=5)
    select_all = _timed(window.select_all, before=scene.clearSelection)
    window.select_all()
    _settled()
    lay = scene.layout
    tid = lay.time_order[len(lay.time_order) // 2]
    start = lay.cards[tid].rect.center
    drag = CardDrag(scene, scene.cards[tid], QPointF(start.x, start.y))
    frames = []
    for k in range(1, 21):
        began = time.perf_counter()
        drag.move(QPointF(start.x + 3 * k, start.y))
        _settled()
        frames.append((time.perf_counter() - began) * 1000)
    drag.cancel()
    del drag
    _settled()
    from run import Timing

    lane = lay.lanes[-1].department_id
    ids = list(lay.time_order)

    def drop_all() -> None:  # what releasing them in another lane pushes
        doc.move_touchpoints({i: (*doc.place_of(i)[:2], lane) for i in ids})

    drop = _timed(drop_all, repeat=1)
    undo = _timed(doc.undo, repeat=1)
    lines = "\n".join(f"- Called out in the room {k}" for k in range(50))

    def paste() -> None:
        window.clipboard._paste_lines(lines)

    QGuiApplication.clipboard().setText(lines)
    paste_ms = _timed(paste, repeat=3, before=lambda: None)
    rate = _rate_twenty(window)
    dot = _vote_twenty(window)
    close(window)
    return {
        "repaint floor": floor,
        "select all": select_all,
        "drag all frame": Timing(frames),
        "drop all": drop,
        "undo it": undo,
        "paste 50 lines": paste_ms,
        "rate a card (key)": rate,
        "a dot (key)": dot,
    }


def _rate_twenty(window):
    """A room rating 20 cards from the keyboard: a digit key (the rating) then Right (the next
    card in time); each rating is timed from the key press until the window is painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from run import Timing

    view = window.view
    view.setFocus()
    window.scene.select_ids([window.scene.layout.time_order[0]])
    _settled()
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
    runs = []
    for k in range(20):
        start = time.perf_counter()
        QTest.keyClick(view, keys[k % 5])
        _settled()
        runs.append((time.perf_counter() - start) * 1000)
        QTest.keyClick(view, Qt.Key.Key_Right)
        _settled()
    return Timing(runs)


def _vote_twenty(window):
    """A room voting on every touchpoint: V puts a dot on the selected card, Right walks on;
    each dot is timed from the key press until the window is painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from run import Timing

    view = window.view
    window.votes.start("touchpoints", 3)
    view.setFocus()
    window.scene.select_ids([window.scene.layout.time_order[0]])
    _settled()
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_V)
        _settled()
        runs.append((time.perf_counter() - start) * 1000)
        QTest.keyClick(view, Qt.Key.Key_Right)
        _settled()
    window.votes.end()
    return Timing(runs)


def edit_costs(journey) -> dict[str, float]:
    """One card edited at a time in an editor window, each edit timed until the window is
    painted (the floor: the window repainted with nothing changed): a rename, a rating, a
    move (to the next moment, in the last lane or Unassigned in turn: as canvas_costs); with no
    card selected (the canvas alone), then with the card selected (the Inspector showing
    it, as when it is edited there). At 10,000 touchpoints too (nothing here adds one)."""
    from factories_bench import close

    from cxmapper.app.window import MainWindow
    from cxmapper.document.document import JourneyDocument

    window = MainWindow()
    window.set_document(JourneyDocument(journey.model_copy(deep=True), None))
    window.resize(1400, 900)
    window.show()
    _settled()
    scene, doc = window.scene, window.document
    floor = _timed(lambda: window.view.viewport().update(), repeat=9)
    lay = scene.layout
    tid = lay.time_order[len(lay.time_order) // 2]  # (the card run.canvas_costs moves)
    window.view.select_and_show(tid)
    scene.select_ids([])
    _settled()
    names = iter(f"Renamed in the room {k}" for k in range(1_000_000))
    rated = next(p.touchpoint_id for p in lay.points[len(lay.points) // 2 :])
    feelings = iter([2, -2] * 100)
    lane = lay.lanes[-1].department_id

    def rename() -> None:
        doc.set_field("touchpoint", tid, "title", next(names))

    def move() -> None:  # to the next moment, in the last lane or Unassigned in turn
        place = doc.place_of(tid)
        doc.move_touchpoints({tid: (place[0], place[1] + 0.5, lane if place[2] != lane else None)})

    costs = {
        "repaint floor": floor,
        "rename a card": _timed(rename, repeat=9),
        "rate a card": _timed(lambda: doc.set_feeling(rated, next(feelings)), repeat=9),
        "move a card": _timed(move, repeat=9),
    }
    scene.select_ids([tid])
    _settled()
    costs["rename, selected"] = _timed(rename, repeat=9)
    costs["move, selected"] = _timed(move, repeat=9)
    close(window)
    return costs
