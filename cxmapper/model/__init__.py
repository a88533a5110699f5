"""The journey map, its file format and its interchange formats. Pure Python: no Qt, no PDF."""

from cxmapper.model.fileformat import (
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
