"""The base of the reading screen's feature parts (mentions, search, corrections): mixins
whose methods act on the screen they are mixed into."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from reader.ui.screens.reading import ReadingScreen


class ScreenPart:
    """A part of :class:`ReadingScreen`, kept in its own module by feature."""

    @property
    def me(self) -> ReadingScreen:
        """The reading screen this part is mixed into (typed as such)."""
        return cast("ReadingScreen", self)
