"""The help screen: every key binding, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keymap import SEARCH_HELP


class HelpScreen(ModalScreen[None]):
    """A list of key bindings; any of esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        """The keys, section by section, in a scrollable box."""
        lines: list[Content] = [Content.styled("reader — keys", "bold"), Content("")]
        for title, rows in self.sections:
            lines.append(Content.styled(title, "bold $accent"))
            for keys, description in rows:
                lines.append(Content.assemble((f"  {keys:<16}", "bold"), description))
            lines.append(Content(""))
        lines.append(Content.styled("esc, q or ? closes this screen", "dim italic"))
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(lines), markup=False)


def help_sections(anywhere: list[Binding], article_bindings: list[BindingType],
                  key_display: Callable[[Binding], str],
                  ) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every binding of the app, its screen and its widgets, as (section, [(keys, what)])."""
    def rows(bindings: list[Binding]) -> list[tuple[str, str]]:
        out = []
        for b in bindings:
            keys = ", ".join(key_display(Binding(k, "")) for k in b.key.split(","))
            out.append((keys, b.tooltip or b.description or b.action))
        return out

    return [
        ("Anywhere", [*rows(anywhere), ("tab, shift+tab", "Move between panes"),
                      ("ctrl+p", "Command palette: go to an entity, types, search, glossary, "
                                 "panel, theme")]),
        ("Article", rows([b for b in article_bindings if isinstance(b, Binding)])),
        ("Search in the article (s) — not the entity filter (/)", list(SEARCH_HELP)),
        ("Entity list", [("↑ ↓, j k", "Move (selects the entity)"),
                         ("home, end, g G", "First (with its group header), last"),
                         ("/", "Filter the list by typing; enter keeps it, esc clears it")]),
        ("Passages (p)", [("↑ ↓, j k", "Move between the mentions"),
                          ("enter", "Go to the mention in the article"),
                          ("esc, p, q", "Close")]),
        ("Details", [("tab", "Reach the candidates of an ambiguous name"),
                     ("enter", "Pick the right page (remembered for that name)")]),
    ]
