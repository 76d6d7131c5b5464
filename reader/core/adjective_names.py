"""The ``reader_adjective_names`` pipeline component: German names made of adjective + noun.

German writes adjectives in lowercase except inside a name: "der kalte Winter" but "der
Kalte Krieg", "das Schwarze Meer", "die Vereinten Nationen", "der Dreißigjährige
Krieg".  A capitalised declined adjective before a capitalised noun, in the middle of a
sentence, is therefore a name, and this component adds it where the NER found none:

- the words before the noun are declined adjectives that are adjectives elsewhere
  (their stem is written in lowercase with adjective endings in the raw text the list is
  learned from, ``training.lexicon``, or ends in "-isch", "-lich", "-jährig"), so
  "Fischer" or "Aufsteiger" never count;
- the word before is a lowercase word, not an indefinite article or other determiner of
  common nouns: a sentence start, a heading, a word after a colon or quote never
  qualifies, and "eine Forensische Klinik" is a description;
- the head noun has a known gender (``reader.core.lang.de``: its base form can be
  given, "Kalten Krieges" -> "Kalter Krieg"), is not an office ("Regierender
  Bürgermeister") and no capitalised word or a "für"/"von" + name follows (longer names
  such as "Deutsches Institut für Normung" are left to the NER);
- its type is the one the gold data gives names with that head noun ("Staaten" LOC) or
  head final component ("-krieg" MISC, "-bank" ORG), else MISC.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.core.lang import de

FILE = "adjective_names.json"
# suffixes that make a word of six letters or more an adjective ("Dreißigjährig-")
SURE_SUFFIXES = ("isch", "lich", "jährig")
# small words after which a longer name goes on ("Institut für Normung")
NAME_LINKS = frozenset({"für", "von", "vom", "zu", "zur", "zum", "am", "an", "der", "des"})


def head_keys(noun: str) -> list[str]:
    """What types are kept by, most specific first: the head noun without its genitive,
    lowercase ("Krieges" -> "krieg"; "Staaten" -> "staaten"), and its final component
    ("Weltkrieges" -> "weltkrieg", "krieg")."""
    keys = [de.uninflected_noun(noun)[0].lower()]
    final = de.final_component(noun)
    if final is not None and final not in keys:
        keys.append(final)
    return keys


def _is_noun(word: str) -> bool:
    return (len(word) >= 2 and word[0].isupper() and any(c.islower() for c in word)
            and word.replace("-", "").isalpha())


class AdjectiveNames:
    """Adds names of the shape capitalised adjective(s) + noun (see the module
    docstring)."""

    def __init__(self) -> None:
        self.stems: set[str] = set()
        self.types: dict[str, str] = {}

    def add(self, stems: Iterable[str], types: dict[str, str] | None = None) -> None:
        """Add adjective stems (lowercase) and types by head-noun final component."""
        self.stems.update(stems)
        self.types.update(types or {})

    def is_adjective(self, word: str) -> bool:
        """True for a capitalised declined adjective ("Kalten", "Vereinigte")."""
        if word in de.NOT_ADJECTIVES:
            return False
        stem = de.adjective_stem(word)
        if stem is None:
            return False
        low = stem.lower()
        return (low in self.stems or low in de.ADJECTIVES
                or (len(low) >= 6 and low.endswith(SURE_SUFFIXES)))

    def match(self, words: list[str], i: int) -> int | None:
        """The end of an adjective name starting at word ``i``, or None."""
        before = words[i - 1] if i > 0 else ""
        if not (before.isalpha() and before.islower()) or before in de.COMMON_DETERMINERS:
            return None
        j = i
        while j < len(words) and self.is_adjective(words[j]):
            j += 1
        if j == i or j >= len(words):
            return None
        head = words[j]
        if not _is_noun(head) or de.is_role(head) or de.uninflected_noun(head)[1] is None:
            return None
        after = words[j + 1] if j + 1 < len(words) else ""
        if after[:1].isupper():
            return None
        if after in NAME_LINKS and j + 2 < len(words) and words[j + 2][:1].isupper():
            return None
        return j + 1

    def label_of(self, head: str) -> str:
        """The type of a name with this head noun: the gold data's, else MISC."""
        for key in head_keys(head):
            if key in self.types:
                return self.types[key]
        return "MISC"

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        taken = [False] * len(doc)
        for ent in doc.ents:
            taken[ent.start: ent.end] = [True] * (ent.end - ent.start)
        found: list[Span] = []
        i = 1
        while i < len(words):
            end = None if taken[i] else self.match(words, i)
            if end is None or any(taken[i:end]):
                i += 1
                continue
            found.append(Span(doc, i, end, label=self.label_of(words[end - 1])))
            i = end
        if found:
            doc.ents = sorted([*doc.ents, *found], key=lambda s: s.start)
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"stems": sorted(self.stems), "types": self.types}
        (path / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> AdjectiveNames:
        data = json.loads((Path(path) / FILE).read_text(encoding="utf-8"))
        self.add(data["stems"], data["types"])
        return self


@Language.factory("reader_adjective_names")
def make_adjective_names(nlp: Language, name: str) -> AdjectiveNames:
    """spaCy factory (``[components.adjective_names] factory = "reader_adjective_names"``)."""
    return AdjectiveNames()
