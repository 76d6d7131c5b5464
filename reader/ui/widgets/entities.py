"""The entity panel: entities grouped by type, filterable, most mentioned first.

The reading screen binds :attr:`EntityPanel.listing` (what analysis found so far, and a
status line) and :attr:`EntityPanel.hidden` (types switched off) to its own state; the panel
rebuilds itself when they change and posts :class:`EntityPanel.EntityChosen` when the user
moves to an entity.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.core.model import LABEL_NAMES, LABELS, Entity, Label
from reader.core.sanitize import one_line

MARKERS: dict[Label, str] = {"PER": "● ", "LOC": "▲ ", "ORG": "■ ", "MISC": "◆ "}
"""Per-type markers before each row when colour is off (NO_COLOR)."""
MAX_ROWS = 100  # per type (a book has thousands); the filter searches every entity


class EntityList(OptionList):
    """The list itself, with vi-style keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def action_first(self) -> None:
        """The first entity, with its group header in view (home, g)."""
        super().action_first()
        self.scroll_home(animate=False, immediate=True)


@dataclass(frozen=True)
class Listing:
    """What the panel lists: the entities found so far and a status line below them."""

    entities: list[Entity] = field(default_factory=list)
    status: str = ""


class EntityPanel(Vertical):
    """Filter box and grouped entity list; announces the highlighted entity."""

    class EntityChosen(Message):
        """The user moved to an entity (or to none)."""

        def __init__(self, entity_id: str | None) -> None:
            super().__init__()
            self.entity_id = entity_id

    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", show=False)]

    listing: reactive[Listing] = reactive(Listing(status="analysing…"), init=False)
    hidden: reactive[frozenset[Label]] = reactive(frozenset(), init=False)
    _follow: str | None = None  # the screen's selected entity

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._reported: set[str] = set()  # entities the list chose, not yet followed

    def compose(self) -> ComposeResult:
        """The filter box over the list."""
        yield Input(placeholder="filter entities…", id="filter")
        yield EntityList(id="entity-list", markup=False)

    @property
    def entity_list(self) -> EntityList:
        """The list of entities."""
        return self.query_one(EntityList)

    @property
    def filter_input(self) -> Input:
        """The filter box."""
        return self.query_one("#filter", Input)

    def on_mount(self) -> None:
        """Reachable with / only; the list shows the status."""
        # the filter box is always visible but only reachable with "/", so tab skips it
        self.filter_input.can_focus = False
        self._rebuild()

    def watch_listing(self) -> None:
        """New entities (or a new status) to list."""
        if self.is_mounted:
            self._rebuild()

    def watch_hidden(self) -> None:
        """A type was shown or hidden."""
        if self.is_mounted:
            self._rebuild()

    def follow(self, entity_id: str | None) -> None:
        """The screen selected ``entity_id``: highlight it (and keep it through rebuilds).

        A selection the list itself reported is not moved back to: the user's keys may
        already have taken the highlight further, and moving it back would replay every
        step and cancel each lookup in turn."""
        self._follow = entity_id
        if entity_id is not None and entity_id in self._reported:
            self._reported.discard(entity_id)
            return
        self._reported.clear()
        options = self.entity_list
        current = options.highlighted_option
        if entity_id is None or (current is not None and current.id == entity_id):
            return
        with contextlib.suppress(OptionDoesNotExist):  # not listed: filtered out, hidden
            options.highlighted = options.get_option_index(entity_id)

    def start_filter(self) -> None:
        """Focus the filter box (key /)."""
        self.filter_input.can_focus = True
        # focus now (not after a refresh), so keys typed right after "/" land in the box
        self.screen.set_focus(self.filter_input)

    def _leave_filter(self) -> None:
        options = self.entity_list
        self.screen.set_focus(options)
        self.filter_input.can_focus = False
        if options.highlighted is None:  # land on the first match
            first = next((i for i in range(options.option_count)
                          if not options.get_option_at_index(i).disabled), None)
            options.highlighted = first

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the list (esc)."""
        self.filter_input.value = ""
        self._leave_filter()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        event.stop()
        self._rebuild()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter and goes back to the list."""
        event.stop()
        self._leave_filter()

    def on_key(self, event: events.Key) -> None:
        """Down or tab from the filter box goes to the list."""
        if event.key in ("down", "tab") and self.filter_input.has_focus:
            event.stop()
            event.prevent_default()
            self._leave_filter()

    def _matches(self, entity: Entity, needle: str) -> bool:
        return not needle or any(needle in v.casefold() for v in entity.variants)

    def _rebuild(self) -> None:
        options = self.entity_list
        keep = self._follow or (
            options.highlighted_option.id if options.highlighted_option else None)
        needle = self.filter_input.value.strip().casefold()
        items: list[Option] = []
        shown = 0
        for label in LABELS:
            group = [e for e in self.listing.entities
                     if e.label == label and self._matches(e, needle)]
            hidden = label in self.hidden
            title = Content.assemble((LABEL_NAMES[label], f"bold $entity-{label.lower()}"),
                                     (f"  {len(group)}" + ("  (hidden)" if hidden else ""),
                                      "dim"))
            items.append(Option(title, id=f"group:{label}", disabled=True))
            if hidden:
                continue
            mark = MARKERS[label] if self.app.has_class("-no-color") else "▍"
            for e in group[:MAX_ROWS]:
                prompt = Content.assemble(
                    (mark, f"$entity-{label.lower()}"), one_line(e.name), (f"  {e.count}", "dim"))
                items.append(Option(prompt, id=e.id))
                shown += 1
            if len(group) > MAX_ROWS:
                more = f"  … {len(group) - MAX_ROWS} more: type / to find them"
                items.append(Option(Content.styled(more, "dim italic"), id=f"more:{label}",
                                    disabled=True))
        if self.listing.status:
            status = Content.styled(one_line(self.listing.status), "italic dim")
            items.append(Option(status, id="status", disabled=True))
        elif not shown:
            text = "no entity matches the filter" if needle else "no entities found"
            items.append(Option(Content.styled(text, "italic dim"), id="status", disabled=True))
        if [o.id for o in items] == [o.id for o in options.options]:
            # the same rows (a book's next partial result): new counts, drawn in place
            # (clearing the list would lay out the whole screen again)
            for index, (old, new) in enumerate(zip(options.options, items, strict=True)):
                if old.prompt != new.prompt:
                    options.replace_option_prompt_at_index(index, new.prompt)
            return
        with self.app.batch_update():
            # in one go: clearing first would hide the scroll bar and lay out the screen
            # once more
            options.set_options(items)
            if keep is not None:
                try:
                    options.highlighted = options.get_option_index(keep)
                except Exception:  # the entity is filtered out now
                    options.highlighted = None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Moving in the list chooses the entity."""
        event.stop()
        self._report(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click chooses the entity."""
        event.stop()
        self._report(event.option.id)

    def _report(self, entity_id: str | None) -> None:
        if entity_id is not None:
            self._reported.add(entity_id)
        self.post_message(self.EntityChosen(entity_id))
