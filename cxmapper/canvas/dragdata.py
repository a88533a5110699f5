"""What a palette drag carries: the kind of touchpoint (a channel id, or "" for a blank one)."""

from __future__ import annotations

import json

TOUCHPOINT_MIME = "application/x-cxmapper-touchpoint-kind"


def encode_kind(channel_id: str) -> bytes:
    return json.dumps({"channel_id": channel_id}).encode("utf-8")


def decode_kind(data: bytes) -> str | None:
    """The channel id ("" for blank), or None for anything that is not our drag data."""
    try:
        value = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    kind = value.get("channel_id") if isinstance(value, dict) else None
    return kind if isinstance(kind, str) and len(kind) <= 64 else None
