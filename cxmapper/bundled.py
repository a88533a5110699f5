"""Find the data shipped with cxmapper (templates, schema, fonts, icons).

Installed, it is the package `cxmapper.resources` (the repository's top-level `resources/`).
Run from a source checkout without installing, it is that folder itself.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    try:
        return resources.files("cxmapper.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Traversable:
    node = resource_root()
    for part in parts:
        node = node / part
    return node
