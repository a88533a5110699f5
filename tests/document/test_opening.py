"""Opening a map tidies what a save killed beside it left behind."""

import subprocess
import sys

from factories import small_map

from cxmapper.document.document import JourneyDocument
from cxmapper.model.fileformat import save_map
from cxmapper.model.safe_write import TEMP_SUFFIX


def test_opening_a_map_removes_the_temporary_of_a_save_that_was_killed(qapp, tmp_path):
    path = tmp_path / "journey.json"
    save_map(small_map(), path)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    leftover = tmp_path / f".journey.json.{gone}.k1ll3d{TEMP_SUFFIX}"
    leftover.write_bytes(b"x" * 100_000)
    JourneyDocument.open(path)
    assert not leftover.exists()
    assert path.exists()
