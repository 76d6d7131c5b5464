"""A small chooser over the reading screen: a heading, an optional filter box and a list;
enter picks (the screen is dismissed with the option's id), esc cancels."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    """Choose one of ``choices`` (id, text); with ``filterable``, typing narrows them."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without choosing")]

    def __init__(self, heading: str, choices: list[tuple[str, Content | str]],
                 filterable: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.choices = choices
        self.filterable = filterable

    def compose(self) -> ComposeResult:
        """Heading, filter box (if any) and the choices."""
        with Vertical(id="pick-box"):
            yield Static(Content.assemble((self.heading, "bold"),
                                          ("   enter choose · esc cancel", "dim")),
                         id="pick-heading", markup=False)
            if self.filterable:
                yield Input(placeholder="type to narrow…", id="pick-filter")
            yield OptionList(*self._options(""), id="pick-list", markup=False)

    def _options(self, needle: str) -> list[Option]:
        return [Option(text, id=key) for key, text in self.choices
                if needle.casefold() in str(text).casefold()]

    def on_mount(self) -> None:
        """Type into the filter box, or move in the list."""
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = 0
        if self.filterable:
            self.query_one(Input).focus()
        else:
            options.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Narrow the choices as the user types."""
        event.stop()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value.strip()))
        if options.option_count:
            options.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter box picks the highlighted choice."""
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    def on_key(self, event: events.Key) -> None:
        """↑ ↓ in the filter box move in the list."""
        if self.filterable and event.key in ("up", "down") and self.query_one(Input).has_focus:
            event.stop()
            options = self.query_one(OptionList)
            if event.key == "down":
                options.action_cursor_down()
            else:
                options.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) in the list picks."""
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
