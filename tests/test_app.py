"""The reading app, driven with Pilot as a user would drive it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from reader.core.analysis import Progress
from reader.ui.widgets.entities import EntityList
from tests.fakes import SAMPLE_NAMES, fake_analyse
from tests.ui_helpers import SIZE, entity_rows, make_app, reading, screen_text, select, settle


async def test_article_is_on_screen_before_analysis_finishes() -> None:
    release = threading.Event()
    inner = fake_analyse(SAMPLE_NAMES)

    def slow(text: str) -> Iterator[Progress]:
        release.wait(10)
        yield from inner(text)

    app = make_app(analyse=slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        assert "Präsident Wladimir Putin hat dem" in screen
        assert "analysing…" in screen
        release.set()
        await settle(pilot)
        screen = screen_text(app)
        assert "analysing…" not in screen
        assert "14 entities" in screen  # variants merged: 17 names, 14 entities
        assert "Wladimir Putin" in screen


async def test_panel_groups_entities_with_variants_merged() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = entity_rows(app)
        people = rows[: rows.index(next(r for r in rows if r.startswith("Places")))]
        assert any(r.startswith("▍Wladimir Putin") for r in people)
        assert not any(r.startswith("▍Putin") for r in rows)
        assert any(r.startswith("▍Kim Jong-un") for r in people)
        assert sum(r.startswith("▍Russland") for r in rows) == 1
        assert not any(r.startswith("▍Russlands") for r in rows)
        # most mentioned first: Putin (7) before Kim Jong-un and Xi Jinping
        names = [r[1:].rsplit("  ", 1)[0] for r in people if r.startswith("▍")]
        assert names[0] == "Wladimir Putin"


async def test_selecting_marks_mentions_and_shows_details() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await pilot.pause()
        view = reading(app)
        assert view.selection is not None and view.selection.entity.name == "Kursk"
        screen = screen_text(app)
        assert "Places · 2 mentions" in screen
        # the first mention (far down the article) was scrolled into view
        first = view.selection.entity.mentions[0]
        line = view.article.line_of(first.start)
        top = view.article.scroll_offset.y
        assert top > 0
        assert top <= line < top + view.article.scrollable_content_region.height


async def test_n_and_shift_n_jump_between_mentions_and_wrap() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Peking")
        view = reading(app)

        def index() -> int:
            assert view.selection is not None
            return view.selection.index

        assert view.selection is not None
        count = view.selection.entity.count
        assert count >= 3 and index() == 0
        await pilot.press("n")
        assert index() == 1
        await pilot.press("N", "N")
        assert index() == count - 1  # wrapped around backwards
        await pilot.press("n")
        assert index() == 0  # and forwards
        await pilot.press("n", "n")
        await pilot.pause()
        # the mention the cursor is on is in view
        mention = view.selection.mention
        y = view.article.line_of(mention.start)
        top = view.article.scroll_offset.y
        assert top <= y < top + view.article.scrollable_content_region.height


async def test_filter_by_typing_and_escape_clears() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"kim")
        await pilot.pause()
        options = app.screen.query_one(EntityList)
        entities = [r for r in entity_rows(app) if r.startswith("▍")]
        assert entities == ["▍Kim Jong-un  5"]
        await pilot.press("escape")
        await pilot.pause()
        assert len([r for r in entity_rows(app) if r.startswith("▍")]) > 10
        assert options.has_focus


async def test_type_keys_hide_and_show_a_group() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        screen = screen_text(app)
        assert "People  5  (hidden)" in screen
        assert "▍Wladimir Putin" not in screen
        await pilot.press("1")
        await pilot.pause()
        assert "▍Wladimir Putin" in screen_text(app)


async def test_help_screen_lists_bindings_and_closes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        screen = screen_text(app)
        for expected in ("reader — keys", "Next", "Filter", "Quit", "People"):
            assert expected in screen
        await pilot.press("escape")
        await pilot.pause()
        assert "reader — keys" not in screen_text(app)


async def test_markup_and_escapes_in_the_article_are_shown_literally() -> None:
    text = ("Erstens [bold]x[/bold] und [@click=app.quit]klick[/] hier.\n\n"
            "Zweitens \x1b[31mrot\x1b[0m und eine Glocke \x07 in Berlin.\n")
    app = make_app(text=text, names={"Berlin": "LOC"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_text(app)
        assert "[bold]x[/bold]" in screen
        assert "[@click=app.quit]klick[/]" in screen
        assert "␛[31mrot␛[0m" in screen
        assert "\x1b" not in screen and "\x07" not in screen
        # clicking the would-be action does nothing: the app still runs
        await pilot.click("ArticleView", offset=(20, 0))
        await pilot.pause()
        assert app.is_running


async def test_progressive_analysis_fills_the_panel() -> None:
    gate = threading.Event()
    app = make_app(analyse=fake_analyse(SAMPLE_NAMES, steps=2, gates=[gate]))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # until the first half's result is on screen
            await pilot.pause(0.05)
            if reading(app).document is not None:
                break
        await pilot.pause()
        screen = screen_text(app)
        assert "analysing… 50%" in screen
        assert "▍Wladimir Putin" in screen  # the first paragraph's entity is listed
        assert "Donald Trump" not in screen  # the last paragraph's is not yet
        gate.set()
        await settle(pilot)
        screen = screen_text(app)
        assert "analysing…" not in screen
        assert reading(app).progress == 1.0
        assert "Donald Trump" in screen  # the last paragraph's entity arrived


async def test_mouse_click_selects_an_entity() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = entity_rows(app)
        row = next(i for i, r in enumerate(rows) if r.startswith("▍Xi Jinping"))
        view = reading(app)
        await pilot.click(EntityList, offset=(3, row - view.panel.entity_list.scroll_offset.y))
        await pilot.pause()
        assert view.selection is not None and view.selection.entity.name == "Xi Jinping"
        assert "People · 2 mentions" in screen_text(app)
