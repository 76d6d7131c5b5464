"""The command palette's reader commands (Textual's Provider API): go to an entity by a
fuzzy name, show or hide each type, search the text, export the glossary, show or hide
the entity panel, switch theme. Textual's own commands (quit, keys…) stay beside them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.core.model import LABEL_NAMES, LABELS, Entity
from reader.library.glossary import entries, render
from reader.ui.notes import cached_notes
from reader.ui.screens.reading import ReadingScreen, Selection


def fold(text: str) -> str:
    """``text`` without accents ("Pjöngjang" -> "Pjongjang"), so a name matches as typed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


Command = tuple[str, Callable[[], object], str]  # (name, what it does, help)


def export_glossary(screen: ReadingScreen, fmt: str, directory: Path | None = None) -> Path:
    """Write the glossary of the screen's document (corrections applied) next to the
    working directory as ``<name>.glossary.<fmt>``; return the path."""
    doc = screen.document
    assert doc is not None
    stem = Path(screen.source.name).stem or "article"
    path = (directory or Path.cwd()) / f"{stem}.glossary.{fmt}"
    text = render(fmt, doc, screen.source.name, entries(doc, cached_notes(screen.lookup, doc)))
    path.write_text(text + "\n", encoding="utf-8")
    return path


class ReaderCommands(Provider):
    """Commands of the reading screen for the palette (ctrl+p)."""

    def _screen(self) -> ReadingScreen | None:
        screen = self.screen
        return screen if isinstance(screen, ReadingScreen) else None

    def _commands(self, screen: ReadingScreen) -> Iterator[Command]:
        yield ("Search the article text", screen.action_search,
               "Type a phrase: matches highlighted, ] [ between them (key s)")
        if screen.source.toc:
            yield ("Table of contents", screen.action_contents,
                   "The book's chapters; enter goes to one (key T)")
        yield ("Show or hide the entity panel", screen.action_toggle_panel,
               "More room for the article (key l)")
        for label in LABELS:
            yield (f"Show or hide {LABEL_NAMES[label]}",
                   partial(screen.action_toggle_type, label),
                   f"Toggle the type in the list and the article (key {LABELS.index(label) + 1})")
        for fmt, what in (("md", "Markdown"), ("html", "HTML"), ("json", "JSON")):
            yield (f"Export the glossary ({what})", partial(self._export, screen, fmt),
                   f"Entities with their cached background, as <name>.glossary.{fmt}")
        yield ("Switch theme", self.app.action_change_theme,
               "Choose a theme (your choice is saved)")
        # the Wikipedia page (issue 15)
        yield ("Read the whole Wikipedia article", screen.action_read_article,
               "The selected entity's article, section by section (key w)")
        yield ("Choose another Wikipedia page", screen.action_choose_page,
               "Re-open the pages the name may mean, or forget your pick (key c)")

    def _export(self, screen: ReadingScreen, fmt: str) -> None:
        if screen.document is None:
            screen.notify("Nothing to export yet: the analysis is still running.")
            return
        try:
            path = export_glossary(screen, fmt)
        except OSError as exc:
            screen.notify(f"Could not write the glossary: {exc.strerror or exc}",
                          severity="error", markup=False)
            return
        screen.notify(f"Glossary written to {path}", title="Glossary", markup=False)

    def _go(self, screen: ReadingScreen, entity: Entity) -> None:
        if entity.label in screen.hidden:
            screen.action_toggle_type(entity.label)
        screen.selection = Selection(entity)
        screen.article.focus()

    async def discover(self) -> Hits:
        """The reader's commands, before anything is typed."""
        screen = self._screen()
        if screen is None:
            return
        for name, run, help_text in self._commands(screen):
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands and entities (as "Go to …") matching ``query`` fuzzily."""
        screen = self._screen()
        if screen is None:
            return
        matcher = self.matcher(fold(query))
        for name, run, help_text in self._commands(screen):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
        doc = screen.document
        for entity in doc.entities if doc is not None else []:
            name = f"Go to {entity.name}"
            score = max(matcher.match(fold(name)),
                        *(matcher.match(fold(v)) for v in entity.variants))
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._go, screen, entity),
                          text=name, help=f"{LABEL_NAMES[entity.label]} · "
                                          f"{entity.count} mentions")
