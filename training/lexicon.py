"""Word lists the rule components learn from data, and adding them to a pipeline.

    python -m training.lexicon de MODEL_DIR OUT_DIR [--laws-tokens 8000000]
        [--min-count 3] [--min-unlabelled 0.95] [--no-nouns] [--no-names]

- **Common nouns** (``reader.core.nouns``): capitalised words that the gold corpora
  (GermEval, held-out sentences excluded) leave unlabelled in at least ``min_unlabelled``
  of at least ``min_count`` occurrences ("Gäste", "Bundesregierung"), and the
  compound heads among them no labelled name ends with ("-gäste": "Ehrengäste").
- **Adjective stems** (``reader.core.adjective_names``): stems written in lowercase
  with at least two of the five declension endings, one of them "-em", "-es" or "-er"
  (verbs have "-e" and "-en" only; "kalt": kalte, kalten, kalter), in the raw text of
  the corpora and the federal laws: a capitalised word is taken for an adjective inside
  a name only if it is one elsewhere ("Kalten" yes, "Fischer" or "Aufsteiger" no).
- **Ordinary words** (English, ``reader.core.nouns``): capitalised forms of words the
  corpora's raw text writes in lowercase at least ``min_lowercase`` times (a plural with
  its singular: "Stocks" with "stocks" and "stock"), which are inside a labelled name in
  mid-sentence at most ``max_named`` times as often: at the start of a sentence such a
  word is not a name on its own ("Stocks are higher than they were then").
- **Head types**: the type the gold corpora give names of the shape adjective + noun,
  by the head noun ("staaten" LOC) and by its final component ("-krieg" MISC, "-bank"
  ORG), kept
  where one type has at least 80 % of at least three names.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from reader.core.adjective_names import AdjectiveNames, head_keys
from reader.core.lang.de import ENDINGS
from reader.core.nouns import CommonNouns, is_plain_word
from training.prepare import HERE
from training.rawtext import law_lines
from training.usage import Usage

GOLD = ("germeval", "germeval-train")
MIN_HEAD = 4  # letters of a compound head
MIN_REST = 3  # letters in front of it


def gold_docs(lang: str, corpus: Path | None = None,
              sources: Collection[str] = GOLD) -> list[Doc]:
    """The usable training sentences of the gold corpora (``training.prepare``)."""
    nlp = spacy.blank(lang)
    path = (corpus or HERE / "corpus" / lang) / "labelled.spacy"
    return [d for d in DocBin().from_disk(path).get_docs(nlp.vocab)
            if d.user_data.get("corpus") in sources]


def word_counts(docs: Iterable[Doc]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per capitalised plain word not starting its sentence: how often it occurs and how
    often inside a labelled name; and every labelled one-word name's lowercase form."""
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    name_words: Counter[str] = Counter()
    for doc in docs:
        inside = {i for e in doc.ents for i in range(e.start, e.end)}
        for ent in doc.ents:
            name_words.update(t.text.lower() for t in ent)
        for tok in doc[1:]:
            if is_plain_word(tok.text):
                seen[tok.text] += 1
                named[tok.text] += tok.i in inside
    return seen, named, name_words


def common_nouns(docs: list[Doc], min_count: int = 3, min_unlabelled: float = 0.95
                 ) -> tuple[list[str], list[str]]:
    """Capitalised words the gold data leaves unlabelled in at least ``min_unlabelled``
    of at least ``min_count`` occurrences, and those of them (lowercase) that are safe
    compound heads: no word of a labelled name ends in them."""
    seen, named, name_words = word_counts(docs)
    nouns = sorted(w for w, n in seen.items()
                   if n >= min_count and n - named[w] >= min_unlabelled * n)
    endings: set[str] = set()
    for word in name_words:
        endings.update(word[-k:] for k in range(MIN_HEAD, len(word) - MIN_REST + 1))
    heads = sorted({w.lower() for w in nouns if len(w) >= MIN_HEAD} - endings)
    return nouns, heads


