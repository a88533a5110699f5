"""Fitting text into boxes: word wrap, a line limit, and an ellipsis when it does not fit.

Names (of lanes, stages and cards) are set as a typesetter would (`TextFitter.fit_name`): a line
ends at a space, after a hyphen, dash or slash inside a word ("E-" / "commerce"), or between two
Chinese or Japanese characters, never elsewhere inside a word. A piece between those places that
is wider than the line is set smaller, down to a floor, before it is ever split; only below the
floor is it split, with a hyphen between letters. Every painter draws the size the layout chose.
"""

from __future__ import annotations

from typing import Protocol

ELLIPSIS = "…"
FIT_MARGIN = 1 / 44  # of its size, a line stays inside its box (word widths summed, not its)
BREAKS_AFTER = "-\u2010\u2013\u2014/"  # a name's line may end after a hyphen, dash or slash
SHRINK_STEP = 0.97  # a name too wide at the size worked out is set smaller by this, in steps


def _ideograph(ch: str) -> bool:
    """Chinese, Japanese (and full-width) characters: a line may break between any two."""
    code = ord(ch)
    return (
        0x2E80 <= code < 0xA000
        or 0xF900 <= code < 0xFB00
        or 0xFF00 <= code < 0xFFF0
        or 0x20000 <= code < 0x30000
    )


def name_pieces(word: str) -> list[str]:
    """A word (no spaces) cut where a line may end inside it: after a hyphen, dash or slash
    that follows a letter or digit and comes before more of the word ("E-", "commerce"), and
    around Chinese or Japanese characters. Joined, the pieces are the word."""
    pieces: list[str] = []
    start = 0
    for i in range(1, len(word)):
        before, after = word[i - 1], word[i]
        soft = before in BREAKS_AFTER and i >= 2 and word[i - 2].isalnum() and after.isalnum()
        if soft or _ideograph(before) or _ideograph(after):
            pieces.append(word[start:i])
            start = i
    pieces.append(word[start:])
    return pieces


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
        self._names: dict[tuple[str, float, float, int, bool, float], tuple[list[str], float]]
        self._names = {}
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

    def fit_name(
        self,
        text: str,
        width: float,
        size: float,
        max_lines: int,
        bold: bool = False,
        least: float | None = None,
    ) -> tuple[list[str], float]:
        """A name set as a typesetter would, as (its lines, the size they are set in): lines
        no wider than `width`, broken at spaces and after hyphens, dashes and slashes (see
        name_pieces), never inside a word. A piece wider than the line is set smaller, down to
        `least` (a size; default `size`: never smaller), before it is split with a hyphen (a
        last resort). At most `max_lines` lines; a name longer than that ends in … after the
        last whole word that fits with it."""
        floor = size if least is None else min(size, least)
        key = (text, width, size, max_lines, bold, floor)
        found = self._names.get(key)
        if found is None:
            if len(self._names) > 20_000:
                self._names.clear()
            size = self.name_size(text, width, size, bold, floor)
            found = self._names[key] = (self._set_name(text, width, size, max_lines, bold), size)
        return found

    def name_size(
        self, text: str, width: float, size: float, bold: bool = False, least: float = 0.0
    ) -> float:
        """The size a name is set in: `size`, or smaller (not below `least`) until its widest
        piece (a word, or a part of one between the places it may break) fits `width`."""
        pieces = [piece for word in text.split() for piece in name_pieces(word)]
        if not pieces:
            return size
        widest = max(pieces, key=lambda piece: self.width(piece, size, bold))
        if self.width(widest, size, bold) <= width - FIT_MARGIN * size:
            return size
        # as big as fits, if widths grow with the size; then smaller, step by step, until it does
        size = max(
            least, min(size, width * size / (self.width(widest, size, bold) + FIT_MARGIN * size))
        )
        while size > least and any(
            self.width(piece, size, bold) > width - FIT_MARGIN * size for piece in pieces
        ):
            size = max(least, size * SHRINK_STEP)
        return size

    def _set_name(
        self, text: str, width: float, size: float, max_lines: int, bold: bool
    ) -> list[str]:
        # each piece, and whether a space comes before it (between words) or not (in a word)
        pieces = [
            (piece, i == 0) for word in text.split() for i, piece in enumerate(name_pieces(word))
        ]
        room = width - FIT_MARGIN * size
        space = self.width(" ", size, bold)
        lines: list[str] = []
        current, used = "", 0.0
        index = 0
        while index < len(pieces):
            piece, spaced = pieces[index]
            gap = space if current and spaced else 0.0
            grown = used + gap + self.width(piece, size, bold)
            if grown <= room:
                current += (" " if current and spaced else "") + piece
                used, index = grown, index + 1
                continue
            if current:
                lines.append(current)
                current, used = "", 0.0
            else:  # wider than the line even at the least size: split it, a last resort
                head, rest = self._break(piece, width, size, bold, True)
                lines.append(head)
                pieces[index] = (rest, False)
            if len(lines) >= max_lines:
                return self._cut_name(lines[:max_lines], width, size, bold)
        if current:
            lines.append(current)
        return lines or [""]

    def _cut_name(self, lines: list[str], width: float, size: float, bold: bool) -> list[str]:
        """The last line ended with …, after the last whole piece that fits with it (its
        letters are cut only when a single piece does not fit)."""
        last = lines[-1].rstrip()
        while not self._fits(last + ELLIPSIS, width, size, bold):
            words = last.split(" ")
            pieces = name_pieces(words[-1])
            if len(words) > 1 and len(pieces) == 1:
                last = " ".join(words[:-1]).rstrip()
            elif len(pieces) > 1:
                last = " ".join(words[:-1] + ["".join(pieces[:-1])]).rstrip()
            else:
                return self._cut(lines, width, size, bold)
        lines[-1] = last + ELLIPSIS
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
