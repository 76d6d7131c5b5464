"""The whole Wikipedia article of an entity, read in the terminal.

:class:`WikiArticleScreen` fetches the article in a worker (from the cache when it is
there, so it reads offline after ``reader prefetch --full``) and shows it as plain text,
section headings styled by level; the arrow keys, j/k and space scroll, ``e`` reads the
article's own entities (the same reading screen and analysis as any article, over this
one's text), ``r`` fetches it again, esc comes back. Wikipedia text is always shown as
:class:`~textual.content.Content`, never read as markup.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from reader.core.sanitize import display_text, one_line
from reader.core.source import Source
from reader.ui.screens.reading import ReadingScreen
from reader.wiki.model import Article, LookupFailed
from reader.wiki.present import age
from reader.wiki.service import LookupService

HEADING_STYLES = {1: "bold underline", 2: "bold underline $accent", 3: "bold $accent"}


def article_lines(article: Article, now: float) -> list[Content]:
    """The article as styled paragraphs: title, source line, then each section."""
    source = f"cached {age(now - article.fetched_at)}" if article.cached else "live"
    lines = [Content.styled(one_line(article.title), "bold reverse"),
             Content.styled(f"{article.lang}.wikipedia · {source} · {one_line(article.url)}",
                            "dim"), Content("")]
    for section in article.sections:
        if section.heading:
            marks = "#" * max(section.level - 1, 1)
            lines += [Content.styled(f"{marks} {one_line(section.heading)}",
                                     HEADING_STYLES.get(section.level, "bold")), Content("")]
        for para in section.text.split("\n\n") if section.text else []:
            lines += [Content(display_text(para)), Content("")]
    return lines


class WikiArticleScreen(Screen[None]):
    """An entity's whole Wikipedia article, scrollable; esc comes back."""

    DEFAULT_CSS = """
    WikiArticleScreen #wiki-article { padding: 1 2; }
    WikiArticleScreen #wiki-article-body { max-width: 100; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to where you were"),
        Binding("e", "entities", "Entities",
                tooltip="Read this article with its own entities highlighted"),
        Binding("r", "refresh", "Refresh", tooltip="Fetch the article again"),
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
        Binding("space", "page('down')", "Page down", show=False),
        Binding("b", "page('up')", "Page up", show=False),
    ]

    def __init__(self, service: LookupService, title: str, lang: str) -> None:
        super().__init__()
        self.service = service
        self.page_title = title
        self.lang = lang
        self.article: Article | None = None

    def compose(self) -> ComposeResult:
        """The article's text in a scrolling column, and the keys."""
        with VerticalScroll(id="wiki-article"):
            yield Static(Content.styled(f"{one_line(self.page_title)}: loading…", "italic dim"),
                         id="wiki-article-body", markup=False)
        yield Footer()

    @property
    def body(self) -> Static:
        """The article's text."""
        return self.query_one("#wiki-article-body", Static)

    def on_mount(self) -> None:
        """Fetch the article (or read it from the cache) without blocking the UI."""
        self.query_one(VerticalScroll).focus()
        self._load(refresh=False)

    @work(exclusive=True, group="wiki-article")
    async def _load(self, refresh: bool) -> None:
        try:
            article = await self.service.article(self.page_title, self.lang, refresh=refresh)
        except LookupFailed as exc:
            for notice in exc.notices:
                self.notify(one_line(notice), title="Lookups", severity="warning", markup=False)
            lines = [Content.styled(one_line(self.page_title), "bold reverse"), Content(""),
                     Content.styled(f"⚠ {one_line(exc.message)}", "$warning"),
                     Content.styled("r retry · esc back", "dim")]
            self.body.update(Content("\n").join(lines))
            return
        for notice in article.notices:
            self.notify(one_line(notice), title="Lookups", severity="warning", markup=False)
        self.article = article
        self.body.update(Content("\n").join(article_lines(article, self.service.clock())))

    def action_refresh(self) -> None:
        """Fetch the article again."""
        self._load(refresh=True)

    def action_scroll(self, direction: str) -> None:
        """One line down or up."""
        column = self.query_one(VerticalScroll)
        column.scroll_relative(y=1 if direction == "down" else -1, animate=False)

    def action_page(self, direction: str) -> None:
        """One screen down or up."""
        column = self.query_one(VerticalScroll)
        if direction == "down":
            column.scroll_page_down(animate=False)
        else:
            column.scroll_page_up(animate=False)

    def action_entities(self) -> None:
        """Read this article with its entities, as any article is read."""
        article = self.article
        analyse = getattr(self.app, "analyse", None)
        if article is None or analyse is None:
            self.notify("The article is not loaded yet.")
            return
        source = Source(name=f"{article.title} ({article.lang}.wikipedia)", text=article.text,
                        encoding="utf-8")
        self.app.push_screen(ArticleReadingScreen(
            source, article.lang, analyse, getattr(self.app, "pipeline", ""), self.service))


class ArticleReadingScreen(ReadingScreen):
    """A Wikipedia article read like any article (entities, background); esc comes back
    (after ending a search, where one is open)."""

    BINDINGS = [Binding("escape", "back", "Back", tooltip="Back to the Wikipedia article")]

    def action_back(self) -> None:
        """End an open search, else go back."""
        bars = self.query("#search")
        end = getattr(self, "action_end_search", None)
        if bars and bars.first().display and end is not None:
            end()
            return
        self.app.pop_screen()
