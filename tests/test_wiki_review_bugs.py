"""The three review bugs of issue 15, each as a user meets it (these fail on the code
before the one resolution path): prefetch and lookup disagreeing, prefetch and the app
using different contexts under one cache key, and cache notices lost after the first."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reader.cli import wiki_commands
from reader.core.model import Document
from reader.core.source import Source
from reader.tools.stubwiki import StubPage, StubWiki
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.service import LookupService
from tests.fakes import fake_analyse
from tests.ui_helpers import SIZE, detail_text, make_app, select, settle

API = "https://{lang}.wiki.test/w/api.php"


def _service(wiki: StubWiki, cache_dir: Path | None) -> LookupService:
    return LookupService(WikiClient(API, transport=wiki.transport()), Cache(cache_dir))


async def test_prefetch_finds_what_lookup_finds_by_english_search(tmp_path: Path) -> None:
    """No German page, an English page reached only by search: prefetch caches it (it
    used to cache "missing" for three days, which the app then served)."""
    wiki = StubWiki()
    wiki.add("en", StubPage("Diaoyutai State Guesthouse", "The Diaoyutai Guesthouse is a "
                            "state guesthouse in Beijing.", "Guesthouse in Beijing"))
    name = "Diaoyutai Guesthouse"
    looked_up = await _service(wiki, None).lookup(name, "de")
    assert looked_up.status == "found" and looked_up.title == "Diaoyutai State Guesthouse"
    service = _service(wiki, tmp_path / "cache")
    await service.prefetch([name], "de")
    cached = service.cached(name, "de")
    assert cached is not None
    assert (cached.status, cached.title, cached.lang) == ("found", looked_up.title, "en")
    assert "English" in cached.note


ARTICLE = ("Kim übernachtete im Diaoyutai, dem Gästehaus der Regierung, wo Staatsgäste "
           "wohnen; dort empfing ihn der Protokollchef mit einem Bankett. "
           + "Danach gab es Gespräche über Handel und Soldaten. " * 6
           + "Später ging es um den Streit zwischen Japan und China.")
NAMES: dict[str, Any] = {"Diaoyutai": "LOC", "Kim": "PER"}


def _two_pages() -> StubWiki:
    wiki = StubWiki()
    wiki.add("de", StubPage("Diaoyutai (Inseln)", "Die Diaoyutai sind eine Inselgruppe, "
                            "um die Japan und China streiten.", "Inselgruppe"))
    wiki.add("de", StubPage("Diaoyutai (Gästehaus)", "Das Diaoyutai ist das Gästehaus der "
                            "Regierung in Peking, wo Staatsgäste wohnen.", "Gästehaus"))
    return wiki


async def test_prefetch_and_the_app_judge_a_name_by_the_same_context(tmp_path: Path) -> None:
    """The app shows the page prefetch stored, and it is the page the app itself finds
    for the article (they used different contexts, and the first to run won)."""
    doc: Document = list(fake_analyse(NAMES)(ARTICLE))[-1].document
    source = Source(name="gaestehaus.txt", text=ARTICLE, encoding="utf-8")
    prefetched = _service(_two_pages(), tmp_path / "prefetched")
    code = await asyncio.to_thread(wiki_commands.prefetch, prefetched, [(source, doc)])
    assert code == 0
    shown = []
    for cache in ("prefetched", "fresh"):
        app = make_app(text=ARTICLE, names=NAMES,
                       lookup=_service(_two_pages(), tmp_path / cache))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await select(pilot, "Diaoyutai")
            await settle(pilot)
            shown.append(detail_text(app))
    assert "cached" in shown[0] and "live" in shown[1]
    for text in shown:
        assert "Diaoyutai (Gästehaus) — Gästehaus" in text


class _FailingWrites:
    """A cache connection whose writes fail, as on a full disk."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().startswith(("INSERT", "BEGIN", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self.db.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction

    def close(self) -> None:
        self.db.close()


def test_every_failed_cache_write_is_reported(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Each lookup whose result could not be stored says so (only the first used to)."""
    from reader.tools.stubwiki import sample_wiki

    service = _service(sample_wiki(), tmp_path / "cache")
    service.cache._db = _FailingWrites(service.cache._db)  # type: ignore[assignment]
    for name in ("Wladimir Putin", "Nordkorea"):
        assert wiki_commands.lookup(service, name, "de", False, False) == 0
        err = capsys.readouterr().err
        assert "cache write failed (database or disk is full)" in err, name
