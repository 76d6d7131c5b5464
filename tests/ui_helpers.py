"""Helpers for Pilot tests: build the app with fakes, reach its reading screen, select an
entity with the keyboard, and read what is on screen."""

from __future__ import annotations

from textual.pilot import Pilot

from reader.core.analysis import AnalyseFn
from reader.core.model import Label
from reader.core.source import Source
from reader.library.store import Library
from reader.ui.app import ReaderApp
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.entities import EntityList
from reader.wiki.service import LookupService
from tests.conftest import SAMPLE_DE
from tests.fakes import SAMPLE_NAMES, fake_analyse

SIZE = (130, 45)


def make_app(text: str | None = None, names: dict[str, Label] | None = None,
             analyse: AnalyseFn | None = None, name: str = "article.txt",
             lookup: LookupService | None = None, note: str = "",
             library: Library | None = None) -> ReaderApp:
    """The app on ``text`` (the German sample by default), analysed by string search."""
    body = SAMPLE_DE.read_text(encoding="utf-8") if text is None else text
    source = Source(name=name, text=body, encoding="utf-8", note=note)
    fn = analyse or fake_analyse(SAMPLE_NAMES if names is None else names)
    return ReaderApp(source, "de", fn, "fake (test)", lookup, library)


def reading(app: ReaderApp) -> ReadingScreen:
    """The app's reading screen (even while another screen is over it)."""
    return next(s for s in app.screen_stack if isinstance(s, ReadingScreen))


def screen_text(app: ReaderApp) -> str:
    """The characters on the terminal screen, line by line, as a user sees them."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the workers (analysis, lookups) and for the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # a lookup started by the last update
    await pilot.pause()


def detail_text(app: ReaderApp) -> str:
    """The detail area's text (as shown, before wrapping) and its candidate rows."""
    detail = reading(app).detail
    rows = [str(detail.candidates.get_option_at_index(i).prompt)
            for i in range(detail.candidates.option_count)]
    return "\n".join([str(detail.body.content), *rows])


def entity_rows(app: ReaderApp) -> list[str]:
    """The entity list's rows as text (group headers and entities)."""
    options = reading(app).panel.entity_list
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def select(pilot: Pilot[None], name: str) -> None:
    """Tab to the entity list (unless there) and move down to ``name``, keyboard only."""
    app = pilot.app
    options = app.screen.query_one(EntityList)
    if not options.has_focus:
        await pilot.press("tab")
    assert options.has_focus
    for _ in range(options.option_count):
        current = options.highlighted_option
        if current is not None and str(current.prompt).startswith(f"▍{name}  "):
            return
        await pilot.press("down")
    raise AssertionError(f"{name} not reachable in the entity list")


def notices(app: ReaderApp) -> str:
    """The messages of the notifications shown so far, one a line (a toast wraps them)."""
    return "\n".join(n.message for n in app._notifications)
