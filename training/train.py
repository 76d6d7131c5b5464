"""Train a bundled NER pipeline end to end and install it as package data.

    python -m training.train de [--data ../shared/data/ner] [--no-pretrain]

1. ``training.prepare``: corpora → train/dev/test DocBins and raw text;
2. where ``mixtures.json`` asks for them: floret subword vectors trained on that raw text
   (``training.vectors``) and/or ``spacy pretrain`` of the tok2vec on it;
3. ``spacy train`` with ``configs/ner.cfg`` and the language's overrides, then, where
   asked for, a gazetteer of reliable training-set names after the NER
   (``training.gazetteer``), and the rule components of ``training.lexicon`` (German);
4. evaluation on the held-out test split, and the best model copied to
   ``reader/models/<lang>`` with its model card (unless ``--check``).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import spacy

from training import companies, gazetteer, lexicon
from training.card import write_card
from training.evaluate import MODELS, evaluate, format_table
from training.prepare import HERE, prepare
from training.usage import Usage
from training.vectors import build_vectors

CONFIG = HERE / "configs" / "ner.cfg"


def tok2vec_overrides(mixture: dict[str, Any], vectors: Path | None) -> dict[str, object]:
    """The settings that shape the tok2vec, which pretraining and training must share."""
    shape: dict[str, object] = {k: v for k, v in mixture.get("overrides", {}).items()
                                if k.startswith("components.tok2vec.")}
    if vectors is not None:
        shape["paths.vectors"] = str(vectors)
        shape["components.tok2vec.model.embed.include_static_vectors"] = True
    return shape


def run_pretrain(lang: str, out: Path, epochs: int, shape: dict[str, object]) -> Path:
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    target = out / f"pretrain-{lang}"
    last = target / f"model{epochs - 1}.bin"
    stamp = target / "shape.json"
    # weights pretrained for another tok2vec shape would not fit, so they are reused
    # only when the shape is the same
    if last.exists() and stamp.exists() and json.loads(stamp.read_text()) == shape:
        return last
    config = load_config(CONFIG, overrides={
        **shape,
        "nlp.lang": lang,
        "paths.raw_text": str(HERE / "corpus" / lang / "raw.jsonl"),
        "pretraining.max_epochs": epochs,
    }, interpolate=True)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    pretrain(config, target, silent=False)
    stamp.write_text(json.dumps(shape))
    return last


def run_train(lang: str, out: Path, init_tok2vec: Path | None,
              shape: dict[str, object], extra: dict[str, object]) -> Path:
    from spacy.cli.train import train

    corpus = HERE / "corpus" / lang
    overrides: dict[str, object] = {
        **extra,
        **shape,
        "nlp.lang": lang,
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
    }
    if init_tok2vec is not None:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    target = out / lang
    train(CONFIG, target, overrides=overrides)
    return target / "model-best"


def add_gazetteer(lang: str, model: Path, out: Path, options: dict[str, Any]) -> Path:
    """``model`` copied to ``out`` with the gazetteer ``options`` (``mixtures.json``) ask
    for: names learned from the corpora, their genitives, listed companies."""
    options = dict(options)
    bases = gazetteer.genitive_bases(lang) if options.pop("genitives", False) else []
    listed: dict[tuple[str, ...], str] = {}
    fill_only: dict[tuple[str, ...], str] = {}
    if options.pop("companies", False):
        tokenizer = spacy.load(model).tokenizer
        listed, fill_only = companies.listed_companies(
            lang, HERE / "corpus" / lang, lambda name: [t.text for t in tokenizer(name)])
    names = gazetteer.learn(lang, **options)
    return gazetteer.add_to(model, out, names, bases, known=listed, fill_only=fill_only)


def add_rules(lang: str, model: Path, out: Path, options: dict[str, Any],
              data_dir: Path) -> Path:
    """``model`` copied to ``out`` with the rule components ``options`` (``mixtures.json``)
    ask for: German common nouns and adjective names, English ordinary words."""
    if "ordinary" in options:
        usage = Usage(lang, HERE / "corpus" / lang)
        return lexicon.add_to(model, out, (lexicon.ordinary_words(usage, **options["ordinary"]),
                                           []), None)
    docs = lexicon.gold_docs(lang)
    stems = lexicon.adjective_stems(lexicon.raw_lines(lang, data_dir, options["laws_tokens"]))
    return lexicon.add_to(
        model, out, lexicon.common_nouns(docs, options["min_count"], options["min_unlabelled"]),
        (stems, lexicon.head_types(docs, set(stems))))


def install(lang: str, model: Path, data_dir: Path) -> list[dict[str, Any]]:
    dest = MODELS / lang
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(model, dest)
    # the string store only caches texts seen in training (features are hashes): ~3 MB
    (dest / "vocab" / "strings.json").write_text(json.dumps(["PER", "LOC", "ORG", "MISC"]))
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update({"name": f"reader_{lang}_ner", "version": "1.0.0",
                 "description": f"reader's bundled {lang} NER pipeline (PER/LOC/ORG/MISC)",
                 "license": "CC BY-SA 4.0 (see MODEL_CARD.md)", "author": "reader"})
    meta_path.write_text(json.dumps(meta, indent=2))
    result = evaluate(lang, dest, data_dir)
    write_card(lang, dest, result)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["de", "en"])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    ap.add_argument("--out", type=Path, default=HERE / "output")
    ap.add_argument("--pretrain-epochs", type=int, default=6)
    ap.add_argument("--check", action="store_true",
                    help="train and evaluate, but leave the bundled pipeline as it is")
    ap.add_argument("--no-pretrain", action="store_true",
                    help="skip pretraining even where mixtures.json asks for it")
    args = ap.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"train: training data not found: {args.data} (pass --data DIR)")
    prepare(args.lang, args.data, HERE / "corpus")
    mixture = json.loads((HERE / "mixtures.json").read_text())[args.lang]
    pretrain = mixture.get("pretrain", False) and not args.no_pretrain
    vectors = (build_vectors(args.lang, args.out, mixture["vectors"], data_dir=args.data)
               if "vectors" in mixture else None)
    shape = tok2vec_overrides(mixture, vectors)
    init = run_pretrain(args.lang, args.out, args.pretrain_epochs, shape) if pretrain else None
    best = run_train(args.lang, args.out, init, shape, mixture.get("overrides", {}))
    if "gazetteer" in mixture:
        best = add_gazetteer(args.lang, best, args.out / f"{args.lang}-gazetteer",
                             mixture["gazetteer"])
    if "lexicon" in mixture:  # the rule components after the NER (training.lexicon)
        best = add_rules(args.lang, best, args.out / f"{args.lang}-rules",
                         mixture["lexicon"], args.data)
    results = evaluate(args.lang, best, args.data) if args.check else install(
        args.lang, best, args.data)
    for result in results:
        print(format_table(result))


if __name__ == "__main__":
    main()
