"""``reader picks list|clear`` and ``reader lookup NAME --full``, as a user types them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.tools.stubpages import demo_wiki
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.context import LookupContext
from reader.wiki.service import LookupService

API = "https://{lang}.wiki.test/w/api.php"


async def _filled(cache_dir: Path) -> None:
    service = LookupService(WikiClient(API, transport=demo_wiki().transport()),
                            Cache(cache_dir))
    await service.choose("Kursk", "de", "Kursk (Stadt)",
                         LookupContext(label="LOC", admin="Region"))
    await service.choose("AP", "de", "AP (Band)")
    bg = await service.lookup("Wladimir Putin", "de")
    await service.article(bg.title, bg.lang)


async def test_picks_are_listed_and_cleared(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    cache_dir = tmp_path / "cache"
    await _filled(cache_dir)
    assert main(["picks", "list", "--cache-dir", str(cache_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("  (picked")[0] for line in out] == [
        "de  ap  →  AP (Band)", "de  kursk  →  Kursk (Stadt)"]
    assert main(["picks", "clear", "Kursk", "--cache-dir", str(cache_dir)]) == 0
    assert "forgot the pick for “Kursk”" in capsys.readouterr().out
    assert Cache(cache_dir).get("de", "kursk|region") is None  # what it chose, too
    assert main(["picks", "clear", "--all", "--cache-dir", str(cache_dir)]) == 0
    assert capsys.readouterr().out == "forgot 1 pick\n"
    assert main(["picks", "list", "--cache-dir", str(cache_dir)]) == 0
    assert capsys.readouterr().out.startswith("no picks")


def test_picks_clear_needs_a_name_or_all(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c").mkdir()
    with pytest.raises(SystemExit) as info:
        main(["picks", "clear", "--cache-dir", str(tmp_path / "c")])
    assert info.value.code == 2
    assert "picks clear needs a NAME or --all" in capsys.readouterr().err


def test_lookup_full_prints_the_cached_article_offline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache_dir = tmp_path / "cache"
    asyncio.run(_filled(cache_dir))
    assert main(["lookup", "Wladimir Putin", "--full", "--offline",
                 "--cache-dir", str(cache_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wladimir Putin\n==============\n\nWladimir Wladimirowitsch Putin")
    assert "\nPolitische Laufbahn\n-------------------\n" in out
    assert out.rstrip().endswith("https://de.wiki.test/wiki/Wladimir_Putin")
