"""Names of listed companies for the gazetteer: knowledge a small NER cannot learn.

News names companies the training corpora (Wikipedia, web text, old newspapers) rarely
mention: "Shares of Nvidia and JPMorgan Chase rose".  ``pytickersymbols`` (MIT) lists
the ~1,800 companies of twenty stock indices (DAX, MDAX, S&P 500, FTSE 100, Nikkei 225,
...) under their Wikipedia names.  Each name enters the gazetteer as an organisation in
its listed form ("Apple Inc.") and without its legal form or a leading "The" ("Apple"),
and a camel-cased word also with its first letter alone capitalised ("ThyssenKrupp" ->
"Thyssenkrupp").  A form is left out when it is not reliably a company:

- the training corpora label it, more often than not, with another type ("Douglas",
  "Orange", "Berkeley"), or, one word, use it more often inside names of another type
  than inside organisations' names (a surname: "Luis Roche"; a place: "Albemarle
  County");
- it is one word that is also an ordinary word: written in lowercase at least twice in
  the raw text of the language's corpora ("Target", "News" from "News Corp"); or, as a
  capitalised word in mid-sentence, seen outside names and never labelled as a name on
  its own ("City": "Mexico City", "in der City"), or left unlabelled in most of at least
  two occurrences (German nouns: "Ball");
- in a language that capitalises its nouns (German), it is one plain capitalised word
  the corpora never label as a name on its own: as likely a noun ("das erste Match",
  "Visa"); a camel-cased name ("ThyssenKrupp") cannot be one.

A German loanword the corpora never show ("Match") can still slip through.

The gazetteer adds these names only where they stand alone (``reader.core.gazetteer``).
A form that is not a name a person could have (``Usage.person_like``: "Goldman Sachs",
not "Ralph Lauren", "Morgan Stanley" or "Tesla") also retypes an entity the NER found
exactly as it: the NER reads "Goldman Sachs and Morgan Stanley advised" as people.  The
other forms only fill gaps the NER left.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.core.lang import rules_for
from reader.core.nouns import is_plain_word
from training.usage import ORG, Usage

# words after a company's name that are not part of how news names it
EXTRA_SUFFIXES = frozenset({"Group", "Holding", "Holdings", "Company", "Incorporated", ","})
CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")


def company_names() -> list[str]:
    """The companies ``pytickersymbols`` lists, by their Wikipedia names."""
    from pytickersymbols import PyTickerSymbols  # type: ignore[import-untyped]

    return sorted({str(stock["name"]) for stock in PyTickerSymbols().get_all_stocks()})


def forms(words: tuple[str, ...], suffixes: frozenset[str]) -> list[tuple[str, ...]]:
    """The forms a listed company's name (as tokens) is written in: as listed, without
    legal form and leading "The", and camel-cased words with one capital."""
    short = list(words)
    while len(short) > 1 and short[-1] in suffixes:
        short.pop()
    if len(short) > 1 and short[0] == "The":
        short.pop(0)
    found = [words]
    if tuple(short) != words:
        found.append(tuple(short))
    for form in list(found):
        if any(CAMEL.match(w) for w in form):
            found.append(tuple(w.capitalize() if CAMEL.match(w) else w for w in form))
    return list(dict.fromkeys(found))


Entries = dict[tuple[str, ...], str]


def listed_companies(lang: str, corpus: Path, tokenize: Callable[[str], Iterable[str]],
                     names: Iterable[str] | None = None) -> tuple[Entries, Entries]:
    """Gazetteer entries (token tuples -> "ORG") for the listed companies, filtered by how
    the corpora at ``corpus`` use each form; ``tokenize`` splits a name as the pipeline
    does.  Two dictionaries: the forms that also retype what the NER found, and those
    that only fill gaps."""
    usage = Usage(lang, corpus)
    suffixes = rules_for(lang).legal_forms | EXTRA_SUFFIXES
    entries: Entries = {}
    capitalises_nouns = lang == "de"
    for name in company_names() if names is None else names:
        words = tuple(tokenize(name))
        camel = any(CAMEL.match(w) for w in words)
        for form in forms(words, suffixes):
            if usage.other_type(form) or (len(form) == 1 and usage.ordinary(form[0])):
                continue
            if (capitalises_nouns and len(form) == 1 and is_plain_word(form[0]) and not camel
                    and not usage.labels.get(form)):
                continue
            entries[form] = ORG
    retyping = {k: v for k, v in entries.items() if not usage.person_like(k)}
    return retyping, {k: v for k, v in entries.items() if k not in retyping}
