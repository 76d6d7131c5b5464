"""The Wikipedia adapter and lookup service against MediaWiki-shaped JSON (MockTransport)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from reader.tools.stubwiki import StubWiki, sample_wiki
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.context import LookupContext, stems
from reader.wiki.model import LookupFailed
from reader.wiki.service import LookupService

API = "https://{lang}.wiki.test/w/api.php"


def make_service(tmp_path: Path, wiki: StubWiki | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 clock: Callable[[], float] | None = None, offline: bool = False,
                 ) -> tuple[LookupService, StubWiki]:
    wiki = wiki or sample_wiki()
    client = WikiClient(API, transport=transport or wiki.transport())
    service = LookupService(client, Cache(tmp_path / "cache"), offline=offline,
                            clock=clock or time.time)
    return service, wiki


async def test_found_page_with_description_lead_and_url(tmp_path: Path) -> None:
    service, wiki = make_service(tmp_path)
    bg = await service.lookup("Wladimir Putin", "de")
    assert bg.status == "found" and bg.title == "Wladimir Putin" and not bg.cached
    assert bg.description.startswith("russischer Politiker")
    assert bg.extract.startswith("Wladimir Wladimirowitsch Putin (* 7. Oktober 1952 in "
                                 "Leningrad) ist ein russischer Politiker.")
    assert bg.url.endswith("/wiki/Wladimir_Putin")
    assert len(wiki.requests) == 1
    req = wiki.requests[0]
    # only what the card shows: no page images, no page info
    assert set(req["prop"].split("|")) == {"extracts", "pageprops", "description",
                                           "coordinates", "langlinks", "revisions"}
    assert req["redirects"] == "1"
    ua = wiki.headers[0]["user-agent"]
    assert ua.startswith("reader/") and "Wikipedia-API" in ua


async def test_redirect_and_inflection(tmp_path: Path) -> None:
    service, _ = make_service(tmp_path)
    assert (await service.lookup("Putin", "de")).title == "Wladimir Putin"
    assert (await service.lookup("Russlands", "de")).title == "Russland"
    assert (await service.lookup("Zweiten Weltkriegs", "de")).title == "Zweiter Weltkrieg"


async def test_search_fallback_uses_context(tmp_path: Path) -> None:
    service, wiki = make_service(tmp_path)
    bg = await service.lookup("Gästehaus Diaoyutai", "de", context=["Peking", "Xi Jinping"])
    assert bg.status == "found" and bg.title == "Staatliches Gästehaus Diaoyutai"
    assert any(r.get("generator") == "search" for r in wiki.requests)


async def test_missing_page_is_cached_briefly(tmp_path: Path) -> None:
    now = [1_000_000.0]
    service, wiki = make_service(tmp_path, clock=lambda: now[0])
    bg = await service.lookup("Erika Mustermann", "de")
    assert bg.status == "missing"
    sent = len(wiki.requests)
    await service.lookup("Erika Mustermann", "de")
    assert len(wiki.requests) == sent  # cached
    now[0] += 4 * 86_400  # missing entries expire after 3 days, found ones after 30
    await service.lookup("Erika Mustermann", "de")
    assert len(wiki.requests) > sent


async def test_language_fallback_to_english(tmp_path: Path) -> None:
    service, _ = make_service(tmp_path)
    bg = await service.lookup("Shehbaz Sharif", "de")
    assert bg.status == "found" and bg.lang == "en"
    assert "English" in bg.note


async def test_disambiguation_offers_candidates_and_pick_is_remembered(tmp_path: Path) -> None:
    service, _ = make_service(tmp_path)
    # "in der Region Kursk", and no page of the region: the user picks
    context = LookupContext(stems(["Russland", "Militär"]), ("Russland",), "LOC", "Region")
    bg = await service.lookup("Kursk", "de", context)
    assert bg.status == "ambiguous"
    titles = [c.title for c in bg.candidates]
    assert set(titles) == {"Kursk (Stadt)", "Kursk (U-Boot)", "Schlacht bei Kursk"}
    assert titles[0] == "Kursk (Stadt)"  # context (Russland) ranks the city first
    picked = await service.choose("Kursk", "de", "Kursk (Stadt)")
    assert picked.status == "found" and picked.title == "Kursk (Stadt)"
    # a new session (new service, same cache directory) still applies the pick
    again, wiki2 = make_service(tmp_path)
    assert (await again.lookup("Kursk", "de")).title == "Kursk (Stadt)"
    assert wiki2.requests == []  # straight from the cache
    fresh = await again.lookup("Kursk", "de", refresh=True)
    assert fresh.title == "Kursk (Stadt)"
    assert wiki2.requests[0]["titles"] == "Kursk (Stadt)"


def _failing(status: int = 200, body: bytes | None = None, headers: dict[str, str] | None = None,
             exc: Exception | None = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if exc is not None:
            raise exc
        return httpx.Response(status, content=body or b"{}", headers=headers or {})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("transport", "kind"),
    [
        (_failing(exc=httpx.ConnectTimeout("slow")), "timeout"),
        (_failing(exc=httpx.ConnectError("refused")), "connection"),
        (_failing(500), "http"),
        (_failing(503), "http"),
        (_failing(429, headers={"Retry-After": "30"}), "rate_limited"),
        (_failing(200, body=b'{"query": {"pages": [{"tit'), "invalid_json"),
        (_failing(200, body=json.dumps({"error": {"code": "maxlag", "info": "lag"}}).encode()),
         "api_error"),
    ],
)
async def test_errors_are_reported_and_never_cached(tmp_path: Path,
                                                    transport: httpx.MockTransport,
                                                    kind: str) -> None:
    service, _ = make_service(tmp_path, transport=transport)
    with pytest.raises(LookupFailed) as info:
        await service.lookup("Wladimir Putin", "de")
    assert info.value.kind == kind
    assert service.cache.get("de", "wladimir putin") is None


async def test_rate_limit_is_honoured_without_waiting(tmp_path: Path) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(429, headers={"Retry-After": "30"})

    service, _ = make_service(tmp_path, transport=httpx.MockTransport(handler))
    for _ in range(2):
        with pytest.raises(LookupFailed):
            await asyncio.wait_for(service.lookup("Putin", "de"), timeout=2)
    assert len(calls) == 1  # the second lookup did not hit the server inside Retry-After


async def test_connection_failure_switches_to_offline_and_serves_cache(tmp_path: Path) -> None:
    service, _ = make_service(tmp_path)
    await service.lookup("Wladimir Putin", "de")
    broken, _ = make_service(tmp_path, transport=_failing(exc=httpx.ConnectError("down")))
    with pytest.raises(LookupFailed) as info:
        await broken.lookup("Nordkorea", "de")
    assert broken.offline and info.value.notices == (
        "connection failed: working offline from the cache",)
    bg = await broken.lookup("Wladimir Putin", "de", refresh=True)
    assert bg.cached and bg.title == "Wladimir Putin"
    assert bg.notices == ()  # said once


async def test_offline_never_touches_the_network(tmp_path: Path) -> None:
    service, _ = make_service(tmp_path)
    await service.lookup("Wladimir Putin", "de")

    def explode(request: httpx.Request) -> httpx.Response:
        raise AssertionError("network used while offline")

    offline, _ = make_service(tmp_path, transport=httpx.MockTransport(explode), offline=True)
    assert (await offline.lookup("Wladimir Putin", "de")).cached
    with pytest.raises(LookupFailed, match="reader prefetch"):
        await offline.lookup("Kim Jong-un", "de")


async def test_stale_entry_is_refreshed_online(tmp_path: Path) -> None:
    now = [1_000_000.0]
    service, wiki = make_service(tmp_path, clock=lambda: now[0])
    await service.lookup("Nordkorea", "de")
    now[0] += 31 * 86_400
    cached = service.cached("Nordkorea", "de")
    assert cached is not None and service.is_stale(cached)
    bg = await service.lookup("Nordkorea", "de")
    assert not bg.cached and len(wiki.requests) == 2


async def test_stale_entry_first_when_asked_then_refreshed(tmp_path: Path) -> None:
    now = [1_000_000.0]
    service, wiki = make_service(tmp_path, clock=lambda: now[0])
    await service.lookup("Nordkorea", "de")
    now[0] += 31 * 86_400
    first = await service.lookup("Nordkorea", "de", allow_stale=True)
    assert first.cached and service.is_stale(first) and len(wiki.requests) == 1
    fresh = await service.lookup("Nordkorea", "de", refresh=True)
    assert not fresh.cached and len(wiki.requests) == 2
    assert not service.is_stale(service.cached("Nordkorea", "de"))  # type: ignore[arg-type]


async def test_prefetch_batches_titles(tmp_path: Path) -> None:
    service, wiki = make_service(tmp_path)
    names = ["Wladimir Putin", "Kim Jong-un", "Xi Jinping", "Donald Trump", "Russland",
             "Nordkorea", "Ukraine", "Peking", "Moskau", "Kiew", "Pjöngjang", "Kursk",
             "Shehbaz Sharif"]
    summary = await service.prefetch(names, "de")
    assert (summary.found, summary.ambiguous, summary.failed) == (12, 1, 0)
    first = wiki.requests[0]
    assert len(first["titles"].split("|")) == len(names)  # one batched request
    # then: the disambiguation's candidates, and the English fallback for Sharif
    assert summary.requests <= 1 + 1 + 2
    offline, _ = make_service(tmp_path, offline=True)
    for name in names:
        assert (await offline.lookup(name, "de")).cached


async def test_two_instances_share_a_cache(tmp_path: Path) -> None:
    a, _ = make_service(tmp_path)
    b, _ = make_service(tmp_path)
    await asyncio.gather(a.lookup("Wladimir Putin", "de"), b.lookup("Nordkorea", "de"),
                         a.lookup("Kiew", "de"), b.lookup("Moskau", "de"))
    c = Cache(tmp_path / "cache")
    assert {k for _, k, _ in c.entries()} == {"wladimir putin", "nordkorea", "kiew", "moskau"}


# a read-only cache directory: tests/test_cache_permissions.py (run as an unprivileged user,
# so it checks something under root too)


def test_corrupt_cache_is_moved_aside(tmp_path: Path) -> None:
    d = tmp_path / "cache"
    d.mkdir()
    (d / "lookups.sqlite3").write_bytes(b"this is not a database" * 100)
    cache = Cache(d)
    assert "moved aside" in cache.notice
    assert any(p.name.startswith("lookups.sqlite3.corrupt-") for p in d.iterdir())
    assert cache.stats().get("found", 0) == 0
