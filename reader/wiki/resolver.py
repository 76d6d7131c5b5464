"""The one resolution path: a name and its context to a page, a choice, or nothing.

``reader lookup``, ``reader prefetch`` and the app all resolve a name with
:meth:`Resolver.resolve`; prefetch only passes in the answers of a batched title query
(50 titles a request) so the first step costs nothing. The steps, in order: the user's
pick; the title variants (administrative forms first, then the name, its base form and
inflections), of which the first that exists wins — a disambiguation page is settled by
the context when it clearly prefers one of its pages, else offered to pick; a search whose
hits are judged by the context; and, for a name with none of these in its own language,
the same steps on English Wikipedia.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.core.names import base_name
from reader.wiki.context import LookupContext
from reader.wiki.model import Background, Candidate, Via
from reader.wiki.resolve import (
    best_hit,
    confident,
    is_disambiguation,
    lead_sentences,
    rank,
    title_score,
    title_variants,
)

if TYPE_CHECKING:
    from reader.wiki.client import WikiClient

LANG_NAMES = {"de": "German", "en": "English"}
# what a batched title query answered: asked title → its page, or None (no such page)
Answers = dict[str, "dict[str, Any] | None"]


def answers(titles: Sequence[str], pages: Sequence[dict[str, Any]],
            mapping: dict[str, str]) -> Answers:
    """The answer of ``client.pages`` per asked title (redirects followed)."""
    by_title = {p["title"]: p for p in pages
                if "title" in p and not p.get("missing") and not p.get("invalid")}
    return {t: by_title.get(mapping.get(t, t)) for t in titles}


class Resolver:
    """Resolves names against one wiki client."""

    def __init__(self, client: WikiClient, clock: Callable[[], float]) -> None:
        self.client = client
        self.clock = clock

    async def titles(self, lang: str, titles: Sequence[str],
                     known: Answers | None = None) -> Answers:
        """The pages of ``titles``: from ``known`` where it has them, else one request."""
        known = known or {}
        ask = [t for t in titles if t not in known]
        out = dict(known)
        if ask:
            pages, mapping = await self.client.pages(lang, ask)
            out.update(answers(ask, pages, mapping))
        return out

    async def resolve(self, name: str, lang: str, context: LookupContext,
                      pick: str | None = None, known: Answers | None = None) -> Background:
        """Resolve ``name`` in ``context`` (``known``: a batched query's answers)."""
        if pick:
            got = await self.titles(lang, [pick], known)
            page = got.get(pick)
            if page is not None and not is_disambiguation(page):
                return self.found(name, lang, page, "pick")
        variants = title_variants(name, lang, context)
        got = await self.titles(lang, variants, known)
        for title in variants:
            page = got.get(title)
            if page is None:
                continue
            if is_disambiguation(page):
                return await self.disambiguate(name, lang, page, context)
            return self.found(name, lang, page, "title")
        query = base_name(name, context.label or "MISC", lang)
        hit = best_hit(name, await self.client.search(lang, query), context, lang)
        if hit is not None:
            return self.found(name, lang, hit, "search")
        if lang != "en":
            fallback = await self.resolve(name, "en", context)
            if fallback.status != "missing":
                note = f"no {LANG_NAMES.get(lang, lang)} article: from English Wikipedia"
                return replace(fallback, query=name, note=note)
        return Background(status="missing", query=name, lang=lang, fetched_at=self.clock())

    async def disambiguate(self, name: str, lang: str, page: dict[str, Any],
                           context: LookupContext) -> Background:
        """A disambiguation page: its pages ranked by the context; the best one when the
        context clearly prefers it (the others stay offered), else all to pick from."""
        ranked = rank(name, await self.client.links(lang, page["title"]), context)
        candidates = tuple(Candidate(p["title"], p.get("description", "")) for _, p in ranked)
        best = confident(ranked, context)
        if best is not None:  # its card in full: coordinates, languages, last edit
            page_of = (await self.titles(lang, [best["title"]])).get(best["title"]) or best
            found = self.found(name, lang, page_of, "context")
            return replace(found, candidates=candidates)
        return Background(status="ambiguous", query=name, lang=lang, title=page["title"],
                          url=self.client.page_url(lang, page["title"]),
                          candidates=candidates, fetched_at=self.clock())

    async def alternatives(self, name: str, lang: str,
                           context: LookupContext) -> tuple[Candidate, ...]:
        """Every page ``name`` may mean, best first for ``context``: the links of its
        disambiguation page, else the search hits whose titles contain the name."""
        page = (await self.titles(lang, [name])).get(name)
        if page is not None and is_disambiguation(page):
            pages = await self.client.links(lang, page["title"])
        else:
            pages = [p for p in await self.client.search(lang, name)
                     if title_score(name, p.get("title", "")) >= 2]
        return tuple(Candidate(p["title"], p.get("description", ""))
                     for _, p in rank(name, pages, context))

    def found(self, name: str, lang: str, page: dict[str, Any], via: Via) -> Background:
        """The background of an article page, with what the card shows."""
        coords = page.get("coordinates") or []
        where = (float(coords[0]["lat"]), float(coords[0]["lon"])) if coords else None
        links = page.get("langlinks") or []
        revisions = page.get("revisions") or []
        edited = str(revisions[0].get("timestamp", ""))[:10] if revisions else ""
        return Background(
            status="found", query=name, lang=lang, title=page["title"],
            description=page.get("description", ""),
            extract=lead_sentences(page.get("extract", "")),
            url=self.client.page_url(lang, page["title"]), fetched_at=self.clock(),
            coordinates=where, languages=tuple(dict.fromkeys(str(x["lang"]) for x in links)),
            edited=edited, via=via)
