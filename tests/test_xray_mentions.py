"""X-Ray, mentions: "mention 3 of 9", the passages view, and n / N saying why nothing moves;
search in the article text (s, ] [, esc), distinct from the entity filter."""

from __future__ import annotations

from reader.library.passages import find_all, passage
from reader.ui.screens.passages import PassageList, PassagesScreen
from tests.ui_helpers import SIZE, make_app, notices, reading, screen_text, select, settle


def test_passage_is_the_sentence_with_the_mention_marked() -> None:
    text = "Erster Satz. Dann kam Putin nach Peking.\n\nNeuer Absatz."
    start = text.index("Putin")
    p = passage(text, start, start + 5)
    assert p.text == "Dann kam Putin nach Peking."
    assert p.text[p.mark[0]:p.mark[1]] == "Putin"


def test_find_all_ignores_case_and_line_breaks() -> None:
    text = "Der russische\nPräsident und der Russische Präsident."
    assert len(find_all(text, "russische präsident")) == 2
    assert find_all(text, "   ") == []


async def test_mention_position_follows_n_and_shift_n() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Peking")
        await pilot.pause()
        count = reading(app).selection.entity.count  # type: ignore[union-attr]
        assert f"mention 1 of {count}" in screen_text(app)
        await pilot.press("n", "n")
        await pilot.pause()
        assert f"mention 3 of {count}" in screen_text(app)
        await pilot.press("N")
        await pilot.pause()
        assert f"mention 2 of {count}" in screen_text(app)


async def test_passages_list_every_mention_and_enter_jumps_there() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PassagesScreen)
        view = reading(app)
        entity = view.selection.entity  # type: ignore[union-attr]
        options = app.screen.query_one(PassageList)
        assert options.option_count == entity.count
        screen = screen_text(app)
        assert f"Wladimir Putin — {entity.count} passages" in screen
        assert "Präsident Wladimir Putin hat dem nordkoreanischen Staatschef" in screen
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, PassagesScreen)
        assert view.selection is not None and view.selection.index == 2
        assert f"mention 3 of {entity.count}" in screen_text(app)
        y = view.article.line_of(view.selection.mention.start)
        top = view.article.scroll_offset.y
        assert top <= y < top + view.article.scrollable_content_region.height
        await pilot.press("p", "escape")
        await pilot.pause()
        assert view.selection.index == 2


async def test_n_on_a_hidden_or_filtered_out_entity_says_why() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        view = reading(app)
        await pilot.press("2", "n")
        await pilot.pause()
        assert view.selection is not None and view.selection.index == 0
        assert "Places are hidden (press 2 to show them)" in notices(app)
        await pilot.press("2", "slash", *"zz", "enter", "n")
        await pilot.pause()
        assert view.selection.index == 0
        assert "Kursk is filtered out of the entity list" in notices(app)


async def test_n_without_selection_says_to_select() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert "Select an entity first" in notices(app)


async def test_search_highlights_counts_moves_and_ends() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = reading(app)
        await pilot.press("s", *"staatschef")
        await pilot.pause()
        total = len(find_all(view.article.text, "staatschef"))
        assert total >= 3
        assert f"1 of {total} matches" in screen_text(app)
        await pilot.press("enter")
        assert view.article.has_focus
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert f"2 of {total} matches" in screen_text(app)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert f"{total} of {total} matches" in screen_text(app)  # wrapped around
        assert view.search_index == total - 1
        # the entity filter is untouched by the search
        assert view.panel.filter_input.value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert not view.search_bar.display
        assert view.search_matches == []
        assert "matches" not in screen_text(app)


async def test_search_with_no_match_says_so() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", *"zzzz")
        await pilot.pause()
        assert "no match" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert reading(app).article.has_focus
