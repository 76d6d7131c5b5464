"""Readable everywhere: entity colours with contrast ≥ 4.5:1 in every built-in theme, types
told apart without colour (NO_COLOR), the focused pane marked, home shows the first group."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.color import Color
from textual.widget import Widget

from reader.ui.colours import MIN_CONTRAST, backgrounds, contrast
from tests.ui_helpers import SIZE, entity_rows, make_app, reading, select, settle

THEMES = sorted(App().available_themes)


@pytest.mark.parametrize("name", THEMES)
async def test_entity_colours_have_contrast_in_every_theme(name: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = name
        await pilot.pause()
        variables = app.get_css_variables()
        behind = backgrounds(app.current_theme)
        colours = [Color.parse(variables[f"entity-{t}"]) for t in ("per", "loc", "org", "misc")]
        if behind is None:  # an ANSI theme: the terminal's own palette
            assert all(c.ansi is not None for c in colours)
            return
        for c in colours:
            for b in behind:
                assert contrast(c, b) >= MIN_CONTRAST, (name, c.hex, b.hex)
        assert len({c.hex for c in colours}) == 4


async def test_no_color_marks_types_by_attribute_and_marker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.has_class("-no-color")
        rows = entity_rows(app)
        assert "● Wladimir Putin  6" in rows and "▲ Russland  6" in rows
        article = reading(app).article
        styles = {t: article.get_component_rich_style(f"article--{t}")
                  for t in ("per", "loc", "org", "misc")}
        assert styles["per"].bold and styles["loc"].italic and styles["org"].underline
        assert len({(s.bold, s.italic, s.underline) for s in styles.values()}) == 4


def _bar(widget: Widget) -> str:
    """The style of the widget's left border."""
    return str(widget.styles.border_left[0])


async def test_focused_pane_has_an_accent_bar() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = reading(app)
        assert _bar(view.article) == "thick"
        await pilot.press("tab")
        await pilot.pause()
        assert _bar(view.article) == "blank"
        assert _bar(view.panel.entity_list) == "thick"


async def test_home_and_g_show_the_first_group_header() -> None:
    app = make_app()
    async with app.run_test(size=(130, 16)) as pilot:
        await settle(pilot)
        await select(pilot, "Kiew")
        options = reading(app).panel.entity_list
        assert options.scroll_offset.y > 0
        await pilot.press("g")
        await pilot.pause()
        assert options.scroll_offset.y == 0  # "People  5" is on screen
        assert str(options.highlighted_option.prompt).startswith("▍Wladimir Putin")  # type: ignore[union-attr]
        await pilot.press("G", "home")
        await pilot.pause()
        assert options.scroll_offset.y == 0
