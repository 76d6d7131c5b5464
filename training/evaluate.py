"""P / R / F per label of a pipeline on the held-out test split of its language.

    python -m training.evaluate de en [--model PATH] [--data ../shared/data/ner]

The test split is rebuilt from the shared corpora exactly as ``training.prepare`` makes
it (a stable hash of each sentence), so the figures never include training sentences.
Scores are exact-span matches over PER / LOC / ORG / MISC, on gold tokenisation.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from training.prepare import HERE, prepare

MODELS = HERE.parent / "reader" / "models"


def evaluate(lang: str, model: Path, data_dir: Path) -> dict[str, Any]:
    test_path = HERE / "corpus" / lang / "test.spacy"
    if not test_path.exists():
        prepare(lang, data_dir, HERE / "corpus")
    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(test_path).get_docs(nlp.vocab))
    # the model sees the gold tokens, so scores measure NER, not tokenisation
    examples = [Example(spacy.tokens.Doc(nlp.vocab, words=[t.text for t in d],
                                         spaces=[bool(t.whitespace_) for t in d]), d)
                for d in gold]
    start = time.perf_counter()
    scores = nlp.evaluate(examples)
    elapsed = time.perf_counter() - start
    tokens = sum(len(d) for d in gold)
    return {
        "lang": lang,
        "model": str(model),
        "sentences": len(gold),
        "tokens": tokens,
        "tokens_per_s": round(tokens / elapsed),
        "overall": {k: round(scores[f"ents_{k}"], 4) for k in ("p", "r", "f")},
        "per_label": {lab: {k: round(v, 4) for k, v in s.items()}
                      for lab, s in sorted((scores.get("ents_per_type") or {}).items())},
    }


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{result['lang']}: {result['sentences']} held-out sentences, "
             f"{result['tokens']} tokens ({result['model']})",
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
    args = ap.parse_args()
    for lang in args.langs:
        result = evaluate(lang, args.model or MODELS / lang, args.data)
        print(json.dumps(result, indent=1) if args.json else format_table(result))


if __name__ == "__main__":
    main()
