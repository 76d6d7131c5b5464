"""The reading app: article on the left, entities on the right, details below them."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer
from textual.worker import get_current_worker

from reader.core.analysis import AnalyseFn, Progress
from reader.core.model import LABEL_NAMES, LABELS, Document, Entity, Label, Mention
from reader.core.source import Source
from reader.ui.screens.help import HelpScreen, help_sections
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.detail import CandidateList, DetailView
from reader.ui.widgets.entities import EntityPanel
from reader.ui.widgets.titlebar import TitleBar
from reader.wiki.model import Background, LookupFailed
from reader.wiki.service import LookupService

ENTITY_COLOURS = {
    "entity-per": "#5fafff",
    "entity-loc": "#87d75f",
    "entity-org": "#ffaf5f",
    "entity-misc": "#d787ff",
}
UPDATE_EVERY = 0.5  # seconds between partial results shown while analysing
TYPE_KEYS: dict[str, Label] = {"1": "PER", "2": "LOC", "3": "ORG", "4": "MISC"}


@dataclass
class Selection:
    """The selected entity and the mention the cursor is on."""

    entity: Entity
    index: int = 0

    @property
    def mention(self) -> Mention:
        return self.entity.mentions[self.index]


class ReaderApp(App[None]):
    """Read an article with its named entities highlighted and explained."""

    CSS_PATH = Path(__file__).parent / "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit reader"),
        Binding("question_mark", "help", "Help", tooltip="This list of keys"),
        Binding("slash", "filter", "Filter", tooltip="Filter the entity list by typing"),
        Binding("n", "next_mention", "Next", tooltip="Next mention of the selected entity"),
        Binding("N", "previous_mention", "Prev", tooltip="Previous mention (wraps around)"),
        Binding("o", "open_page", "Open page", tooltip="Open the Wikipedia page in a browser"),
        Binding("y", "copy_link", "Copy link", tooltip="Copy the Wikipedia page's URL"),
        Binding("r", "refresh", "Retry/refresh", tooltip="Retry a failed lookup, refresh one"),
        *(Binding(k, f"toggle_type('{lab}')", LABEL_NAMES[lab], show=False,
                  tooltip=f"Show or hide {LABEL_NAMES[lab]}")
          for k, lab in TYPE_KEYS.items()),
    ]

    def __init__(self, source: Source, language: str, analyse: AnalyseFn,
                 pipeline: str = "", lookup: LookupService | None = None) -> None:
        super().__init__()
        self.lookup = lookup
        self.background: Background | None = None
        self.source = source
        self.language = language
        self.pipeline = pipeline
        self._analyse = analyse
        self.document: Document | None = None
        self.selection: Selection | None = None
        self.progress = 0.0
        self.error = ""
        self._notice_shown = ""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **ENTITY_COLOURS}

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        with Horizontal(id="main"):
            yield ArticleView(self.source.text, id="article")
            with Vertical(id="side"):
                yield EntityPanel(id="entities")
                yield DetailView(id="detail")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> EntityPanel:
        return self.query_one(EntityPanel)

    @property
    def detail(self) -> DetailView:
        return self.query_one(DetailView)

    def on_mount(self) -> None:
        self.title = self.source.name
        self._update_title()
        if self.lookup is not None and self.lookup.notice:
            self._after_lookup()
        self.article.focus()
        # start spaCy only once the article is painted: its import holds the GIL
        self.call_after_refresh(self.run_analysis)

    # --- analysis (in a thread: spaCy loading and NER never block the UI)

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        worker = get_current_worker()
        last = 0.0
        try:
            for progress in self._analyse(self.source.text):
                if worker.is_cancelled:
                    return
                # a book yields many partial documents: show at most a few per second
                if progress.done >= 1.0 or time.monotonic() - last >= UPDATE_EVERY:
                    self.call_from_thread(self._show_progress, progress)
                    last = time.monotonic()
        except Exception as exc:  # shown in the UI; the article stays readable
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.call_from_thread(self._show_error, message)

    def _show_progress(self, progress: Progress) -> None:
        self.document = progress.document
        self.progress = progress.done
        done = progress.done >= 1.0
        status = "" if done else f"analysing… {progress.done:.0%}"
        self.panel.show_entities(progress.document.entities, status)
        self._apply_visibility()
        if self.selection is not None:
            self._reselect(self.selection.entity.id)
        self._update_title()

    def _show_error(self, message: str) -> None:
        self.error = message
        self.panel.show_entities([], f"analysis failed: {message}")
        self._update_title()
        self.notify(message, title="Analysis failed", severity="error")

    def _update_title(self) -> None:
        parts = [self.language, self.pipeline]
        if self.error:
            parts.append("analysis failed")
        elif self.document is None or self.progress < 1.0:
            parts.append(f"analysing… {self.progress:.0%}" if self.progress else "analysing…")
        if self.document is not None:
            parts.append(f"{len(self.document.entities)} entities")
        if self.source.note:
            parts.append(self.source.note)
        if self.lookup is None:
            parts.append("no lookups")
        elif self.lookup.offline:
            parts.append("offline")
        self.query_one(TitleBar).show(self.source.name, parts)

    # --- selection

    def _entity(self, entity_id: str | None) -> Entity | None:
        if self.document is None or entity_id is None:
            return None
        return next((e for e in self.document.entities if e.id == entity_id), None)

    def on_entity_panel_entity_chosen(self, event: EntityPanel.EntityChosen) -> None:
        entity = self._entity(event.entity_id)
        if entity is None:
            return
        if self.selection is not None and self.selection.entity.id == entity.id:
            self.selection.entity = entity
            self._show_selection(lookup=False)
            return
        self.selection = Selection(entity)
        self.background = None
        self.article.scroll_to_offset(entity.mentions[0].start)
        self._show_selection()

    def _reselect(self, entity_id: str) -> None:
        """Keep the selection on the same entity when the document is updated."""
        entity = self._entity(entity_id)
        if entity is None or self.selection is None:
            return
        index = min(self.selection.index, entity.count - 1)
        self.selection = Selection(entity, index)
        self._show_selection(lookup=False)

    def _show_selection(self, lookup: bool = True) -> None:
        sel = self.selection
        if sel is None:
            self.article.set_selection([], None)
            self.detail.show_entity(None)
            return
        self.article.set_selection(sel.entity.mentions, sel.mention)
        if not lookup:
            return
        if self.background is not None and self.background.query == sel.entity.name:
            self._show_background(sel.entity, self.background)
        elif self.lookup is None:
            self.detail.show_entity(sel.entity)
        else:
            self.detail.show_entity(sel.entity, "looking up…")
            self.fetch_background(sel.entity)

    # --- Wikipedia background (async workers; a new selection cancels the old lookup)

    def _lookup_context(self, entity: Entity) -> list[str]:
        """Words around the entity and the other entities' names, to judge search hits."""
        doc = self.document
        if doc is None:
            return []
        first = entity.mentions[0]
        window = doc.text[max(first.start - 200, 0): first.end + 200]
        return [window, *(e.name for e in doc.entities[:12] if e.id != entity.id)]

    @work(exclusive=True, group="lookup")
    async def fetch_background(self, entity: Entity, refresh: bool = False,
                               pick: str | None = None) -> None:
        service = self.lookup
        if service is None:
            return
        self.background = None
        try:
            if pick is not None:
                bg = await service.choose(entity.name, self.language, pick)
            else:
                bg = await service.lookup(entity.name, self.language, self._lookup_context(entity),
                                          refresh=refresh)
        except LookupFailed as exc:
            if self._is_selected(entity):
                self.detail.show_error(entity, exc.message)
            self._after_lookup()
            return
        if not self._is_selected(entity):
            return
        self.background = bg
        self._show_background(entity, bg)
        self._after_lookup()
        if bg.cached and not service.offline and service.is_stale(bg):
            self.fetch_background(entity, refresh=True)  # shown now, refreshed behind

    def _is_selected(self, entity: Entity) -> bool:
        return self.selection is not None and self.selection.entity.id == entity.id

    def _show_background(self, entity: Entity, bg: Background) -> None:
        self.detail.show_background(entity, bg, offline=bool(self.lookup and self.lookup.offline))

    def _after_lookup(self) -> None:
        service = self.lookup
        if service is not None and service.notice and service.notice != self._notice_shown:
            self._notice_shown = service.notice
            self.notify(service.notice, title="Lookups", severity="warning")
        self._update_title()

    def on_candidate_list_picked(self, event: CandidateList.Picked) -> None:
        if self.selection is not None:
            self.detail.show_entity(self.selection.entity, f"looking up {event.title}…")
            self.fetch_background(self.selection.entity, pick=event.title)

    def action_refresh(self) -> None:
        if self.selection is None:
            return
        if self.lookup is None:
            self.notify("Lookups are off.")
            return
        self.detail.show_entity(self.selection.entity, "looking up…")
        self.fetch_background(self.selection.entity, refresh=True)

    def _url(self) -> str | None:
        bg = self.background
        if bg is None or not bg.url:
            self.notify("No page to open: select an entity with a background first.")
            return None
        return bg.url

    def action_open_page(self) -> None:
        url = self._url()
        if url:
            self.open_url(url)
            self.notify(f"Opening {url}", timeout=3)

    def action_copy_link(self) -> None:
        url = self._url()
        if url:
            self.copy_to_clipboard(url)
            self.notify(f"Copied {url}", timeout=3)

    def _jump(self, step: int) -> None:
        sel = self.selection
        if sel is None:
            self.notify("Select an entity first (tab to the entity list).")
            return
        sel.index = (sel.index + step) % sel.entity.count
        self.article.set_selection(sel.entity.mentions, sel.mention)
        self.article.scroll_to_offset(sel.mention.start)

    def action_next_mention(self) -> None:
        self._jump(1)

    def action_previous_mention(self) -> None:
        self._jump(-1)

    # --- panel actions

    def action_filter(self) -> None:
        self.panel.start_filter()

    def action_toggle_type(self, label: str) -> None:
        typed = next((lab for lab in LABELS if lab == label), None)
        if typed is None:
            return
        shown = self.panel.toggle_label(typed)
        self._apply_visibility()
        self.notify(f"{LABEL_NAMES[typed]}: {'shown' if shown else 'hidden'}", timeout=2)

    def _apply_visibility(self) -> None:
        if self.document is None:
            return
        hidden = self.panel.hidden
        # every mention takes its entity's colour, even where the model labelled it otherwise
        self.article.set_mentions([replace(m, label=e.label) for e in self.document.entities
                                   if e.label not in hidden for m in e.mentions])

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections(self, ArticleView.BINDINGS)))

