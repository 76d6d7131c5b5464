"""Passages and text search: the sentence around a mention, every match of a phrase.

Plain string work on the document's text, shared by the app (the passages view, search in
the article) and the command line; no UI here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import Entity

MAX_PASSAGE = 240  # characters of a passage at most; longer sentences are cut around the name
_END = re.compile(r"(?<=[.!?…])[\"»«“”')\]]*\s+|\n\s*\n")


@dataclass(frozen=True)
class Passage:
    """One mention in its sentence: ``text`` with the mention at ``mark`` (start, end)."""

    index: int  # the mention's index in its entity
    start: int  # the mention's offsets in the document
    end: int
    text: str
    mark: tuple[int, int]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) of ``text`` that holds ``text[start:end]``, as offsets."""
    left = 0
    for m in _END.finditer(text, max(start - MAX_PASSAGE * 4, 0), start):
        left = m.end()
    after = _END.search(text, end)
    right = after.start() if after else len(text)
    return left, right


def passage(text: str, start: int, end: int, index: int = 0) -> Passage:
    """The mention ``text[start:end]`` in its sentence, cut to :data:`MAX_PASSAGE`."""
    left, right = sentence_bounds(text, start, end)
    if right - left > MAX_PASSAGE:  # a long sentence: the part around the mention
        room = max(MAX_PASSAGE - (end - start), 0)
        left = max(left, start - room // 2)
        right = min(right, max(left + MAX_PASSAGE, end))
    raw = text[left:right]
    lead = len(raw) - len(raw.lstrip())
    body = " ".join(raw.split())
    # offsets of the mention within the collapsed text
    before = " ".join(text[left + lead:start].split())
    mark_start = len(before) + (1 if before and text[start - 1].isspace() else 0)
    mark_end = mark_start + len(" ".join(text[start:end].split()))
    return Passage(index, start, end, body, (mark_start, min(mark_end, len(body))))


def passages(text: str, entity: Entity) -> list[Passage]:
    """Every mention of ``entity`` in its sentence, in reading order."""
    return [passage(text, m.start, m.end, i) for i, m in enumerate(entity.mentions)]


def find_all(text: str, phrase: str, limit: int = 100_000) -> list[tuple[int, int]]:
    """Every occurrence of ``phrase`` in ``text`` (case-insensitive, whitespace runs match
    any whitespace), as (start, end) offsets; at most ``limit``."""
    words = phrase.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        out.append((m.start(), m.end()))
        if len(out) >= limit:
            break
    return out
