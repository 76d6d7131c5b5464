"""The ``reader_gazetteer`` pipeline component: names learned from the training data.

A compact statistical NER forgets rare names it saw once or twice.  The bundled pipelines
therefore end with a gazetteer of names their training data labels reliably (built by
``training.gazetteer``).  It labels listed names among the words the NER left alone,
taking the longest listed name at each position, and never moves an entity the NER found.
When the NER found exactly a listed name but gave it another type, the listed type wins:
the model guesses the type of a rare name from its context and reads a place that acts
("Pjöngjang hat zugesagt") as a person, while its training data knows the name.  Names
that come from general knowledge rather than the training data (listed companies,
``training.companies``) are added only where they stand alone, not as part of a longer
name ("Boeing 747", "Luis Roche"), and those a person could also have ("Ralph Lauren")
only fill gaps: they never retype what the NER found.  An entity
the NER made of two listed names joined by "and" ("Commerzbank and Deutsche Bank") is
split into the two.  It is a plain dictionary lookup: loading is a JSON read and the cost
per token is a few hash lookups.

The factory is registered under spaCy's ``spacy_factories`` entry point, so
``spacy.load`` finds it wherever reader is installed; importing this module also
registers the German rule components that follow it in the bundled pipeline
(``reader.core.adjective_names``, ``reader.core.nouns``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.core import adjective_names, nouns  # noqa: F401  (registers their factories)

FILE = "names.json"
BASES_FILE = "genitive_bases.json"
# third column of a names.json row: a name from general knowledge, added only where it
# stands alone, which also retypes ("known") or only fills gaps ("fill")
KNOWN, FILL = "known", "fill"
# words that join two names in one span the NER should have read as two
CONJUNCTIONS = frozenset({"and", "or", "und", "oder", "sowie", "&", ","})
SENTENCE_ENDS = frozenset({".", "!", "?", ":", '"', "“", "”", "„", "(", "-", "–", "—"})


class Gazetteer:
    """Adds entities for listed names (tuples of token texts) outside existing entities,
    and gives an existing entity that is exactly a listed name the listed label.

    It also knows the names whose German genitive ("Chinas", "Wladimir Putins") should be
    shown as the name itself (:meth:`base_of`).
    """

    def __init__(self, names: dict[tuple[str, ...], str] | None = None,
                 capitalises_nouns: bool = False) -> None:
        self.capitalises_nouns = capitalises_nouns  # German: a capital says less
        self.names: dict[tuple[str, ...], str] = {}
        self.known: set[tuple[str, ...]] = set()
        self.fill_only: set[tuple[str, ...]] = set()
        self.bases: set[str] = set()
        self.max_words = 0
        self.add(names or {})

    def add(self, names: dict[tuple[str, ...], str], retype: bool = True,
            known: bool = False) -> None:
        """List ``names``: ``known`` ones (general knowledge) are added only where they
        stand alone; with ``retype=False`` they only fill gaps the NER left.  A name
        listed again takes the new settings."""
        self.names.update(names)
        for group, member in ((self.known, known or not retype),
                              (self.fill_only, not retype)):
            if member:
                group.update(names)
            else:
                group.difference_update(names)
        self.max_words = max((len(k) for k in self.names), default=0)

    def add_bases(self, bases: Iterable[str]) -> None:
        self.bases.update(bases)

    def base_of(self, name: str) -> str:
        """The listed name ``name`` is a genitive of ("Chinas" -> "China"), else ""."""
        if name.endswith("s") and name[:-1] in self.bases:
            return name[:-1]
        return ""

    def __call__(self, doc: Doc) -> Doc:
        if not self.names:
            return doc
        taken = [False] * len(doc)
        words = [t.text for t in doc]
        found: list[Span] = []
        changed = False
        for ent in doc.ents:
            taken[ent.start: ent.end] = [True] * (ent.end - ent.start)
            key = tuple(words[ent.start: ent.end])
            listed = self.names.get(key)
            if listed is None:
                parts = self._listed_pair(doc, ent.start, ent.end)
                found.extend(parts or [ent])
                changed = changed or bool(parts)
                continue
            if listed != ent.label_ and key not in self.fill_only:
                ent = Span(doc, ent.start, ent.end, label=listed)
                changed = True
            found.append(ent)
        i = 0
        while i < len(words):
            if taken[i] or not words[i][:1].isupper():
                i += 1
                continue
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                key = tuple(words[i: i + n])
                label = self.names.get(key)
                if (label is not None and not any(taken[i: i + n])
                        and (key not in self.known or self._standalone(words, i, i + n))):
                    found.append(Span(doc, i, i + n, label=label))
                    changed = True
                    i += n
                    break
            else:
                i += 1
        if changed:
            doc.ents = sorted(found, key=lambda s: s.start)
        return doc

    def _standalone(self, words: list[str], start: int, end: int) -> bool:
        """Not part of a longer name: no capitalised word or number follows ("Boeing 747",
        "Albemarle County") and, in a language that capitalises only names, no capitalised
        word inside the sentence comes before ("Luis Roche")."""
        after = words[end] if end < len(words) else ""
        if after[:1].isupper() or after[:1].isdigit():
            return False
        if self.capitalises_nouns or start == 0 or not words[start - 1][:1].isupper():
            return True
        # the capitalised word before may only be the first of its sentence
        return start == 1 or words[start - 2] in SENTENCE_ENDS or words[start - 2].isspace()

    def _listed_pair(self, doc: Doc, start: int, end: int) -> list[Span]:
        """The two listed names an entity is made of, joined by a conjunction, if so."""
        for k in range(start + 1, end - 1):
            if doc[k].text not in CONJUNCTIONS:
                continue
            left = self.names.get(tuple(t.text for t in doc[start:k]))
            right = self.names.get(tuple(t.text for t in doc[k + 1: end]))
            if left is not None and right is not None:
                return [Span(doc, start, k, label=left), Span(doc, k + 1, end, label=right)]
        return []

    def _kind(self, key: tuple[str, ...]) -> list[str]:
        if key in self.fill_only:
            return [FILL]
        return [KNOWN] if key in self.known else []

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = sorted([" ".join(k), v, *self._kind(k)] for k, v in self.names.items())
        (path / FILE).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        if self.bases:
            (path / BASES_FILE).write_text(json.dumps(sorted(self.bases), ensure_ascii=False),
                                           encoding="utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        path = Path(path)
        rows = json.loads((path / FILE).read_text(encoding="utf-8"))
        for kind in ((), (KNOWN,), (FILL,)):
            self.add({tuple(row[0].split(" ")): row[1] for row in rows if row[2:] == list(kind)},
                     retype=FILL not in kind, known=bool(kind))
        if (path / BASES_FILE).is_file():
            self.add_bases(json.loads((path / BASES_FILE).read_text(encoding="utf-8")))
        return self


@Language.factory("reader_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """spaCy factory (``[components.gazetteer] factory = "reader_gazetteer"``)."""
    return Gazetteer(capitalises_nouns=nlp.lang == "de")
