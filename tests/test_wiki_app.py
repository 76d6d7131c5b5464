"""Issue 15 in the app: back online by itself, the richer card, the whole article in the
terminal (and its own entities), and choosing or clearing a name's page from the pane."""

from __future__ import annotations

from pathlib import Path

import httpx

from reader.tools.stubpages import demo_wiki
from reader.tools.stubwiki import StubWiki
from reader.ui.app import ReaderApp
from reader.ui.screens.reading import ReadingScreen
from reader.ui.screens.wiki_article import ArticleReadingScreen, WikiArticleScreen
from reader.ui.widgets.detail import DetailPane
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.service import LookupService
from tests.fakes import SAMPLE_NAMES
from tests.ui_helpers import SIZE, detail_text, make_app, reading, screen_text, select, settle

API = "https://{lang}.wiki.test/w/api.php"
NAMES = {**SAMPLE_NAMES, "AP": "ORG"}


def app_with(tmp_path: Path, transport: httpx.AsyncBaseTransport | None = None,
             wiki: StubWiki | None = None) -> ReaderApp:
    wiki = wiki or demo_wiki()
    service = LookupService(WikiClient(API, transport=transport or wiki.transport()),
                            Cache(tmp_path / "cache"))
    return make_app(names=NAMES, lookup=service)


async def _focus_detail(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(6):
        if isinstance(pilot.app.focused, DetailPane):
            return
        await pilot.press("tab")
    raise AssertionError("the detail pane cannot be reached with tab")


async def test_r_brings_the_app_back_online(tmp_path: Path) -> None:
    wiki = demo_wiki()
    down = [True]

    def handler(request: httpx.Request) -> httpx.Response:
        if down[0]:
            raise httpx.ConnectError("network unreachable")
        return wiki.transport().handle_request(request)

    app = app_with(tmp_path, httpx.MockTransport(handler), wiki)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        assert screen_text(app).splitlines()[0].rstrip().endswith("·  offline")
        down[0] = False  # the network is back
        await pilot.press("r")
        await settle(pilot)
        assert "offline" not in screen_text(app).splitlines()[0]
        assert "russischer Politiker" in detail_text(app)
        assert "back online: the wiki answers again" in screen_text(app)
        await pilot.press("down")  # the next lookup: online, and not said again
        await settle(pilot)
        assert len(app._notifications) == 2  # went offline, came back: once each


async def test_the_card_shows_coordinates_languages_and_last_edit(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")  # "in der russischen Region Kursk"
        await settle(pilot)
        shown = detail_text(app)
        assert "Oblast Kursk — Verwaltungseinheit in Russland" in shown
        assert "coordinates 51.60° N, 36.10° E" in shown
        assert "also in: en, fr, ru, uk" in shown
        assert "de.wikipedia · live · edited 2025-08-30" in shown


async def test_w_reads_the_whole_article_and_esc_comes_back(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        await _focus_detail(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WikiArticleScreen)
        text = screen_text(app)
        assert "de.wikipedia · live" in text
        for heading in ("# Leben", "## Familie", "# Politische Laufbahn", "# Außenpolitik"):
            assert heading in text
        assert "Putin wuchs in Leningrad auf." in text
        await pilot.press("e")  # the article's own entities, read like any article
        await settle(pilot)
        assert isinstance(app.screen, ArticleReadingScreen)
        document = app.screen.document
        assert document is not None
        entities = [e.name for e in document.entities]
        assert {"Xi Jinping", "Kim Jong-un", "Peking"} <= set(entities)
        await pilot.press("escape")
        assert isinstance(app.screen, WikiArticleScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)
        assert "Wladimir Putin — russischer Politiker" in detail_text(app)


async def test_c_changes_the_page_and_clears_the_pick(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "AP")  # "AP Photo": the agency, chosen by the context
        await settle(pilot)
        shown = detail_text(app)
        assert "Associated Press — US-amerikanische Nachrichtenagentur" in shown
        assert "chosen by the article's context among 3 pages" in shown
        await _focus_detail(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "• AP (Band) — deutsche Band" in detail_text(app)
        while "AP (Band)" not in str(reading(app).detail.candidates.highlighted_option.prompt):  # type: ignore[union-attr]
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        shown = detail_text(app)
        assert "AP (Band) — deutsche Band" in shown and "your pick" in shown
        await _focus_detail(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "forget my pick (choose by the article)" in detail_text(app)
        option = reading(app).detail.candidates.highlighted_option
        assert option is not None and "forget my pick" in str(option.prompt)
        await pilot.press("enter")
        await settle(pilot)
        shown = detail_text(app)
        assert "Associated Press — US-amerikanische Nachrichtenagentur" in shown
        assert "your pick" not in shown


async def test_c_offers_the_other_pages_of_a_name_found_by_its_title(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await settle(pilot)
        assert "Oblast Kursk — Verwaltungseinheit" in detail_text(app)
        await _focus_detail(pilot)
        await pilot.press("c")
        await settle(pilot)
        rows = detail_text(app)
        assert "• Kursk (Stadt) — Stadt in Russland" in rows
        assert "• Oblast Kursk" not in rows  # the page shown is not offered again
        while "Kursk (Stadt)" not in str(reading(app).detail.candidates.highlighted_option.prompt):  # type: ignore[union-attr]
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        shown = detail_text(app)
        assert "Kursk (Stadt) — Stadt in Russland" in shown and "your pick" in shown


async def test_w_and_the_palette_work_from_the_entity_list(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        await pilot.press("w")  # the entity list has the focus
        await settle(pilot)
        assert isinstance(app.screen, WikiArticleScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"whole wikipedia article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WikiArticleScreen)
        assert "# Politische Laufbahn" in screen_text(app)
