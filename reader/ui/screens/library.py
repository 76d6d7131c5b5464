"""The library screen (``reader`` with no file): the recent texts with their title,
language, entity count, how far the reader got and when; enter opens one, d forgets it."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.core.sanitize import one_line
from reader.library.store import Library, Recent


def when(opened: float, now: float) -> str:
    """How long ago, in words a reader skims: "just now", "5 min ago", "2025-09-03"."""
    ago = max(now - opened, 0)
    if ago < 60:
        return "just now"
    if ago < 3600:
        return f"{int(ago // 60)} min ago"
    if ago < 86_400:
        return f"{int(ago // 3600)} h ago"
    return time.strftime("%Y-%m-%d", time.localtime(opened))


class LibraryScreen(Screen[None]):
    """Recent texts, most recent first."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Open the text", id="library_open"),
        Binding("d", "forget", "Forget", tooltip="Forget the text (corrections are kept)",
                id="library_forget"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Down"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Up"),
    ]

    class Chosen(Message):
        """The reader chose a text to open."""

        def __init__(self, recent: Recent) -> None:
            super().__init__()
            self.recent = recent

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.recents: list[Recent] = []

    def compose(self) -> ComposeResult:
        """A heading, the table of texts, the keys."""
        yield Static(Content.assemble(("reader", "bold"), ("  ·  recent texts", "dim")),
                     id="library-title", markup=False)
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="library-empty", markup=False)
        yield Footer()

    @property
    def table(self) -> DataTable[str | Text]:
        """The table of texts."""
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        """List the texts."""
        self.table.add_columns("title", "lang", "entities", "read", "last opened")
        self.reload()
        self.table.focus()

    def reload(self) -> None:
        """Read the list again from the library."""
        self.recents = self.library.recent()
        table = self.table
        table.clear()
        now = time.time()
        for r in self.recents:
            # rich Text: a title is shown as written, never read as markup
            table.add_row(Text(one_line(r.title)), Text(r.language),
                          str(r.entities) if r.entities else "–", f"{r.percent} %",
                          when(r.opened, now), key=r.hash)
        empty = self.query_one("#library-empty", Static)
        empty.display = not self.recents
        empty.update(Content.styled("No texts yet: open one with reader FILE.", "italic dim"))

    def _current(self) -> Recent | None:
        row = self.table.cursor_row
        return self.recents[row] if 0 <= row < len(self.recents) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row opens it."""
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Open the text under the cursor."""
        recent = self._current()
        if recent is not None:
            self.post_message(self.Chosen(recent))

    def action_forget(self) -> None:
        """Forget the text under the cursor (its corrections stay)."""
        recent = self._current()
        if recent is None:
            return
        row = self.table.cursor_row
        self.library.forget(recent.hash)
        self.reload()
        if self.recents:
            self.table.move_cursor(row=min(row, len(self.recents) - 1))
        self.notify(f"Forgot {one_line(recent.title)}", timeout=3, markup=False)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.table.action_cursor_up()
