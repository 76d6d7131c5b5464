"""Build large German texts from the sample article, so the benchmarks need no corpus.

The sample's paragraphs are repeated in a shuffled order (a fixed seed) until the text
reaches the requested size (1, 5, 20 MB: :func:`book`): realistic prose for the pipeline,
the same on every machine, written to ``benchmarks/data/`` (ignored by git).
"""

from __future__ import annotations

import random
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "sample_articles" / \
    "article-de-putin-kim-beijing.txt"
DATA = Path(__file__).resolve().parent / "data"


def build(target_bytes: int = 1_000_000, seed: int = 0) -> str:
    """About ``target_bytes`` of German prose, paragraphs separated by blank lines."""
    paragraphs = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n")
                  if len(p.strip()) > 80]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < target_bytes:
        chunk = paragraphs[:]
        rng.shuffle(chunk)
        for para in chunk:
            out.append(para)
            size += len(para.encode()) + 2
    return "\n\n".join(out) + "\n"


def ensure(out: Path, target_bytes: int = 1_000_000) -> Path:
    """``out``, written with :func:`build` unless it exists with the sample's content."""
    text = build(target_bytes)
    if not out.exists() or out.read_text(encoding="utf-8") != text:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return out


def book(megabytes: int) -> Path:
    """``benchmarks/data/de-<megabytes>mb.txt``, built if missing or stale."""
    return ensure(DATA / f"de-{megabytes}mb.txt", megabytes * 1_000_000)
