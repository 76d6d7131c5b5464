"""The article redraws what a new analysis result changes, and only that: lines on screen
whose mentions stay are kept as drawn; any other line shows the new mentions when it comes
into view."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.core.model import Mention
from reader.ui.widgets.article import ArticleView

LINES = [f"Zeile {i} nennt Berlin und sonst nichts." for i in range(200)]
TEXT = "\n".join(LINES)


def _mention(line: int) -> Mention:
    start = sum(len(x) + 1 for x in LINES[:line]) + LINES[line].index("Berlin")
    return Mention(start, start + len("Berlin"), "Berlin", "LOC")


class _Host(App[None]):
    CSS = "ArticleView > .article--loc { text-style: bold; }"

    def compose(self) -> ComposeResult:
        yield ArticleView(TEXT)


def _styled(view: ArticleView, y: int) -> set[str]:
    """The texts of line ``y`` on screen drawn in a style other than the line's own."""
    strip = view.render_line(y)
    base = view.rich_style
    return {seg.text for seg in strip if seg.text.strip() and seg.style != base}


async def test_a_line_off_screen_gets_the_new_mentions_when_scrolled_to() -> None:
    app = _Host()
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.query_one(ArticleView)
        view.set_mentions([_mention(0)])
        await pilot.pause()
        assert _styled(view, 0) == {"Berlin"}
        view.scroll_to(y=150, animate=False, immediate=True)  # line 150 drawn (cached)
        await pilot.pause()
        assert _styled(view, 0) == set()
        view.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        view.set_mentions([_mention(0), _mention(150)])  # the screen's lines stay the same
        await pilot.pause()
        assert _styled(view, 0) == {"Berlin"}
        view.scroll_to(y=150, animate=False, immediate=True)
        await pilot.pause()
        assert _styled(view, 0) == {"Berlin"}  # line 150, now at the top, drawn anew
        view.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        view.set_mentions([])  # the screen's lines change: drawn again
        await pilot.pause()
        assert _styled(view, 0) == set()
