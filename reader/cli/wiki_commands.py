"""``reader lookup``, ``reader prefetch`` and ``reader cache``."""

from __future__ import annotations

import asyncio
import json
import sys
import time

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
from reader.wiki.model import Background, LookupFailed
from reader.wiki.present import plain, present
from reader.wiki.service import LookupService


def format_background(bg: Background) -> str:
    """The background as ``reader lookup`` prints it: the app's presentation, plain."""
    return plain(present(bg, time.time()))


def lookup(service: LookupService, name: str, lang: str, as_json: bool, refresh: bool) -> int:
    """``reader lookup``: the background of ``name`` as text or JSON; 1 if it failed."""
    try:
        bg = asyncio.run(service.lookup(name, lang, refresh=refresh))
    except LookupFailed as exc:
        fail(exc.message, EXIT_FAILURE)
    if service.notice:
        print(f"reader: {service.notice}", file=sys.stderr)
    print(json.dumps(bg.to_json(), ensure_ascii=False, indent=2) if as_json
          else format_background(bg))
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


def prefetch(service: LookupService, docs: list[tuple[Source, Document]]) -> int:
    """Look up every entity of the analysed ``docs`` into the cache; 1 if any failed."""
    failed = asyncio.run(_prefetch_all(service, docs))
    if service.notice:
        print(f"reader: {service.notice}", file=sys.stderr)
    return EXIT_FAILURE if failed else 0


async def _prefetch_all(service: LookupService, docs: list[tuple[Source, Document]]) -> int:
    """Prefetch every article in one event loop (the HTTP client lives in it)."""
    failed = 0
    for source, doc in docs:
        names = [e.name for e in doc.entities]
        context = [e.name for e in doc.entities[:20]]
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn()) as bar:
            task = bar.add_task(one_line(source.name), total=len(names))

            def advance(n: int, task: TaskID = task, bar: Progress = bar) -> None:
                bar.advance(task, n)

            summary = await service.prefetch(names, doc.language, context, progress=advance)
        print(f"{one_line(source.name)}: {len(names)} entities — found {summary.found}, "
              f"ambiguous {summary.ambiguous}, missing {summary.missing}, "
              f"failed {summary.failed} ({summary.cached} already cached, "
              f"{summary.requests} requests)")
        if summary.error:
            print(f"reader: lookups failed: {summary.error}", file=sys.stderr)
        failed += summary.failed
    return failed


def cache(store: Cache, action: str) -> int:
    """``reader cache stats|export|clear`` on an opened cache (read-only for stats and
    export: those never create it)."""
    if store.notice:
        print(f"reader: {store.notice}", file=sys.stderr)
    if action == "stats":
        stats = store.stats()
        print(f"cache: {store.path or 'none yet (nothing looked up)'}")
        for key in ("found", "ambiguous", "missing", "picks"):
            print(f"  {key:10} {stats.get(key, 0)}")
    elif action == "export":
        for lang, key, bg in store.entries():
            print(json.dumps({"lang": lang, "key": key, **bg.to_json()}, ensure_ascii=False))
    else:
        print(f"removed {store.clear()} cached lookups (disambiguation picks kept)")
    return 0
