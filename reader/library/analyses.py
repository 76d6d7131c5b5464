"""The analysis the app and the commands run: from the cache when the text was analysed
before (no spaCy at all), else in child processes started as early as possible and
stored in the cache when complete."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from reader.core import processes
from reader.core.analysis import AnalyseFn, Analyzer, Progress
from reader.core.model import Document
from reader.library.analysis_cache import AnalysisCache


class _Early:
    """A cached document read in a thread while the caller does something else."""

    def __init__(self, cache: AnalysisCache, key: str, text: str) -> None:
        self.document: Document | None = None
        self._thread = threading.Thread(target=self._read, args=(cache, key, text),
                                         daemon=True, name="analysis-cache")
        self._thread.start()

    def _read(self, cache: AnalysisCache, key: str, text: str) -> None:
        self.document = cache.get(key, text)

    def result(self) -> Document | None:
        """The document (None: there was none, or it did not decode)."""
        self._thread.join()
        return self.document


def cached_analysis(analyzer: Analyzer, text: str, cache: AnalysisCache | None,
                    prestart: bool = True, partial: bool = True) -> AnalyseFn:
    """An analysis function for ``text`` (``AnalyseFn``): the cached document when there
    is one, else :meth:`Analyzer.stream`'s documents, the complete one then stored.

    With ``prestart`` (the app), a text the cache holds is read from it now, in a thread,
    and one it does not hold has its analysis processes started now: either way the work
    is done while the caller draws its first screen. Without ``partial``, only the
    complete document is yielded."""
    key = None if cache is None else cache.key(text, analyzer.language, analyzer.choice)
    early = None
    if prestart and cache is not None and key is not None and cache.has(key):
        processes.cool_down()  # a process warmed up in case: not needed
        early = _Early(cache, key, text)
    elif prestart:
        analyzer.prestart(len(text))
        processes.cool_down()  # more processes warmed up than the text needs

    def analyse(given: str) -> Iterator[Progress]:
        nonlocal early
        same = given is text or given == text
        this_key = key if same else None
        if cache is not None and this_key is None:
            this_key = cache.key(given, analyzer.language, analyzer.choice)
        if cache is not None and this_key is not None:
            document = early.result() if early is not None and same \
                else cache.get(this_key, given)
            early = None  # (read once: a second run reads the cache again)
            if document is not None:
                yield Progress(document, 1.0)
                return
        last = None
        for progress in analyzer.stream(given, partial=partial):
            last = progress
            yield progress
        if cache is not None and this_key is not None and last is not None \
                and last.done >= 1.0:
            cache.put(this_key, last.document)

    return analyse
