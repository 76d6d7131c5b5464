"""The title bar: file name, language, pipeline, entity count and analysis state."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.core.sanitize import one_line


class TitleBar(Widget):
    """One line at the top; every part is plain text, never markup.

    ``parts`` is bound to the reading screen's header, so the bar follows the screen's
    state by itself."""

    parts: reactive[tuple[str, ...]] = reactive(())

    def __init__(self, heading: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.heading = heading

    def render(self) -> Content:
        """The heading (the file name) in bold, then each non-empty part after a dot; in a
        narrow terminal the longest parts (the pipeline's name) give way first, so the
        entity count and the analysis state stay readable."""
        parts = [one_line(p) for p in self.parts if p]
        width = self.size.width or 1_000
        while True:
            pieces: list[Content | tuple[str, str] | str] = [(one_line(self.heading), "bold")]
            for part in parts:
                pieces += [("  ·  ", "dim"), part]
            content = Content.assemble(*pieces)
            if content.cell_length <= width - 2 or len(parts) <= 1:
                return content
            parts.remove(max(parts, key=len))
