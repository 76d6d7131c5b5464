"""The lookup service: cache first, then the wiki; resolution, picks, offline mode.

The UI and the CLI use only this class. It is given its client and cache (so tests inject
a client over ``httpx.MockTransport``), never touches the network when offline, and
switches itself offline when a connection fails.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reader.core.names import key_of
from reader.wiki.cache import Cache
from reader.wiki.client import MAX_TITLES, WikiClient
from reader.wiki.model import Background, Candidate, LookupFailed
from reader.wiki.resolve import (
    best_match,
    context_words,
    is_disambiguation,
    lead_sentences,
    rank_candidates,
    title_variants,
)

DAY = 86_400.0


class _Unknown:
    """Marker: the page for a name has not been asked for yet."""


_UNKNOWN = _Unknown()
LANG_NAMES = {"de": "German", "en": "English"}
NOT_CACHED = "not cached — run `reader prefetch` while online"


@dataclass
class PrefetchSummary:
    found: int = 0
    ambiguous: int = 0
    missing: int = 0
    failed: int = 0
    cached: int = 0  # already fresh in the cache
    requests: int = 0
    error: str = ""  # the last failure, for the user


class LookupService:
    """Background for entity names, from the cache or the wiki."""

    def __init__(self, client: WikiClient | None, cache: Cache, *, offline: bool = False,
                 max_age_days: float = 30, missing_days: float = 3,
                 clock: Callable[[], float] = time.time) -> None:
        self.client = client
        self.cache = cache
        self.offline = offline or client is None
        self.max_age = max_age_days * DAY
        self.missing_age = missing_days * DAY
        self.clock = clock
        self.notice = cache.notice

    # --- cache rules

    def is_stale(self, bg: Background) -> bool:
        limit = self.missing_age if bg.status == "missing" else self.max_age
        return self.clock() - bg.fetched_at > limit

    def cached(self, name: str, lang: str) -> Background | None:
        bg = self.cache.get(lang, key_of(name))
        return None if bg is None else replace(bg, cached=True)

    # --- lookups

    async def lookup(self, name: str, lang: str, context: Sequence[str] = (),
                     *, refresh: bool = False, allow_stale: bool = False) -> Background:
        """Background for ``name``: a fresh cache entry, else the wiki (else a stale entry
        when the wiki cannot be reached). Raises LookupFailed; failures are never cached.

        ``allow_stale`` returns a stale cache entry at once (``cached`` set), for a caller
        that shows it and then refreshes it with ``refresh=True``."""
        key = key_of(name)
        cached = self.cached(name, lang)
        if cached is not None and not refresh and (
                self.offline or allow_stale or not self.is_stale(cached)):
            return cached
        if self.offline:
            if cached is not None:
                return cached
            raise LookupFailed("offline", NOT_CACHED)
        try:
            bg = await self._resolve(name, lang, context_words(context), self.cache.pick(lang, key))
        except LookupFailed as exc:
            if exc.kind == "connection":
                self.offline = True
                self.notice = "connection failed: working offline from the cache"
                if cached is not None:
                    return cached
            raise
        self.cache.put(lang, key, bg)
        return bg

    async def choose(self, name: str, lang: str, title: str) -> Background:
        """The user picked ``title`` for ``name``: remember it and look it up."""
        self.cache.set_pick(lang, key_of(name), title)
        return await self.lookup(name, lang, refresh=not self.offline)

    def _client(self) -> WikiClient:
        if self.client is None:
            raise LookupFailed("offline", NOT_CACHED)
        return self.client

    async def _resolve(self, name: str, lang: str, context: set[str],
                       pick: str | None = None, *,
                       page: dict[str, Any] | _Unknown | None = _UNKNOWN) -> Background:
        """Resolve a name; ``page`` passes on what a batched request already found."""
        client = self._client()
        if isinstance(page, _Unknown):
            titles = [pick] if pick else title_variants(name, lang)
            pages, mapping = await client.pages(lang, titles)
            page = _first_existing(titles, pages, mapping)
        if page is None:  # no page of that title: search, and judge hits by the context
            page = best_match(name, await client.search(lang, name), context)
        if page is not None:
            return await self._from_page(name, lang, page, context)
        if lang != "en":
            fallback = await self._resolve(name, "en", context)
            if fallback.status != "missing":
                note = f"no {LANG_NAMES.get(lang, lang)} article: from English Wikipedia"
                return replace(fallback, query=name, note=note)
        return Background(status="missing", query=name, lang=lang, fetched_at=self.clock())

    async def _from_page(self, name: str, lang: str, page: dict[str, Any],
                         context: set[str]) -> Background:
        client = self._client()
        url = page.get("fullurl") or client.page_url(lang, page["title"])
        if is_disambiguation(page):
            links = rank_candidates(await client.links(lang, page["title"]), context)
            return Background(
                status="ambiguous", query=name, lang=lang, title=page["title"], url=url,
                candidates=tuple(Candidate(p["title"], p.get("description", ""))
                                 for p in links),
                fetched_at=self.clock())
        return _found(name, lang, page, url, self.clock())

    # --- prefetch

    async def prefetch(self, names: Sequence[str], lang: str, context: Sequence[str] = (),
                       progress: Callable[[int], None] | None = None) -> PrefetchSummary:
        """Resolve every name into the cache: titles in batches of 50, then a search for
        the ones without a page and candidates for disambiguations."""
        summary = PrefetchSummary()
        client = self._client()
        before = client.requests_sent
        words = context_words(context)
        todo: list[str] = []
        for name in dict.fromkeys(names):
            bg = self.cached(name, lang)
            if bg is not None and not self.is_stale(bg):
                summary.cached += 1
                _count(summary, bg)
                if progress:
                    progress(1)
            else:
                todo.append(name)
        batches = _batches(todo, lang)
        for i, batch in enumerate(batches):
            try:
                results = await self._resolve_batch(batch, lang, words)
            except LookupFailed as exc:
                summary.error = exc.message
                if exc.kind in ("connection", "rate_limited"):  # the rest would fail too
                    summary.failed += sum(len(b) for b in batches[i:])
                    break
                summary.failed += len(batch)
                if progress:
                    progress(len(batch))
                continue
            self.cache.put_many([(lang, key_of(n), bg) for n, bg in results])
            for _, bg in results:
                _count(summary, bg)
            summary.failed += len(batch) - len(results)
            if progress:
                progress(len(batch))
        summary.requests = client.requests_sent - before
        return summary

    async def _resolve_batch(self, names: list[str], lang: str,
                             context: set[str]) -> list[tuple[str, Background]]:
        """One request for the titles of every name; then per name only what is needed:
        a disambiguation's candidates, a search; then one request for English fallbacks."""
        client = self._client()
        wanted = {n: title_variants(n, lang) for n in names}
        pages, mapping = await client.pages(lang, [t for ts in wanted.values() for t in ts])
        done: dict[str, Background] = {}
        pending: list[tuple[str, dict[str, Any] | None, str | None]] = []
        for name, ts in wanted.items():
            pick = self.cache.pick(lang, key_of(name))
            page = None if pick else _first_existing(ts, pages, mapping)
            if page is not None and not is_disambiguation(page):
                url = page.get("fullurl") or client.page_url(lang, page["title"])
                done[name] = _found(name, lang, page, url, self.clock())
            else:
                pending.append((name, page, pick))

        async def one(name: str, page: dict[str, Any] | None,
                      pick: str | None) -> tuple[str, Background | None]:
            try:
                if pick:
                    return name, await self._resolve(name, lang, context, pick)
                if page is None:
                    page = best_match(name, await client.search(lang, name), context)
                if page is None:
                    return name, None
                return name, await self._from_page(name, lang, page, context)
            except LookupFailed:
                return name, None

        missing: list[str] = []
        for name, bg in await asyncio.gather(*(one(*p) for p in pending)):
            if bg is not None:
                done[name] = bg
            else:
                missing.append(name)
        if missing and lang != "en":
            en_pages, en_map = await client.pages("en", missing)
            note = f"no {LANG_NAMES.get(lang, lang)} article: from English Wikipedia"
            for name in missing:
                page = _first_existing([name], en_pages, en_map)
                if page is not None and not is_disambiguation(page):
                    url = page.get("fullurl") or client.page_url("en", page["title"])
                    done[name] = replace(_found(name, "en", page, url, self.clock()), note=note)
        for name in missing:
            done.setdefault(name, Background(status="missing", query=name, lang=lang,
                                             fetched_at=self.clock()))
        return [(n, done[n]) for n in names]


def _batches(names: list[str], lang: str) -> list[list[str]]:
    batches: list[list[str]] = []
    current: list[str] = []
    size = 0
    for name in names:
        n = len(title_variants(name, lang))
        if current and size + n > MAX_TITLES:
            batches.append(current)
            current, size = [], 0
        current.append(name)
        size += n
    if current:
        batches.append(current)
    return batches


def _count(summary: PrefetchSummary, bg: Background) -> None:
    if bg.status == "found":
        summary.found += 1
    elif bg.status == "ambiguous":
        summary.ambiguous += 1
    else:
        summary.missing += 1


def _first_existing(titles: Sequence[str], pages: Sequence[dict[str, Any]],
                    mapping: dict[str, str]) -> dict[str, Any] | None:
    by_title = {p["title"]: p for p in pages
                if "title" in p and not p.get("missing") and not p.get("invalid")}
    for t in titles:
        page = by_title.get(mapping.get(t, t))
        if page is not None:
            return page
    return None


def _found(name: str, lang: str, page: dict[str, Any], url: str, now: float) -> Background:
    return Background(status="found", query=name, lang=lang, title=page["title"],
                      description=page.get("description", ""),
                      extract=lead_sentences(page.get("extract", "")), url=url,
                      fetched_at=now)
