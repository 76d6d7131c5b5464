"""One line over the detail pane: which mention of the selected entity the cursor is on."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class MentionLine(Widget):
    """"mention 3 of 9" for the selected entity, empty without a selection.

    ``position`` is (index, count), index from 0; the reading screen sets it whenever the
    selection moves."""

    position: reactive[tuple[int, int] | None] = reactive(None)

    def render(self) -> Content:
        """The position as text, with the keys that move it."""
        if self.position is None:
            return Content("")
        index, count = self.position
        return Content.assemble(("mention ", "dim"), (f"{index + 1}", "bold"),
                                (" of ", "dim"), (f"{count}", "bold"),
                                (" · p passages", "dim"))
