"""One name, one reading per document: occurrences the model missed are added.

A statistical model tags "Putin" in one sentence and misses it in the next. Every further
occurrence of a surface form that the document already has as an entity (whole words,
not inside another mention, not across a paragraph break) is added as a mention with
that form's label (the majority of the model's readings). This adds mentions of entities
already found, never new entities. Likewise a span that is nothing but a run of names
found alone elsewhere is split.

:class:`Consistency` does this block by block as the analysis goes, so every partial
document of a book is truthful and counts only grow: a run is split only by names found
before it (or beside it), and a form learned late is looked for at once in the text
before it, through an index of where each capitalised word stands (a form that starts
with a lowercase word, "von der Leyen", each time the analysed part has doubled, and at
the end).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from reader.core.model import Label, Mention

WORD = re.compile(r"(?<![\w-])\w+")  # where a form may start: a whole word
FIRST_WORD = re.compile(r"\w+")
WORD_GOES_ON = re.compile(r"[\w-]")
Words = dict[str, list[int]]  # a capitalised word -> where it stands
LOOK_BACK_ALWAYS = 300_000  # characters: up to here, every block looks back at once


class Consistency:
    """The model's mentions of a text, block by block in order, with the occurrences it
    missed of the forms it found (:meth:`mentions`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reached = 0  # the text before this offset is analysed
        self._found: list[Mention] = []  # the model's (runs split)
        self._added: list[tuple[int, int, str]] = []  # (start, end, form) it missed
        self._votes: dict[str, Counter[Label]] = {}  # form -> the model's labels
        self._bases: dict[str, str] = {}
        self._alone: dict[str, Counter[Label]] = {}  # one-word names -> labels
        self._taken = bytearray(len(text))  # 1 inside a mention
        self._forms: dict[str, list[str]] = {}  # first word -> forms, longest first
        self._new: dict[str, list[str]] = {}  # forms learned from the blocks being added
        self._late: dict[str, list[str]] = {}  # lowercase first word, not looked back yet
        self._looked_back = 0  # ``reached`` at the last look back for those
        self._at: dict[str, list[int]] = {}  # capitalised word -> where it stands
        self._lower: dict[str, list[str]] = {}  # the forms with a lowercase first word

    def add(self, mentions: list[Mention], reached: int, last: bool = False,
            words: Words | None = None) -> None:
        """The model's ``mentions`` of the next blocks, up to offset ``reached``
        (``last``: the whole text is analysed); ``words``, where their capitalised words
        stand (:func:`capitalised_words`, from the analysing process), spares this one
        reading them."""
        for m in mentions:
            if " " not in m.text:
                self._alone.setdefault(m.text, Counter())[m.label] += 1
        for m in self._split_runs(mentions):
            self._found.append(m)
            self._taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            if m.base:
                self._bases.setdefault(m.text, m.base)
            if "\n" not in m.text and sum(c.isalpha() for c in m.text) >= 2:
                self._learn(m)
        before = self.reached
        if words is None:
            self._scan(before, reached, self._forms, index=True)
        else:
            self._scan_words(before, reached, words)
        self.reached = max(reached, before)
        for word, forms in self._new.items():  # the new forms in the text before
            for start in self._at.get(word, ()):
                if start >= before:
                    break
                self._match(start, before, forms)
        self._new = {}
        if self._late and (last or self.reached <= LOOK_BACK_ALWAYS
                           or self.reached >= 2 * self._looked_back):
            self._scan(0, before, self._late)
            self._late = {}
            self._looked_back = self.reached

    def mentions(self) -> list[Mention]:
        """Every mention so far, in the order of the text."""
        labels = {form: votes.most_common(1)[0][0] for form, votes in self._votes.items()}
        added = [Mention(s, e, form, labels[form], self._bases.get(form, ""))
                 for s, e, form in self._added]
        return sorted(self._found + added, key=attrgetter("start"))

    def _split_runs(self, mentions: list[Mention]) -> list[Mention]:
        """A span made only of names found alone ("Moskau Nordkorea") is two names."""
        out: list[Mention] = []
        for m in mentions:
            words = m.text.split(" ")
            if len(words) < 2 or not all(w in self._alone for w in words):
                out.append(m)
                continue
            pos = m.start
            for w in words:
                out.append(Mention(pos, pos + len(w), w, self._alone[w].most_common(1)[0][0]))
                pos += len(w) + 1
        return out

    def _learn(self, mention: Mention) -> None:
        form = mention.text
        votes = self._votes.get(form)
        if votes is None:
            first = FIRST_WORD.match(form)
            votes = self._votes[form] = Counter()
            if first is not None and first.start() == 0:  # (a form must start a word)
                word = first.group()
                upper = word[0].isupper()
                for table in (self._forms, self._new if upper else self._late,
                              *(() if upper else (self._lower,))):
                    forms = table.setdefault(word, [])
                    forms.append(form)
                    forms.sort(key=len, reverse=True)
        votes[mention.label] += 1

    def _scan(self, start: int, end: int, forms: dict[str, list[str]],
              index: bool = False) -> None:
        """Add the occurrences of ``forms`` in ``text[start:end]`` outside any mention;
        with ``index``, note where each capitalised word stands."""
        at = self._at
        for word in WORD.finditer(self.text, start, end):
            found = word.group()
            if index and found[0].isupper():
                at.setdefault(found, []).append(word.start())
            candidates = forms.get(found)
            if candidates is not None:
                self._match(word.start(), end, candidates)

    def _scan_words(self, start: int, end: int, words: Words) -> None:
        """:meth:`_scan` of all forms with the capitalised words given: only forms that
        start with a lowercase word ("von der Leyen") are looked for in the text."""
        hits: list[tuple[int, list[str]]] = []
        for word, starts in words.items():
            self._at.setdefault(word, []).extend(starts)
            candidates = self._forms.get(word)
            if candidates is not None:
                hits.extend((s, candidates) for s in starts)
        if self._lower:
            first_words = "|".join(map(re.escape, self._lower))
            pattern = re.compile(rf"(?<![\w-])(?:{first_words})(?!\w)")
            hits.extend((m.start(), self._lower[m.group()])
                        for m in pattern.finditer(self.text, start, end))
        hits.sort(key=itemgetter(0))
        for s, candidates in hits:
            self._match(s, end, candidates)

    def _match(self, s: int, end: int, candidates: list[str]) -> None:
        """Add the longest of ``candidates`` (longest first) that stands at ``s`` as a
        whole word, ending by ``end``, outside any mention."""
        text, taken = self.text, self._taken
        for form in candidates:
            e = s + len(form)
            if e <= end and text.startswith(form, s) and WORD_GOES_ON.match(text, e) is None:
                if taken.find(1, s, e) < 0:
                    self._added.append((s, e, form))
                    taken[s:e] = b"\x01" * (e - s)
                return


def capitalised_words(text: str, spans: Iterable[tuple[int, int]]) -> Words:
    """Where each capitalised word of ``text``'s ``spans`` stands, in order."""
    at: Words = {}
    for s, e in spans:
        for word in WORD.finditer(text, s, e):
            found = word.group()
            if found[0].isupper():
                at.setdefault(found, []).append(word.start())
    return at

