"""Issue 15 in the service: linking in context, back online by itself, whole articles
(cached for offline), the richer card, picks changed and cleared, no retry loops."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from reader.core.model import Document
from reader.tools.stubpages import demo_wiki
from reader.tools.stubwiki import StubWiki
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.context import LookupContext
from reader.wiki.model import LookupFailed
from reader.wiki.present import article_text, plain, present
from reader.wiki.service import LookupService
from tests.conftest import SAMPLE_DE
from tests.fakes import SAMPLE_NAMES, fake_analyse

API = "https://{lang}.wiki.test/w/api.php"


def _service(tmp_path: Path, wiki: StubWiki | None = None,
             transport: httpx.AsyncBaseTransport | None = None,
             offline: bool = False) -> tuple[LookupService, StubWiki]:
    wiki = wiki or demo_wiki()
    client = None if offline else WikiClient(API, transport=transport or wiki.transport())
    return LookupService(client, Cache(tmp_path / "cache"), offline=offline), wiki


def _sample() -> Document:
    names = {**SAMPLE_NAMES, "AP": "ORG", "Staatlichen Gästehaus Diaoyutai": "LOC"}
    return list(fake_analyse(names)(SAMPLE_DE.read_text(encoding="utf-8")))[-1].document


def _context(doc: Document, name: str) -> tuple[str, LookupContext]:
    """The entity one of whose mentions reads ``name``: its name and context."""
    entity = next(e for e in doc.entities if name in e.variants or e.name == name)
    return entity.name, LookupContext.of(doc, entity)


async def test_the_issues_three_names_link_in_context(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    doc = _sample()
    name, ctx = _context(doc, "Kursk")
    region = await service.lookup(name, "de", ctx)
    assert (region.status, region.title) == ("found", "Oblast Kursk")  # "Region Kursk"
    name, ctx = _context(doc, "AP")  # "AP Photo"
    agency = await service.lookup(name, "de", ctx)
    assert (agency.title, agency.via) == ("Associated Press", "context")
    assert "AP (Band)" in [c.title for c in agency.candidates]  # still offered (key c)
    name, ctx = _context(doc, "Staatlichen Gästehaus Diaoyutai")
    house = await service.lookup(name, "de", ctx)
    assert house.title == "Staatliches Gästehaus Diaoyutai"


async def test_the_same_name_in_another_article_is_another_page(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    city = LookupContext(label="LOC", admin="Stadt")
    region = LookupContext(label="LOC", admin="Region")
    assert (await service.lookup("Kursk", "de", city)).title == "Kursk (Stadt)"
    assert (await service.lookup("Kursk", "de", region)).title == "Oblast Kursk"
    assert (await service.lookup("Kursk", "de", city)).cached  # each under its own key


async def test_the_card_shows_what_the_page_has(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    bg = await service.lookup("Kursk", "de", LookupContext(label="LOC", admin="Region"))
    text = plain(present(bg, bg.fetched_at))
    assert "Oblast Kursk — Verwaltungseinheit in Russland" in text
    assert "coordinates 51.60° N, 36.10° E" in text
    assert "also in: en, fr, ru, uk" in text
    assert "de.wikipedia · live · edited 2025-08-30" in text
    putin = plain(present(await service.lookup("Wladimir Putin", "de"), bg.fetched_at))
    assert "(* 7. Oktober 1952 in Leningrad)" in putin  # dates in the lead kept
    assert "also in: en, fr, es, it, ru, pl (+7 more)" in putin


async def test_back_online_by_itself(tmp_path: Path) -> None:
    wiki = demo_wiki()
    down = [True]

    def handler(request: httpx.Request) -> httpx.Response:
        if down[0]:
            raise httpx.ConnectError("network unreachable")
        return wiki.transport().handle_request(request)

    service, _ = _service(tmp_path, wiki, httpx.MockTransport(handler))
    with pytest.raises(LookupFailed) as info:
        await service.lookup("Wladimir Putin", "de")
    assert service.offline and "working offline" in info.value.notices[0]
    with pytest.raises(LookupFailed) as again:  # still down: tried, and not said twice
        await service.lookup("Nordkorea", "de")
    assert again.value.kind == "connection" and again.value.notices == ()
    down[0] = False
    bg = await service.lookup("Nordkorea", "de")
    assert bg.title == "Nordkorea" and not service.offline
    assert bg.notices == ("back online: the wiki answers again",)
    assert (await service.lookup("Wladimir Putin", "de")).notices == ()  # said once


async def test_offline_flag_never_goes_online(tmp_path: Path) -> None:
    service, _ = _service(tmp_path, offline=True)
    with pytest.raises(LookupFailed, match="not cached"):
        await service.lookup("Wladimir Putin", "de", refresh=True)
    with pytest.raises(LookupFailed, match="prefetch --full"):
        await service.article("Wladimir Putin", "de")
    assert service.offline


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_rate_limits_and_server_errors_are_asked_once_and_never_cached(
        tmp_path: Path, status: int) -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(status, headers={"Retry-After": "30"})

    service, _ = _service(tmp_path, transport=httpx.MockTransport(handler))
    with pytest.raises(LookupFailed):
        await service.lookup("Wladimir Putin", "de")
    with pytest.raises(LookupFailed):
        await service.article("Wladimir Putin", "de")
    assert len(calls) == (1 if status == 429 else 2)  # one request each, no retry loop
    assert service.cache.stats() == {"articles": 0, "picks": 0}
    assert not service.offline  # the wiki answered: not a connection failure


async def test_whole_article_sections_and_offline_reading(tmp_path: Path) -> None:
    service, wiki = _service(tmp_path)
    art = await service.article("Wladimir Putin", "de")
    assert [(s.heading, s.level) for s in art.sections] == [
        ("", 1), ("Leben", 2), ("Familie", 3), ("Politische Laufbahn", 2), ("Außenpolitik", 2)]
    request = wiki.requests[-1]
    assert request["explaintext"] == "1" and request["exsectionformat"] == "wiki"
    assert "exintro" not in request
    text = article_text(art)
    assert text.startswith("Wladimir Putin\n==============\n")
    assert "Leben\n-----\n\nPutin wuchs in Leningrad auf." in text
    offline, _ = _service(tmp_path, offline=True)
    again = await offline.article("Wladimir Putin", "de")
    assert again.cached and again.sections == art.sections


async def test_prefetch_full_fetches_the_articles_for_offline(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    doc = _sample()
    items = [(e.name, LookupContext.of(doc, e)) for e in doc.entities]
    summary = await service.prefetch(items, "de", full=True)
    assert summary.failed == 0 and summary.articles == summary.found
    offline, _ = _service(tmp_path, offline=True)
    for name, ctx in items:
        bg = await offline.lookup(name, "de", ctx)
        assert bg.cached
        if bg.status == "found":
            assert (await offline.article(bg.title, bg.lang)).cached


async def test_a_pick_is_kept_changed_and_cleared(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    ctx = LookupContext(label="LOC", admin="Region")
    assert (await service.lookup("Kursk", "de", ctx)).title == "Oblast Kursk"
    picked = await service.choose("Kursk", "de", "Kursk (Stadt)", ctx)
    assert (picked.title, picked.via) == ("Kursk (Stadt)", "pick")
    assert "your pick" in plain(present(picked, picked.fetched_at))
    assert (await service.lookup("Kursk", "de", ctx)).title == "Kursk (Stadt)"
    assert service.cache.picks()[0][1:3] == ("kursk", "Kursk (Stadt)")
    assert service.clear_pick("Kursk", "de") == 1
    again = await service.lookup("Kursk", "de", ctx)
    assert (again.title, again.via, again.cached) == ("Oblast Kursk", "title", False)


async def test_an_entry_without_hints_is_not_served_for_a_hinted_name_online(
        tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    plain_kursk = await service.lookup("Kursk", "de")  # `reader lookup Kursk`: no context
    assert plain_kursk.status == "ambiguous"
    region = LookupContext(label="LOC", admin="Region")
    assert (await service.lookup("Kursk", "de", region)).title == "Oblast Kursk"
    offline, _ = _service(tmp_path, offline=True)
    stadt = LookupContext(label="LOC", admin="Stadt")  # never looked up: the plain entry
    assert (await offline.lookup("Kursk", "de", stadt)).status == "ambiguous"


async def test_offline_lookup_without_context_finds_a_hinted_entry(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    await service.lookup("Kursk", "de", LookupContext(label="LOC", admin="Region"))
    offline, _ = _service(tmp_path, offline=True)  # `reader lookup Kursk --offline`
    assert (await offline.lookup("Kursk", "de")).title == "Oblast Kursk"
