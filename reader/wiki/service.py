"""The lookup service: cache first, then the wiki; picks, whole articles, offline mode.

The UI and the CLI use only this class. It is given its client and cache (so tests inject
a client over ``httpx.MockTransport``). Asked to be offline (``--offline``) it never
touches the network. When a connection fails it switches itself offline and serves the
cache, but every later lookup that the cache cannot answer (and every refresh) tries the
network again; the first that succeeds brings it back online and says so. Resolution is
:class:`~reader.wiki.resolver.Resolver`'s one path, for single lookups and prefetch alike;
each result carries the notices raised while it was made.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.core.names import key_of
from reader.wiki.articles import sections
from reader.wiki.cache import Cache
from reader.wiki.context import NO_CONTEXT, LookupContext
from reader.wiki.model import Article, Background, Candidate, LookupFailed
from reader.wiki.resolver import Answers, Resolver

if TYPE_CHECKING:
    from reader.wiki.client import WikiClient
    from reader.wiki.prefetch import PrefetchSummary

DAY = 86_400.0
NOT_CACHED = "not cached — run `reader prefetch` while online"
WENT_OFFLINE = "connection failed: working offline from the cache"
BACK_ONLINE = "back online: the wiki answers again"
ARTICLE_NOT_CACHED = "article not cached — run `reader prefetch --full` while online"


class LookupService:
    """Background for entity names, from the cache or the wiki."""

    def __init__(self, client: WikiClient | None, cache: Cache, *, offline: bool = False,
                 max_age_days: float = 30, missing_days: float = 3,
                 clock: Callable[[], float] = time.time,
                 connect: Callable[[], WikiClient] | None = None) -> None:
        self._client = client
        self._connect = connect  # makes the client on first use (instead of ``client``)
        self._connecting = threading.Lock()
        self.cache = cache
        # --offline: never the network
        self.forced_offline = offline or (client is None and connect is None)
        self.offline = self.forced_offline  # now: forced, or after a failed connection
        self.max_age = max_age_days * DAY
        self.missing_age = missing_days * DAY
        self.clock = clock
        self.notice = cache.notice  # about the cache as opened (damaged, read-only)

    @property
    def client(self) -> WikiClient | None:
        """The wiki client (None: offline), made on first use when the service was given
        ``connect``: httpx and wikipedia-api are then no part of the app's start-up."""
        with self._connecting:
            if self._client is None and self._connect is not None and not self.forced_offline:
                self._client = self._connect()
        return self._client

    # --- cache rules

    def is_stale(self, bg: Background) -> bool:
        """True when ``bg`` is older than its kind is kept (30 days, "missing" 3)."""
        limit = self.missing_age if bg.status == "missing" else self.max_age
        return self.clock() - bg.fetched_at > limit

    def cached(self, name: str, lang: str, context: LookupContext = NO_CONTEXT,
               *, any_context: bool = False) -> Background | None:
        """The cache entry of ``name`` in ``context``; with ``any_context`` (offline),
        else the entry of the name looked up without hints, else with any."""
        bg = self.cache.get(lang, context.key(name))
        if bg is None and any_context and context.key(name) != key_of(name):
            bg = self.cache.get(lang, key_of(name))
        if bg is None and any_context:
            bg = self.cache.get_hinted(lang, key_of(name))
        return None if bg is None else replace(bg, cached=True)

    # --- lookups

    async def lookup(self, name: str, lang: str,
                     context: LookupContext | Sequence[str] | None = None, *,
                     refresh: bool = False, allow_stale: bool = False) -> Background:
        """Background for ``name`` in ``context``: a fresh cache entry, else the wiki
        (else a cached entry when the wiki cannot be reached). Raises LookupFailed;
        failures are never cached.

        ``allow_stale`` returns a stale cache entry at once (``cached`` set), for a caller
        that shows it and then refreshes it with ``refresh=True``."""
        ctx = as_context(context)
        key = ctx.key(name)  # computed once: read and written under the same key
        # (a pick drops the name's entries, so a cached entry never predates the pick)
        cached = self.cached(name, lang, ctx, any_context=self.forced_offline)
        if cached is not None and not refresh and (
                self.forced_offline or allow_stale or not self.is_stale(cached)):
            return cached
        if self.forced_offline or self.client is None:
            if cached is not None:
                return cached
            raise LookupFailed("offline", NOT_CACHED)
        pick = self.cache.pick(lang, key_of(name))
        return await self._fetch(name, lang, ctx, key, pick, cached)

    async def _fetch(self, name: str, lang: str, ctx: LookupContext, key: str,
                     pick: str | None, cached: Background | None,
                     known: Answers | None = None) -> Background:
        """Resolve on the wiki and store; the offline state follows the outcome."""
        assert self.client is not None
        try:
            bg = await Resolver(self.client, self.clock).resolve(name, lang, ctx, pick, known)
        except LookupFailed as exc:
            notices = self._went_offline() if exc.kind == "connection" else ()
            cached = cached or self.cached(name, lang, ctx, any_context=True)
            if exc.kind == "connection" and cached is not None:
                return replace(cached, notices=notices)
            exc.notices = notices
            raise
        notices = self._back_online()
        written = self.cache.put(lang, key, bg)
        return replace(bg, notices=tuple(n for n in (*notices, written) if n))

    def _went_offline(self) -> tuple[str, ...]:
        if self.offline:
            return ()
        self.offline = True
        return (WENT_OFFLINE,)

    def _back_online(self) -> tuple[str, ...]:
        if not self.offline or self.forced_offline:
            return ()
        self.offline = False
        return (BACK_ONLINE,)

    async def choose(self, name: str, lang: str, title: str,
                     context: LookupContext | Sequence[str] | None = None,
                     candidates: Sequence[Candidate] = ()) -> Background:
        """The user picked ``title`` for ``name``: remember it and look it up; the
        ``candidates`` it was picked from are kept with it, to choose again later."""
        self.cache.forget(lang, key_of(name))
        written = self.cache.set_pick(lang, key_of(name), title)
        bg = await self.lookup(name, lang, context, refresh=not self.forced_offline)
        if candidates and not bg.candidates and bg.via == "pick":
            bg = replace(bg, candidates=tuple(candidates))
            self.cache.put(lang, as_context(context).key(name), bg)
        return replace(bg, notices=(*bg.notices, written)) if written else bg

    async def alternatives(self, name: str, lang: str,
                           context: LookupContext | Sequence[str] | None = None,
                           ) -> tuple[Candidate, ...]:
        """The pages ``name`` may mean (to choose another than the one shown)."""
        if self.forced_offline or self.client is None:
            raise LookupFailed("offline", "offline: the other pages of a name need the wiki")
        try:
            found = await Resolver(self.client, self.clock).alternatives(
                name, lang, as_context(context))
        except LookupFailed as exc:
            exc.notices = self._went_offline() if exc.kind == "connection" else ()
            raise
        self._back_online()
        return found

    def clear_pick(self, name: str, lang: str | None = None) -> int:
        """Forget the user's pick for ``name`` (in ``lang``, else every language) and
        what it chose; the next lookup resolves the name afresh."""
        return self.cache.clear_picks(lang, key_of(name))

    def pick(self, name: str, lang: str) -> str | None:
        """The page the user picked for ``name``, if any."""
        return self.cache.pick(lang, key_of(name))

    # --- prefetch

    async def prefetch(self, items: Sequence[str | tuple[str, LookupContext]], lang: str,
                       progress: Callable[[int], None] | None = None,
                       full: bool = False) -> PrefetchSummary:
        """Resolve every name (a name, or a name with its context) into the cache: titles
        in batches of 50, then each name as :meth:`lookup` resolves it; ``full`` also
        fetches the whole articles. See :mod:`reader.wiki.prefetch`."""
        from reader.wiki.prefetch import prefetch  # (not part of the app's start-up)

        return await prefetch(self, items, lang, progress, full)

    # --- whole articles

    async def article(self, title: str, lang: str, *, refresh: bool = False) -> Article:
        """The whole article ``title``: from the cache, else the wiki (its plain text,
        section by section). Raises LookupFailed (``offline`` when it is not cached)."""
        cached = self.cache.article(lang, title)
        if cached is not None and not refresh and (
                self.offline or self.clock() - cached.fetched_at <= self.max_age):
            return replace(cached, cached=True)
        if self.forced_offline or self.client is None:
            if cached is not None:
                return replace(cached, cached=True)
            raise LookupFailed("offline", ARTICLE_NOT_CACHED)
        try:
            page = await self.client.article(lang, title)
        except LookupFailed as exc:
            notices = self._went_offline() if exc.kind == "connection" else ()
            if exc.kind == "connection" and cached is not None:
                return replace(cached, cached=True, notices=notices)
            exc.notices = notices
            raise
        notices = self._back_online()
        if page is None:
            raise LookupFailed("api_error", f"no article “{title}” on {lang}.wikipedia",
                               notices=notices)
        art = Article(title=page["title"], lang=lang,
                      url=self.client.page_url(lang, page["title"]),
                      sections=sections(page.get("extract", "")), fetched_at=self.clock())
        written = self.cache.put_article(art)
        return replace(art, notices=tuple(n for n in (*notices, written) if n))


def as_context(context: LookupContext | Sequence[str] | None) -> LookupContext:
    """A lookup context from what a caller has: a context, a few words, or nothing."""
    if context is None:
        return NO_CONTEXT
    if isinstance(context, LookupContext):
        return context
    return LookupContext.of_names(context)
