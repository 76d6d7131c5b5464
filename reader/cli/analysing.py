"""The analysis as the commands run it: from the analysis cache when the text was analysed
before, else in child processes (both cores for a book), then cached.

``reader annotate`` and ``reader prefetch`` wait for the document (:func:`analysed`);
the app gets an analysis function whose processes start at once, loading the pipeline
while the app draws its first screen (:func:`for_app`).
"""

from __future__ import annotations

from pathlib import Path

from reader.cli.errors import EXIT_FAILURE, EXIT_NO_PIPELINE, fail
from reader.core.analysis import AnalyseFn, Analyzer
from reader.core.model import Document
from reader.library.analyses import cached_analysis
from reader.library.analysis_cache import AnalysisCache

PIPELINE_ERROR = "PipelineError: "


def for_app(analyzer: Analyzer, text: str, cache_dir: str | Path | None = None) -> AnalyseFn:
    """The app's analysis of ``text``: cached, or its processes started now."""
    return cached_analysis(analyzer, text, AnalysisCache.default(cache_dir), prestart=True)


def analysed(analyzer: Analyzer, text: str, cache_dir: str | Path | None = None) -> Document:
    """The document of ``text`` (cached, or analysed in child processes and cached). An
    interrupt (ctrl+c) ends the analysis at once; a failure is one line and status 1 (3
    when the pipeline does not load)."""
    updates = cached_analysis(analyzer, text, AnalysisCache.default(cache_dir),
                              partial=False)(text)
    last = None
    try:
        for progress in updates:
            last = progress
    except RuntimeError as exc:  # the analysis process failed
        message = str(exc)
        if message.startswith(PIPELINE_ERROR):
            fail(message.removeprefix(PIPELINE_ERROR), EXIT_NO_PIPELINE)
        fail(f"analysis failed: {message}", EXIT_FAILURE)
    finally:
        close = getattr(updates, "close", None)
        if close is not None:
            close()  # ends the child processes if they are still running
    if last is None and not text.strip():  # nothing to analyse
        return Document(text, analyzer.language, analyzer.choice.describe(), [])
    if last is None or last.done < 1.0:
        fail("analysis failed: no result", EXIT_FAILURE)
    return last.document
