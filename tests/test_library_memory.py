"""A reader that remembers: position and selection restored on reopen; the library screen
of recent texts (enter opens, d forgets)."""

from __future__ import annotations

from pathlib import Path

from reader.core.source import Source
from reader.library.store import Library, text_hash
from reader.ui.app import Opened, ReaderApp
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from tests.conftest import SAMPLE_DE
from tests.fakes import SAMPLE_NAMES, fake_analyse
from tests.ui_helpers import SIZE, make_app, reading, screen_text, select, settle

SMALL = (100, 20)  # short enough that the sample scrolls


async def test_reopening_restores_position_and_selection(tmp_path: Path) -> None:
    app = make_app(library=Library(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await pilot.pause()
        view = reading(app)
        top = view.article.scroll_offset.y
        assert top > 0
        offset = view.article.top_offset()
    again = make_app(library=Library(tmp_path))
    async with again.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        view = reading(again)
        assert view.article.top_offset() == offset
        assert view.selection is not None and view.selection.entity.name == "Kursk"
        assert view.article.scroll_offset.y == top
    recent = Library(tmp_path).recent()[0]
    assert recent.selected == "Kursk" and recent.entities == 14 and 0 < recent.percent < 100


def _opener(path: str) -> Opened:
    text = Path(path).read_text(encoding="utf-8")
    return Opened(Source(Path(path).name, text, "utf-8"), "de", fake_analyse(SAMPLE_NAMES),
                  "fake (test)", path)


async def test_library_screen_lists_opens_and_forgets(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    sample = str(SAMPLE_DE)
    text = SAMPLE_DE.read_text(encoding="utf-8")
    lib.opened(text, sample, "Putin dankt Kim", "de")
    lib.save_position(text_hash(text), len(text) // 2, "Kursk", 14)
    lib.opened("other text", "/nowhere/other.txt", "Other", "en")
    app = ReaderApp(None, library=lib, opener=_opener)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, LibraryScreen)
        screen = screen_text(app)
        assert "Other" in screen and "Putin dankt Kim" in screen
        assert "50 %" in screen and "14" in screen and "just now" in screen
        # the most recent first: "Other", which cannot be opened any more
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Cannot open" in screen_text(app) or app._notifications
        await pilot.press("d")
        await pilot.pause()
        assert "Other" not in [r.title for r in lib.recent()]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen
        assert view.selection is not None and view.selection.entity.name == "Kursk"


async def test_empty_library_says_how_to_start(tmp_path: Path) -> None:
    app = ReaderApp(None, library=Library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert "No texts yet" in screen_text(app)
