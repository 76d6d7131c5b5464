"""The detail pane under the entity panel: the selected entity and its Wikipedia background.

The pane owns its lookups: the reading screen sets :attr:`DetailPane.subject` (attributes
down); the pane asks the lookup service in its own exclusive worker, so a lookup still
running when the selection moves is cancelled, and it posts :class:`DetailPane.Settled`
when a lookup ends (messages up). A cached page stays on screen while it is refreshed, and
when the refresh fails the failure is noted beside it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from textual.widgets.option_list import Option

from reader.core.model import LABEL_NAMES, Document, Entity
from reader.core.sanitize import one_line
from reader.ui.widgets.candidates import CandidateList
from reader.wiki.model import Background, LookupFailed
from reader.wiki.present import Line, Role, present
from reader.wiki.service import LookupService

HINT = "o open · y copy link · r refresh"
PLACEHOLDER = "Select an entity to see its details."
CONTEXT_CHARS = 200  # around the entity's first mention, to judge search hits
CONTEXT_ENTITIES = 12  # the document's main entities, likewise
ROLE_STYLES: dict[Role, str] = {"text": "", "title": "bold underline", "dim": "dim",
                                "italic": "italic", "link": "$accent",
                                "warning": "italic $warning"}


@dataclass(frozen=True)
class Subject:
    """What the pane shows: an entity, and words of the article to judge search hits by."""

    entity: Entity
    context: tuple[str, ...] = ()

    @classmethod
    def of(cls, entity: Entity, document: Document | None) -> Subject:
        """``entity`` with the words around its first mention and the names of the
        document's other main entities."""
        if document is None or not entity.mentions:
            return cls(entity)
        first = entity.mentions[0]
        window = document.text[max(first.start - CONTEXT_CHARS, 0): first.end + CONTEXT_CHARS]
        others = (e.name for e in document.entities[:CONTEXT_ENTITIES] if e.id != entity.id)
        return cls(entity, (window, *others))


def styled(line: Line) -> Content:
    """A presented line as Textual content (its text is never read as markup)."""
    return Content.assemble(*((text, ROLE_STYLES[role]) for text, role in line))


def entity_header(entity: Entity) -> list[Content]:
    """Name, type, mention count and the other names the entity goes by."""
    label = entity.label.lower()
    lines = [
        Content.styled(one_line(entity.name), f"bold $entity-{label}"),
        Content.assemble((LABEL_NAMES[entity.label], f"$entity-{label}"),
                         f" · {entity.count} mention{'s' if entity.count != 1 else ''}"),
    ]
    others = [one_line(v) for v in entity.variants if v != entity.name]
    if others:
        lines.append(Content.assemble(("also: ", "dim"), ", ".join(others)))
    return lines


class DetailPane(VerticalScroll):
    """The selected entity: type, mentions, variants, and its Wikipedia background."""

    class Settled(Message):
        """A lookup ended (found, failed or cancelled): the service's notice and state."""

        def __init__(self, notice: str, offline: bool) -> None:
            super().__init__()
            self.notice = notice
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

    def compose(self) -> ComposeResult:
        """The text of the pane, and the candidate list (hidden unless ambiguous)."""
        yield Static(Content.styled(PLACEHOLDER, "dim italic"), id="detail-body", markup=False)
        yield CandidateList(id="candidates", markup=False)

    def on_mount(self) -> None:
        """Nothing to pick until a name turns out to be ambiguous."""
        self.candidates.display = False

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
        """The user picked a page of an ambiguous name: remember it and show it."""
        event.stop()
        if self.subject is not None and self.service is not None:
            self.background = None
            self._start(self.subject, pick=event.title)

    # --- the lookup, in this pane's own exclusive worker

    def _start(self, subject: Subject, refresh: bool = False, pick: str | None = None) -> None:
        self.problem = ""
        if pick is not None:
            self.status = f"looking up {one_line(pick)}…"
        else:
            self.status = "refreshing…" if self.background else "looking up…"
        self._draw(reset=self.background is None)
        self._lookup(subject, refresh, pick)

    def _is_current(self, subject: Subject) -> bool:
        return self.subject is not None and self.subject.entity.id == subject.entity.id

    @work(exclusive=True, group="lookup")
    async def _lookup(self, subject: Subject, refresh: bool, pick: str | None) -> None:
        service = self.service
        if service is None:
            return
        name = subject.entity.name
        try:
            if pick is not None:
                bg = await service.choose(name, self.language, pick)
            else:
                bg = await service.lookup(name, self.language, subject.context,
                                          refresh=refresh, allow_stale=True)
        except LookupFailed as exc:
            if self._is_current(subject):
                self.problem, self.status = exc.message, ""
                self._draw()
            self.post_message(self.Settled(service.notice, service.offline))
            return
        if not self._is_current(subject):
            return
        stale = bg.cached and not service.offline and service.is_stale(bg)
        changed = self.background is None or self.background.title != bg.title
        self.background, self.problem = bg, ""
        self.status = "refreshing…" if stale else ""
        self._draw(reset=changed)
        self.post_message(self.Settled(service.notice, service.offline))
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
            shown = present(bg, self.clock(), offline)
            lines += [Content(""), *(styled(line) for line in shown.lines)]
            candidates = shown.candidates
            if candidates:
                lines.append(Content.styled("Tab to the list below; enter picks.", "dim"))
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
