"""The title bar: file name, language, pipeline, entity count and analysis state."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.core.sanitize import one_line


class TitleBar(Static):
    """One line at the top; every part is plain text, never markup."""

    def show(self, name: str, parts: list[str]) -> None:
        pieces: list[Content | tuple[str, str] | str] = [(one_line(name), "bold")]
        for part in parts:
            if part:
                pieces += [("  ·  ", "dim"), one_line(part)]
        self.update(Content.assemble(*pieces))
