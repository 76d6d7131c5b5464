"""The search bar under the article: a phrase to find in the text, and how many matches.

It only reports: :class:`SearchBar.Changed` as the user types, :class:`SearchBar.Submitted`
on enter, :class:`SearchBar.Ended` on esc; the reading screen finds and highlights.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """``search: [phrase]  3 of 12``: hidden until the search key is pressed."""

    class Changed(Message):
        """The phrase changed (as the user types)."""

        def __init__(self, phrase: str) -> None:
            super().__init__()
            self.phrase = phrase

    class Submitted(Message):
        """Enter: keep the search, back to the article."""

    class Ended(Message):
        """Esc: the search is over."""

    def compose(self) -> ComposeResult:
        """Label, phrase box, match count."""
        yield Static(Content.styled("search:", "bold"), id="search-label", markup=False)
        yield Input(placeholder="a phrase in the article…", id="search-input")
        yield Static("", id="search-count", markup=False)

    @property
    def input(self) -> Input:
        """The phrase box."""
        return self.query_one("#search-input", Input)

    def start(self) -> None:
        """Show the bar and type into it."""
        self.display = True
        self.screen.set_focus(self.input)

    def set_count(self, index: int | None, total: int, phrase: str) -> None:
        """Show "3 of 12" (index from 0), or that nothing matches."""
        count = self.query_one("#search-count", Static)
        if not phrase.strip():
            count.update(Content.styled("type a phrase · esc ends", "dim"))
        elif total == 0:
            count.update(Content.styled("no match", "italic $warning"))
        else:
            where = f"{index + 1} of {total}" if index is not None else f"{total}"
            count.update(Content.assemble((where, "bold"),
                                          (" matches · ] [ next, previous · esc ends", "dim")))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as the user types."""
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the search."""
        event.stop()
        self.post_message(self.Submitted())

    def on_key(self, event: events.Key) -> None:
        """Esc in the box ends the search."""
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self.post_message(self.Ended())
