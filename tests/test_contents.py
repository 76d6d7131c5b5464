"""A book's table of contents in the app: T lists the chapters, enter goes to one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import OptionList

from reader.core.sources import open_source
from reader.ui.screens.contents import ContentsScreen
from tests.test_sources_epub import build_epub
from tests.ui_helpers import SIZE, make_app, reading, screen_text, settle


async def test_contents_key_lists_the_chapters_and_enter_goes_there(tmp_path: Path) -> None:
    filler = "".join(f"<p>Absatz {i} über die Reise nach Peking.</p>" for i in range(80))
    chapters = [("a.xhtml", "Erstes Kapitel", f"<h1>Erstes Kapitel</h1>{filler}"),
                ("b.xhtml", "Zweites Kapitel", f"<h1>Zweites Kapitel</h1>{filler}")]
    book = open_source(str(build_epub(tmp_path / "reise.epub", chapters=chapters)))
    app = make_app(text=book.text, names={"Peking": "LOC"})
    async with app.run_test(size=SIZE) as pilot:
        screen = reading(app)
        screen.source = replace(screen.source, toc=book.toc)
        await settle(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        assert "Zweites Kapitel" in screen_text(app)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ContentsScreen)
        second = book.toc[1][1]
        top = screen.article.top_offset()
        assert top > 0 and abs(top - second) < 200  # the chapter's line is at the top


async def test_contents_key_on_a_plain_text_says_there_is_none() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert not app.screen.query(OptionList).filter("#contents")
        assert "no table of contents" in "\n".join(str(n.message) for n in app._notifications)
