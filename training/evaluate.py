"""P / R / F per label of a pipeline on each held-out test split of its language.

    python -m training.evaluate de en [--model PATH] [--data ../shared/data/ner]

The test splits are rebuilt from the shared corpora exactly as ``training.prepare`` makes
them (a stable hash of each sentence or document), so the figures never include training
sentences.  Scores are exact-span matches over PER / LOC / ORG / MISC, on gold
tokenisation, per held-out corpus.  Re-DocRED, which labels nationalities and religions
as places and organisations ("American", "Catholic"), is trained with them as MISC like
the other English corpora (``training.corpora.misc_words``), so its test split is scored
twice: with its labels as given, and with those one-word names as MISC.  Without the
corpora it says so in one line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin, Span

from training.corpora import CORPORA, counts_as_misc, misc_words, read_corpus
from training.prepare import HERE, heldout_names, prepare

LABELS = ("PER", "LOC", "ORG", "MISC")

MODELS = HERE.parent / "reader" / "models"


def test_paths(lang: str, data_dir: Path, dev: bool = False) -> list[tuple[str, Path]]:
    """(corpus, test DocBin) for every held-out corpus of ``lang``, prepared if needed;
    with ``dev``, the dev split instead (for choosing, never the test split)."""
    mixture = json.loads((HERE / "mixtures.json").read_text())[lang]
    names = heldout_names(mixture)
    if dev:
        return [(names[0], HERE / "corpus" / lang / "dev.spacy")]
    paths = [(n, HERE / "corpus" / lang / f"test-{n}.spacy") for n in names]
    if not all(p.exists() for _, p in paths):
        prepare(lang, data_dir, HERE / "corpus")
    return paths


def evaluate(lang: str, model: Path, data_dir: Path, dev: bool = False,
             disable: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Scores of ``model`` on each held-out test split of ``lang`` (with ``dev``, on the
    dev split), with the components in ``disable`` switched off."""
    nlp = spacy.load(model, exclude=list(disable))
    results = []
    for name, path in test_paths(lang, data_dir, dev):
        results.append(_score(nlp, lang, name, path, model))
        reference = CORPORA[name].misc_from
        if reference and not dev:  # also scored as trained: nationalities as MISC
            words = misc_words(read_corpus(CORPORA[reference], data_dir))
            results.append(_score(nlp, lang, name, path, model, words))
    for result in results:
        result["split"] = "dev" if dev else "test"
        result["without"] = list(disable)
    return results


def _score(nlp: Any, lang: str, corpus: str, test_path: Path, model: Path,
           as_misc: set[str] | None = None) -> dict[str, Any]:
    """Exact-span P/R/F per label; a label the corpus does not annotate (MISC in UNER EWT)
    is left out of its scores, predictions included.  With ``as_misc``, one-word gold
    places and organisations in it count as MISC (``training.corpora.as_misc``)."""
    gold = list(DocBin().from_disk(test_path).get_docs(nlp.vocab))
    if as_misc is not None:
        gold = [_relabelled(d, as_misc) for d in gold]
    labels = {v for v in CORPORA[corpus].labels.values() if v in LABELS}
    # the model sees the gold tokens, so scores measure NER, not tokenisation
    inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
              for d in gold]
    start = time.perf_counter()
    predicted = list(nlp.pipe(inputs))
    elapsed = time.perf_counter() - start
    counts = {lab: Counter[str]() for lab in sorted(labels)}
    for g, p in zip(gold, predicted, strict=True):
        want = {(e.start, e.end, e.label_) for e in g.ents if e.label_ in labels}
        got = {(e.start, e.end, e.label_) for e in p.ents if e.label_ in labels}
        for span in want | got:
            kind = "tp" if span in want and span in got else ("fn" if span in want else "fp")
            counts[span[2]][kind] += 1
    tokens = sum(len(d) for d in gold)
    total = sum(counts.values(), Counter[str]())
    return {
        "lang": lang,
        "corpus": corpus if as_misc is None else f"{corpus}, nationalities as MISC",
        "model": str(model),
        "sentences": len(gold),
        "tokens": tokens,
        "tokens_per_s": round(tokens / elapsed),
        "overall": _prf(total),
        "per_label": {lab: _prf(c) for lab, c in counts.items()},
    }


def _relabelled(doc: Doc, words: set[str]) -> Doc:
    doc.ents = [Span(doc, e.start, e.end, "MISC")
                if counts_as_misc([t.text for t in e], e.label_, words) else e
                for e in doc.ents]
    return doc


