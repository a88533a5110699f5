"""Delete, Ctrl+D and F11 on X11 itself (xcb), where Qt's standard key lists differ from the
offscreen platform the other tests use."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is installed by .ci/run")
def test_delete_duplicate_and_workshop_keys_on_a_real_x11_window(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    script = Path(__file__).with_name("xcb_keys.py")
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["after_duplicate"] == seen["count"] + 1 and seen["still_there"]  # Ctrl+D
    assert seen["after_delete"] == seen["count"]  # Delete: the duplicate, selected, goes
    assert seen["full_screen"] and seen["left_full_screen"]  # F11, then Esc
