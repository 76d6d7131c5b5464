"""Build a ~1 MB German text from the NER corpora: sentences joined into paragraphs."""

from __future__ import annotations

from pathlib import Path

from training.corpora import CORPORA, read_corpus

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "%"}


def detokenize(tokens: list[str]) -> str:
    out = ""
    for i, tok in enumerate(tokens):
        if i and tok not in NO_SPACE_BEFORE and not out.endswith(("(", "„")):
            out += " "
        out += tok
    return out


def build(data_dir: Path, target_bytes: int = 1_000_000, per_paragraph: int = 6) -> str:
    paragraphs: list[str] = []
    size = 0
    current: list[str] = []
    for name in ("germeval", "europeana", "panx-de"):
        for tokens, _ in read_corpus(CORPORA[name], data_dir):
            if len(tokens) < 5:
                continue
            current.append(detokenize(tokens))
            if len(current) == per_paragraph:
                para = " ".join(current)
                paragraphs.append(para)
                size += len(para.encode()) + 2
                current = []
                if size >= target_bytes:
                    return "\n\n".join(paragraphs) + "\n"
    return "\n\n".join(paragraphs) + "\n"


def ensure(data_dir: Path, out: Path) -> Path:
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(build(data_dir), encoding="utf-8")
    return out
