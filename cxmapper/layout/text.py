"""Fitting text into boxes: word wrap, a line limit, and an ellipsis when it does not fit."""

from __future__ import annotations

from typing import Protocol

ELLIPSIS = "…"
FIT_MARGIN = 1 / 44  # of its size, a line stays inside its box (word widths summed, not its)


def _letters(pair: str) -> bool:
    """Two letters of an alphabetic script, where a hyphen may join the halves of a word."""
    return all(ch.isalpha() and ord(ch) < 0x1100 for ch in pair)


class TextMetrics(Protocol):
    """How wide text is in a given size; the canvas measures with Qt, the PDF with reportlab."""

    def text_width(self, text: str, size: float, bold: bool = False) -> float: ...


class ApproximateMetrics:
    """Average-width metrics for headless use and tests (about right for a sans-serif font)."""

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        wide = sum(1 for ch in text if ord(ch) >= 0x1100)  # CJK and emoji take a full em
        return (len(text) - wide) * size * (0.6 if bold else 0.55) + wide * size


class TextFitter:
    """Wraps text to widths with a given TextMetrics, remembering results (layouts repeat)."""

    def __init__(self, metrics: TextMetrics) -> None:
        self.metrics = metrics
        self._cache: dict[tuple[str, float, float, bool, int, bool], list[str]] = {}
        self._widths: dict[tuple[str, float, bool], float] = {}

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide text is, remembered (the same words come back on card after card)."""
        key = (text, size, bold)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            found = self._widths[key] = self.metrics.text_width(text, size, bold)
        return found

    def wrap(
        self,
        text: str,
        width: float,
        size: float,
        max_lines: int,
        bold: bool = False,
        hyphens: bool = False,
    ) -> list[str]:
        """At most `max_lines` lines no wider than `width`; the last ends in … if text was cut.
        With `hyphens`, a word wider than a line is broken with a hyphen between two letters
        (a card's title); without, where it fills the line (a pasted link in a report)."""
        key = (text, width, size, bold, max_lines, hyphens)
        lines = self._cache.get(key)
        if lines is None:
            if len(self._cache) > 20_000:
                self._cache.clear()
            lines = self._cache[key] = self._wrap(text, width, size, max_lines, bold, hyphens)
        return lines

    def _fits(self, text: str, width: float, size: float, bold: bool) -> bool:
        return self.metrics.text_width(text, size, bold) <= width

    def _wrap(
        self, text: str, width: float, size: float, max_lines: int, bold: bool, hyphens: bool
    ) -> list[str]:
        words = " ".join(text.split()).split(" ")
        lines: list[str] = []
        current, used = "", 0.0  # the line so far, and its width
        space = self.width(" ", size, bold)
        index = 0
        while index < len(words):
            word = words[index]
            # A line is as wide as its words and spaces: each word measured once, remembered.
            grown = used + (space if current else 0.0) + self.width(word, size, bold)
            if grown <= width - FIT_MARGIN * size:
                current = f"{current} {word}" if current else word
                used, index = grown, index + 1
                continue
            if current:
                lines.append(current)
                current, used = "", 0.0
            else:  # a single word wider than the box: break it, after a hyphen if it has one
                piece, rest = self._break(word, width, size, bold, hyphens)
                lines.append(piece)
                words[index] = rest
            if len(lines) >= max_lines:
                return self._cut(lines[:max_lines], width, size, bold)
        if current:
            lines.append(current)
        if len(lines) > max_lines:
            return self._cut(lines[:max_lines], width, size, bold)
        return lines or [""]

    def _break(
        self, word: str, width: float, size: float, bold: bool, hyphens: bool
    ) -> tuple[str, str]:
        """A word too wide for a line, as (this line's piece, the rest): after its last hyphen or
        slash that fits, else between two letters with a hyphen added ("recommenda-" "tion"),
        else (Chinese, Japanese, digits) wherever it fills the line."""
        cut = self._longest_prefix(word, width, size, bold)
        if not hyphens:
            return word[:cut], word[cut:]
        soft = max(word.rfind("-", 0, cut), word.rfind("/", 0, cut))
        if soft >= 2:
            return word[: soft + 1], word[soft + 1 :]
        # at least three letters on either side of the hyphen
        hyphened = min(self._longest_prefix(word, width, size, bold, "-"), len(word) - 3)
        if hyphened >= 3 and _letters(word[hyphened - 1 : hyphened + 1]):
            return word[:hyphened] + "-", word[hyphened:]
        return word[:cut], word[cut:]

    def _longest_prefix(
        self, word: str, width: float, size: float, bold: bool, suffix: str = ""
    ) -> int:
        low, high = 1, len(word)
        while low < high:
            mid = (low + high + 1) // 2
            if self._fits(word[:mid] + suffix, width, size, bold):
                low = mid
            else:
                high = mid - 1
        return max(1, low)

    def _cut(self, lines: list[str], width: float, size: float, bold: bool) -> list[str]:
        last = lines[-1].rstrip()
        while last and not self._fits(last + ELLIPSIS, width, size, bold):
            last = last[:-1].rstrip()
        lines[-1] = last + ELLIPSIS
        return lines

    def single_line(self, text: str, width: float, size: float, bold: bool = False) -> str:
        return self.wrap(text, width, size, 1, bold)[0]
