"""Build spaCy training data (``.spacy`` DocBins) for one language from the shared corpora.

    python -m training.prepare de [--data ../shared/data/ner] [--out training/corpus]

Each held-out corpus of the language (``mixtures.json``, ``heldout``: one name or a list)
is split by a hash of each sentence (of each document, for Re-DocRED) into test (20 %),
dev (10 %) and train (70 %), so the split is stable across runs and machines; each
corpus's test part is written on its own (``test-<corpus>.spacy``) so ``training.evaluate``
reports it separately.  Training sentences that also occur in dev or test, in any corpus,
are dropped (de-duplication); duplicates within training are dropped too.  Besides
``train.spacy`` (corpora capped and upsampled as the mixture says), ``labelled.spacy``
holds every usable training sentence once, for the gazetteer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

from training.corpora import CORPORA, MISSING, Sentence, as_misc, misc_words, read_corpus

HERE = Path(__file__).parent
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't"}


def bucket(tokens: list[str]) -> int:
    """Stable 0..9 bucket of a sentence: 0-1 test, 2 dev, else train."""
    digest = hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 10


def to_doc(vocab: spacy.vocab.Vocab, sent: Sentence) -> Doc:
    tokens, tags = sent
    spaces = [nxt not in NO_SPACE_BEFORE for nxt in tokens[1:]] + [False]
    # "-" (training.corpora.MISSING): the corpus does not say; spaCy's missing value is None
    ents: list[str | None] = [None if t == MISSING else t for t in tags]
    return Doc(vocab, words=tokens, spaces=spaces, ents=ents)  # type: ignore[arg-type]


def heldout_names(mixture: dict[str, Any]) -> list[str]:
    """The held-out corpora of a mixture (``heldout`` is one name or a list)."""
    held = mixture["heldout"]
    return [held] if isinstance(held, str) else list(held)



def prepare(lang: str, data_dir: Path, out_dir: Path, seed: int = 0,
            mixture: dict[str, Any] | None = None) -> dict[str, Counter[str]]:
    mixture = mixture or json.loads((HERE / "mixtures.json").read_text())[lang]
    nlp = spacy.blank(lang)
    splits: dict[str, list[Sentence]] = {"train": [], "dev": []}
    tests: dict[str, list[Sentence]] = {}
    held: set[tuple[str, ...]] = set()
    held_train: dict[str, list[Sentence]] = {}
    for name in heldout_names(mixture):
        tests[name], held_train[name] = [], []
        for sent in read_corpus(CORPORA[name], data_dir):
            b = bucket(sent[0])
            if b < 2:
                tests[name].append(sent)
                held.add(tuple(sent[0]))
            elif b == 2:
                splits["dev"].append(sent)
                held.add(tuple(sent[0]))
            else:
                held_train[name].append(sent)
    rng = random.Random(seed)
    seen: set[tuple[str, ...]] = set(held)
    stats: dict[str, Counter[str]] = {}
    # every usable training sentence once, before caps, with the corpus it comes from
    labelled: list[tuple[list[str], list[str], str]] = []
    for name, opts in mixture["train"].items():
        sents = (held_train[name] if name in held_train
                 else list(read_corpus(CORPORA[name], data_dir)))
        if opts.get("only_with_entities"):
            sents = [s for s in sents if any(t.startswith("B-") for t in s[1])]
        if CORPORA[name].misc_from:  # training labels only; the held-out split is as given
            words = misc_words(read_corpus(CORPORA[CORPORA[name].misc_from], data_dir))
            sents = [(tokens, as_misc(tokens, tags, words)) for tokens, tags in sents]
        unique = []
        for s in sents:
            key = tuple(s[0])
            if key not in seen:
                seen.add(key)
                unique.append(s)
        rng.shuffle(unique)
        labelled.extend((tokens, tags, name) for tokens, tags in unique)
        if "max" in opts:
            unique = unique[: opts["max"]]
        counter: Counter[str] = Counter(sentences=len(unique))
        for _, tags in unique:
            counter.update(t[2:] for t in tags if t.startswith("B-"))
        stats[name] = counter
        splits["train"].extend(unique * int(opts.get("repeat", 1)))
    rng.shuffle(splits["train"])
    out = out_dir / lang
    out.mkdir(parents=True, exist_ok=True)
    _write_raw(lang, data_dir, held, out / "raw.jsonl")
    for old in out.glob("test*.spacy"):
        old.unlink()
    named_tests = [(f"test-{name}", sents) for name, sents in tests.items()]
    for split, sents in [*splits.items(), *named_tests]:
        DocBin(docs=(to_doc(nlp.vocab, s) for s in sents)).to_disk(out / f"{split}.spacy")
        stats[f"split:{split}"] = Counter(sentences=len(sents))
    docs = []
    for tokens, tags, name in labelled:
        doc = to_doc(nlp.vocab, (tokens, tags))
        doc.user_data["corpus"] = name
        docs.append(doc)
    DocBin(docs=docs, store_user_data=True).to_disk(out / "labelled.spacy")
    stats["split:labelled"] = Counter(sentences=len(labelled))
    (out / "stats.json").write_text(json.dumps(stats, indent=1))
    return stats


def _write_raw(lang: str, data_dir: Path, held: set[tuple[str, ...]], path: Path) -> None:
    """Raw text of every corpus of the language, held-out sentences excluded, for
    ``spacy pretrain``."""
    seen: set[tuple[str, ...]] = set(held)
    with path.open("w", encoding="utf-8") as fh:
        for corpus in CORPORA.values():
            if corpus.lang != lang:
                continue
            for tokens, _ in read_corpus(corpus, data_dir):
                key = tuple(tokens)
                if key in seen or len(tokens) < 3:
                    continue
                seen.add(key)
                fh.write(json.dumps({"text": " ".join(tokens)}, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["de", "en"])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    args = ap.parse_args()
    for name, counter in prepare(args.lang, args.data, args.out).items():
        print(f"{name:12} {dict(counter)}")


if __name__ == "__main__":
    main()
