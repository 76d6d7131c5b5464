"""``reader lookup``, ``reader prefetch`` and ``reader cache``."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from reader.cli.errors import EXIT_FAILURE, fail
from reader.core.analysis import Analyzer
from reader.core.model import Document
from reader.core.sanitize import one_line
from reader.core.source import Source
from reader.wiki.cache import Cache
from reader.wiki.model import Article, Background, LookupFailed
from reader.wiki.prefetch import document_items
from reader.wiki.present import article_text, plain, present
from reader.wiki.service import LookupService


def format_background(bg: Background) -> str:
    """The background as ``reader lookup`` prints it: the app's presentation, plain."""
    return plain(present(bg, time.time()))


def _notices(*notices: str) -> None:
    for notice in dict.fromkeys(n for n in notices if n):
        print(f"reader: {one_line(notice)}", file=sys.stderr)


def lookup(service: LookupService, name: str, lang: str, as_json: bool, refresh: bool,
           full: bool = False) -> int:
    """``reader lookup``: the background of ``name`` as text or JSON (``full``: the whole
    article); 1 if it failed."""

    async def run() -> tuple[Background, Article | None]:
        bg = await service.lookup(name, lang, refresh=refresh)
        if not full or bg.status != "found":
            return bg, None
        return bg, await service.article(bg.title, bg.lang, refresh=refresh)

    try:
        bg, art = asyncio.run(run())
    except LookupFailed as exc:
        _notices(service.notice, *exc.notices)
        fail(exc.message, EXIT_FAILURE)
    _notices(service.notice, *bg.notices, *(art.notices if art else ()))
    if full and art is None:
        fail(f"no article to print: {plain(present(bg, time.time())).splitlines()[0]}",
             EXIT_FAILURE)
    if as_json:
        data = bg.to_json() if art is None else {**bg.to_json(), "article": art.to_json()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_background(bg) if art is None else article_text(art))
    return 0


def analyse(analyzer: Analyzer, text: str) -> Document:
    """The document of ``text``, analysed in a child process: an interrupt (ctrl+c) ends
    the analysis at once instead of waiting for spaCy to give the interpreter back."""
    updates = analyzer.stream(text)
    last = None
    try:
        for progress in updates:
            last = progress
    except RuntimeError as exc:  # the analysis process failed
        fail(f"analysis failed: {exc}", EXIT_FAILURE)
    finally:
        close = getattr(updates, "close", None)
        if close is not None:
            close()  # ends the child process if it is still running
    if last is None:
        fail("analysis failed: no result", EXIT_FAILURE)
    return last.document


def prefetch(service: LookupService, docs: list[tuple[Source, Document]],
             full: bool = False) -> int:
    """Look up every entity of the analysed ``docs`` into the cache (``full``: their whole
    articles too); 1 if any failed."""
    _notices(service.notice)
    failed = asyncio.run(_prefetch_all(service, docs, full))
    return EXIT_FAILURE if failed else 0


async def _prefetch_all(service: LookupService, docs: list[tuple[Source, Document]],
                        full: bool) -> int:
    """Prefetch every article in one event loop (the HTTP client lives in it)."""
    failed = 0
    for source, doc in docs:
        items = document_items(doc)  # each entity with the context the app gives it
        names = [name for name, _ in items]
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn()) as bar:
            task = bar.add_task(one_line(source.name), total=len(names))

            def advance(n: int, task: TaskID = task, bar: Progress = bar) -> None:
                bar.advance(task, n)

            summary = await service.prefetch(items, doc.language, progress=advance, full=full)
        articles = f", {summary.articles} whole articles" if full else ""
        print(f"{one_line(source.name)}: {len(names)} entities — found {summary.found}, "
              f"ambiguous {summary.ambiguous}, missing {summary.missing}, "
              f"failed {summary.failed} ({summary.cached} already cached{articles}, "
              f"{summary.requests} requests)")
        _notices(*summary.notices)
        if summary.error:
            print(f"reader: lookups failed: {summary.error}", file=sys.stderr)
        failed += summary.failed
    return failed


def cache(store: Cache, action: str, directory: Path) -> int:
    """``reader cache stats|export|clear`` on an opened cache (read-only for stats and
    export: those never create it); stats also counts what else is kept in ``directory``
    (web pages for ``--offline``, analyses for instant reopening)."""
    if store.notice:
        print(f"reader: {store.notice}", file=sys.stderr)
    if action == "stats":
        from reader.core.sources.pagecache import PageCache
        from reader.library.analysis_cache import AnalysisCache

        stats = store.stats()
        print(f"cache: {store.path or 'none yet (nothing looked up)'}")
        for key in ("found", "ambiguous", "missing", "articles", "picks"):
            print(f"  {key:10} {stats.get(key, 0)}")
        analyses = AnalysisCache.default(directory)
        print(f"  {'pages':10} {PageCache(directory).count()} (web pages kept for --offline)")
        print(f"  {'analyses':10} {analyses.count()} ({analyses.total_bytes() / 1e6:.1f} MB: "
              "analysed texts, for reopening at once)")
    elif action == "export":
        for lang, key, bg in store.entries():
            print(json.dumps({"lang": lang, "key": key, **bg.to_json()}, ensure_ascii=False))
    else:
        print(f"removed {store.clear()} cached lookups (disambiguation picks kept)")
    return 0