def ordinary_words(usage: Usage, min_lowercase: int = 5, max_named: float = 0.1
                   ) -> list[str]:
    """Capitalised forms of ordinary words (see the module docstring), from ``usage``."""
    found = set()
    for low in usage.lower:
        word = low.capitalize()
        if not is_plain_word(word):
            continue
        count = usage.lowercase(word)
        if count >= min_lowercase and usage.named[word] <= max_named * count:
            found.add(word)
    return sorted(found)


def adjective_stems(lines: Iterable[str], min_endings: int = 2) -> list[str]:
    """Lowercase stems seen in lowercase with at least ``min_endings`` of the declension
    endings, "-em", "-es" or "-er" among them (verbs have "-e" and "-en" only)."""
    endings: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        for word in line.split(" "):
            if not word.islower() or not word.isalpha():
                continue
            for ending in ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    endings[word[: -len(ending)]].add(ending)
    return sorted(stem for stem, found in endings.items()
                  if len(found) >= min_endings and found & {"em", "es", "er"})


def raw_lines(lang: str, data_dir: Path, laws_tokens: int,
              corpus: Path | None = None) -> Iterable[str]:
    """The raw text of the corpora (held-out sentences excluded) and of the laws."""
    with ((corpus or HERE / "corpus" / lang) / "raw.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]
    yield from law_lines(data_dir, laws_tokens)


def head_types(docs: list[Doc], stems: Collection[str], min_names: int = 3,
               min_share: float = 0.8) -> dict[str, str]:
    """The type gold names of the shape adjective(s) + noun have, by the head noun
    (uninflected, lowercase) and by its final component, where one type has at least
    ``min_share`` of ``min_names``."""
    by_head: dict[str, Counter[str]] = defaultdict(Counter)
    rule = AdjectiveNames()
    rule.add(stems)
    for doc in docs:
        for ent in doc.ents:
            words = [t.text for t in ent]
            if len(words) < 2 or not words[-1][:1].isupper():
                continue
            if all(rule.is_adjective(w) for w in words[:-1]):
                for key in head_keys(words[-1]):
                    by_head[key][ent.label_] += 1
    types = {}
    for final, labels in by_head.items():
        label, top = labels.most_common(1)[0]
        total = sum(labels.values())
        if total >= min_names and top >= min_share * total:
            types[final] = label
    return dict(sorted(types.items()))


def add_to(model: Path, out: Path, nouns: tuple[list[str], list[str]] | None,
           names: tuple[list[str], dict[str, str]] | None) -> Path:
    """Copy the pipeline at ``model`` to ``out`` with the rule components after its last
    component (the NER, or the gazetteer after it); the NER's weights are not touched."""
    nlp = spacy.load(model)
    for name in ("adjective_names", "common_nouns"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if names is not None:
        adj = nlp.add_pipe("reader_adjective_names", name="adjective_names")
        assert isinstance(adj, AdjectiveNames)
        adj.add(*names)
    if nouns is not None:
        common = nlp.add_pipe("reader_common_nouns", name="common_nouns")
        assert isinstance(common, CommonNouns)
        common.add(*nouns)
    nlp.to_disk(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["de"])
    ap.add_argument("model", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    ap.add_argument("--laws-tokens", type=int, default=8_000_000)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-unlabelled", type=float, default=0.95)
    ap.add_argument("--no-nouns", action="store_true", help="leave the common nouns out")
    ap.add_argument("--no-names", action="store_true", help="leave the adjective names out")
    args = ap.parse_args()
    docs = gold_docs(args.lang)
    nouns = None if args.no_nouns else common_nouns(docs, args.min_count, args.min_unlabelled)
    names = None
    if not args.no_names:
        stems = adjective_stems(raw_lines(args.lang, args.data, args.laws_tokens))
        names = (stems, head_types(docs, set(stems)))
    out = add_to(args.model, args.out, nouns, names)
    print(f"{len(nouns[0]) if nouns else 0} common nouns, {len(nouns[1]) if nouns else 0} "
          f"heads, {len(names[0]) if names else 0} adjective stems, "
          f"{len(names[1]) if names else 0} head types -> {out}")


if __name__ == "__main__":
    main()
