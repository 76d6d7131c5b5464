"""Unlabelled German text for the subword vectors: the federal-laws archive in shared/.

``de/raw/de-federal-laws.tar.xz`` holds one Markdown file per law.  The YAML front matter,
Markdown markup, tables and section numbers are dropped and the prose is split into tokens
the way the vectors see them (words, numbers and punctuation separated by spaces), one
paragraph a line.  The archive is read as a stream in its own order and nothing is
unpacked to disk, so the same ``max_tokens`` gives the same text on every machine.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

LAWS = Path("de") / "raw" / "de-federal-laws.tar.xz"
TOKEN = re.compile(r"\w+(?:[-.']\w+)*\.?|[^\w\s]", re.UNICODE)
MARKUP = re.compile(r"^\s*(?:#+|\*|-|:|\d+\.)\s+")


def _paragraphs(markdown: str) -> Iterator[str]:
    body = markdown
    if body.startswith("---"):
        end = body.find("\n---", 3)
        body = body[end + 4:] if end != -1 else ""
    for block in re.split(r"\n\s*\n", body):
        lines = [MARKUP.sub("", line) for line in block.splitlines()
                 if not line.lstrip().startswith("|")]
        text = " ".join(line.strip() for line in lines).replace("*", " ")
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        if sum(c.isalpha() for c in text) >= 20:
            yield text


def tokens_of(text: str) -> list[str]:
    """Words, numbers and punctuation of ``text`` (a final full stop kept on
    abbreviations such as "Abs." only when the word is short)."""
    out: list[str] = []
    for tok in TOKEN.findall(text):
        if tok.endswith(".") and len(tok) > 4 and tok[:-1].isalpha():
            out += [tok[:-1], "."]
        else:
            out.append(tok)
    return out


def law_lines(data_dir: Path, max_tokens: int) -> Iterator[str]:
    """Tokenised paragraphs of the federal laws, up to ``max_tokens`` tokens in all."""
    archive = data_dir / LAWS
    if not archive.exists() or max_tokens <= 0:
        return
    total = 0
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".md"):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            for para in _paragraphs(fh.read().decode("utf-8", "replace")):
                toks = tokens_of(para)
                yield " ".join(toks)
                total += len(toks)
                if total >= max_tokens:
                    return
