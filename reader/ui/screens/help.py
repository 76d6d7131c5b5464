"""The help screen: every key binding, generated from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """A list of key bindings; any of esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        lines: list[Content] = [Content.styled("reader — keys", "bold"), Content("")]
        for title, rows in self.sections:
            lines.append(Content.styled(title, "bold $accent"))
            for keys, description in rows:
                lines.append(Content.assemble((f"  {keys:<18}", "bold"), description))
            lines.append(Content(""))
        lines.append(Content.styled("esc, q or ? closes this screen", "dim italic"))
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(lines), markup=False)
