"""Sensible starting points: the usual channels, lane colours, fresh ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cxmapper.model.journey import Channel

# (id, name, icon) of the channels every new map starts with.
DEFAULT_CHANNELS = (
    ("web", "Web", "web"),
    ("mobile-app", "Mobile app", "mobile"),
    ("email", "Email", "email"),
    ("phone", "Phone", "phone"),
    ("store", "Store", "store"),
    ("in-person", "In person", "person"),
    ("mail", "Mail", "mail"),
    ("social", "Social", "social"),
    ("partner", "Partner", "partner"),
)

# Okabe & Ito's colour-blind-safe palette (no black), then darker companions for maps with more
# lanes; lanes also carry their names, so colour is never the only cue.
DEPARTMENT_COLOURS = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#004d80",
    "#9c6b00",
    "#006b4f",
    "#8f4f76",
    "#999999",
)


def default_channels() -> list[Channel]:
    return [Channel(id=i, name=n, icon=icon) for i, n, icon in DEFAULT_CHANNELS]


def icon_for_channel_name(name: str) -> str:
    """Guess a channel's icon from its name, for channels typed by users."""
    key = name.strip().lower()
    for cid, cname, icon in DEFAULT_CHANNELS:
        if key in (cid, cname.lower()):
            return icon
    for word, icon in (
        ("app", "mobile"),
        ("mobile", "mobile"),
        ("site", "web"),
        ("web", "web"),
        ("online", "web"),
        ("mail", "email"),
        ("call", "phone"),
        ("phone", "phone"),
        ("shop", "store"),
        ("store", "store"),
        ("visit", "person"),
        ("person", "person"),
        ("letter", "mail"),
        ("post", "mail"),
        ("social", "social"),
        ("partner", "partner"),
        ("dealer", "partner"),
    ):
        if word in key:
            return icon
    return "other"


def department_colour(index: int) -> str:
    return DEPARTMENT_COLOURS[index % len(DEPARTMENT_COLOURS)]


def slug(text: str, fallback: str) -> str:
    """A readable id fragment from a name: 'Out-of-box moment' -> 'out-of-box-moment'."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return s or fallback


def unique_id(prefix: str, name: str, taken: Iterable[str]) -> str:
    """A fresh id like 'stage-awareness' (or 'stage-awareness-2') not in `taken`."""
    taken = set(taken)
    base = f"{prefix}-{slug(name, 'item')}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def unused_colour(used: Iterable[str]) -> str:
    """The first lane colour of the palette no department has yet (the palette again after)."""
    used = {u.lower() for u in used}
    fresh = [c for c in DEPARTMENT_COLOURS if c not in used]
    return fresh[0] if fresh else department_colour(len(used))


def unique_name(base: str, taken: Iterable[str]) -> str:
    """'New stage', or 'New stage 2' when that name is taken."""
    taken = {t.casefold() for t in taken}
    candidate, n = base, 2
    while candidate.casefold() in taken:
        candidate, n = f"{base} {n}", n + 1
    return candidate
