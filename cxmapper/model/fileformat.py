"""The .json file format: read it safely, upgrade old versions, write it deterministically.

A file is data from anyone: it is size-checked before it is read, parsed strictly (no NaN, no
duplicate keys), its `format` and `schema_version` are checked before anything else, and every
problem is reported with its place. The same map always gives the same bytes.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cxmapper.model.integrity import reference_problems
from cxmapper.model.journey import FORMAT_NAME, SCHEMA_VERSION, JourneyMap
from cxmapper.model.migrations import NewerFileError, migrate
from cxmapper.model.problems import MapError, validation_problems
from cxmapper.model.safe_write import write_atomically

MAX_FILE_BYTES = 32 * 1024 * 1024
# An exported PDF carries the map plus its pages; pypdf reads about 10 MB of cross-references a
# second, so this bounds the time a hostile PDF can take.
MAX_PDF_BYTES = 64 * 1024 * 1024
BACKUPS_KEPT = 3
MAX_JSON_VALUES = 2_000_000


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_limited(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no bigger than `limit`, or MapError saying why not."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MapError(["the file does not exist"], str(path)) from None
    except OSError as exc:
        raise MapError([f"cannot read it: {exc.strerror or exc}"], str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise MapError(["it is a folder, not a file"], str(path))
    if not stat.S_ISREG(info.st_mode):
        raise MapError(["it is not a regular file (a device, pipe or socket)"], str(path))
    from cxmapper.model.formats import file_is_pdf  # (formats reads through this module)

    if info.st_size > limit and info.st_size <= MAX_PDF_BYTES and file_is_pdf(path):
        limit = MAX_PDF_BYTES  # the map inside is held to the usual limit when it is read out
    if info.st_size > limit:
        size, most = _human_size(info.st_size), _human_size(limit)
        raise MapError(
            [f"the file is too large ({size}; the limit is {most})"],
            str(path),
        )
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise MapError([f"cannot read it: {exc.strerror or exc}"], str(path)) from None
    if len(data) > limit:
        raise MapError([f"the file is too large (the limit is {_human_size(limit)})"], str(path))
    return data


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f'the key "{key}" appears twice in one object')
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _line_of(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return line, column


def too_many_values(data: bytes) -> bool:
    """More commas and brackets than a map's JSON has values: a parse would take gigabytes."""
    return sum(data.count(c) for c in b",[{") > MAX_JSON_VALUES


def parse_json(data: bytes) -> Any:
    """Decode UTF-8 JSON strictly; errors name the line and column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_of(data, exc.start)
        raise MapError([f"not UTF-8 text: invalid byte at line {line}, column {column}"]) from None
    if not text.strip():
        raise MapError(["the file is empty"])
    # Each value costs Python tens of bytes however few it takes in the file ("{}," is three):
    # a bound on commas and brackets bounds the memory a parse may take (about 200 MB).
    if too_many_values(data):
        raise MapError(
            [
                f"not a journey map: it holds more than {MAX_JSON_VALUES:,} values (a map of "
                f"10,000 touchpoints holds well under a million)"
            ]
        )
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise MapError(
            [f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]
        ) from None
    except RecursionError:
        raise MapError(["not a journey map: the JSON is nested too deeply"]) from None
    except ValueError as exc:  # duplicate keys, NaN/Infinity, integers of thousands of digits
        reason = "a number has thousands of digits" if "digits" in str(exc) else str(exc)
        raise MapError([f"not valid JSON: {reason}"]) from None


def map_from_data(data: Any) -> JourneyMap:
    """Check format and version, migrate, and validate parsed JSON into a map."""
    if not isinstance(data, dict):
        raise MapError(["not a cxmapper journey map: the file holds JSON, but not an object {...}"])
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        said = (
            'it has no "format" field' if fmt is None else f'its "format" is {json.dumps(fmt)[:80]}'
        )
        raise MapError([f'not a cxmapper journey map: {said} (expected "{FORMAT_NAME}")'])
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise MapError(["schema_version: must be a whole number such as 1"])
    try:
        data = migrate(data, version)
    except NewerFileError:
        raise MapError(
            [
                f"made by a newer cxmapper (schema version {version}; this cxmapper reads up to "
                f"version {SCHEMA_VERSION}): update cxmapper to open it"
            ]
        ) from None
    except ValueError as exc:
        raise MapError([f"schema_version: {exc}"]) from None
    try:
        return JourneyMap.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, data)
        # Field errors stop pydantic before the whole-map checks: run those on the raw data too.
        problems += [p for p in reference_problems(data) if p not in problems]
        raise MapError(problems) from None
    except RecursionError:
        raise MapError(["not a journey map: the data is nested too deeply"]) from None


def map_from_bytes(data: bytes) -> JourneyMap:
    """A map from a .json file's bytes, or from a PDF that cxmapper exported (its attachment)."""
    from cxmapper.model.formats import is_pdf  # (formats reads through this module)

    if is_pdf(data):
        from cxmapper.model.pdf_attachment import map_bytes_from_pdf

        data = map_bytes_from_pdf(data, MAX_FILE_BYTES)
    return map_from_data(parse_json(data))


def load_map(path: str | os.PathLike[str]) -> JourneyMap:
    """Read a map file; MapError (naming the file) lists everything wrong with it."""
    try:
        return map_from_bytes(read_limited(path))
    except MapError as exc:
        raise MapError(exc.problems, str(path)) from None


def map_to_data(journey: JourneyMap) -> dict[str, Any]:
    return journey.model_dump(mode="json")


def map_to_bytes(journey: JourneyMap) -> bytes:
    """The file's bytes: UTF-8, two-space indent, fields in schema order, newline at the end."""
    text = json.dumps(map_to_data(journey), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def save_map(
    journey: JourneyMap, path: str | os.PathLike[str], *, backups: int = BACKUPS_KEPT
) -> None:
    """Save atomically, keeping `backups` previous versions; SaveError if it cannot be done."""
    write_atomically(path, map_to_bytes(journey), backups=backups)


def json_schema() -> dict[str, Any]:
    schema = JourneyMap.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cxmapper journey map"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
