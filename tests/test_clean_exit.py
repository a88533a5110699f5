"""A process that edited maps exits cleanly. Qt deletes an undo stack's commands while PySide also
lists them as the stack's Python children: when Python's cycle collector took a document, it
could free a command before its stack and the stack freed it again (SIGSEGV at exit, after every
test had passed). Each check runs in a process of its own, since the failure is a crash."""

import gc
import os
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path

import pytest

from cxmapper.document.document import JourneyDocument

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def said(result: subprocess.CompletedProcess) -> str:
    return f"exit code {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


# The collector frees a cycle's objects in the order it lists them; gc.freeze() and gc.unfreeze()
# move the document after its commands, the order that crashed.
EDITED_DOCUMENT = """
import gc, sys
sys.path[:0] = [{root!r}, {tests!r}]
from PySide6.QtWidgets import QApplication
from factories import small_map
from cxmapper.document.document import JourneyDocument

app = QApplication([])

def edited():
    doc = JourneyDocument(small_map())
    gc.collect()
    gc.freeze()
    doc.set_field("stage", "s-sales", "name", "Buying")
    doc.add_touchpoint(("s-sales", 0, "d-sales"), "Calls")
    doc.remove_stage("s-bill", keep_touchpoints=False)  # a macro: commands inside a command
    gc.collect()
    gc.unfreeze()
    return doc
"""

CASES = {
    "left to the collector": "doc = edited()\ndel doc\n",
    "held by a traceback": textwrap.dedent(
        """
        def failed():
            doc = edited()
            try:
                raise ValueError(doc)
            except ValueError as exc:
                return exc  # its traceback holds this frame, which holds it: a cycle

        box = [failed()]
        box.append(box)
        del box
        """
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_document_collected_in_a_cycle_frees_each_command_once(case):
    code = EDITED_DOCUMENT.format(root=str(ROOT), tests=str(ROOT / "tests"))
    code += CASES[case] + "gc.collect()\nprint('collected')\n"
    result = run(["-c", code], timeout=120)
    assert result.returncode == 0 and "collected" in result.stdout, said(result)


def test_a_document_and_its_history_go_with_its_last_reference(qapp, journey):
    """No cycle between a document and its commands: it is freed at once, not by the collector."""
    gc.collect()
    gc.disable()
    try:
        doc = JourneyDocument(journey)
        doc.set_field("touchpoint", "t1", "title", "Compares")
        doc.add_touchpoint(("s-bill", 0, "d-sales"), "Second bill")
        doc.remove_stage("s-bill", keep_touchpoints=False)
        doc.undo()
        gone = weakref.ref(doc)
        del doc
        assert gone() is None
    finally:
        gc.enable()


@pytest.mark.slow
def test_the_document_and_canvas_tests_exit_cleanly_every_time():
    # Named directories only: this file is not collected again inside.
    args = ["-m", "pytest", "tests/document", "tests/canvas", "-q", "-p", "no:cacheprovider"]
    for _ in range(3):
        result = run(args, timeout=300)
        assert result.returncode == 0, said(result)
