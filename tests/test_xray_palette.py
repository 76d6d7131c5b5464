"""The command palette's reader commands, and the entity panel as a drawer when narrow."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.commands import export_glossary
from tests.ui_helpers import SIZE, make_app, reading, screen_text, settle


async def _palette(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    for _ in range(20):
        await pilot.pause(0.05)
    await pilot.press("enter")
    await pilot.pause()


async def test_go_to_an_entity_by_fuzzy_name() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _palette(pilot, "go to pjong")
        view = reading(app)
        assert view.selection is not None and view.selection.entity.name == "Pjöngjang"
        assert "mention 1 of 3" in screen_text(app)


async def test_toggle_a_type_and_the_panel_from_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _palette(pilot, "hide people")
        assert "PER" in reading(app).hidden
        await _palette(pilot, "entity panel")
        assert not reading(app).panel_shown()
        await pilot.press("l")
        await pilot.pause()
        assert reading(app).panel_shown()


async def test_search_from_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _palette(pilot, "search the article")
        assert reading(app).search_bar.input.has_focus


async def test_export_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(name="putin.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _palette(pilot, "glossary markdown")
        out = tmp_path / "putin.glossary.md"
        assert out.is_file()
        text = out.read_text(encoding="utf-8")
        assert "## People (5)" in text and "**Wladimir Putin** · 6 mentions" in text
        assert "no background yet" in text
        html = export_glossary(reading(app), "html", tmp_path).read_text(encoding="utf-8")
        assert "<h2>Places (8)</h2>" in html


async def test_narrow_terminal_makes_the_panel_a_drawer() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = reading(app)
        assert not view.panel_shown()
        assert view.article.size.width >= 40
        await pilot.press("l")
        await pilot.pause()
        assert view.panel_shown() and view.panel.entity_list.has_focus
        assert view.query_one("#reading-column").size.width >= 40
        assert "Wladimir Putin" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert not view.panel_shown() and view.article.has_focus
