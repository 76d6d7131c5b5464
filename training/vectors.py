"""Static subword vectors (floret) trained here on the raw text of a language's corpora.

    python -m training.vectors de      (normally run by ``training.train``)

floret stores vectors for hashed character n-grams rather than for a word list, so a
table of a few thousand rows gives every word a vector, also names the corpora never
contained ("Pjöngjang" shares n-grams with other transliterations).  The raw text is
``training/corpus/<lang>/raw.jsonl`` from ``training.prepare``: every corpus of the
language with the held-out sentences left out.  One thread and a fixed seed keep the
vectors the same from run to run (fastText seeds its one thread the same way every time).
For German, ``laws_tokens`` adds that many tokens of the federal-laws archive
(``training.rawtext``): modern German beyond the corpora, for the n-grams of rare words.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from training.prepare import HERE
from training.rawtext import law_lines

DEFAULTS: dict[str, Any] = {"dim": 64, "bucket": 20000, "minn": 3, "maxn": 5,
                            "hash_count": 2, "epoch": 10, "min_count": 2, "laws_tokens": 0}


def build_vectors(lang: str, out: Path, options: dict[str, Any] | None = None,
                  raw: Path | None = None, data_dir: Path | None = None) -> Path:
    """Train floret vectors for ``lang`` on ``raw`` (default: the prepared raw text) and
    return a spaCy pipeline directory holding them (for ``[initialize] vectors``)."""
    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    opts = {**DEFAULTS, **(options or {})}
    target = out / f"vectors-{lang}"
    target.mkdir(parents=True, exist_ok=True)
    text = target / "raw.txt"
    with (raw or HERE / "corpus" / lang / "raw.jsonl").open(encoding="utf-8") as src, \
            text.open("w", encoding="utf-8") as dst:
        for line in src:
            dst.write(json.loads(line)["text"] + "\n")
        if data_dir is not None:
            for law in law_lines(data_dir, int(opts["laws_tokens"])):
                dst.write(law + "\n")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", dim=opts["dim"], bucket=opts["bucket"],
        minn=opts["minn"], maxn=opts["maxn"], hashCount=opts["hash_count"],
        epoch=opts["epoch"], minCount=opts["min_count"], thread=1, verbose=0)
    table = target / "vectors.floret"
    model.save_floret_vectors(str(table))
    nlp = spacy.blank(lang)
    convert_vectors(nlp, table, truncate=0, prune=-1, mode="floret")
    pipeline = target / "pipeline"
    nlp.to_disk(pipeline)
    text.unlink()
    return pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["de", "en"])
    ap.add_argument("--out", type=Path, default=HERE / "output")
    args = ap.parse_args()
    mixture = json.loads((HERE / "mixtures.json").read_text())[args.lang]
    print(build_vectors(args.lang, args.out, mixture.get("vectors")))


if __name__ == "__main__":
    main()
