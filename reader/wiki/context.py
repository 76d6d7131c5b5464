"""The lookup context: what the article says around an entity, built once in ``wiki`` for
the app, ``reader lookup`` and ``reader prefetch`` alike.

A :class:`LookupContext` holds the words around every mention of the entity, the names of
the article's other main entities, the entity's type, and two hints read off the text
right beside a mention: an administrative noun before a place ("in der Region Kursk",
"Landkreis Harz") and furniture after a name ("AP Photo"), which mean the administrative
unit and the news agency rather than the city or the band of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.lang import rules_for
from reader.core.model import Document, Entity
from reader.core.names import key_of

WINDOW = 200  # characters either side of a mention
MAX_MENTIONS = 8  # mentions whose surroundings are read
NEIGHBOURS = 12  # the article's main entities besides this one
STEM = 6  # words compare by their first letters: "russischen" = "russisches"
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_BEFORE = re.compile(r"([^\W\d_][\w-]*)\W{0,2}$", re.UNICODE)
_AFTER = re.compile(r"^\W{0,2}([^\W\d_][\w-]*)", re.UNICODE)
# a word after an agency's initials under a picture or a report
FURNITURE = frozenset({"photo", "foto", "fotos", "photos", "bild", "bilder", "video",
                       "grafik", "file", "images", "pool", "dpa", "afp", "reuters"})
# English administrative nouns (the German ones are in the language rules)
EN_ADMIN = frozenset({"Region", "Oblast", "County", "State", "Province", "District",
                      "Prefecture", "Governorate", "Canton", "Department", "Territory"})


def _stop_words() -> frozenset[str]:
    from reader.core.lang import de, en

    return frozenset(de.STOP_WORDS | en.STOP_WORDS | {
        "sich", "nicht", "hatte", "habe", "sagte", "said", "that", "more", "with", "from",
        "have", "were", "will", "would", "their", "there", "which", "about", "einem",
        "einer", "eines", "werde", "wurden", "worden", "this", "these", "also", "after"})


STOP_WORDS = _stop_words()


def stems(texts: Iterable[str]) -> frozenset[str]:
    """The words (four letters or more, function words left out) of ``texts`` by their
    first letters, casefolded."""
    return frozenset(w.casefold()[:STEM] for t in texts for w in _WORD.findall(t)
                     if w.casefold() not in STOP_WORDS)


@dataclass(frozen=True)
class LookupContext:
    """What the article says around an entity: the only input to resolution besides the
    name (so equal contexts resolve a name alike wherever they were built)."""

    words: frozenset[str] = frozenset()  # stems of the words around the mentions
    neighbours: tuple[str, ...] = ()  # the article's other main entities
    label: str = ""  # PER, LOC, ORG, MISC, or "" when unknown
    admin: str = ""  # an administrative noun before a mention ("Region")
    furniture: bool = False  # the name stands before "Photo", "Foto" …

    @classmethod
    def of(cls, document: Document | None, entity: Entity) -> LookupContext:
        """The context of ``entity`` in ``document`` (just its type without one)."""
        if document is None:
            return cls(label=entity.label)
        text = document.text
        windows = []
        admin, furniture = "", False
        nouns = rules_for(document.language).admin_nouns | EN_ADMIN
        for m in entity.mentions[:MAX_MENTIONS]:
            windows.append(text[max(m.start - WINDOW, 0): m.end + WINDOW])
        for m in entity.mentions:
            before = _BEFORE.search(text[max(m.start - 40, 0): m.start])
            if not admin and before and before.group(1) in nouns and entity.label == "LOC":
                admin = before.group(1)
            after = _AFTER.search(text[m.end: m.end + 20])
            if after and after.group(1).casefold() in FURNITURE:
                furniture = True
        for v in entity.variants:  # "Region Kursk" kept as a variant of "Kursk"
            first = v.split(" ", 1)[0]
            if not admin and first in nouns and " " in v and entity.label == "LOC":
                admin = first
        own = stems([entity.name, *entity.variants])
        others = tuple(e.name for e in document.entities if e.id != entity.id)[:NEIGHBOURS]
        words = (stems(windows) | stems(others)) - own
        return cls(words, others, entity.label, admin, furniture)

    @classmethod
    def of_names(cls, names: Iterable[str], label: str = "") -> LookupContext:
        """A context of a few words or names only (``reader lookup --context``, tests)."""
        names = tuple(names)
        return cls(stems(names), names, label)

    def key(self, name: str) -> str:
        """The cache key of ``name`` in this context: the name's key, qualified by the
        hints that choose a different page ("kursk" vs "kursk|region")."""
        key = key_of(name)
        if self.admin:
            key += f"|{self.admin.casefold()}"
        if self.furniture:
            key += "|furniture"
        return key


NO_CONTEXT = LookupContext()
