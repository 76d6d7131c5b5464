"""The reader app: a thin shell that holds the configuration, the theme and the global keys,
and pushes the :class:`~reader.ui.screens.reading.ReadingScreen`, which does the rest."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from reader.core.analysis import AnalyseFn
from reader.core.source import Source
from reader.library.store import Library
from reader.ui.commands import ReaderCommands
from reader.ui.keymap import APP as APP_KEYS
from reader.ui.screens.help import HelpScreen, help_sections
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article import ArticleView
from reader.wiki.service import LookupService

ENTITY_COLOURS = {
    "entity-per": "#5fafff",
    "entity-loc": "#87d75f",
    "entity-org": "#ffaf5f",
    "entity-misc": "#d787ff",
}


class ReaderApp(App[None]):
    """Read an article with its named entities highlighted and explained."""

    CSS_PATH = Path(__file__).parent / "reader.tcss"
    TITLE = "reader"
    BINDINGS = list(APP_KEYS)
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, source: Source, language: str, analyse: AnalyseFn,
                 pipeline: str = "", lookup: LookupService | None = None,
                 library: Library | None = None) -> None:
        super().__init__()
        self.source = source
        self.library = library
        self.language = language
        self.analyse = analyse
        self.pipeline = pipeline
        self.lookup = lookup

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The theme's variables and one colour per entity type ($entity-per …)."""
        return {**super().get_theme_variable_defaults(), **ENTITY_COLOURS}

    def on_mount(self) -> None:
        """Open the article on the reading screen."""
        self.title = self.source.name
        self.push_screen(ReadingScreen(self.source, self.language, self.analyse,
                                       self.pipeline, self.lookup, self.library))

    def action_help(self) -> None:
        """Every key, over the current screen."""
        if isinstance(self.screen, HelpScreen):
            return
        screen_bindings = [b for b in self.screen.BINDINGS if isinstance(b, Binding)]
        self.push_screen(HelpScreen(help_sections(
            [*(b for b in self.BINDINGS if isinstance(b, Binding)), *screen_bindings],
            ArticleView.BINDINGS, self.get_key_display)))
