"""Wikipedia background in the app: shown, picked, cached, offline, cancelled."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
from textual.worker import WorkerState

from reader.tools.stubwiki import StubWiki, sample_wiki
from reader.ui.app import ReaderApp
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.service import LookupService
from tests.fakes import SAMPLE_NAMES, fake_analyse
from tests.ui_helpers import SIZE, detail_text, make_app, reading, screen_text, select, settle

API = "https://{lang}.wiki.test/w/api.php"


def app_with(tmp_path: Path, transport: httpx.AsyncBaseTransport | None = None,
             offline: bool = False, wiki: StubWiki | None = None) -> tuple[ReaderApp, StubWiki]:
    wiki = wiki or sample_wiki()
    client = None if offline else WikiClient(API, transport=transport or wiki.transport())
    service = LookupService(client, Cache(tmp_path / "cache"), offline=offline)
    return make_app(lookup=service), wiki


async def test_selecting_shows_description_and_lead(tmp_path: Path) -> None:
    app, wiki = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        # one selection, one lookup: one request for the title, nothing asked twice
        assert [r["titles"] for r in wiki.requests] == ["Wladimir Putin"]
        screen = detail_text(app)
        assert "Wladimir Putin — russischer Politiker" in screen
        assert "(* 7. Oktober 1952 in Leningrad)" in screen
        assert "de.wikipedia · live" in screen
        assert "wiki.test/wiki/Wladimir_Putin" in screen


async def test_disambiguation_pick_is_remembered_after_restart(tmp_path: Path) -> None:
    app, _ = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await settle(pilot)
        assert "This name is ambiguous" in detail_text(app)
        await pilot.press("tab")  # to the candidates
        option = reading(app).detail.candidates.highlighted_option
        assert option is not None and "Kursk (Stadt)" in str(option.prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert "Kursk (Stadt) — Stadt in Russland" in detail_text(app)
    again, _ = app_with(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await settle(pilot)
        assert "Kursk (Stadt) — Stadt in Russland" in detail_text(again)
        assert "cached" in detail_text(again)


async def test_offline_shows_cached_and_says_what_is_missing(tmp_path: Path) -> None:
    online = LookupService(WikiClient(API, transport=sample_wiki().transport()),
                           Cache(tmp_path / "cache"))
    await online.lookup("Wladimir Putin", "de")
    app, _ = app_with(tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "offline" in screen_text(app)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        assert "russischer Politiker" in detail_text(app)
        await pilot.press("down")
        await settle(pilot)
        assert "not cached — run `reader prefetch` while online" in detail_text(app)


async def test_errors_show_in_the_detail_area_and_retry_works(tmp_path: Path) -> None:
    wiki = sample_wiki()
    failing = [True]

    def handler(request: httpx.Request) -> httpx.Response:
        if failing[0]:
            return httpx.Response(503)
        return wiki.transport().handle_request(request)

    app, _ = app_with(tmp_path, transport=httpx.MockTransport(handler), wiki=wiki)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        assert "⚠ the wiki answered HTTP 503" in detail_text(app)
        failing[0] = False
        await pilot.press("r")
        await settle(pilot)
        assert "russischer Politiker" in detail_text(app)


async def test_stale_lookup_is_cancelled_when_the_selection_moves(tmp_path: Path) -> None:
    wiki = sample_wiki()
    release = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        if "Nordkorea" in request.url.params.get("titles", ""):
            await release.wait()  # never answers while the test runs
        params = dict(request.url.params)
        return httpx.Response(200, json=wiki.answer(request.url.host.split(".")[0], params))

    app, _ = app_with(tmp_path, transport=httpx.MockTransport(handler), wiki=wiki)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Nordkorea")
        await pilot.pause()
        assert "looking up…" in detail_text(app)
        pending = [w for w in app.workers if w.group == "lookup"]
        assert [w.state for w in pending] == [WorkerState.RUNNING]
        await pilot.press("j")  # the user moves on to the next entity (Peking)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pending[0].state == WorkerState.CANCELLED
        view = reading(app)
        assert view.selection is not None and view.selection.entity.name == "Peking"
        assert "Hauptstadt der Volksrepublik China" in detail_text(app)
        assert "Staat in Ostasien" not in detail_text(app)
        release.set()


def _stale_cache(tmp_path: Path, days: float = 40) -> None:
    """Wladimir Putin's page in the cache, fetched ``days`` ago (stale after 30)."""
    then = time.time() - days * 86_400
    online = LookupService(WikiClient(API, transport=sample_wiki().transport()),
                           Cache(tmp_path / "cache"), clock=lambda: then)
    asyncio.run(online.lookup("Wladimir Putin", "de"))


