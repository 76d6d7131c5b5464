"""Helpers for Pilot tests: build the app with fakes, read what is on screen."""

from __future__ import annotations

from textual.pilot import Pilot

from reader.core.analysis import AnalyseFn
from reader.core.model import Label
from reader.core.source import Source
from reader.ui.app import ReaderApp
from tests.conftest import SAMPLE_DE
from tests.fakes import SAMPLE_NAMES, fake_analyse


def make_app(text: str | None = None, names: dict[str, Label] | None = None,
             analyse: AnalyseFn | None = None, name: str = "article.txt") -> ReaderApp:
    body = SAMPLE_DE.read_text(encoding="utf-8") if text is None else text
    source = Source(name=name, text=body, encoding="utf-8")
    fn = analyse or fake_analyse(SAMPLE_NAMES if names is None else names)
    return ReaderApp(source, "de", fn, "fake (test)")


def screen_text(app: ReaderApp) -> str:
    """The characters on the terminal screen, line by line, as a user sees them."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the analysis worker and for the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def detail_text(app: ReaderApp) -> str:
    """The detail area's text (as shown, before wrapping) and its candidate rows."""
    rows = [str(app.detail.candidates.get_option_at_index(i).prompt)
            for i in range(app.detail.candidates.option_count)]
    return "\n".join([str(app.detail.body.content), *rows])


def entity_rows(app: ReaderApp) -> list[str]:
    """The entity list's rows as text (group headers and entities)."""
    options = app.panel.entity_list
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
