"""The table of contents of a book: its chapters in order; enter goes to one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.sanitize import one_line


class ContentsScreen(ModalScreen[int | None]):
    """Chapters as (title, offset into the text); dismissed with the chosen offset."""

    BINDINGS = [Binding("escape,T,q", "dismiss_none", "Close", tooltip="Close the contents")]

    def __init__(self, toc: tuple[tuple[str, int], ...], current: int = 0) -> None:
        super().__init__()
        self.toc = toc
        self.current = current

    def compose(self) -> ComposeResult:
        """A heading and one row per chapter."""
        heading = Content.assemble((f"Contents — {len(self.toc)} chapters", "bold"),
                                   ("   enter go there · esc close", "dim"))
        with Vertical(id="passages-box"):
            yield Static(heading, id="passages-heading", markup=False)
            yield OptionList(*(Option(Content(one_line(title) or "(untitled)"), id=str(i))
                               for i, (title, _) in enumerate(self.toc)),
                             id="contents", markup=False)

    def on_mount(self) -> None:
        """Start on the chapter the reader is in."""
        options = self.query_one(OptionList)
        before = [i for i, (_, offset) in enumerate(self.toc) if offset <= self.current]
        options.highlighted = before[-1] if before else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) goes to the chapter."""
        event.stop()
        self.dismiss(self.toc[int(event.option.id or 0)][1])

    def action_dismiss_none(self) -> None:
        """Close without moving."""
        self.dismiss(None)
