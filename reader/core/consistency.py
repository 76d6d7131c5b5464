"""One name, one reading per document: occurrences the model missed are added.

A statistical model tags "Putin" in one sentence and misses it in the next. Every further
occurrence of a surface form that the document already has as an entity (whole words,
not inside another mention, not across a paragraph break) is added as a mention with
that form's label. This adds mentions of entities already found, never new entities.
Likewise a span that is nothing but a run of names found alone elsewhere is split.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from reader.core.model import Label, Mention


def split_runs(mentions: list[Mention]) -> list[Mention]:
    """A span made only of names found alone elsewhere ("Moskau Nordkorea") is two names."""
    alone: dict[str, Counter[Label]] = {}
    for m in mentions:
        if " " not in m.text:
            alone.setdefault(m.text, Counter())[m.label] += 1
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split(" ")
        if len(words) < 2 or not all(w in alone for w in words):
            out.append(m)
            continue
        pos = m.start
        for w in words:
            out.append(Mention(pos, pos + len(w), w, alone[w].most_common(1)[0][0]))
            pos += len(w) + 1
    return out


def propagate(text: str, mentions: list[Mention], end: int | None = None) -> list[Mention]:
    """``mentions`` (runs of known names split) plus every missed occurrence of their
    forms in ``text[:end]``."""
    if not mentions:
        return mentions
    mentions = split_runs(mentions)
    votes: dict[str, Counter[Label]] = {}
    bases = {m.text: m.base for m in mentions if m.base}
    for m in mentions:
        if "\n" not in m.text and sum(c.isalpha() for c in m.text) >= 2:
            votes.setdefault(m.text, Counter())[m.label] += 1
    if not votes:
        return mentions
    labels = {form: counts.most_common(1)[0][0] for form, counts in votes.items()}
    alternatives = "|".join(re.escape(f) for f in sorted(labels, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    found = sorted(mentions)
    starts = [m.start for m in found]
    added: list[Mention] = []
    for match in pattern.finditer(text, 0, len(text) if end is None else end):
        s, e = match.span()
        i = bisect_right(starts, s) - 1
        if i >= 0 and found[i].end > s:  # inside (or at) an existing mention
            continue
        if i + 1 < len(found) and found[i + 1].start < e:  # overlaps the next one
            continue
        form = match.group()
        added.append(Mention(s, e, form, labels[form], bases.get(form, "")))
    return sorted(found + added) if added else found
