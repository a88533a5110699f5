"""Start-up to the first painted map, side by side with a bare PySide6 window and the stack's floor.

Each run is a fresh process, timed from the moment it is started until its window's first paint
has finished (Qt's events processed, offscreen): the process stamps the end itself, so what it
does after (quitting, tearing down) is not counted. The editor's run is the real start, as
`cxmapper` runs it (launch.run_editor): the recovery check, the sample map, the docks and menus.
The rows between add what any program on this stack pays: pydantic with one trivial model
built, then Qt's namespace of enums (Qt.AlignmentFlag...); that last row is the floor. Target:
the editor at most 1.25x the floor.

    python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

# Every program ends the same way: at the end of its window's first paint it says when (the
# clock's time, for the parent to subtract its own start from) and quits.
PAINTED = """
import time as _clock
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (
                print("PAINTED", _clock.time(), flush=True), QApplication.instance().quit()))
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

# The editor as `cxmapper` starts it; the window it opens is watched for its first paint.
EDITOR = (
    """
from cxmapper.app import launch
opened, kept = launch.open_windows, []
def open_and_watch(paths, ask=None):
    windows = opened(paths, ask)
"""
    + "".join(f"    {line}\n" for line in PAINTED.strip().splitlines())
    + """
    windows[-1].view.viewport().installEventFilter(painted)
    kept.append(painted)
    return windows
launch.open_windows = open_and_watch
launch.run_editor([])
"""
)

FLOOR = "  + Qt's enum namespace"
PROGRAMS = {
    "bare PySide6 window": BARE,
    "  + a pydantic model": BARE_WITH_PYDANTIC,
    FLOOR: BARE_STACK,
    "cxmapper, sample map": EDITOR,
}


def one_run(code: str, env: dict[str, str]) -> float:
    """ms from starting the process until its first paint had finished."""
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    said = [line.split() for line in done.stdout.splitlines() if line.startswith("PAINTED")]
    if not said:
        raise SystemExit(f"the window never painted:\n{done.stderr[-2000:]}")
    return (float(said[0][1]) - began) * 1000


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
    times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for code in PROGRAMS.values():  # warm the file cache (and write the .pyc) for each
        one_run(code, env)
    for _ in range(runs):  # interleaved, so a busy moment costs each alike
        for name, code in PROGRAMS.items():
            times[name].append(one_run(code, env))
    return times


def table(times: dict[str, list[float]]) -> str:
    bare = statistics.median(times["bare PySide6 window"])
    floor = statistics.median(times[FLOOR])
    lines = [
        f"{'start-up to first paint':<24} {'min ms':>8} {'median ms':>10} {'x bare':>7} "
        f"{'x floor':>8}"
    ]
    for name, values in times.items():
        median = statistics.median(values)
        lines.append(
            f"{name:<24} {min(values):>8.0f} {median:>10.0f} {median / bare:>7.2f} "
            f"{median / floor:>8.2f}"
        )
    lines.append("(floor: the bare window with pydantic and Qt's enums; target: at most 1.25x it)")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7)))
