"""The passages view: every mention of one entity in its sentence, like X-Ray's passage list.

Enter closes the view with the chosen mention's index, and the reading screen goes there.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.model import Entity
from reader.core.sanitize import one_line
from reader.library.passages import Passage


def passage_content(p: Passage, label: str) -> Content:
    """A passage as text, its mention marked in the entity's colour, bold and underlined
    (so it reads without colour too)."""
    text = one_line(p.text)
    s, e = p.mark
    return Content.assemble((f"{p.index + 1:>3}  ", "dim"), text[:s],
                            (text[s:e], f"bold underline $entity-{label.lower()}"), text[e:])


class PassageList(OptionList):
    """The passages, one option each, with vi-style keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


class PassagesScreen(ModalScreen[int | None]):
    """The passages of one entity; enter goes to one, esc (or p, q) closes."""

    BINDINGS = [Binding("escape,p,q", "dismiss_none", "Close", tooltip="Close the passages")]

    def __init__(self, entity: Entity, found: list[Passage], current: int = 0) -> None:
        super().__init__()
        self.entity = entity
        self.found = found
        self.current = current

    def compose(self) -> ComposeResult:
        """A heading and the list of passages."""
        n = len(self.found)
        heading = Content.assemble(
            (one_line(self.entity.name), f"bold $entity-{self.entity.label.lower()}"),
            (f" — {n} passage{'s' if n != 1 else ''}", "bold"),
            ("   enter go there · esc close", "dim"))
        with Vertical(id="passages-box"):
            yield Static(heading, id="passages-heading", markup=False)
            yield PassageList(*(Option(passage_content(p, self.entity.label), id=str(p.index))
                                for p in self.found), id="passages", markup=False)

    def on_mount(self) -> None:
        """Start on the mention the cursor is on."""
        options = self.query_one(PassageList)
        if self.found:
            options.highlighted = min(self.current, len(self.found) - 1)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) goes to the passage."""
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_dismiss_none(self) -> None:
        """Close without moving."""
        self.dismiss(None)
