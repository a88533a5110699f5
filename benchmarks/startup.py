"""Start-up to the first painted map, side by side with a bare PySide6 window (the floor).

Each run is a fresh process, timed from its start until its window's first paint has finished
(Qt's events processed, offscreen). The editor's run is the real start: the recovery check,
the sample map, the docks and menus. Target: the editor at most 1.5x the bare window. The rows
between add what any program on this stack pays: pydantic with one trivial model built, then
Qt's namespace of enums (Qt.AlignmentFlag...): the stack alone is about 1.6x the bare window.

    python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

# Both programs end the same way: at the end of their window's first paint, they say so and quit.
PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("PAINTED", flush=True), app.quit()))
        return False
painted = Painted()
"""

BARE = (
    """
import sys
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
scene = QGraphicsScene()
scene.addRect(0, 0, 400, 300)
view = QGraphicsView(scene)
window.setCentralWidget(view)
window.resize(1400, 900)
"""
    + PAINTED
    + """
view.viewport().installEventFilter(painted)
window.show()
app.exec()
"""
)

# The same bare window, with pydantic imported and one one-field model built first (plugins off,
# as cxmapper has them): what the model's library costs by itself.
BARE_WITH_PYDANTIC = (
    "import os\nos.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
    "from pydantic import BaseModel\nclass Floor(BaseModel):\n    name: str = ''\n" + BARE
)
# ...and touching Qt's namespace of enums (Qt.AlignmentFlag...), as any real Qt program does.
BARE_STACK = BARE_WITH_PYDANTIC.replace(
    "app = QApplication", "from PySide6.QtCore import Qt\napp = QApplication"
)

EDITOR = (
    """
import sys
from PySide6.QtWidgets import QApplication
from cxmapper import __version__
from cxmapper.app.launch import open_windows
app = QApplication(sys.argv[:1])
app.setApplicationName("cxmapper")
app.setOrganizationName("cxmapper")
app.setApplicationVersion(__version__)
"""
    + PAINTED
    + """
window = open_windows([])[0]
window.view.viewport().installEventFilter(painted)
app.exec()
"""
)


def one_run(code: str, env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    elapsed = (time.perf_counter() - began) * 1000
    if "PAINTED" not in done.stdout:
        raise SystemExit(f"the window never painted:\n{done.stderr[-2000:]}")
    return elapsed


def measure(runs: int = 7) -> dict[str, list[float]]:
    import tempfile

    home = tempfile.mkdtemp(prefix="cxmapper-bench-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        # As installed: pip compiles every module once; a work tree may have no .pyc at all.
        "PYTHONPYCACHEPREFIX": os.path.join(home, "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    programs = {
        "bare PySide6 window": BARE,
        "  + a pydantic model": BARE_WITH_PYDANTIC,
        "  + Qt's enum namespace": BARE_STACK,
        "cxmapper, sample map": EDITOR,
    }
    times: dict[str, list[float]] = {name: [] for name in programs}
    for code in programs.values():  # warm the file cache (and write the .pyc) for each
        one_run(code, env)
    for _ in range(runs):  # interleaved, so a busy moment costs each alike
        for name, code in programs.items():
            times[name].append(one_run(code, env))
    return times


def table(times: dict[str, list[float]]) -> str:
    floor = statistics.median(times["bare PySide6 window"])
    lines = [f"{'start-up to first paint':<24} {'min ms':>8} {'median ms':>10} {'x floor':>8}"]
    # the floor is the bare window; "+ import pydantic" shows what the model's library alone adds
    for name, values in times.items():
        median = statistics.median(values)
        lines.append(f"{name:<24} {min(values):>8.0f} {median:>10.0f} {median / floor:>8.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7)))
