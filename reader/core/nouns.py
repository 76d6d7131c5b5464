"""The ``reader_common_nouns`` pipeline component: capitalised common nouns are not names.

German capitalises every noun, so a statistical NER takes some common nouns for names:
"die Allianz zwischen den beiden Ländern" (an alliance) as an organisation, "Ehrengäste"
as people.  This component, after the NER and the gazetteer, removes an entity of one
word when

- the gold training data leaves the word unlabelled nearly always (a common noun:
  "Gäste", "Bundesregierung"), or it is a compound whose head is such a noun and ends
  no labelled name ("Ehren|gäste"; "-land" or "-mann" end names, so they never count);
- or the context makes it a common noun: an indefinite article, a demonstrative, a
  possessive or a quantifier before it ("eine Allianz", "seine Gäste"), or a relation
  after it ("die Allianz zwischen ...");

unless the context names an organisation: a legal form after it ("Allianz SE") or an
organisation noun before it ("der Versicherer Allianz").  The word lists are learned by
``training.lexicon``; the context words are German grammar (``reader.core.lang.de``).

English capitalises only names and the first word of a sentence, so there a one-word
entity is removed only where it starts a sentence and is an ordinary word the corpora
write in lowercase ("Stocks are higher than they were then"), unless a verb of saying
follows: a speaker ("May said", ``reader.core.lang.en``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from reader.core.lang import de, en

FILE = "common_nouns.json"
MIN_HEAD = 4  # letters of a compound head
MIN_REST = 3  # letters in front of it
# tokens after which a capitalised word starts a sentence (or a quotation, a clause)
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "(",
                              "—", "–", "-", "``", "''"})


def starts_sentence(doc: Doc, i: int) -> bool:
    """True when token ``i`` is the first word of a sentence, a quotation or a line."""
    if i == 0:
        return True
    before = doc[i - 1]
    return before.is_space or before.text in SENTENCE_OPENERS


def is_plain_word(word: str) -> bool:
    """A capitalised word of letters only, the rest lowercase ("Allianz", not "SEZ")."""
    return len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()


class CommonNouns:
    """Removes one-word entities that are common nouns (see the module docstring)."""

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        self.nouns: set[str] = set()
        self.heads: set[str] = set()

    def add(self, nouns: Iterable[str], heads: Iterable[str] = ()) -> None:
        """Add common nouns (as written) and safe compound heads (lowercase)."""
        self.nouns.update(nouns)
        self.heads.update(heads)

    def is_common(self, word: str) -> bool:
        """True for a listed common noun or a compound with a listed safe head."""
        if word in self.nouns:
            return True
        low = word.lower()
        return any(low[k:] in self.heads for k in range(MIN_REST, len(low) - MIN_HEAD + 1))

    def is_common_here(self, doc: Doc, i: int) -> bool:
        """True when token ``i``, a one-word entity, is a common noun in its context."""
        word = doc[i].text
        if not is_plain_word(word):
            return False
        if self.lang != "de":
            after = doc[i + 1].text if i + 1 < len(doc) else ""
            return (word in self.nouns and starts_sentence(doc, i)
                    and after not in en.SPEECH_VERBS)
        if self._names_organisation(doc, i):
            return False
        if self.is_common(word):
            return True
        before = doc[i - 1].text.lower() if i > 0 else ""
        after = doc[i + 1].text.lower() if i + 1 < len(doc) else ""
        return before in de.COMMON_DETERMINERS or after in de.RELATION_PREPOSITIONS

    def _names_organisation(self, doc: Doc, i: int) -> bool:
        after = doc[i + 1].text if i + 1 < len(doc) else ""
        before = doc[i - 1].text if i > 0 else ""
        return after in de.RULES.legal_forms or before in de.ORGANISATION_NOUNS

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        kept = [e for e in ents if len(e) > 1 or not self.is_common_here(doc, e.start)]
        if len(kept) != len(ents):
            doc.ents = kept
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"lang": self.lang, "nouns": sorted(self.nouns), "heads": sorted(self.heads)}
        (path / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> CommonNouns:
        data = json.loads((Path(path) / FILE).read_text(encoding="utf-8"))
        self.lang = data["lang"]
        self.add(data["nouns"], data["heads"])
        return self


@Language.factory("reader_common_nouns")
def make_common_nouns(nlp: Language, name: str) -> CommonNouns:
    """spaCy factory (``[components.common_nouns] factory = "reader_common_nouns"``)."""
    return CommonNouns(nlp.lang or "de")
