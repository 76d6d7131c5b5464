"""The reading screen: article on the left, entities on the right, details below them.

The screen holds the state of a reading session as reactive attributes — the document,
the analysis progress (or failure), the selection, whether lookups are offline — and its
widgets follow them: the title bar is bound to :attr:`ReadingScreen.header`, computed
from the rest; the detail pane gets its :class:`Subject` when the selection changes.
Widgets report back with messages (an entity chosen, a lookup settled).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from reader.core import processes
from reader.core.analysis import AnalyseFn
from reader.core.model import Document, Entity, Label, Mention
from reader.core.sanitize import one_line
from reader.core.source import Source
from reader.library.store import Library, text_hash
from reader.ui.keymap import CORRECTIONS, READING, TYPE_KEYS
from reader.ui.screens.reading_corrections import CorrectionActions
from reader.ui.screens.reading_layout import LayoutActions
from reader.ui.screens.reading_memory import MemoryActions
from reader.ui.screens.reading_mentions import MentionActions
from reader.ui.screens.reading_pacing import PacingActions
from reader.ui.screens.reading_panel import PanelActions
from reader.ui.screens.reading_search import SearchActions
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.detail import DetailPane, Subject
from reader.ui.widgets.entities import EntityPanel, Listing
from reader.ui.widgets.mentionline import MentionLine
from reader.ui.widgets.searchbar import SearchBar
from reader.ui.widgets.titlebar import TitleBar
from reader.wiki.service import LookupService

UPDATE_EVERY = 0.5  # seconds between partial results shown while analysing
__all__ = ["TYPE_KEYS", "ReadingScreen", "Selection"]


@dataclass(frozen=True)
class Selection:
    """The selected entity and the mention the cursor is on."""

    entity: Entity
    index: int = 0

    @property
    def mention(self) -> Mention:
        """The mention the cursor is on."""
        return self.entity.mentions[self.index]


class ReadingScreen(MentionActions, SearchActions, CorrectionActions, LayoutActions,
                    MemoryActions, PanelActions, PacingActions, Screen[None]):
    """Read an article with its named entities highlighted and explained."""

    BINDINGS = [
        *READING,
        *CORRECTIONS,
        Binding("escape", "end_search", "End search", show=False,
                tooltip="End the search in the article"),
    ]

    document: reactive[Document | None] = reactive(None, always_update=True, init=False)
    progress: reactive[float] = reactive(0.0, init=False)
    error: reactive[str] = reactive("", init=False)
    selection: reactive[Selection | None] = reactive(None, init=False)
    offline: reactive[bool] = reactive(False, init=False)
    hidden: reactive[frozenset[Label]] = reactive(frozenset(), init=False)
    header: reactive[tuple[str, ...]] = reactive(())
    listing: reactive[Listing] = reactive(Listing)

    def __init__(self, source: Source, language: str, analyse: AnalyseFn, pipeline: str = "",
                 lookup: LookupService | None = None, library: Library | None = None,
                 path: str = "") -> None:
        super().__init__()
        self.source = source
        self.library = library
        self.path = path  # where the text came from (a file's absolute path, a URL)
        self.keep_scroll = False  # a selection that must not scroll (restored)
        self.doc_key = text_hash(source.text)
        self.corrections = library.corrections(self.doc_key) if library is not None else []
        self.raw_document: Document | None = None  # as analysed, before the corrections
        self.language = language
        self.pipeline = pipeline
        self.lookup = lookup
        self._analyse = analyse
        self._notice_shown = ""
        self.set_reactive(ReadingScreen.offline, lookup is not None and lookup.offline)

    def compose(self) -> ComposeResult:
        """Title, article, entity panel and detail pane, and the footer of keys."""
        yield TitleBar(self.source.name, id="title").data_bind(parts=ReadingScreen.header)
        with Horizontal(id="main"):
            with Vertical(id="reading-column"):
                yield ArticleView(self.source.text, id="article")
                yield SearchBar(id="search")
            with Vertical(id="side"):
                yield EntityPanel(id="entities").data_bind(ReadingScreen.listing,
                                                           ReadingScreen.hidden)
                yield MentionLine(id="mention-line")
                yield DetailPane(self.lookup, self.language, id="detail")
        yield Footer(compact=True)

    @property
    def article(self) -> ArticleView:
        """The article pane."""
        return self.query_one(ArticleView)

    @property
    def panel(self) -> EntityPanel:
        """The entity list and its filter."""
        return self.query_one(EntityPanel)

    @property
    def detail(self) -> DetailPane:
        """The selected entity's details and background."""
        return self.query_one(DetailPane)

    def on_mount(self) -> None:
        """Show the article, then start the analysis once it is painted."""
        if self.lookup is not None:
            self._note(self.lookup.notice)
        self.search_bar.display = False
        self.remember_opened()
        self.article.focus()
        # start spaCy only once the article is painted: its import holds the GIL
        self.call_after_refresh(self.run_analysis)

    def on_unmount(self) -> None:
        """End the analysis processes at once: quitting never waits for spaCy."""
        self.save_position()
        processes.stop()
        self.release_collector()

    def compute_header(self) -> tuple[str, ...]:
        """The title bar's parts, from the screen's state."""
        doc = self.document
        parts = [self.language, self.pipeline]
        if self.error:
            parts.append("analysis failed")
        elif doc is None or self.progress < 1.0:
            parts.append(f"analysing… {self.progress:.0%}" if self.progress else "analysing…")
        if doc is not None:
            parts.append(f"{len(doc.entities)} entities")
        parts.append(self.source.note)
        parts.append("no lookups" if self.lookup is None else "offline" if self.offline else "")
        return tuple(p for p in parts if p)

    def compute_listing(self) -> Listing:
        """What the entity panel lists, from the screen's state."""
        doc = self.document
        if self.error:
            return Listing([], f"analysis failed: {self.error}")
        if doc is None:
            return Listing([], "analysing…")
        return Listing(doc.entities, "" if self.progress >= 1.0
                       else f"analysing… {self.progress:.0%}")

    # --- analysis (in a thread: spaCy loading and NER never block the UI)

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Run the analysis, showing partial documents a few times a second."""
        worker = get_current_worker()
        last = 0.0
        try:
            for progress in self._analyse(self.source.text):
                if worker.is_cancelled:
                    return
                if progress.done >= 1.0 or time.monotonic() - last >= UPDATE_EVERY:
                    self.app.call_from_thread(self.show_progress, progress)
                    last = time.monotonic()
        except Exception as exc:  # shown in the UI; the article stays readable
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.app.call_from_thread(self._fail, message)

    def _fail(self, message: str) -> None:
        self.release_collector()
        self.error = message

    def watch_document(self, doc: Document | None) -> None:
        """Colour the mentions, keep the selection on its entity (the panel follows by
        itself)."""
        if doc is None:
            return
        self.apply_visibility()
        self.restore_selection()
        if self.selection is not None:
            entity = self._entity(self.selection.entity.id)
            self.selection = None if entity is None else Selection(
                entity, min(self.selection.index, entity.count - 1))

    def watch_error(self, message: str) -> None:
        """The analysis failed: say so in a notification too (the panel says it already)."""
        self.notify(one_line(message), title="Analysis failed", severity="error", markup=False)

    # --- selection

    def _entity(self, entity_id: str | None) -> Entity | None:
        if self.document is None or entity_id is None:
            return None
        return next((e for e in self.document.entities if e.id == entity_id), None)

    def on_entity_panel_entity_chosen(self, event: EntityPanel.EntityChosen) -> None:
        """The user moved to an entity in the list: select it."""
        entity = self._entity(event.entity_id)
        if entity is not None and (self.selection is None
                                   or self.selection.entity.id != entity.id):
            self.selection = Selection(entity)

    def watch_selection(self, old: Selection | None, new: Selection | None) -> None:
        """Mark the mentions, scroll to the one chosen, hand the entity to the detail pane."""
        line = self.query_one(MentionLine)
        if new is None:
            self.article.set_selection([], None)
            self.detail.subject = None
            line.position = None
            self.panel.follow(None)
            return
        line.position = (new.index, new.entity.count)
        self.panel.follow(new.entity.id)
        self.article.set_selection(new.entity.mentions, new.mention)
        if self.keep_scroll:
            pass
        elif old is None or old.entity.id != new.entity.id:
            self.article.scroll_to_offset(new.entity.mentions[0].start)
        elif old.index != new.index:
            self.article.scroll_to_offset(new.mention.start)
        self.detail.subject = Subject.of(new.entity, self.document)

    # --- lookups (the detail pane runs them; the screen keeps the offline state)

    def on_detail_pane_settled(self, event: DetailPane.Settled) -> None:
        """A lookup ended: follow the service's offline state, show a new notice."""
        self.offline = event.offline
        self._note(event.notice)

    def _note(self, notice: str) -> None:
        if notice and notice != self._notice_shown:
            self._notice_shown = notice
            self.notify(one_line(notice), title="Lookups", severity="warning", markup=False)

    def action_refresh(self) -> None:
        """Retry a failed lookup, refresh a shown one."""
        if self.selection is None:
            return
        if self.lookup is None:
            self.notify("Lookups are off.")
            return
        self.detail.retry()

    # --- the Wikipedia page (issue 15): the detail pane does the work

    def action_read_article(self) -> None:
        """Read the selected entity's whole Wikipedia article (key w)."""
        self.detail.action_read_article()

    def action_choose_page(self) -> None:
        """Choose another page for the selected name, or forget your pick (key c)."""
        self.detail.action_choose_page()

    def _url(self) -> str | None:
        url = self.detail.url
        if url is None:
            self.notify("No page to open: select an entity with a background first.")
        return url

    def action_open_page(self) -> None:
        """Open the shown page in the browser."""
        url = self._url()
        if url:
            self.app.open_url(url)
            self.notify(f"Opening {one_line(url)}", timeout=3, markup=False)

    def action_copy_link(self) -> None:
        """Copy the shown page's URL."""
        url = self._url()
        if url:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {one_line(url)}", timeout=3, markup=False)
