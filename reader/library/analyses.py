"""The analysis the app and the commands run: from the cache when the text was analysed
before (no spaCy at all), else in child processes started as early as possible and
stored in the cache when complete."""

from __future__ import annotations

from collections.abc import Iterator

from reader.core import processes
from reader.core.analysis import AnalyseFn, Analyzer, Progress
from reader.library.analysis_cache import AnalysisCache


def cached_analysis(analyzer: Analyzer, text: str, cache: AnalysisCache | None,
                    prestart: bool = True, partial: bool = True) -> AnalyseFn:
    """An analysis function for ``text`` (``AnalyseFn``): the cached document when there
    is one, else :meth:`Analyzer.stream`'s documents, the complete one then stored.

    With ``prestart``, a text the cache does not hold has its analysis processes started
    now (they load the pipeline while the caller, say, draws the app's first screen);
    without ``partial``, only the complete document is yielded."""
    key = None if cache is None else cache.key(text, analyzer.language, analyzer.choice)
    if prestart and cache is not None and key is not None and cache.has(key):
        processes.cool_down()  # a process warmed up in case: not needed
    elif prestart:
        analyzer.prestart(len(text))

    def analyse(given: str) -> Iterator[Progress]:
        this_key = key if given is text or given == text else None
        if cache is not None and this_key is None:
            this_key = cache.key(given, analyzer.language, analyzer.choice)
        if cache is not None and this_key is not None:
            document = cache.get(this_key, given)
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
