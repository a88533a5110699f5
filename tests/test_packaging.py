"""A plain `pip install .` (not editable) carries every resource, found from any folder."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_ships_resources_and_finds_them_installed_elsewhere(tmp_path):
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist"],
        check=True,
        timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("cxmapper-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {f"cxmapper/resources/{name}" for name in shipped} <= set(names)
    assert sum(n.startswith("cxmapper/resources/templates/") for n in names) >= 4
    code_files = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "cxmapper").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert code_files <= set(names), sorted(code_files - set(names))  # every package listed

    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", site, wheel], check=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import cxmapper, sys; from pathlib import Path;"
        f"assert Path(cxmapper.__file__).is_relative_to({str(site)!r}), cxmapper.__file__;"
        "from cxmapper.model.templates import template_names, load_template;"
        "from cxmapper.bundled import resource;"
        "names = template_names(); [load_template(n) for n in names];"
        "assert resource('schema', 'journey-map.schema.json').is_file();"
        "print(len(names))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 4
