"""A gazetteer learned from the training data, added after the statistical NER.

    python -m training.gazetteer de MODEL_DIR OUT_DIR [--min-count 1] [--min-ratio 0.8]
        [--min-share 0.8] [--sources germeval germeval-train]

A small tok2vec model forgets rare names it saw once ("Pjöngjang" is labelled once in
PAN-X).  Every name labelled in the training corpora goes into the gazetteer when it is a
reliable name (all their usable sentences count, also those a cap in ``mixtures.json``
keeps out of the NER's training, so a name is not known or forgotten by the luck of the
sample): in the raw text of all corpora (held-out sentences excluded) the
same words are labelled as an entity in at least ``min_ratio`` of their occurrences, with
one label in at least 80 % of those.  That keeps out words that are names only sometimes
("Essen", "Bild").  Where ``mixtures.json`` asks for them, the names of listed companies
(``training.companies``) join it, added only where they stand alone, and only filling
gaps when a person could have the name.  The gazetteer runs
after the NER: it labels listed names among the words the model left alone, and gives an
entity the model found that is exactly a listed name the listed type
(``reader.core.gazetteer``).  For German it also lists the names whose genitive should be
shown as the name (:func:`genitive_bases`).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Collection
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from reader.core.gazetteer import Gazetteer  # registers the component
from reader.core.lang import rules_for
from training.prepare import HERE

MAX_WORDS = 4


JUNK = re.compile(r"[@#_/\\|<>=]|https?:|www\.|\.(?:com|org|net|de)\b", re.IGNORECASE)


def _is_name(words: tuple[str, ...], lang: str = "de") -> bool:
    """A name rather than a handle, a URL or a sentence fragment: starts and ends with a
    capital, every word inside is capitalised or a small word names are built with ("of",
    "von"), and it has at least two letters."""
    small = rules_for(lang).function_words
    text = " ".join(words)
    return (words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w[:1].isupper() or w in small or not w.isalpha() for w in words)
            and not JUNK.search(text)
            and sum(c.isalpha() for c in text) >= 2)


def _labelled(lang: str, corpus: Path, sources: Collection[str] | None = None
              ) -> dict[tuple[str, ...], Counter[str]]:
    """How often the training corpora (those in ``sources``, default all) label each name
    (as token tuples), per label."""
    nlp = spacy.blank(lang)
    labelled: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for doc in DocBin().from_disk(corpus / "labelled.spacy").get_docs(nlp.vocab):
        if sources is not None and doc.user_data.get("corpus") not in sources:
            continue
        for ent in doc.ents:
            words = tuple(t.text for t in ent)
            if len(words) <= MAX_WORDS and _is_name(words, lang):
                labelled[words][ent.label_] += 1
    return labelled


def genitive_bases(lang: str, min_count: int = 3, corpus: Path | None = None) -> list[str]:
    """Names whose form with a final "s" reads as their German genitive ("Chinas"): names
    labelled at least ``min_count`` times, at least twice as often as that form (which
    keeps out pairs of names such as "Han" / "Hans"), and not ending in "s" themselves."""
    counts = Counter({" ".join(k): sum(v.values())
                      for k, v in _labelled(lang, corpus or HERE / "corpus" / lang).items()})
    return sorted(name for name, n in counts.items()
                  if n >= min_count and not name.endswith("s") and n >= 2 * counts[name + "s"])


def learn(lang: str, min_count: int = 1, min_ratio: float = 0.8,
          corpus: Path | None = None, sources: Collection[str] | None = None,
          min_share: float = 0.8) -> dict[tuple[str, ...], str]:
    """Reliable names (as token tuples) and their labels, from ``training/corpus/<lang>``
    (built by ``training.prepare``): labelled in ``sources`` (default: every corpus) at
    least ``min_count`` times, in at least ``min_ratio`` of their occurrences in the raw
    text, with one label in at least ``min_share`` of them."""
    corpus = corpus or HERE / "corpus" / lang
    labelled = _labelled(lang, corpus, sources)
    total: Counter[tuple[str, ...]] = Counter()
    with (corpus / "raw.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            tokens = json.loads(line)["text"].split(" ")
            for n in range(1, MAX_WORDS + 1):
                for i in range(len(tokens) - n + 1):
                    gram = tuple(tokens[i: i + n])
                    if gram in labelled:
                        total[gram] += 1
    names: dict[tuple[str, ...], str] = {}
    for words, labels in sorted(labelled.items()):
        count = sum(labels.values())
        label, top = labels.most_common(1)[0]
        if (count >= min_count and count >= min_ratio * max(total[words], count)
                and top >= min_share * count):
            names[words] = label
    return names


def add_to(model: Path, out: Path, names: dict[tuple[str, ...], str],
           bases: list[str] | None = None,
           known: dict[tuple[str, ...], str] | None = None,
           fill_only: dict[tuple[str, ...], str] | None = None) -> Path:
    """Copy the pipeline at ``model`` to ``out`` with the gazetteer after its NER (in
    place of the one it has): ``names`` learned from the training data; ``known`` names
    from general knowledge (listed companies), added only where they stand alone;
    ``fill_only`` such names that also only fill gaps the NER left.  A learned name wins
    over the others."""
    nlp = spacy.load(model)
    if "gazetteer" in nlp.pipe_names:
        nlp.remove_pipe("gazetteer")
    component = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(component, Gazetteer)
    component.add(known or {}, known=True)
    component.add(fill_only or {}, retype=False)
    component.add(names)
    component.add_bases(bases or [])
    nlp.to_disk(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["de", "en"])
    ap.add_argument("model", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--min-ratio", type=float, default=0.8)
    ap.add_argument("--min-share", type=float, default=0.8)
    ap.add_argument("--sources", nargs="*", help="learn from these corpora only")
    args = ap.parse_args()
    names = learn(args.lang, args.min_count, args.min_ratio, sources=args.sources,
                  min_share=args.min_share)
    bases = genitive_bases(args.lang) if args.lang == "de" else []
    print(f"{len(names)} names -> {add_to(args.model, args.out, names, bases)}")


if __name__ == "__main__":
    main()
