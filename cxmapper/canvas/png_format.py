"""The PNG writer, the one format Qt draws (canvas/picture.py), and so the list of every
writer: this is the lowest layer that knows them all. The command line's `export` options and
the window's File > Export both read WRITERS. Qt is imported only when a PNG is written."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from cxmapper.export.formats import PDF, SVG
from cxmapper.model.journey import JourneyMap
from cxmapper.model.writers import (
    CSV,
    JSON,
    MERMAID,
    CannotWrite,
    Option,
    OptionRefused,
    Writer,
    Written,
)

BASE_DPI = 96  # one map unit is one pixel at 96 DPI (canvas.picture.BASE_DPI)

PNG_OPTIONS = (
    Option("--dpi", "resolution in dots per inch (96 is 1x)", "N", float),
    Option("--scale", "pixels per map unit, 0.1 to 16 (default 1; 2 for sharp slides)", "N", float),
)


def png_scale(values: Mapping[str, Any]) -> float:
    """The picture's scale from --dpi or --scale (1 when neither is given)."""
    dpi, scale = values["dpi"], values["scale"]
    if dpi is not None and scale is not None:
        raise OptionRefused("--dpi and --scale both say how big the picture is: give one")
    if dpi is not None:
        if not 10 <= dpi <= 1536:
            raise OptionRefused(f"--dpi: must be between 10 and 1536, not {dpi:g}")
        return dpi / BASE_DPI
    scale = 1.0 if scale is None else scale
    if not 0.1 <= scale <= 16:
        raise OptionRefused(f"--scale: must be between 0.1 and 16, not {scale:g}")
    return scale


def write_png(journey: JourneyMap, scale: float | None = None) -> Written:
    """The whole map as a PNG at `scale`. Without a window (the command line) Qt paints on the
    offscreen platform unless the user chose one, so a stale DISPLAY (ssh, cron, a container)
    cannot abort the export."""
    from PySide6.QtGui import QGuiApplication

    from cxmapper.canvas.picture import PictureTooLarge, render_png

    _app = QGuiApplication.instance()
    if _app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["cxmapper"])
    try:
        return Written(render_png(journey, 1.0 if scale is None else scale))
    except PictureTooLarge as exc:
        raise CannotWrite(str(exc)) from None


PNG = Writer(
    "png",
    "png",
    "PNG",
    "PNG pictures",
    "Export PNG",
    "the whole map as a picture",
    write_png,
    lambda journey, scale: f"{len(journey.touchpoints)} touchpoints, {scale * BASE_DPI:g} DPI",
    options=PNG_OPTIONS,
    options_title="PNG options",
    settings=png_scale,
    options_alone="--dpi and --scale size a PNG: use them with --png",
)

# Every format a map is written as, in the order the command line lists them.
WRITERS: tuple[Writer, ...] = (JSON, CSV, PDF, PNG, SVG, MERMAID)


def writer_named(name: str) -> Writer:
    return next(w for w in WRITERS if w.name == name)
