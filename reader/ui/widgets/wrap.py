"""Word-wrapping text into screen lines given as character offsets (no styling)."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


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
