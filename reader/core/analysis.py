"""From text to :class:`Document`: language, pipeline, mentions and entities."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core import pipelines
from reader.core.consistency import propagate
from reader.core.grouping import group
from reader.core.language import detect_language
from reader.core.model import Document, Mention
from reader.core.ner import extract
from reader.core.worker import stream_mentions

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Progress:
    """A partial document and how far the analysis has got (0..1)."""

    document: Document
    done: float


PROPAGATE_EVERY_UPDATE = 300_000  # characters

AnalyseFn = Callable[[str], Iterator[Progress]]
"""What the UI runs in a worker: text in, ever more complete documents out."""


class Analyzer:
    """Analyses texts in one language with one pipeline (loaded once)."""

    def __init__(self, language: str, model: str | None = None) -> None:
        self.language = language
        self.choice = pipelines.choose(language, model)
        self._nlp: Language | None = None

    @classmethod
    def for_text(cls, text: str, language: str | None = None,
                 model: str | None = None) -> Analyzer:
        return cls(language or detect_language(text), model)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = pipelines.load(self.choice)
        return self._nlp

    def stream(self, text: str, batch_chars: int = 50_000,
               in_process: bool = False) -> Iterator[Progress]:
        """Yield ever more complete documents while the text is analysed (by default in a
        child process, so spaCy never holds this interpreter's lock)."""
        mentions: list[Mention] = []
        total = max(len(text), 1)
        batches = (extract(self.nlp, text, batch_chars) if in_process
                   else stream_mentions(text, self.choice, batch_chars))
        pending = next(batches, None)
        while pending is not None:
            batch, reached = pending
            mentions.extend(batch)
            pending = next(batches, None)
            done = 1.0 if pending is None else min(reached / total, 0.99)
            # consistency over the analysed part: on every update for an article, only
            # at the end for a book (it rescans the text)
            if done >= 1.0 or reached <= PROPAGATE_EVERY_UPDATE:
                found = propagate(text, mentions, reached)
            else:
                found = list(mentions)
            yield Progress(self._document(text, found), done)

    def analyse(self, text: str) -> Document:
        mentions = [m for batch, _ in extract(self.nlp, text) for m in batch]
        return self._document(text, propagate(text, mentions))

    def _document(self, text: str, mentions: list[Mention]) -> Document:
        return Document(text=text, language=self.language, pipeline=self.choice.describe(),
                        entities=group(mentions, self.language))