def gazetteer_effect(lang: str, model: Path, data_dir: Path, dev: bool = False) -> list[str]:
    """What the pipeline's gazetteer does on each held-out split: how many entities it adds
    or retypes, how many of those are right (its precision), F with and without it, and
    how often its entries alone, marking every listed name in the text, agree with the
    gold data (the precision of the list's types)."""
    nlp = spacy.load(model)
    if "gazetteer" not in nlp.pipe_names:
        return [f"{lang}: no gazetteer in {model}"]
    lines = []
    for corpus, path in test_paths(lang, data_dir, dev):
        gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        labels = set(LABELS) if dev else {v for v in CORPORA[corpus].labels.values()
                                          if v in LABELS}
        want = _spans(gold, labels)
        def fresh(docs: list[Doc] = gold) -> list[Doc]:
            return [Doc(nlp.vocab, words=[t.text for t in d]) for d in docs]

        with_g = _spans(list(nlp.pipe(fresh())), labels)
        with nlp.select_pipes(disable=["gazetteer"]):
            without = _spans(list(nlp.pipe(fresh())), labels)
        changes = with_g - without
        right = len(changes & want)
        precision = right / len(changes) if changes else 1.0
        # the entries alone: every occurrence of a listed name in the held-out text
        alone = _spans([nlp.get_pipe("gazetteer")(d) for d in fresh()], labels)
        agree = len(alone & want)
        gold_spans = {s[:3] for s in want}
        named = sum(1 for s in alone if s[:3] in gold_spans)  # the gold data names it too
        where = "dev" if dev else corpus
        lines.append(f"{lang} · {where}: gazetteer adds or retypes {len(changes)} entities, "
                     f"{right} right (precision {precision:.3f}); F without "
                     f"{_f(without, want):.3f}, with {_f(with_g, want):.3f}; its entries "
                     f"alone mark {len(alone)} names, {agree} exactly as the gold data "
                     f"(precision {agree / len(alone) if alone else 1.0:.3f}); of the "
                     f"{named} the gold data also marks, {agree} with the listed type "
                     f"(type precision {agree / named if named else 1.0:.3f})")
    return lines


def _spans(docs: list[Doc], labels: set[str]) -> set[tuple[int, int, int, str]]:
    return {(i, e.start, e.end, e.label_) for i, d in enumerate(docs) for e in d.ents
            if e.label_ in labels}


def _f(got: set[tuple[int, int, int, str]], want: set[tuple[int, int, int, str]]) -> float:
    tp = len(got & want)
    return 2 * tp / (len(got) + len(want)) if got or want else 0.0


def _prf(c: Counter[str]) -> dict[str, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


def format_table(result: dict[str, Any]) -> str:
    split = " (dev split)" if result.get("split") == "dev" else ""
    without = f", without {', '.join(result['without'])}" if result.get("without") else ""
    lines = [f"{result['lang']} · {result['corpus']}{split}: {result['sentences']} held-out "
             f"units, {result['tokens']} tokens ({Path(result['model']).name}{without})",
             f"  {'label':6} {'P':>6} {'R':>6} {'F':>6}"]
    for lab, s in result["per_label"].items():
        lines.append(f"  {lab:6} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}")
    o = result["overall"]
    lines.append(f"  {'ALL':6} {o['p']:6.3f} {o['r']:6.3f} {o['f']:6.3f}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="+", choices=["de", "en"])
    ap.add_argument("--model", type=Path, help="pipeline directory (default: the bundled one)")
    ap.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--gazetteer", action="store_true",
                    help="also show what the gazetteer adds and how precise that is")
    ap.add_argument("--dev", action="store_true",
                    help="on the dev split (for choosing), not the test split")
    ap.add_argument("--without", nargs="*", default=[], metavar="COMPONENT",
                    help="leave these pipeline components out (to measure what they do)")
    args = ap.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"evaluate: the NER corpora are not here: {args.data} is missing "
                         "(pass --data DIR or make evaluate DATA=DIR)")
    for lang in args.langs:
        for result in evaluate(lang, args.model or MODELS / lang, args.data, args.dev,
                               tuple(args.without)):
            print(json.dumps(result, indent=1) if args.json else format_table(result))
        if args.gazetteer:
            print("\n".join(gazetteer_effect(lang, args.model or MODELS / lang, args.data,
                                             args.dev)))


if __name__ == "__main__":
    main()
