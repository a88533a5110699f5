"""Small vector pictures (feeling faces, channel icons, card flags) as plain shapes.

Each glyph is a list of primitives in a box, so the canvas (QPainter) and the PDF (reportlab)
draw exactly the same picture from the same numbers. Primitives:

    ("circle", cx, cy, r, fill)          fill: a colour, or None for outline only
    ("ink", colour)                      the stroke colour of the shapes after it
    ("rect", x, y, w, h, fill)
    ("line", x1, y1, x2, y2)
    ("curve", x1, y1, cx, cy, x2, y2)    a quadratic Bezier
    ("text", x, y, string)               a short label centred on (x, y)

Strokes use the glyph's ink colour and a width proportional to its size (painter.draw_shapes
turns a glyph into a painter's primitives).
"""

from __future__ import annotations

from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import (
    EVIDENCE_COLOURS,
    FEELING_COLOURS,
    INK,
    MOMENT_OF_TRUTH,
    MUTED_INK,
    OPPORTUNITY,
    PAIN,
    WHITE,
)

Shape = tuple


def _scale(rect: Rect, shapes: list[Shape]) -> list[Shape]:
    """Shapes drawn in a unit box (0..1), placed in `rect`."""
    sx, sy = rect.w, rect.h
    out: list[Shape] = []
    for shape in shapes:
        kind = shape[0]
        if kind == "circle":
            _, cx, cy, r, fill = shape
            out.append(("circle", rect.x + cx * sx, rect.y + cy * sy, r * min(sx, sy), fill))
        elif kind == "rect":
            _, x, y, w, h, fill = shape
            out.append(("rect", rect.x + x * sx, rect.y + y * sy, w * sx, h * sy, fill))
        elif kind == "line":
            _, x1, y1, x2, y2 = shape
            out.append(
                ("line", rect.x + x1 * sx, rect.y + y1 * sy, rect.x + x2 * sx, rect.y + y2 * sy)
            )
        elif kind == "curve":
            _, x1, y1, cx, cy, x2, y2 = shape
            out.append(
                (
                    "curve",
                    rect.x + x1 * sx,
                    rect.y + y1 * sy,
                    rect.x + cx * sx,
                    rect.y + cy * sy,
                    rect.x + x2 * sx,
                    rect.y + y2 * sy,
                )
            )
        elif kind == "text":
            _, x, y, text = shape
            out.append(("text", rect.x + x * sx, rect.y + y * sy, text))
        else:  # ("ink", colour): the stroke colour of the shapes that follow
            out.append(shape)
    return out


def unrated(rect: Rect) -> list[Shape]:
    """A touchpoint with no feeling yet: a hollow grey circle with a question mark."""
    return [
        ("circle", rect.center.x, rect.center.y, rect.w / 2, WHITE),
        ("ink", MUTED_INK),
        ("text", rect.center.x, rect.center.y, "?"),
    ]


def face(rect: Rect, feeling: int) -> list[Shape]:
    """A face whose mouth and eyes say the feeling: frown (-2) to broad smile (+2)."""
    bend = {-2: -0.28, -1: -0.14, 0: 0.0, 1: 0.16, 2: 0.3}[feeling]
    mouth_y = 0.68 - bend / 3
    # Dark faces (the two extremes) get white features, so the expression stays readable.
    features = WHITE if feeling in (-2, 2) else INK
    shapes: list[Shape] = [("circle", 0.5, 0.5, 0.48, FEELING_COLOURS[feeling]), ("ink", features)]
    if feeling == -2:  # furrowed brows
        shapes += [("line", 0.24, 0.26, 0.42, 0.33), ("line", 0.76, 0.26, 0.58, 0.33)]
    shapes += [("circle", 0.35, 0.42, 0.06, features), ("circle", 0.65, 0.42, 0.06, features)]
    if feeling == 0:
        shapes.append(("line", 0.32, mouth_y, 0.68, mouth_y))
    else:
        shapes.append(("curve", 0.28, mouth_y, 0.5, mouth_y + bend * 1.6, 0.72, mouth_y))
    return _scale(rect, shapes)


