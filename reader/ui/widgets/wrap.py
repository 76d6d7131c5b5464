"""Word-wrapping text into screen lines given as character offsets (no styling)."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


@lru_cache(maxsize=8)
def _lines_of(width: int) -> re.Pattern[str]:
    """One screen line of a paragraph whose characters are all one cell wide: the longest
    run ending at a word's end within ``width`` (with the spaces after it), else ``width``
    characters of a longer word, else leading spaces alone."""
    return re.compile(rf".{{0,{width - 1}}}\S(?=\s|$)\s*|\S{{{width}}}|\s+")


# characters one cell wide in any terminal: Latin, Greek, Cyrillic, general punctuation
# and currency (tests check every one); a paragraph with others goes the slow way
NARROW_RANGES = ("\u0020-\u007e", "\u00a0-\u02ff", "\u0370-\u0482", "\u048a-\u052f",
                 "\u1e00-\u1fbc", "\u2010-\u2027", "\u2030-\u205e", "\u20a0-\u20bf")
_NARROW = re.compile(f"[{''.join(NARROW_RANGES)}\t]*")


def _single_cells(text: str) -> bool:
    return text.isascii() or _NARROW.fullmatch(text) is not None


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each screen line of ``text`` wrapped at ``width`` cells.

    Every newline ends a line; blank lines are kept, so paragraphs stay apart.
    Trailing spaces of a wrapped line are not counted against the width."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if _width(raw) <= width:
            lines.append((start, end))
            continue
        if _single_cells(raw):  # the common case, by one pattern (as the loop below)
            lines.extend((start + m.start(), start + m.end())
                         for m in _lines_of(width).finditer(raw))
            lines[-1] = (lines[-1][0], end)
            continue
        line_start, used = start, 0
        for match in _WORD.finditer(raw):
            word = match.group()
            bare = word.rstrip()
            if not bare:  # leading indentation
                used += len(word)
                continue
            w_start = start + match.start()
            bare_w = _width(bare)
            if used and used + bare_w > width:
                lines.append((line_start, w_start))
                line_start, used = w_start, 0
            while bare_w > width:  # a word longer than the line: fold it
                cut = _fold(bare, width)
                lines.append((w_start, w_start + cut))
                w_start += cut
                bare = bare[cut:]
                bare_w = _width(bare)
                line_start = w_start
            used += bare_w + len(word) - len(word.rstrip())
        lines.append((line_start, end))
    return lines


def _fold(word: str, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` cells (at least one)."""
    if word.isascii():
        return max(width, 1)
    used = 0
    for i, ch in enumerate(word):
        used += cell_len(ch)
        if used > width:
            return max(i, 1)
    return len(word)
