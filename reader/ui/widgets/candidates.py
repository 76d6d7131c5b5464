"""The candidate list of an ambiguous name: pages a disambiguation offers to pick from."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList


class CandidateList(OptionList):
    """Pages a disambiguation offers; enter (or a click) picks one."""

    class Picked(Message):
        """The user picked the page ``title``."""

        def __init__(self, title: str) -> None:
            super().__init__()
            self.title = title

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Announce the picked page's title to the detail pane."""
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(event.option.id))
