"""Measure what the performance targets talk about; prints two tables.

    python benchmarks/run.py            (after pip install .; Qt runs offscreen)
    python benchmarks/run.py --startup  (only start-up against a bare PySide6 window)

At 50 / 500 / 2,000 touchpoints: the file format and spreadsheet costs, and the canvas: building
the scene, one frame of dragging a card (the move, Qt's events and the paint), one drop from the
palette and one card move (model change + layout + scene update), an edit of one touchpoint's
description (no new layout: checked) against one of its title (a new layout); the PDF export (one
page, with the report pages, and as an A3 poster): its time should grow no faster than the
touchpoints.
Each figure is "min/median" of several runs, in ms.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import shiboken6

from cxmapper.export.paper import PdfOptions
from cxmapper.export.pdf import export_pdf
from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes, save_map
from cxmapper.model.journey import JourneyMap, Touchpoint
from cxmapper.model.recovery import write_copy
from cxmapper.model.spreadsheet import export_csv, import_csv
from cxmapper.model.templates import load_template

SIZES = (50, 500, 2000)


def map_with(n: int) -> JourneyMap:
    """The product-lifecycle template grown to n touchpoints spread over its stages and lanes."""
    base = load_template("product-lifecycle")
    samples = base.touchpoints
    touchpoints = []
    for i in range(n):
        like = samples[i % len(samples)]
        touchpoints.append(
            Touchpoint(
                **{
                    **like.model_dump(),
                    "id": f"tp-{i}",
                    "title": f"{like.title} {i}",
                    "stage_id": base.stages[i % len(base.stages)].id,
                    "position": float(i),
                }
            )
        )
    return JourneyMap.model_validate(
        {**base.model_dump(), "touchpoints": [t.model_dump() for t in touchpoints]}
    )


class Timing(float):
    """The best of several runs, in ms, carrying their median too: printed as "min/median"."""

    median: float

    def __new__(cls, runs: list[float]) -> Timing:
        timing = super().__new__(cls, min(runs))
        timing.median = statistics.median(runs)
        return timing

    def __format__(self, spec: str) -> str:
        digits = spec.rsplit(".", 1)[-1].rstrip("f") if "." in spec else "1"
        width = spec.split(".")[0].lstrip(">") or "0"
        text = f"{float(self):.{digits}f}/{self.median:.{digits}f}"
        return f"{text:>{width}}"


def best_of(fn, repeat: int = 5) -> Timing:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return Timing(runs)


def measure(journey: JourneyMap, path: Path) -> dict[str, float]:
    data = map_to_bytes(journey)
    sheet = export_csv(journey)
    versions = [journey, journey.model_copy(update={"title": "Edited"})]

    def save_a_change() -> None:  # alternate contents: saving identical bytes is skipped
        versions.reverse()
        save_map(versions[0], path)

    return {
        "validate+parse": best_of(lambda: map_from_bytes(data)),
        "serialise": best_of(lambda: map_to_bytes(journey)),
        "save (atomic)": best_of(save_a_change),
        "load file": best_of(lambda: load_map(path)),
        "csv export": best_of(lambda: export_csv(journey)),
        "csv import": best_of(lambda: import_csv(sheet)),
        # what autosave does about a second after the edits stop (on the main thread)
        "recovery copy": best_of(
            lambda: write_copy(path.with_suffix(".recovery.json"), journey, path)
        ),
    }


def canvas_costs(journey: JourneyMap, drop: bool = True) -> dict[str, float]:
    """Scene build, drag step, drop and move, in ms (Qt offscreen). `drop`: False for a map
    that holds as many touchpoints as a map may (10,000): none can be added."""
    from PySide6.QtCore import QPointF

    from cxmapper.canvas.interactions import CardDrag
    from cxmapper.canvas.scene import JourneyScene
    from cxmapper.document.document import JourneyDocument

    def build() -> JourneyScene:
        return JourneyScene(JourneyDocument(journey.model_copy(deep=True)))

    built = []
    build_ms = best_of(lambda: built.append(build()), repeat=3)
    for extra in built:  # deleted by Qt, not left to the garbage collector
        shiboken6.delete(extra.document)
    built.clear()
    scene = build()
    doc = scene.document
    lay = scene.layout
    tid = lay.time_order[len(lay.time_order) // 2]
    item = scene.cards[tid]
    start = lay.cards[tid].rect.center
    steps = [QPointF(start.x + dx, start.y + (dx % 200)) for dx in range(0, 600, 3)]
    # A drag in a 1400 x 900 window at 100 %: each step is one frame, timed from the mouse move
    # until Qt has processed its events and painted what the step changed.
    from cxmapper.canvas.view import JourneyView

    view = JourneyView(scene)
    view.resize(1400, 900)
    view.show()
    view.actual_size()
    view.centerOn(start.x, start.y)
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    painted = []

    class PaintCounter(QObject):  # to be sure the window really repainted during the drag
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                painted.append(1)
            return False

    paint_counter = PaintCounter()
    view.viewport().installEventFilter(paint_counter)
    QApplication.processEvents()
    drag = CardDrag(scene, item, QPointF(start.x, start.y))
    frames = []
    for p in steps[:100]:
        began = time.perf_counter()
        drag.move(p)
        QApplication.processEvents()  # Qt repaints what the step changed, as in a real drag
        frames.append((time.perf_counter() - began) * 1000)
    drag.cancel()
    view.viewport().removeEventFilter(paint_counter)
    assert len(painted) >= 50, "the window did not repaint during the drag: nothing was measured"
    view.close()
    shiboken6.delete(view)  # now, by Qt: a view left to the garbage collector can crash it
    lane = lay.lanes[-1].department_id

    def drop_one() -> None:
        doc.add_touchpoint((lay.stages[1].stage_id, 0.5, lane), "Dropped", None)

    def move() -> None:
        place = doc.place_of(tid)
        doc.move_touchpoints({tid: (place[0], place[1] + 0.5, lane if place[2] != lane else None)})

    texts = iter(f"Notes, version {k}" for k in range(1_000_000))

    def describe() -> None:  # the inspector's commonest edit: nothing the canvas draws
        doc.set_field("touchpoint", tid, "description", next(texts))

    def retitle() -> None:  # a drawn field: its card is drawn again, nothing else laid out
        doc.set_field("touchpoint", tid, "title", next(texts))

    relayouts = []
    original = scene.relayout
    scene.relayout = lambda: (relayouts.append(1), original())
    bare = doc.touchpoint(tid).model_copy()

    def describe_floor() -> None:  # the floor: pydantic's own checked assignment, nothing else
        bare.description = next(texts)

    floor_ms = best_of(describe_floor)
    describe_ms = best_of(describe)
    assert not relayouts, "editing a description re-laid out the map"
    retitle_ms = best_of(retitle)
    assert not relayouts, "renaming a card re-laid out the map"
    scene.relayout = original
    results = {
        "describe": describe_ms,
        "  its floor": floor_ms,
        "retitle": retitle_ms,
        "build scene": build_ms,
        "drag frame": Timing(frames),
        "drop": best_of(drop_one) if drop else None,
        "move card": best_of(move),
    }
    del scene.relayout
    shiboken6.delete(doc)  # with its scene and items, by Qt, not by the garbage collector
    gc.collect()
    return results


def _cell(timing: float | None) -> str:
    return f"{timing:>16.2f}" if timing is not None else f"{'-':>16}"


PLAIN_REPORTLAB = """
import sys
from reportlab.pdfgen.canvas import Canvas
c = Canvas(sys.argv[1], pagesize=(1190, 842))
for i in range(500):
    x, y = 20 + (i % 25) * 46, 20 + (i // 25) * 40
    c.rect(x, y, 40, 30)
    c.drawString(x + 2, y + 12, f"Touchpoint {i}")
c.save()
"""


def pdf_command_against_plain_reportlab(n: int = 500) -> str:
    """`cxmapper export --pdf` of n touchpoints (map and report) as its own process, against a
    plain reportlab script drawing n boxes and strings on one page, also its own process."""
    import subprocess

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        save_map(map_with(n), path)
        out = Path(folder) / "out.pdf"

        def command() -> None:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "cxmapper",
                    "export",
                    str(path),
                    "--pdf",
                    str(out),
                    "--force",
                ],
                check=True,
                capture_output=True,
            )

        def plain() -> None:
            subprocess.run(
                [sys.executable, "-c", PLAIN_REPORTLAB, str(out)], check=True, capture_output=True
            )

        ours, floor = best_of(command, repeat=3), best_of(plain, repeat=3)
    return (
        f"cxmapper export --pdf, {n} touchpoints with the report, its own process: {ours:.0f} ms; "
        f"plain reportlab, {n} boxes and strings: {floor:.0f} ms; "
        f"{ours.median / floor.median:.1f}x (target at most 12x and 2,000 ms)"
    )


def open_big_map(n: int = 10_000) -> str:
    """Opening a map of n touchpoints as the editor does (read, check, lay out, make the items),
    against its floor, json.loads of the same file."""
    import gc
    import json

    from cxmapper.canvas.scene import JourneyScene
    from cxmapper.document.document import JourneyDocument

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        save_map(map_with(n), path)
        data = path.read_bytes()
        runs = []
        for _ in range(3):
            gc.collect()
            began = time.perf_counter()
            scene = JourneyScene(JourneyDocument.open(path))
            runs.append((time.perf_counter() - began) * 1000)
            del scene
        floor = best_of(lambda: json.loads(data), repeat=3)
    return (
        f"open a {n:,}-touchpoint map (read, check, lay out, items): {Timing(runs):.0f} ms "
        f"(floor, json.loads of the file: {floor:.0f} ms; target 1,000 ms)"
    )


def main() -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    import startup

    print(startup.table(startup.measure()))
    print()
    if "--startup" in sys.argv:
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            journey = map_with(n)
            size_kb = len(map_to_bytes(journey)) / 1024
            rows.append((n, size_kb, measure(journey, Path(folder) / f"m{n}.json")))
    names = list(rows[0][2])
    print(f"{'touchpoints':>11} {'file KB':>8} " + " ".join(f"{n + ' ms':>16}" for n in names))
    for n, kb, times in rows:
        print(f"{n:>11} {kb:>8.0f} " + " ".join(f"{times[k]:>16.1f}" for k in names))

    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    print()
    columns = ("PDF one page ms", "+ report ms", "poster A3 ms", "ms/touchpoint")
    print(f"{'touchpoints':>11} " + " ".join(f"{c:>16}" for c in columns))
    for n in SIZES:
        journey = map_with(n)
        one = best_of(lambda j=journey: export_pdf(j, PdfOptions("A3", report=False)), repeat=2)
        full = best_of(lambda j=journey: export_pdf(j, PdfOptions("A3")), repeat=1)
        poster = best_of(
            lambda j=journey: export_pdf(j, PdfOptions("A3", poster=True, report=False)), repeat=1
        )
        print(f"{n:>11} {one:>16.0f} {full:>16.0f} {poster:>16.0f} {full / n:>16.2f}")
    print(pdf_command_against_plain_reportlab())

    app = QApplication.instance() or QApplication([])  # noqa: F841 - Qt needs it alive
    print()
    canvas = [(n, canvas_costs(map_with(n))) for n in SIZES]
    canvas.append((10_000, canvas_costs(map_with(10_000), drop=False)))  # (full: no drop)
    names = list(canvas[0][1])
    print(f"{'touchpoints':>11} " + " ".join(f"{n + ' ms':>16}" for n in names))
    for n, times in canvas:
        print(f"{n:>11} " + " ".join(_cell(times[k]) for k in names))
    print()
    from workshop import edit_costs, workshop_costs

    edits = [(n, edit_costs(map_with(n))) for n in (2000, 10_000)]
    names = list(edits[0][1])
    print("one card edited in an editor window, until painted (targets: 4 ms at 2,000 and")
    print("16.7 ms at 10,000 beyond what the window's repaint costs anyway, its floor)")
    print(f"{'touchpoints':>11} " + " ".join(f"{n + ' ms':>16}" for n in names))
    for n, times in edits:
        print(f"{n:>11} " + " ".join(_cell(times[k]) for k in names))
    print()

    workshop = [(n, workshop_costs(map_with(n))) for n in SIZES]
    names = list(workshop[0][1])
    print("in an editor window, events processed and painted (targets at 2,000: select all 100,")
    print("a frame 16.7, drop or undo 200, paste 50 lines 100, a rating or a dot 16.7 ms)")
    print(f"{'touchpoints':>11} " + " ".join(f"{n + ' ms':>16}" for n in names))
    for n, times in workshop:
        print(f"{n:>11} " + " ".join(f"{times[k]:>16.1f}" for k in names))
    print()
    print(open_big_map())
    return 0


if __name__ == "__main__":
    sys.exit(main())
