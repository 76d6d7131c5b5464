"""Test doubles: an analysis that finds given names by string search (no spaCy)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.analysis import AnalyseFn, Progress
from reader.core.grouping import group
from reader.core.model import Document, Label, Mention

if TYPE_CHECKING:
    from spacy.language import Language


def find_mentions(text: str, names: dict[str, Label]) -> list[Mention]:
    """Every whole-word occurrence of each name, longest names first, not overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), name, names[name]))
    return sorted(found)


def fake_analyse(names: dict[str, Label], language: str = "de", steps: int = 1,
                 gates: list[threading.Event] | None = None) -> AnalyseFn:
    """An analysis function for the app that reports in ``steps`` partial results; with
    ``gates``, step i + 1 waits until ``gates[i]`` is set (so a test sees each step)."""

    def analyse(text: str) -> Iterator[Progress]:
        mentions = find_mentions(text, names)
        for i in range(1, steps + 1):
            if gates and i > 1:
                gates[i - 2].wait(10)
            cut = len(text) * i // steps
            part = [m for m in mentions if m.end <= cut]
            doc = Document(text=text, language=language, pipeline="fake", entities=group(part))
            yield Progress(doc, i / steps)

    return analyse


SAMPLE_NAMES: dict[str, Label] = {
    "Wladimir Putin": "PER", "Putin": "PER", "Kim Jong-un": "PER", "Kim": "PER",
    "Xi Jinping": "PER", "Donald Trump": "PER", "Shehbaz Sharif": "PER",
    "Peking": "LOC", "Russland": "LOC", "Russlands": "LOC", "Nordkorea": "LOC",
    "Ukraine": "LOC", "Kursk": "LOC", "Moskau": "LOC", "Kiew": "LOC", "Pjöngjang": "LOC",
    "Zweiten Weltkriegs": "MISC",
}


def ruler_nlp(patterns: list[tuple[str, str]], lang: str = "de") -> Language:
    """A blank ``lang`` pipeline whose NER is an entity ruler with ``patterns`` (label,
    phrase): it stands in for the statistical NER."""
    import spacy

    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": lab, "pattern": pat}  # type: ignore[attr-defined]
                        for lab, pat in patterns])
    return nlp


def ruler_pipeline(path: Path, patterns: list[tuple[str, str]], lang: str = "de") -> Path:
    """Save at ``path`` a pipeline spaCy loads like any other: :func:`ruler_nlp`."""
    ruler_nlp(patterns, lang).to_disk(path)
    return path
