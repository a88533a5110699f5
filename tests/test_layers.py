"""The layer contracts in pyproject.toml (model free of Qt and reportlab), checked by import-linter."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_layer_contracts_hold():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint_imports).exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install '.[test]')")
    done = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_the_model_imports_without_qt_or_reportlab():
    code = (
        "import sys, cxmapper.model, cxmapper.model.spreadsheet, cxmapper.model.templates, cxmapper.cli;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_map_of_the_house_names_the_layers_the_contracts_check():
    """ARCHITECTURE.md lists the layers top to bottom as pyproject.toml's contract does, and
    names every package of cxmapper: a layer added or moved is added or moved there too."""
    import re

    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # (no tomllib on 3.10)
    listed = re.search(r'type = "layers"\s*layers = \[(.*?)\]', config, re.S).group(1)
    layers = re.findall(r'"([^"]+)"', listed)
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = text.split("```")[1]
    named = [line.split()[0] for line in block.strip().splitlines()]
    assert ["cxmapper." + name for name in named] == layers
    packages = {p.parent.name for p in (ROOT / "cxmapper").glob("*/__init__.py")}
    assert packages - {"resources"} <= set(named)
