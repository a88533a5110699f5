"""Read the map that cxmapper attaches to the PDFs it exports (a shared PDF is never a dead end).

A PDF from anywhere is data: it is parsed with pypdf (pure Python, nothing executed or fetched),
only the attachment named cxmapper-map.json is read, and its size is checked before it is used.
"""

from __future__ import annotations

import io
import logging

from cxmapper.model.problems import MapError

ATTACHMENT = "cxmapper-map.json"


def map_bytes_from_pdf(data: bytes, limit: int) -> bytes:
    """The attached map's JSON bytes, or MapError saying why there is none."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise MapError(["this is a PDF, and reading maps from PDFs needs pypdf"]) from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd PDFs are noise here
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise MapError(["this PDF is encrypted; cxmapper cannot read a map from it"])
        attached = reader.attachments.get(ATTACHMENT)
    except MapError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        AssertionError,
        ZeroDivisionError,
    ) as exc:
        raise MapError(
            [f"this PDF cannot be read ({type(exc).__name__}: {str(exc)[:120]})"]
        ) from None
    if not attached:
        raise MapError(
            [
                "this PDF has no cxmapper map attached: only PDFs that cxmapper exported open "
                "(open the .json map instead)"
            ]
        )
    content = attached[0]
    if len(content) > limit:
        raise MapError(
            [f"the map attached to this PDF is too large (over {limit // (1024 * 1024)} MB)"]
        )
    return content
