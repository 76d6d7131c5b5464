"""The MediaWiki client: wikipedia-api's async client, extended with what reader needs.

wikipedia-api gives the HTTP layer (httpx client, User-Agent, transport, error types)
but no disambiguation detection, descriptions or batched queries. :class:`WikiClient`
subclasses its ``AsyncWikipedia`` so every request goes through the same client and
transport, and adds one-request page queries, search and disambiguation links.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

import httpx
import wikipediaapi

from reader import __version__
from reader.wiki.api import DEFAULT_API, MAX_TITLES
from reader.wiki.model import LookupFailed

# Wikimedia's policy asks for a way to reach the operator: READER_CONTACT (URL or e-mail)
CONTACT = os.environ.get("READER_CONTACT", "terminal reading assistant")
USER_AGENT = f"reader/{__version__} ({CONTACT})"
MAX_IN_FLIGHT = 3
# only what the card shows: lead, disambiguation flag, short description, coordinates,
# the other languages and the date of the last edit
PAGE_PROPS = "extracts|pageprops|description|coordinates|langlinks|revisions"
CANDIDATE_PROPS = "extracts|pageprops|description"


class WikiClient(wikipediaapi.AsyncWikipedia):  # type: ignore[misc]
    """Queries a MediaWiki API whose URL is a template with ``{lang}``."""

    def __init__(self, api_template: str = DEFAULT_API, *, lang: str = "en",
                 transport: httpx.AsyncBaseTransport | None = None,
                 timeout: float = 5.0) -> None:
        kwargs: dict[str, Any] = {"timeout": timeout}
        if transport is not None:
            kwargs["transport"] = transport
        # retries are reader's own (bounded, Retry-After aware): none inside the library
        super().__init__(user_agent=USER_AGENT, language=lang, max_retries=0, **kwargs)
        self.api_template = api_template
        self._slots = asyncio.Semaphore(MAX_IN_FLIGHT)
        self._not_before = 0.0  # honour Retry-After across requests
        self.requests_sent = 0

    def _build_url(self, language: str) -> str:
        return self.api_template.replace("{lang}", language)

    def page_url(self, lang: str, title: str) -> str:
        api = self._build_url(lang)
        base = api.rsplit("/w/api.php", 1)[0] if "/w/api.php" in api else api.rsplit("/", 1)[0]
        return f"{base}/wiki/{title.replace(' ', '_')}"

    async def query(self, lang: str, **params: Any) -> dict[str, Any]:
        """One ``action=query`` request; API errors inside HTTP 200 raise LookupFailed."""
        wait = self._not_before - time.monotonic()
        if wait > 0:
            raise LookupFailed("rate_limited", f"rate limited by the wiki: retry in {wait:.0f} s",
                               retry_after=wait)
        full = {"action": "query", "format": "json", "formatversion": "2", "maxlag": "5",
                **{k: str(v) for k, v in params.items()}}
        async with self._slots:
            self.requests_sent += 1
            try:
                data: dict[str, Any] = await self._get(lang, full)
            except wikipediaapi.WikiRateLimitError as exc:
                after = float(exc.retry_after or 5)
                self._not_before = time.monotonic() + after
                raise LookupFailed("rate_limited",
                                   f"rate limited by the wiki: retry in {after:.0f} s",
                                   retry_after=after) from None
            except wikipediaapi.WikiHttpTimeoutError:
                raise LookupFailed("timeout", "the wiki did not answer in time") from None
            except wikipediaapi.WikiConnectionError:
                raise LookupFailed("connection", "cannot connect to the wiki") from None
            except wikipediaapi.WikiInvalidJsonError:
                raise LookupFailed("invalid_json", "the wiki sent an invalid answer") from None
            except wikipediaapi.WikiHttpError as exc:
                raise LookupFailed("http", f"the wiki answered HTTP {exc.status_code}") from None
            except httpx.HTTPError as exc:
                raise LookupFailed("connection", f"network error: {type(exc).__name__}") from None
        if not isinstance(data, dict):
            raise LookupFailed("invalid_json", "the wiki sent an invalid answer")
        if "error" in data:
            err = data["error"] if isinstance(data["error"], dict) else {}
            code = str(err.get("code", "error"))
            if code == "maxlag":
                raise LookupFailed("api_error", "the wiki is overloaded (maxlag): retry later",
                                   retry_after=5)
            raise LookupFailed("api_error", f"the wiki reported an error: {code}")
        return data

    async def pages(self, lang: str, titles: list[str], *, intro_chars: int = 1200,
                    ) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """Pages for up to 50 titles in one request (continuations followed), with the
        title normalisations and redirects applied: (pages, {asked title: final title})."""
        params: dict[str, Any] = {
            "titles": "|".join(titles[:MAX_TITLES]), "redirects": 1, "prop": PAGE_PROPS,
            "exintro": 1, "explaintext": 1, "exlimit": "max", "exchars": intro_chars,
            "ppprop": "disambiguation", "lllimit": "max", "coprimary": "primary",
            "colimit": "max", "rvprop": "timestamp",
        }
        pages: dict[str, dict[str, Any]] = {}
        mapping: dict[str, str] = {}
        for _ in range(10):  # extracts come 20 per response: follow the continuation
            data = await self.query(lang, **params)
            q = data.get("query", {})
            for entry in q.get("normalized", []) + q.get("redirects", []):
                mapping[entry["from"]] = entry["to"]
            for page in q.get("pages", []):
                merged = pages.setdefault(page["title"], {})
                for key, value in page.items():
                    if key == "langlinks" and merged.get(key):
                        merged[key] = [*merged[key], *value]
                    elif value or key not in merged:
                        merged[key] = value
            cont = data.get("continue")
            # follow the continuation while leads are missing; language links beyond
            # the first answer are left (a long batch would take many requests)
            if not cont or "excontinue" not in cont:
                break
            params.update(cont)
        resolved = {}
        for t in titles[:MAX_TITLES]:
            final = t
            for _ in range(5):
                if final not in mapping:
                    break
                final = mapping[final]
            resolved[t] = final
        return list(pages.values()), resolved

    async def search(self, lang: str, text: str, limit: int = 8) -> list[dict[str, Any]]:
        """Pages a full-text search finds, in rank order, with extract and description."""
        data = await self.query(
            lang, generator="search", gsrsearch=text, gsrlimit=limit, gsrnamespace=0,
            prop=CANDIDATE_PROPS, exintro=1, explaintext=1,
            exlimit="max", exchars=600, ppprop="disambiguation")
        pages = data.get("query", {}).get("pages", [])
        return sorted(pages, key=lambda p: p.get("index", 0))

    async def links(self, lang: str, title: str, limit: int = 40) -> list[dict[str, Any]]:
        """Articles a (disambiguation) page links to, with their descriptions and (for
        the first 20, as TextExtracts allows) the start of their leads."""
        data = await self.query(
            lang, generator="links", titles=title, gpllimit=limit, gplnamespace=0,
            prop=CANDIDATE_PROPS, exintro=1, explaintext=1, exlimit="max", exchars=300,
            ppprop="disambiguation", redirects=1)
        pages: list[dict[str, Any]] = data.get("query", {}).get("pages", [])
        return pages

    async def article(self, lang: str, title: str) -> dict[str, Any] | None:
        """The whole article ``title`` as plain text with ``== wiki ==`` section headings
        (TextExtracts), or None when there is no such page."""
        data = await self.query(
            lang, titles=title, redirects=1, prop="extracts", explaintext=1,
            exsectionformat="wiki")
        for page in data.get("query", {}).get("pages", []):
            if not page.get("missing") and not page.get("invalid") and "extract" in page:
                result: dict[str, Any] = page
                return result
        return None
