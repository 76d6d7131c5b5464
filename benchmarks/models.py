"""The bundled pipelines side by side with the ones they replaced, on the same text.

    python -m benchmarks.models [--ref be652dc]

For each language: tokens per second of ``nlp.pipe`` (best of three, one process on one
thread), load
time in a fresh interpreter (best of three), and size on disk, for the bundled pipeline
and for the pipeline at git revision ``REF`` (the pipelines before this round's retraining,
taken from the repository's history with ``git archive``), with the ratio new / old.  The
text is the language's sample article repeated, so no corpus is needed.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.core.processes import ONE_THREAD

ROOT = Path(__file__).resolve().parent.parent
REF = "be652dc"  # the last commit with the pipelines trained before GermEval train arrived
SAMPLES = {"de": "article-de-putin-kim-beijing.txt", "en": "article-en-rhine-low-water.txt"}


def _size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 1)


def _load_s(path: Path) -> float:
    code = ("import time, spacy; t = time.perf_counter(); "
            f"spacy.load({str(path)!r}); print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                 text=True, cwd=ROOT).stdout) for _ in range(3)]
    return round(min(runs), 3)


def _tokens_per_s(path: Path, lang: str, repeat: int) -> int:
    """Tokens per second of ``nlp.pipe`` over the sample, in a fresh process on one thread.

    A fresh process, so one pipeline's ops (``reader.numpy_blas.v1`` switches thinc to
    numpy's BLAS for the whole process) never carry over to the other; one BLAS thread, so
    the figure is one core's.
    """
    out = subprocess.run([sys.executable, "-m", "benchmarks.models", "--speed", str(path), lang,
                          str(repeat)], check=True, capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **ONE_THREAD}).stdout
    return int(out)


def _measure(path: str, lang: str, repeat: int) -> int:
    import spacy

    from reader.core.ner import blocks

    text = (ROOT / "sample_articles" / SAMPLES[lang]).read_text(encoding="utf-8")
    texts = [text[s:e].replace("\n", " ") for s, e in blocks(text)] * repeat
    nlp = spacy.load(path)
    list(nlp.pipe(texts[:5]))  # warm up
    best = float("inf")
    tokens = 0
    for _ in range(3):
        start = time.perf_counter()
        tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        best = min(best, time.perf_counter() - start)
    return round(tokens / best)


def _old_pipeline(lang: str, ref: str, dest: Path) -> Path | None:
    """The pipeline of ``lang`` at ``ref``, unpacked into ``dest``; None without history."""
    try:
        data = subprocess.run(["git", "archive", ref, f"reader/models/{lang}"], cwd=ROOT,
                              check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "reader" / "models" / lang


def compare(lang: str, ref: str = REF, repeat: int = 40) -> dict[str, Any]:
    """Speed, load time and size of the bundled pipeline and the one at ``ref``."""
    from reader.core.pipelines import bundled_path

    new = Path(bundled_path(lang))
    out: dict[str, Any] = {"text": f"{SAMPLES[lang]} ×{repeat}",
                           "new_tokens_per_s": _tokens_per_s(new, lang, repeat),
                           "new_load_s": _load_s(new), "new_size_mb": _size_mb(new)}
    with tempfile.TemporaryDirectory() as tmp:
        old = _old_pipeline(lang, ref, Path(tmp))
        if old is None:
            out["old"] = f"no git history for {ref}"
            return out
        out.update({"old_ref": ref, "old_tokens_per_s": _tokens_per_s(old, lang, repeat),
                    "old_load_s": _load_s(old), "old_size_mb": _size_mb(old)})
    out["speed_ratio_new_to_old"] = round(out["new_tokens_per_s"] / out["old_tokens_per_s"], 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default=REF)
    ap.add_argument("--speed", nargs=3, metavar=("PATH", "LANG", "REPEAT"),
                    help=argparse.SUPPRESS)  # one measurement, run by _tokens_per_s
    args = ap.parse_args()
    if args.speed:
        print(_measure(args.speed[0], args.speed[1], int(args.speed[2])))
        return
    for lang in ("de", "en"):
        print(lang, compare(lang, args.ref))


if __name__ == "__main__":
    main()
