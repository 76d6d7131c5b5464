"""Language data for names, one module per language (as spaCy keeps ``spacy/lang/<xx>/``).

Each module lists the function words that tell its language apart (``STOP_WORDS``, for
``reader.core.language``) and describes how names behave in it: which suffixes are a genitive or
possessive, which titles and honorifics precede a person's name, which legal forms follow
a company's, which small words an acronym skips, which administrative nouns precede a
place, and how an inflected name returns to its base (nominative) form.
:func:`rules_for` gives the rules of a language; an unknown language gets neutral rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache


def _unchanged(words: list[str]) -> list[str]:
    return list(words)


@dataclass(frozen=True)
class NameRules:
    """How names behave in one language (see the language modules)."""

    code: str
    # endings that make a genitive or possessive of a name ("Russlands", "Trump's")
    genitive: tuple[str, ...] = ()
    # words before a person's name that are not part of it ("Dr.", "Frau", "President")
    titles: frozenset[str] = frozenset()
    # words after an organisation's name that are its legal form ("AG", "Inc.")
    legal_forms: frozenset[str] = frozenset()
    # lowercase words an acronym leaves out ("of", "für")
    function_words: frozenset[str] = frozenset()
    # nouns in front of a place name that are not part of it ("Region Kursk")
    admin_nouns: frozenset[str] = frozenset()
    # definite articles, lowercase, before which a capitalised word may be a clipped name
    # ("the Fed", reader.core.clipped); none in German, which capitalises every noun
    articles: frozenset[str] = frozenset()
    # an inflected multi-word name in its base form ("Zweiten Weltkriegs" -> "Zweiter
    # Weltkrieg"), word by word; returns the words unchanged when unsure
    nominative: Callable[[list[str]], list[str]] = field(default=_unchanged)
    # the same name with its inflection endings removed, for grouping variants whatever
    # their case ("Deutsche Bahn" / "Deutschen Bahn")
    stem_key: Callable[[list[str]], list[str]] = field(default=_unchanged)


@cache
def rules_for(lang: str) -> NameRules:
    """The name rules of ``lang`` ("de", "en"); neutral rules for any other language."""
    if lang == "de":
        from reader.core.lang import de

        return de.RULES
    if lang == "en":
        from reader.core.lang import en

        return en.RULES
    return NameRules(code=lang)
