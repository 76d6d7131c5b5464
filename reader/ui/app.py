"""The reader app: a thin shell that holds the configuration, the theme and the global keys,
and pushes the :class:`~reader.ui.screens.reading.ReadingScreen`, which does the rest — or,
started without a text, the :class:`~reader.ui.screens.library.LibraryScreen` of recent
texts, from which it opens one (through the ``opener`` the command line gives it)."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from reader.core.analysis import AnalyseFn
from reader.core.sanitize import one_line
from reader.core.source import Source
from reader.library.config import Settings, save_theme
from reader.library.store import Library
from reader.ui.colours import BASE, entity_colours
from reader.ui.commands import ReaderCommands
from reader.ui.keymap import APP as APP_KEYS
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article import ArticleView
from reader.wiki.service import LookupService

if TYPE_CHECKING:
    from reader.ui.screens.library import LibraryScreen

SWITCH_INTERVAL = 0.001  # seconds (sys.setswitchinterval): keys p99 68 -> 33 ms, 5 MB book
ENTITY_COLOURS = BASE  # on textual-dark; every theme gets its own (reader.ui.colours)


@dataclass(frozen=True)
class Opened:
    """A text ready to read: what the ``opener`` returns for a path."""

    source: Source
    language: str
    analyse: AnalyseFn
    pipeline: str = ""
    path: str = ""


Opener = Callable[[str], Opened]
"""Opens a path (or URL) from the library; raises an exception with a one-line message."""


class ReaderApp(App[None]):
    """Read an article with its named entities highlighted and explained."""

    CSS_PATH = Path(__file__).parent / "reader.tcss"
    TITLE = "reader"
    BINDINGS = list(APP_KEYS)
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, source: Source | None, language: str = "",
                 analyse: AnalyseFn | None = None, pipeline: str = "",
                 lookup: LookupService | None = None, library: Library | None = None, *,
                 path: str = "", opener: Opener | None = None,
                 settings: Settings | None = None, config_file: Path | None = None,
                 notice: str = "") -> None:
        super().__init__()
        self.source = source
        self.library = library
        self.language = language
        self.analyse = analyse
        self.pipeline = pipeline
        self.lookup = lookup
        self.path = path
        self.opener = opener
        self.settings = settings or Settings()
        self.config_file = config_file  # where a theme chosen in the palette is saved
        self._theme_ready = False
        self.notice = notice  # e.g. the settings file is malformed
        self.last_key = 0.0  # time.monotonic() of the last key pressed

    async def on_event(self, event: events.Event) -> None:
        """Note when the last key came (a book's results wait for a pause)."""
        if isinstance(event, events.Key):
            self.last_key = time.monotonic()
        await super().on_event(event)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The theme's variables and one colour per entity type ($entity-per …)."""
        return {**super().get_theme_variable_defaults(),
                **entity_colours(self.current_theme)}

    def on_mount(self) -> None:
        """Apply the settings; open the article on the reading screen, or the library."""
        if os.environ.get("NO_COLOR"):  # https://no-color.org: attributes, markers
            self.add_class("-no-color")
        if self.notice:
            self.notify(one_line(self.notice), title="Settings", severity="warning",
                        markup=False)
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.settings.theme:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            else:
                self.notify(f"Unknown theme {one_line(self.settings.theme)!r} in the "
                            "settings: using the default.", severity="warning", markup=False)
        self._theme_ready = True
        # the analysis thread hands the interpreter back within a millisecond when the
        # event loop asks (Python's default, 5 ms, delays a key by that much per wait)
        sys.setswitchinterval(SWITCH_INTERVAL)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        # what start-up made lives as long as the app: out of the collector's full passes
        # (they otherwise walk it all, 50-100 ms, while a book's results pile up); the
        # collector, off while the app started (reader.cli.main), runs again
        gc.freeze()
        gc.enable()

    def get_default_screen(self) -> Screen[Any]:
        """The article's reading screen, or the library: the first screen drawn (no blank
        screen before it)."""
        if self.source is not None and self.analyse is not None:
            self.title = self.source.name
            return ReadingScreen(self.source, self.language, self.analyse, self.pipeline,
                                 self.lookup, self.library, self.path)
        if self.library is not None:
            from reader.ui.screens.library import LibraryScreen  # (only without a text)

            return LibraryScreen(self.library)
        return super().get_default_screen()

    def watch_theme(self, theme: str) -> None:
        """A theme chosen (in the palette) is saved in the settings file."""
        if self._theme_ready and self.config_file is not None:
            try:
                save_theme(theme, self.config_file)
            except OSError as exc:
                self.notify(f"Could not save the theme: {exc.strerror or exc}",
                            severity="warning", markup=False)

    def on_library_screen_chosen(self, event: LibraryScreen.Chosen) -> None:
        """Open a text chosen in the library."""
        if self.opener is None:
            self.notify("Opening from the library needs the reader command.")
            return
        try:
            opened = self.opener(event.recent.path)
        except Exception as exc:  # shown, not raised: the library stays usable
            self.notify(one_line(str(exc)) or type(exc).__name__, title="Cannot open",
                        severity="error", markup=False)
            return
        self.title = opened.source.name
        self.push_screen(ReadingScreen(opened.source, opened.language, opened.analyse,
                                       opened.pipeline, self.lookup, self.library,
                                       opened.path))

    def action_help(self) -> None:
        """Every key, over the current screen."""
        from reader.ui.screens.help import HelpScreen, help_sections

        if isinstance(self.screen, HelpScreen):
            return
        anywhere = [b for b in self.BINDINGS if isinstance(b, Binding)]
        keys = {b.key for b in anywhere}
        screen_bindings = [b for b in self.screen.BINDINGS
                           if isinstance(b, Binding) and b.key not in keys]
        self.push_screen(HelpScreen(help_sections(
            [*anywhere, *screen_bindings],
            ArticleView.BINDINGS, self.get_key_display)))
