"""The detail pane under the entity panel: the selected entity and its Wikipedia background.

The pane owns its lookups: the reading screen sets :attr:`DetailPane.subject` (attributes
down); the pane asks the lookup service in its own exclusive worker, so a lookup still
running when the selection moves is cancelled, and it posts :class:`DetailPane.Settled`
when a lookup ends (messages up), with the notices that lookup raised. A cached page stays
on screen while it is refreshed, and when the refresh fails the failure is noted beside it.

Its own keys (:attr:`DetailPane.BINDINGS`; the reading screen may bind them too, to
``action_read_article`` and ``action_choose_page``): ``w`` reads the whole article in
the terminal, ``c`` re-opens the candidates of a name (the page chosen by context or the
user's pick, which can be cleared there).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from textual.widgets.option_list import Option

from reader.core.sanitize import one_line
from reader.ui.widgets.candidates import CandidateList
from reader.ui.widgets.detail_parts import Subject, entity_header, styled
from reader.wiki.model import Background, Candidate, LookupFailed
from reader.wiki.present import Line, present
from reader.wiki.service import LookupService

HINT = "w whole article · o open · y copy link · r refresh · c choose another page"
PLACEHOLDER = "Select an entity to see its details."
__all__ = ["DetailPane", "Subject"]
CLEAR_PICK = "\x00clear-pick"  # the candidate option that forgets the user's pick
class DetailPane(VerticalScroll):
    """The selected entity: type, mentions, variants, and its Wikipedia background."""

    BINDINGS = [
        Binding("w", "read_article", "Whole article",
                tooltip="Read the entity's whole Wikipedia article here", id="read_article"),
        Binding("c", "choose_page", "Choose page",
                tooltip="Choose another page for this name, or clear your pick",
                id="choose_page"),
    ]

    class Settled(Message):
        """A lookup ended (found, failed or cancelled): its notices (``notice``: them in
        one line) and whether the service is offline now."""

        def __init__(self, notices: tuple[str, ...], offline: bool) -> None:
            super().__init__()
            self.notices = notices
            self.notice = " · ".join(dict.fromkeys(n for n in notices if n))
            self.offline = offline

    subject: reactive[Subject | None] = reactive(None, init=False)

    def __init__(self, service: LookupService | None, language: str, *, id: str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(id=id)
        self.service = service
        self.language = language
        self.clock = clock
        self.background: Background | None = None  # the page shown, if any
        self.status = ""  # "looking up…", "refreshing…"
        self.problem = ""  # the last lookup's failure, one line
        self._candidates: tuple[str, ...] = ()
        self.choosing = False  # the candidates re-opened over a page (key c)

    def compose(self) -> ComposeResult:
        """The text of the pane, and the candidate list (hidden unless ambiguous)."""
        yield Static(Content.styled(PLACEHOLDER, "dim italic"), id="detail-body", markup=False)
        yield CandidateList(id="candidates", markup=False)

    def on_mount(self) -> None:
        """Nothing to pick until a name turns out to be ambiguous. Once the screen is
        drawn, the wiki client's modules are imported in a thread (not at start-up, not on
        the event loop when the first entity is chosen)."""
        self.candidates.display = False
        if self.service is not None and not self.service.forced_offline:
            self.call_after_refresh(self._import_client)

    @work(thread=True, group="import")
    def _import_client(self) -> None:
        importlib.import_module("reader.wiki.client")

    @property
    def body(self) -> Static:
        """The pane's text."""
        return self.query_one("#detail-body", Static)

    @property
    def candidates(self) -> CandidateList:
        """The pages an ambiguous name may mean."""
        return self.query_one(CandidateList)

    @property
    def url(self) -> str | None:
        """The URL of the page shown, if any."""
        return self.background.url if self.background and self.background.url else None

    # --- state in

    def watch_subject(self, old: Subject | None, new: Subject | None) -> None:
        """A new entity is looked up; the same entity, updated by the analysis, is redrawn."""
        if new is not None and old is not None and new.entity.id == old.entity.id:
            self._draw()
            return
        self.background, self.problem, self.status = None, "", ""
        self.choosing = False
        if new is None or self.service is None:
            self.workers.cancel_group(self, "lookup")
            self._draw(reset=True)
            return
        self._start(new)

    def retry(self) -> None:
        """Look the subject up again: retries a failure, refreshes a page (key r)."""
        if self.subject is not None and self.service is not None:
            self._start(self.subject, refresh=True)

    def on_candidate_list_picked(self, event: CandidateList.Picked) -> None:
        """The user picked a page of an ambiguous name (remember it and show it), or
        cleared their pick (the name is resolved afresh)."""
        event.stop()
        if self.subject is None or self.service is None:
            return
        shown = self.background.candidates if self.background else ()
        self.background, self.choosing = None, False
        self.call_after_refresh(self.focus)  # the list goes away: keys stay in the pane
        if event.title == CLEAR_PICK:
            self.service.clear_pick(self.subject.entity.name, self.language)
            self.notify("Your pick is forgotten: chosen by the article again.", timeout=3)
            self._start(self.subject, refresh=True)
        else:
            self._start(self.subject, pick=event.title, shown=shown)

    def action_choose_page(self) -> None:
        """Re-open the pages this name may mean (key c), over the page shown."""
        bg = self.background
        if bg is None or self.subject is None:
            self.notify("Select an entity with a background first.")
            return
        if not bg.candidates and bg.via != "pick" and not self.choosing:
            self.status = "looking for other pages of this name…"
            self._draw()
            self._alternatives(self.subject, bg)
            return
        self.choosing = not self.choosing
        self._draw(reset=not self.choosing)
        if self.choosing:
            self._show_candidates()

    @work(exclusive=True, group="lookup")
    async def _alternatives(self, subject: Subject, bg: Background) -> None:
        """Fetch the pages a name may mean, then offer them (key c on a page found by
        its title)."""
        assert self.service is not None
        try:
            found = await self.service.alternatives(subject.entity.name, self.language,
                                                    subject.context)
        except LookupFailed as exc:
            if self._is_current(subject):
                self.status = ""
                self._draw()
                self.notify(one_line(exc.message), severity="warning", markup=False)
            self.post_message(self.Settled(exc.notices, self.service.offline))
            return
        if not self._is_current(subject) or self.background is not bg:
            return
        self.status = ""
        others = tuple(c for c in found if c.title != bg.title)
        if not others:
            self.notify("No other page of this name to choose from.", timeout=3)
            self._draw()
            return
        self.background = replace(bg, candidates=found)  # the page shown is not listed
        self.choosing = True
        self._draw()
        self._show_candidates()

    def _show_candidates(self) -> None:
        """Focus the candidate list and scroll it into view (in a short pane it is
        below the page)."""
        if self.candidates.display:
            self.candidates.focus()
            self.call_after_refresh(self.scroll_to_widget, self.candidates, animate=False,
                                    top=True)

    def action_read_article(self) -> None:
        """Read the shown page's whole article in the terminal (key w)."""
        bg = self.background
        if bg is None or bg.status != "found" or self.service is None:
            self.notify("No page to read: select an entity with a background first.")
            return
        from reader.ui.screens.wiki_article import WikiArticleScreen

        self.app.push_screen(WikiArticleScreen(self.service, bg.title, bg.lang))

    # --- the lookup, in this pane's own exclusive worker

    def _start(self, subject: Subject, refresh: bool = False, pick: str | None = None,
               shown: tuple[Candidate, ...] = ()) -> None:
        self.problem = ""
        if pick is not None:
            self.status = f"looking up {one_line(pick)}…"
        else:
            self.status = "refreshing…" if self.background else "looking up…"
        self._draw(reset=self.background is None)
        self._lookup(subject, refresh, pick, shown)

    def _is_current(self, subject: Subject) -> bool:
        return self.subject is not None and self.subject.entity.id == subject.entity.id

    @work(exclusive=True, group="lookup")
    async def _lookup(self, subject: Subject, refresh: bool, pick: str | None,
                      shown: tuple[Candidate, ...] = ()) -> None:
        service = self.service
        if service is None:
            return
        name = subject.entity.name
        try:
            if pick is not None:
                bg = await service.choose(name, self.language, pick, subject.context, shown)
            else:
                bg = await service.lookup(name, self.language, subject.context,
                                          refresh=refresh, allow_stale=True)
        except LookupFailed as exc:
            if self._is_current(subject):
                self.problem, self.status = exc.message, ""
                self._draw()
            self.post_message(self.Settled(exc.notices, service.offline))
            return
        if not self._is_current(subject):
            return
        stale = bg.cached and not service.offline and service.is_stale(bg)
        changed = self.background is None or self.background.title != bg.title
        self.background, self.problem = bg, ""
        self.status = "refreshing…" if stale else ""
        self._draw(reset=changed)
        self.post_message(self.Settled(bg.notices, service.offline))
        if stale:  # shown now, refreshed behind it
            self._lookup(subject, True, None)

    # --- drawing

    def _draw(self, reset: bool = False) -> None:
        subject = self.subject
        if subject is None:
            self._show([Content.styled(PLACEHOLDER, "dim italic")], (), reset)
            return
        lines = entity_header(subject.entity)
        bg = self.background
        candidates: list[tuple[str, Line]] = []
        if bg is not None:
            offline = self.service is not None and self.service.offline
            shown = present(bg, self.clock(), offline, choosing=self.choosing)
            lines += [Content(""), *(styled(line) for line in shown.lines)]
            candidates = shown.candidates
            if self.choosing and bg.via == "pick":
                clear: Line = (("✕ ", "dim"), ("forget my pick (choose by the article)",
                                               "italic"))
                candidates = [(CLEAR_PICK, clear), *candidates]
            if candidates:
                lines.append(Content.styled("Tab to the list below; enter picks"
                                            + (" · c closes it" if self.choosing else "."),
                                            "dim"))
            if self.problem:
                lines += [Content.styled(f"⚠ refresh failed: {one_line(self.problem)}",
                                         "$warning"),
                          Content.styled("the page above is the cached one · r retry", "dim")]
            elif self.status:
                lines.append(Content.styled(self.status, "italic dim"))
            elif bg.status == "found":
                lines.append(Content.styled(HINT, "dim"))
        elif self.problem:
            lines += [Content(""), Content.styled(f"⚠ {one_line(self.problem)}", "$warning"),
                      Content.styled("r retry", "dim")]
        elif self.status:
            lines += [Content(""), Content.styled(self.status, "italic dim")]
        options = [Option(styled(line), id=title) for title, line in candidates]
        self._show(lines, tuple(title for title, _ in candidates), reset, options)

    def _show(self, lines: list[Content], titles: tuple[str, ...], reset: bool,
              options: list[Option] | None = None) -> None:
        self.body.update(Content("\n").join(lines))
        if titles != self._candidates:  # rebuilt only when they change: keeps the cursor
            self._candidates = titles
            self.candidates.clear_options()
            self.candidates.display = bool(titles)
            if options:
                self.candidates.add_options(options)
                self.candidates.highlighted = 0
        # with candidates shown, tab goes straight to them rather than to this container
        self.can_focus = not titles
        if reset:
            self.scroll_home(animate=False)
