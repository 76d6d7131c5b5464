"""From text to :class:`Document`: language, pipeline, mentions and entities."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core import pipelines, processes
from reader.core.consistency import Consistency, Words
from reader.core.grouping import group
from reader.core.language import detect_language
from reader.core.model import Document, Mention
from reader.core.ner import extract

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Progress:
    """A partial document and how far the analysis has got (0..1)."""

    document: Document
    done: float


# a partial document that takes longer than this to build and show (the caller's time
# before it asks for more counts) comes again only after BUILD_PAUSE times as long, and
# not within BOOK_UPDATE_EVERY: the analysing processes keep (nearly) every core
SLOW_BUILD = 0.02  # seconds
BUILD_PAUSE = 10.0
BOOK_UPDATE_EVERY = 2.0  # seconds

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

    def prestart(self, chars: int) -> None:
        """Start the processes that will analyse a text of ``chars`` characters now (they
        load the pipeline meanwhile); the next :meth:`stream` takes them."""
        processes.prestart(self.choice, processes.worker_count(chars))

    def stream(self, text: str, batch_chars: int = 50_000, in_process: bool = False,
               workers: int | None = None, partial: bool = True) -> Iterator[Progress]:
        """Yield ever more complete documents, in the order of the text, while the text is
        analysed: by default in child processes (one for an article, ``workers`` or
        :func:`~reader.core.processes.worker_count` for a book), so spaCy never holds this
        interpreter's lock; the last one has ``done == 1.0``. A partial document holds
        exactly the blocks analysed so far, consistency included (:class:`Consistency`),
        so its rows stay and its counts only grow. Without ``partial``, only the last
        one (no time spent on documents nobody shows)."""
        batches: Iterator[tuple[list[Mention], int, Words | None]]
        if in_process:
            batches = ((found, reached, None)
                       for found, reached in extract(self.nlp, text, batch_chars))
        else:
            count = processes.worker_count(len(text)) if workers is None else workers
            batches = processes.stream_mentions(text, self.choice, batch_chars, count)
        end = len(text.rstrip())  # where the last block ends
        total = max(len(text), 1)
        found = Consistency(text)
        build_cost, next_build = 0.0, 0.0
        for batch, reached, words in batches:
            done = 1.0 if reached >= end else min(reached / total, 0.99)
            found.add(batch, reached, last=done >= 1.0, words=words)
            if done < 1.0 and (not partial or (build_cost > SLOW_BUILD
                                                and time.monotonic() < next_build)):
                continue  # a book: the last partial document is recent enough
            started = time.monotonic()
            document = self._document(text, found.mentions())
            yield Progress(document, done)
            resumed = time.monotonic()
            build_cost = resumed - started  # building it, and the caller showing it
            if build_cost > SLOW_BUILD:
                next_build = resumed + max(build_cost * BUILD_PAUSE, BOOK_UPDATE_EVERY)
        # (stopped early, by :func:`reader.core.processes.stop`: no complete document)

    def analyse(self, text: str) -> Document:
        """The complete document of ``text``, analysed in this process."""
        found = Consistency(text)
        for batch, reached in extract(self.nlp, text):
            found.add(batch, reached)
        found.add([], len(text), last=True)
        return self._document(text, found.mentions())

    def _document(self, text: str, mentions: list[Mention]) -> Document:
        return Document(text=text, language=self.language, pipeline=self.choice.describe(),
                        entities=group(mentions, self.language))
