"""The journey map, its file format and its interchange formats. Pure Python: no Qt, no PDF."""

import os

# cxmapper uses no pydantic plugins. Without this, building the first model scans every installed
# package's entry points for one (20 ms or more at each start) and would run what it finds inside
# the editor. A user who sets the variable themselves keeps their choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from cxmapper.model.fileformat import (  # noqa: E402 - after the setting above
    MAX_FILE_BYTES,
    json_schema_text,
    load_map,
    map_from_bytes,
    map_to_bytes,
    save_map,
)
from cxmapper.model.journey import (
    EXPECTATIONS,
    FEELING_WORDS,
    FORMAT_NAME,
    SCHEMA_VERSION,
    Channel,
    Department,
    JourneyMap,
    Metadata,
    Persona,
    Stage,
    Touchpoint,
)
from cxmapper.model.problems import MapError
from cxmapper.model.safe_write import SaveError

__all__ = [
    "EXPECTATIONS",
    "FEELING_WORDS",
    "FORMAT_NAME",
    "MAX_FILE_BYTES",
    "SCHEMA_VERSION",
    "Channel",
    "Department",
    "JourneyMap",
    "MapError",
    "Metadata",
    "Persona",
    "SaveError",
    "Stage",
    "Touchpoint",
    "json_schema_text",
    "load_map",
    "map_from_bytes",
    "map_to_bytes",
    "save_map",
]
