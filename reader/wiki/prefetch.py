"""Prefetch: every entity of an article resolved into the cache, as a lookup would.

The title variants of up to 50 titles' worth of names go in one request; then each name
is resolved by the same :class:`~reader.wiki.resolver.Resolver` path as a single lookup
(search, disambiguation, English fallback included), with that request's answers passed
in, and stored under the same key. ``full`` also fetches each page's whole article.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.model import Document
from reader.core.names import key_of
from reader.wiki.api import MAX_TITLES
from reader.wiki.context import LookupContext
from reader.wiki.model import Background, LookupFailed
from reader.wiki.resolve import title_variants
from reader.wiki.resolver import Answers, answers

if TYPE_CHECKING:
    from reader.wiki.service import LookupService

Item = tuple[str, LookupContext]


@dataclass
class PrefetchSummary:
    """What a prefetch did, for the user."""

    found: int = 0
    ambiguous: int = 0
    missing: int = 0
    failed: int = 0
    cached: int = 0  # already fresh in the cache
    articles: int = 0  # whole articles fetched (``full``)
    requests: int = 0
    error: str = ""  # the last failure, for the user
    notices: list[str] = field(default_factory=list)

    def count(self, bg: Background) -> None:
        """Count one result by its status."""
        if bg.status == "found":
            self.found += 1
        elif bg.status == "ambiguous":
            self.ambiguous += 1
        else:
            self.missing += 1

    def note(self, notices: Sequence[str]) -> None:
        """Keep the notices not seen yet."""
        self.notices += [n for n in notices if n and n not in self.notices]


def document_items(document: Document) -> list[Item]:
    """Each entity of ``document`` with its lookup context (as the app builds it)."""
    return [(e.name, LookupContext.of(document, e)) for e in document.entities]


def _batches(items: list[Item], lang: str) -> list[list[Item]]:
    batches: list[list[Item]] = []
    current: list[Item] = []
    size = 0
    for item in items:
        n = len(title_variants(item[0], lang, item[1]))
        if current and size + n > MAX_TITLES:
            batches.append(current)
            current, size = [], 0
        current.append(item)
        size += n
    if current:
        batches.append(current)
    return batches


async def prefetch(service: LookupService, items: Sequence[str | Item], lang: str,
                   progress: Callable[[int], None] | None = None,
                   full: bool = False) -> PrefetchSummary:
    """Resolve every name (with its context) into ``service``'s cache."""
    summary = PrefetchSummary()
    client = service.client
    if client is None or service.forced_offline:
        raise LookupFailed("offline", "prefetch needs the network")
    before = client.requests_sent
    todo: list[Item] = []
    seen: set[str] = set()
    for item in items:
        name, ctx = (item, LookupContext()) if isinstance(item, str) else item
        if ctx.key(name) in seen:
            continue
        seen.add(ctx.key(name))
        bg = service.cached(name, lang, ctx)
        if bg is not None and not service.is_stale(bg) and (
                not full or bg.status != "found" or service.cache.article(bg.lang, bg.title)):
            summary.cached += 1
            summary.count(bg)
            if progress:
                progress(1)
        else:
            todo.append((name, ctx))
    batches = _batches(todo, lang)
    for i, batch in enumerate(batches):
        titles = list(dict.fromkeys(t for n, c in batch for t in title_variants(n, lang, c)))
        try:
            pages, mapping = await client.pages(lang, titles)
        except LookupFailed as exc:
            summary.error = exc.message
            if exc.kind in ("connection", "rate_limited"):  # the rest would fail too
                summary.failed += sum(len(b) for b in batches[i:])
                break
            summary.failed += len(batch)
            if progress:
                progress(len(batch))
            continue
        known = answers(titles, pages, mapping)
        results = await asyncio.gather(*(_one(service, n, c, lang, known, full)
                                         for n, c in batch))
        for bg, got, error, notices in results:
            summary.note(notices)
            if bg is None:
                summary.failed += 1
                summary.error = error
            else:
                summary.count(bg)
                summary.articles += got
        if progress:
            progress(len(batch))
    summary.requests = client.requests_sent - before
    return summary


async def _one(service: LookupService, name: str, ctx: LookupContext, lang: str,
               known: Answers, full: bool) -> tuple[Background | None, int, str, tuple[str, ...]]:
    """One name, resolved exactly as :meth:`LookupService.lookup` does."""
    pick = service.cache.pick(lang, key_of(name))
    try:
        bg = await service._fetch(name, lang, ctx, ctx.key(name), pick, None, known)
    except LookupFailed as exc:
        return None, 0, exc.message, exc.notices
    notices = bg.notices
    if full and bg.status == "found":
        try:
            art = await service.article(bg.title, bg.lang)
        except LookupFailed as exc:
            return bg, 0, exc.message, (*notices, *exc.notices)
        return bg, 0 if art.cached else 1, "", (*notices, *art.notices)
    return bg, 0, "", notices
