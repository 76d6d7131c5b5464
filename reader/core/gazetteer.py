"""The ``reader_gazetteer`` pipeline component: names learned from the training data.

A compact statistical NER forgets rare names it saw once or twice.  The bundled pipelines
therefore end with a gazetteer of names their training data labels reliably (built by
``training.gazetteer``).  It labels listed names among the words the NER left alone,
taking the longest listed name at each position, and never moves an entity the NER found.
When the NER found exactly a listed name but gave it another type, the listed type wins:
the model guesses the type of a rare name from its context and reads a place that acts
("Pjöngjang hat zugesagt") as a person, while its training data knows the name.  It is a
plain dictionary lookup: loading is a JSON read and the cost per token is a few hash
lookups.

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


class Gazetteer:
    """Adds entities for listed names (tuples of token texts) outside existing entities,
    and gives an existing entity that is exactly a listed name the listed label.

    It also knows the names whose German genitive ("Chinas", "Wladimir Putins") should be
    shown as the name itself (:meth:`base_of`).
    """

    def __init__(self, names: dict[tuple[str, ...], str] | None = None) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        self.bases: set[str] = set()
        self.max_words = 0
        self.add(names or {})

    def add(self, names: dict[tuple[str, ...], str]) -> None:
        self.names.update(names)
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
            listed = self.names.get(tuple(words[ent.start: ent.end]))
            if listed is not None and listed != ent.label_:
                ent = Span(doc, ent.start, ent.end, label=listed)
                changed = True
            found.append(ent)
        i = 0
        while i < len(words):
            if taken[i] or not words[i][:1].isupper():
                i += 1
                continue
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                label = self.names.get(tuple(words[i: i + n]))
                if label is not None and not any(taken[i: i + n]):
                    found.append(Span(doc, i, i + n, label=label))
                    changed = True
                    i += n
                    break
            else:
                i += 1
        if changed:
            doc.ents = sorted(found, key=lambda s: s.start)
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = sorted([" ".join(k), v] for k, v in self.names.items())
        (path / FILE).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        if self.bases:
            (path / BASES_FILE).write_text(json.dumps(sorted(self.bases), ensure_ascii=False),
                                           encoding="utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        path = Path(path)
        rows = json.loads((path / FILE).read_text(encoding="utf-8"))
        self.add({tuple(name.split(" ")): label for name, label in rows})
        if (path / BASES_FILE).is_file():
            self.add_bases(json.loads((path / BASES_FILE).read_text(encoding="utf-8")))
        return self


@Language.factory("reader_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """spaCy factory (``[components.gazetteer] factory = "reader_gazetteer"``)."""
    return Gazetteer()