async def test_stale_page_stays_on_screen_when_its_refresh_fails(tmp_path: Path) -> None:
    await asyncio.to_thread(_stale_cache, tmp_path)
    requests: list[httpx.Request] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(503)

    app, _ = app_with(tmp_path, transport=httpx.MockTransport(unavailable))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        shown = detail_text(app)
        assert requests  # the refresh was tried
        assert "Wladimir Putin — russischer Politiker" in shown
        assert "(* 7. Oktober 1952 in Leningrad)" in shown
        assert "de.wikipedia · cached 40 days ago" in shown
        assert "⚠ refresh failed: the wiki answered HTTP 503" in shown
        await pilot.press("y")  # the page shown is still the one to copy
        await pilot.pause()
        assert app.clipboard == "https://de.wiki.test/wiki/Wladimir_Putin"
        assert "No page to open" not in screen_text(app)
        await pilot.press("r")  # retrying fails again: the page still stays
        await settle(pilot)
        assert len(requests) >= 2
        assert "russischer Politiker" in detail_text(app)
        assert "refresh failed" in detail_text(app)


async def test_stale_page_is_shown_at_once_and_refreshed_behind(tmp_path: Path) -> None:
    await asyncio.to_thread(_stale_cache, tmp_path)
    wiki = sample_wiki()
    release = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return httpx.Response(200, json=wiki.answer(request.url.host.split(".")[0],
                                                     dict(request.url.params)))

    app, _ = app_with(tmp_path, transport=httpx.MockTransport(slow), wiki=wiki)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await pilot.pause(0.2)
        shown = detail_text(app)
        assert "cached 40 days ago" in shown and "refreshing…" in shown
        release.set()
        await settle(pilot)
        shown = detail_text(app)
        assert "de.wikipedia · live" in shown and "refreshing…" not in shown


async def test_a_failed_connection_turns_the_title_to_offline(tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    app, _ = app_with(tmp_path, transport=httpx.MockTransport(refuse))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        title = screen_text(app).splitlines()[0]
        assert "14 entities" in title and "offline" not in title
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        title = screen_text(app).splitlines()[0]
        assert title.rstrip().endswith("14 entities  ·  offline")
        assert "working offline from the cache" in screen_text(app)  # the notice
        assert "⚠" in detail_text(app)


async def test_analysis_updates_redraw_the_selection_without_asking_again(tmp_path: Path) -> None:
    gate = threading.Event()
    wiki = sample_wiki()
    service = LookupService(WikiClient(API, transport=wiki.transport()),
                            Cache(tmp_path / "cache"))
    app = make_app(analyse=fake_analyse(SAMPLE_NAMES, steps=2, gates=[gate]), lookup=service)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if reading(app).document is not None:
                break
        await select(pilot, "Wladimir Putin")
        await pilot.pause(0.2)
        partial = detail_text(app)
        assert "People · 6 mentions" not in partial  # the second half is not analysed yet
        assert "russischer Politiker" in partial
        gate.set()
        await settle(pilot)
        assert "People · 6 mentions" in detail_text(app)  # the same entity, grown
        assert "russischer Politiker" in detail_text(app)
        assert [r["titles"] for r in wiki.requests] == ["Wladimir Putin"]
