"""How the training corpora use words and names, for the lists the pipelines' rule
components and gazetteer learn (``training.companies``, ``training.lexicon``).

Counts over ``training/corpus/<lang>`` (built by ``training.prepare``, held-out sentences
excluded): words written in lowercase in the raw text, capitalised words in mid-sentence
and how often they are inside a labelled name, and the labels each name and each word
inside names gets.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ORG = "ORG"


class Usage:
    """How the training corpora use words and names: lowercase counts in the raw text,
    capitalised mid-sentence words and how often they are labelled, labels per name."""

    def __init__(self, lang: str, corpus: Path) -> None:
        self.lower: Counter[str] = Counter()
        self.seen: Counter[str] = Counter()
        self.named: Counter[str] = Counter()
        self.labels: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self.inside: dict[str, Counter[str]] = defaultdict(Counter)
        # first and last words of people's names of two or more words
        self.first_names: Counter[str] = Counter()
        self.surnames: Counter[str] = Counter()
        with (corpus / "raw.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                self.lower.update(w for w in json.loads(line)["text"].split(" ")
                                  if w.islower())
        nlp = spacy.blank(lang)
        for doc in DocBin().from_disk(corpus / "labelled.spacy").get_docs(nlp.vocab):
            inside = {i for e in doc.ents for i in range(e.start, e.end)}
            for ent in doc.ents:
                self.labels[tuple(t.text for t in ent)][ent.label_] += 1
                for tok in ent:
                    self.inside[tok.text][ent.label_] += 1
                if ent.label_ == "PER" and len(ent) > 1:
                    self.first_names[ent[0].text] += 1
                    self.surnames[ent[-1].text] += 1
            for tok in doc[1:]:
                if tok.text[:1].isupper():
                    self.seen[tok.text] += 1
                    self.named[tok.text] += tok.i in inside

    def ordinary(self, word: str) -> bool:
        """An ordinary word of the language rather than a name (see the module doc)."""
        if self.lower[word.lower()] >= 2:
            return True
        if self.named[word] < self.seen[word] and not self.labels.get((word,)):
            return True
        return self.seen[word] >= 2 and 2 * self.named[word] < self.seen[word]

    def other_type(self, words: tuple[str, ...]) -> bool:
        """The corpora label ``words`` more often with another type than ORG, or use the
        one word more often inside names of another type."""
        labels = self.labels.get(words)
        if labels and 2 * labels[ORG] < sum(labels.values()):
            return True
        if len(words) > 1 or words[0] not in self.inside:
            return False
        inside = self.inside[words[0]]
        return 2 * inside[ORG] < sum(inside.values())

    def person_like(self, words: tuple[str, ...]) -> bool:
        """A name a person could have: it starts with a first name of the corpora's people
        ("Ralph Lauren", "Morgan Stanley"), or, one word, is one of their surnames
        ("Tesla", "Porsche")."""
        if len(words) == 1:
            return self.surnames[words[0]] > 0
        return self.first_names[words[0]] >= 2

    def lowercase(self, word: str) -> int:
        """How often the word is written in lowercase, with its singular if it looks like
        an English plural ("Stocks": "stocks" and "stock")."""
        low = word.lower()
        count = self.lower[low]
        if low.endswith("s") and not low.endswith("ss"):
            count += self.lower[low[:-1]]
        return count
