"""The reading screen's pacing of a book's results: keys first.

Showing a result (panel, article colours, title) takes the event loop tens of
milliseconds, and so does a full pass of Python's cycle collector over what a book's
analysis piles up. While a book is analysed, its results wait for a pause in the keys
(:data:`KEYS_PAUSE`) and are shown then, and the collector's young generations are
collected then too, not in the middle of a key; an article's results are shown at once.
"""

from __future__ import annotations

import gc
import time

from reader.core import processes
from reader.core.analysis import Progress
from reader.ui.screens.part import ScreenPart

KEYS_PAUSE = 0.5  # seconds without a key before a book's result is shown
SHOW_PAUSE = 8.0  # a partial result waits this many times as long as the last took to show


class PacingActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: when a result of the analysis is shown."""

    _waiting: Progress | None = None  # a result not shown yet
    _collector_held = False  # the cycle collector runs in the pauses only
    _next_show = 0.0  # time.monotonic() before which no partial result is shown

    def show_progress(self, progress: Progress) -> None:
        """Show a result: an article's at once, a book's in a pause of the keys."""
        self._waiting = progress
        if len(self.me.source.text) < processes.PARALLEL_FROM:
            self._show_waiting()
            return
        if not self._collector_held and progress.done < 1.0 and gc.isenabled():
            gc.disable()
            self._collector_held = True
        self._show_when_keys_pause()

    @property
    def analysed(self) -> bool:
        """True once the complete result has arrived, shown or waiting for a pause."""
        waiting = self._waiting
        return self.me.progress >= 1.0 or (waiting is not None and waiting.done >= 1.0)

    def release_collector(self) -> None:
        """The cycle collector back to normal (analysis done, or the screen gone)."""
        if self._collector_held:
            self._collector_held = False
            gc.enable()

    def _show_when_keys_pause(self) -> None:
        now = time.monotonic()
        pause = now - getattr(self.me.app, "last_key", 0.0)
        final = self._waiting is not None and self._waiting.done >= 1.0
        wait = max(KEYS_PAUSE - pause, 0.0 if final else self._next_show - now)
        if wait <= 0:
            self._show_waiting()
            # showing takes the event loop (and a core the analysis could use): the next
            # partial result is shown after SHOW_PAUSE times as long, the last one at once
            self._next_show = now + (time.monotonic() - now) * SHOW_PAUSE
            if self._collector_held:
                # the young generations only: what a result leaves behind; the old one
                # (the growing document, hardly ever garbage) waits for the end, when
                # release_collector turns the collector back on
                gc.collect(1)
        elif self._waiting is not None:
            self.me.set_timer(wait, self._show_when_keys_pause)

    def _show_waiting(self) -> None:
        progress, self._waiting = self._waiting, None
        if progress is None:
            return
        me = self.me
        me.progress = progress.done
        me.raw_document = progress.document
        me.corrected()
        if progress.done >= 1.0:
            self.release_collector()
