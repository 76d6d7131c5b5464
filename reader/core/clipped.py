"""Clipped names: "the Fed" where the same paragraph names the "Federal Reserve".

News writes an organisation out once and then clips its first word: "Federal Reserve"
... "the Fed", "Metropolitan Police" ... "the Met". A statistical model seldom knows the
clipping, so it misses it. In one paragraph (a block of :mod:`reader.core.ner`), a word
that the model left alone is taken for an organisation found there when

- it is a capitalised word of at least three letters, the rest lowercase;
- a definite article of the language stands right before it ("the");
- it begins the first word of one organisation of two or more words found in the
  paragraph (or of longer forms of that one name), and is at most half as long as that
  word, as clippings are ("Fed", "Met"; a common noun that begins a longer word, "the
  Region" beside the "Regional Municipality", is longer than that); if it may stand for
  two names, it is left alone.

It gets that organisation's label; grouping then joins it to the full name, and the
document's consistency finds it wherever else it stands.

Only where capitals mark names (English): German capitalises every noun, and the first
part of a compound is often a noun of its own, so "der Bund" beside the "Bundesagentur
für Arbeit", or "der Staat" beside a "Staatliches Museum", would be taken for them. The
language's ``articles`` (:class:`reader.core.lang.NameRules`) are empty there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.core.model import Mention

WORD = re.compile(r"(?<![\w-])[^\W\d_]{3,}(?![\w-])")
WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)[ \t]+$")
LOOK_BEHIND = 20  # characters searched for the article


def clipped_names(text: str, start: int, end: int, found: list[Mention],
                  articles: Iterable[str]) -> list[Mention]:
    """Mentions of clipped organisation names in ``text[start:end]`` (one paragraph), whose
    mentions so far are ``found``; ``articles``: the language's definite articles,
    lowercase."""
    owners = {m.text: m for m in found if m.label == "ORG" and " " in m.text}
    if not owners:
        return []
    words = set(articles)
    added: list[Mention] = []
    for hit in WORD.finditer(text, start, end):
        word = hit.group()
        if not (word[0].isupper() and word[1:].islower()):
            continue
        if any(m.start < hit.end() and hit.start() < m.end for m in found):
            continue
        matching = sorted((o for o in owners.values()
                           if _clips(word, o.text.split(" ", 1)[0])), key=lambda o: len(o.text))
        # none, or two names it may stand for ("Federal Reserve", "Federal Bureau"); a
        # longer form of the same name ("Federal Reserve Bank") is no second name
        if not matching or any(not o.text.startswith(matching[0].text) for o in matching):
            continue
        before = WORD_BEFORE.search(text, max(start, hit.start() - LOOK_BEHIND), hit.start())
        if before is None or before.group(1).lower() not in words:
            continue
        added.append(Mention(hit.start(), hit.end(), word, matching[0].label))
    return added


def _clips(word: str, first: str) -> bool:
    """True when ``word`` is the first half of ``first``, or less."""
    return 2 * len(word) <= len(first) and first.startswith(word)