_ICONS: dict[str, list[Shape]] = {
    "web": [
        ("circle", 0.5, 0.5, 0.42, None),
        ("line", 0.08, 0.5, 0.92, 0.5),
        ("curve", 0.5, 0.08, 0.15, 0.5, 0.5, 0.92),
        ("curve", 0.5, 0.08, 0.85, 0.5, 0.5, 0.92),
    ],
    "mobile": [
        ("rect", 0.27, 0.05, 0.46, 0.9, None),
        ("circle", 0.5, 0.82, 0.05, INK),
        ("line", 0.4, 0.13, 0.6, 0.13),
    ],
    "email": [
        ("rect", 0.06, 0.2, 0.88, 0.6, None),
        ("line", 0.06, 0.2, 0.5, 0.55),
        ("line", 0.94, 0.2, 0.5, 0.55),
    ],
    "phone": [
        ("curve", 0.22, 0.12, 0.05, 0.55, 0.55, 0.9),
        ("rect", 0.12, 0.06, 0.2, 0.18, INK),
        ("rect", 0.55, 0.72, 0.24, 0.2, INK),
    ],
    "store": [
        ("line", 0.05, 0.42, 0.5, 0.08),
        ("line", 0.5, 0.08, 0.95, 0.42),
        ("rect", 0.14, 0.42, 0.72, 0.5, None),
        ("rect", 0.42, 0.62, 0.16, 0.3, INK),
    ],
    "person": [
        ("circle", 0.5, 0.28, 0.18, None),
        ("curve", 0.12, 0.95, 0.5, 0.2, 0.88, 0.95),
        ("line", 0.12, 0.95, 0.88, 0.95),
    ],
    "mail": [
        ("rect", 0.06, 0.22, 0.88, 0.56, None),
        ("rect", 0.68, 0.3, 0.18, 0.18, INK),
        ("line", 0.16, 0.58, 0.56, 0.58),
        ("line", 0.16, 0.68, 0.46, 0.68),
    ],
    "social": [
        ("rect", 0.06, 0.12, 0.88, 0.58, None),
        ("line", 0.25, 0.7, 0.2, 0.92),
        ("line", 0.2, 0.92, 0.45, 0.7),
        ("circle", 0.3, 0.41, 0.05, INK),
        ("circle", 0.5, 0.41, 0.05, INK),
        ("circle", 0.7, 0.41, 0.05, INK),
    ],
    "partner": [("circle", 0.36, 0.5, 0.27, None), ("circle", 0.64, 0.5, 0.27, None)],
    "other": [("circle", 0.5, 0.5, 0.42, None), ("circle", 0.5, 0.5, 0.1, INK)],
}


def channel_icon(rect: Rect, icon: str | None) -> list[Shape]:
    return _scale(rect, _ICONS.get(icon or "other", _ICONS["other"]))


BADGE_COLOURS = {
    "pain": PAIN,
    "opportunity": OPPORTUNITY,
    "moment_of_truth": MOMENT_OF_TRUTH,
    "partner": MUTED_INK,
}
_BADGES: dict[str, list[Shape]] = {
    "pain": [("text", 0.5, 0.52, "!")],
    "opportunity": [("text", 0.5, 0.52, "+")],
    "moment_of_truth": [("text", 0.5, 0.52, "★")],
    "partner": [("text", 0.5, 0.52, "P")],
}


def badge(rect: Rect, kind: str) -> list[Shape]:
    """A round flag with a symbol: ! pain points, + opportunities, ★ moment of truth, P partner."""
    return [("circle", rect.center.x, rect.center.y, rect.w / 2, BADGE_COLOURS[kind])] + _scale(
        rect, _BADGES[kind]
    )


def evidence(rect: Rect, status: str) -> list[Shape]:
    """How a card's evidence is marked: observed a solid disc with a tick; assumed an open
    triangle with "?"; proposed an open diamond with "+" (shape, not colour alone)."""
    colour = EVIDENCE_COLOURS[status]
    if status == "observed":
        return [("circle", rect.center.x, rect.center.y, rect.w / 2, colour)] + _scale(
            rect,
            [("ink", WHITE), ("line", 0.27, 0.52, 0.43, 0.69), ("line", 0.43, 0.69, 0.73, 0.33)],
        )
    if status == "assumed":
        corners = [(0.5, 0.04), (0.97, 0.92), (0.03, 0.92)]
        mark = [("text", 0.5, 0.64, "?")]
    else:
        corners = [(0.5, 0.02), (0.98, 0.5), (0.5, 0.98), (0.02, 0.5)]
        mark = [("line", 0.5, 0.3, 0.5, 0.7), ("line", 0.3, 0.5, 0.7, 0.5)]
    edges = [("line", *a, *b) for a, b in zip(corners, corners[1:] + corners[:1], strict=True)]
    return _scale(rect, [("ink", colour), *edges, *mark])
