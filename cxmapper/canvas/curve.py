"""The emotion curve on the canvas, kept in runs of a few segments so an edit builds and paints
again only the part of the curve it changed."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from cxmapper.canvas.items import Z_CURVE
from cxmapper.drawing.curve import curve_segment, smooth_curve
from cxmapper.layout.geometry import Point
from cxmapper.layout.style import CURVE_DASH, LIGHT, Style, Theme


class CurveItem(QGraphicsItem):
    """The emotion curve through the faces, in time order.

    Kept as runs of a few segments, each its own path: a card re-rated (or a face dragged)
    changes the segments around its face, and only their runs are built and painted again,
    not a curve as long as the map (at 2,000 touchpoints, most of a frame). Cards moved,
    added or deleted change the faces only where they were and went (`splice`): the runs
    after them keep their paths, and only their places in the list shift."""

    RUN = 16  # segments a run holds (those built again after a splice: up to twice as many)

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(Z_CURVE)
        self._pen = QPen()
        self._points: list[Point] | None = None
        self._segments: list = []
        self._starts: list[int] = []  # the first segment of each run
        self._runs: list[tuple[QPainterPath, QRectF]] = []
        self._bounds = QRectF()
        self.set_look(LIGHT, Style())

    def set_look(self, theme: Theme, style: Style, future: bool = False) -> None:
        """Today's curve solid; the future state's (when it is the one shown) dashed."""
        pen = QPen(QColor(theme.future if future else theme.curve), style.curve_width)
        if future:
            pen.setDashPattern(list(CURVE_DASH))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        dashed_before = bool(self._pen.dashPattern())
        self._pen = pen
        if dashed_before != future and self._points is not None:
            self._build_all()  # (one run when dashed: see _build_all)
        self.update()

    def pen(self) -> QPen:
        return self._pen

    def path(self) -> QPainterPath:
        """The whole curve, as one path."""
        whole = QPainterPath()
        for run, _rect in self._runs:
            whole.addPath(run)
        return whole

    def set_points(self, points: list[Point]) -> None:
        before = self._points
        self._segments, changed = self._segments_for(points)
        self._points = list(points)
        if before is None or len(before) != len(points):
            self._build_all()
        else:
            self._build(changed)

    def splice(self, start: int, end: int, points: list[Point]) -> None:
        """The faces from `start` to `end` (not included) are now `points`: the segments
        around them are worked out again, and the runs holding those built again."""
        if self._points is None:
            self.set_points(points)
            return
        was = len(self._points)
        self._points[start:end] = points
        now = len(self._points)
        if self._pen.dashPattern() or was < 2 or now < 2:
            self._segments = smooth_curve(self._points)
            self._build_all()
            return
        # a segment depends on the faces at its ends and their neighbours
        first = max(0, start - 2)
        old_end, new_end = min(was - 1, end + 1), min(now - 1, start + len(points) + 1)
        self._segments[first:old_end] = [
            curve_segment(self._points, j) for j in range(first, new_end)
        ]
        starts = self._starts
        r0 = bisect_right(starts, first) - 1
        r1 = max(r0, bisect_right(starts, max(first, old_end - 1)) - 1)
        run_end = (starts[r1 + 1] if r1 + 1 < len(starts) else was - 1) + now - was
        again = list(range(starts[r0], run_end, self.RUN))
        dirty = QRectF()
        for _path, rect in self._runs[r0 : r1 + 1]:
            dirty = dirty.united(rect)
        runs = []
        for k, begin in enumerate(again):
            run = self._run(begin, again[k + 1] if k + 1 < len(again) else run_end)
            dirty = dirty.united(run[1])
            runs.append(run)
        shift = now - was
        self._starts[r0 : r1 + 1] = again
        self._runs[r0 : r1 + 1] = runs
        if shift:
            for k in range(r0 + len(again), len(starts)):
                starts[k] += shift
        self._bounded(dirty)

    def _run(self, first: int, last: int) -> tuple[QPainterPath, QRectF]:
        """The path of segments first to last (not included), and where it paints."""
        points = self._points or []
        path = QPainterPath()
        if points and first < last:
            path.moveTo(points[first].x, points[first].y)
            for c1, c2, end in self._segments[first:last]:
                path.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
            margin = self._pen.widthF()
            return path, path.controlPointRect().adjusted(-margin, -margin, margin, margin)
        return path, QRectF()

    def _build_all(self) -> None:
        """Every run built again: of RUN segments (one, when dashed: its dashes go on across
        the whole curve unbroken)."""
        count = len(self._segments)
        step = max(count, 1) if self._pen.dashPattern() else self.RUN
        dirty = QRectF()
        for _path, rect in self._runs:
            dirty = dirty.united(rect)
        self._starts = list(range(0, max(count, 1), step))
        self._runs = []
        for k, begin in enumerate(self._starts):
            last = self._starts[k + 1] if k + 1 < len(self._starts) else count
            run = self._run(begin, last)
            dirty = dirty.united(run[1])
            self._runs.append(run)
        self._bounded(dirty, grown=False)

    def _build(self, segments: list[int]) -> None:
        """Build again the runs holding these segments, and repaint where they were and are."""
        starts, count = self._starts, len(self._segments)
        dirty = QRectF()
        for k in sorted({bisect_right(starts, i) - 1 for i in segments}):
            last = starts[k + 1] if k + 1 < len(starts) else count
            dirty = dirty.united(self._runs[k][1])
            self._runs[k] = self._run(starts[k], last)
            dirty = dirty.united(self._runs[k][1])
        self._bounded(dirty)

    def _bounded(self, dirty: QRectF, grown: bool = True) -> None:
        """Repaint `dirty`; the bounds take in what was built again (`grown`: only that, so
        they may stay wider than the curve once part of it went: never narrower)."""
        if grown:
            bounds = self._bounds.united(dirty)
        else:
            bounds = QRectF()
            for _path, rect in self._runs:
                bounds = bounds.united(rect)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        if not dirty.isEmpty():
            self.update(dirty)

    def _segments_for(self, points: list[Point]) -> tuple[list, list[int]]:
        """The curve's segments and which changed; when only a few faces moved (a card
        re-rated), only the segments around them are worked out again."""
        before = self._points
        if before is None or len(before) != len(points) or len(points) < 2:
            segments = smooth_curve(points)
            return segments, list(range(len(segments)))
        moved = [i for i, (a, b) in enumerate(zip(before, points, strict=True)) if a != b]
        if len(moved) > len(points) // 8:
            segments = smooth_curve(points)
            return segments, list(range(len(segments)))
        segments = list(self._segments)
        again = sorted({j for i in moved for j in range(i - 2, i + 2) if 0 <= j < len(points) - 1})
        for j in again:
            segments[j] = curve_segment(points, j)
        return segments, again

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # (nothing to click: a click goes to the face or lane under it)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shown = option.exposedRect
        for path, rect in self._runs:
            if rect.intersects(shown):
                painter.drawPath(path)
