"""Names as the reader sees them: comparison keys, base forms and the parts around a name.

Language-independent helpers over the per-language rules in ``reader.core.lang``:

- :func:`key_of`: the normalised comparison key of a name (case, quotes, dashes, spaces),
  used by grouping, the Wikipedia cache and resolution alike;
- :func:`core_words`: a name without a title before it ("Dr. Merkel"), a legal form after
  it ("Apple Inc.") or a possessive ending ("Trump's");
- :func:`base_name`: the form to show and look up ("Zweiten Weltkriegs" -> "Zweiter
  Weltkrieg");
- :func:`group_key`: the key under which every variant of one name meets;
- :func:`acronym` and :func:`initials`: "DB" and "Deutsche Bahn", "U.S." and "United States";
- :func:`starts_with_admin_noun`: "Region Kursk" is the place "Kursk".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.core.lang import NameRules, rules_for

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "‐": "-", "‑": "-", "—": "-"})
_SPACE = re.compile(r"\s+")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_CAPS = re.compile(r"^[A-ZÄÖÜ]{2,6}$")


def key_of(name: str) -> str:
    """Normalised comparison key of a name."""
    name = unicodedata.normalize("NFC", name).translate(_QUOTES)
    return _SPACE.sub(" ", name).strip().casefold()


def words_of(name: str) -> list[str]:
    """The whitespace-separated words of a name."""
    return _SPACE.sub(" ", name).strip().split(" ")


def strip_possessive(word: str, rules: NameRules) -> str:
    """A word without an English possessive ending ("Trump's" -> "Trump")."""
    for suffix in rules.genitive:
        apostrophe = "'" in suffix or "’" in suffix
        if apostrophe and word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def core_words(name: str, lang: str) -> list[str]:
    """The words of a name without leading titles, trailing legal forms and a possessive;
    the name as it is when nothing would be left."""
    return list(_core_words(name, lang))


@lru_cache(maxsize=1 << 16)  # grouping a book asks for the same names again and again
def _core_words(name: str, lang: str) -> tuple[str, ...]:
    rules = rules_for(lang)
    words = words_of(name)
    words[-1] = strip_possessive(words[-1], rules)
    start, end = 0, len(words)
    while start < end - 1 and words[start] in rules.titles:
        start += 1
    while end - 1 > start and words[end - 1].rstrip(",") in rules.legal_forms:
        end -= 1
    core = words[start:end]
    core[-1] = core[-1].rstrip(",")
    return tuple(core if any(c.isalpha() for c in "".join(core)) else words)


def has_title(name: str, lang: str) -> bool:
    """True when the name starts with a title or honorific ("Dr. Merkel")."""
    words = words_of(name)
    return len(words) > 1 and words[0] in rules_for(lang).titles


def base_name(name: str, label: str, lang: str) -> str:
    """The form of a name to show and to look up: titles, legal forms and possessives
    are kept (they are part of how the text names it) but German declension is undone
    for names that are not people ("Kalten Krieges" -> "Kalter Krieg")."""
    words = words_of(name)
    rules = rules_for(lang)
    words[-1] = strip_possessive(words[-1], rules)
    if label != "PER":
        words = rules.nominative(words)
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def group_key(name: str, label: str, lang: str) -> str:
    """The key under which variants of one name meet: its core words, acronyms without
    dots ("U.S." = "US"), and for names that are not people the declension removed
    ("Deutschen Bahn" = "Deutsche Bahn")."""
    words = core_words(name, lang)
    if len(words) == 1 and _DOTTED.match(words[0]):
        words = [words[0].replace(".", "")]
    if label != "PER":
        words = rules_for(lang).stem_key(words)
    return key_of(" ".join(words))


def acronym(name: str) -> str | None:
    """The letters of an acronym ("DB", "U.S." -> "US"), or None if the name is not one."""
    name = name.strip()
    if _DOTTED.match(name):
        return name.replace(".", "")
    return name if _CAPS.match(name) else None


def initials(name: str, lang: str) -> str:
    """The initials of a name's capitalised words, small words left out ("Federal
    Reserve Bank of New York" -> "FRBNY"; "Vereinigte Staaten von Amerika" -> "VSA")."""
    rules = rules_for(lang)
    out = []
    for word in core_words(name, lang):
        for part in word.split("-"):
            if part and part not in rules.function_words and part[:1].isupper():
                out.append(part[0])
    return "".join(out)


def starts_with_admin_noun(words: list[str], lang: str) -> bool:
    """True for a place name such as ["Region", "Kursk"]: an administrative noun followed
    by a capitalised word."""
    nouns = rules_for(lang).admin_nouns
    return len(words) >= 2 and words[0] in nouns and words[1][:1].isupper()
