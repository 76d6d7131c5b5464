"""The article pane: the whole text, wrapped, with every mention styled by type.

Rendered with Textual's line API: only the visible lines are ever styled, so a book
scrolls as cheaply as a news item. The text is made terminal-safe first (same length),
so mention offsets into the original text apply unchanged.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from operator import attrgetter
from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.model import Mention
from reader.core.sanitize import display_text
from reader.ui.widgets.wrap import wrap_offsets

_T = TypeVar("_T")
WRAP_CHUNK = 200_000  # characters wrapped per event-loop turn
MAX_CACHED_LINES = 2_000  # drawn lines kept for scrolling back and forth


class ArticleView(ScrollView, can_focus=True):
    """Scrollable, wrapped article text with entity highlighting."""

    COMPONENT_CLASSES = {
        "article--per", "article--loc", "article--org", "article--misc",
        "article--selected", "article--current", "article--match", "article--match-current",
    }
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, tooltip="Scroll down a line"),
        Binding("k,up", "scroll_up", "Up", show=False, tooltip="Scroll up a line"),
        Binding("space,pagedown", "page_down", "Page down", show=False, tooltip="Page down"),
        Binding("b,pageup", "page_up", "Page up", show=False, tooltip="Page up"),
        Binding("home,g", "scroll_home", "Top", show=False, tooltip="Top of the article"),
        Binding("end,G", "scroll_end", "Bottom", show=False, tooltip="End of the article"),
    ]

    # keys scroll at once, without animation: the screen answers the key immediately
    def action_scroll_down(self) -> None:
        """One line down."""
        self.scroll_relative(y=1, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        """One line up."""
        self.scroll_relative(y=-1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        """One page down."""
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        """One page up."""
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        """To the top of the article."""
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """To the end of the article."""
        self.scroll_end(animate=False)

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = display_text(text)
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrapped_width = -1
        self._wrap_pos = 0
        self._wrap_generation = 0
        self._mentions: list[Mention] = []
        self._starts: list[int] = []
        self._selected: set[tuple[int, int]] = set()
        self._current: tuple[int, int] | None = None
        self._matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self._match_current: tuple[int, int] | None = None
        self._pending_top: int | None = None
        # wrapped line -> its strip, for the width, mentions, marks and styles now: a
        # scroll by a line draws one new line, not the screen
        self._strips: dict[int, Strip] = {}

    # --- data in

    def set_mentions(self, mentions: list[Mention]) -> None:
        """All mentions to style (any order; they must not overlap). The article is drawn
        again only when the lines on screen change (a book's next partial analysis adds
        mentions far below them)."""
        before = self._on_screen()
        self._mentions = sorted(mentions, key=_start)  # they never overlap
        self._starts = [m.start for m in self._mentions]
        if self._on_screen() != before:
            self._strips.clear()
            self.refresh()
        else:  # the lines on screen stay as drawn (the next key scrolls without redrawing
            # them all); any other line may have new mentions
            top = self.scroll_offset.y
            shown = range(top, top + max(self.size.height, 1))
            self._strips = {i: strip for i, strip in self._strips.items() if i in shown}

    def _on_screen(self) -> list[Mention] | None:
        """The mentions on the lines now on screen (None before the text is wrapped)."""
        top = self.scroll_offset.y
        if not self._lines or top >= len(self._lines):
            return None
        bottom = min(top + max(self.size.height, 1), len(self._lines)) - 1
        return self._in_line(self._mentions, self._starts, self._lines[top][0],
                             self._lines[bottom][1], lambda m: m)

    def set_selection(self, mentions: list[Mention], current: Mention | None) -> None:
        """Mark the selected entity's mentions, and the one the cursor is on."""
        self._selected = {(m.start, m.end) for m in mentions}
        self._current = (current.start, current.end) if current else None
        self._strips.clear()
        self.refresh()

    def set_matches(self, matches: list[tuple[int, int]],
                    current: tuple[int, int] | None) -> None:
        """Highlight the search's matches (sorted, not overlapping) and the current one."""
        self._matches = matches
        self._match_starts = [s for s, _ in matches]
        self._match_current = current
        self._strips.clear()
        self.refresh()

    def top_offset(self) -> int:
        """The character offset of the first line on screen (0 before wrapping)."""
        y = self.scroll_offset.y
        return self._lines[y][0] if 0 <= y < len(self._lines) else 0

    def restore_top(self, offset: int) -> None:
        """Scroll so the line holding character ``offset`` is the first on screen (once
        the text is wrapped that far)."""
        self._pending_top = offset
        self._apply_pending_top()

    def _apply_pending_top(self) -> None:
        offset = self._pending_top
        if offset is None or not self._lines:
            return
        if offset > self._lines[-1][1] and self._wrap_pos <= len(self.text):
            return  # not wrapped that far yet
        self._pending_top = None
        y = self.line_of(offset)
        self.call_after_refresh(self.scroll_to, y=y, animate=False, immediate=True)

    def scroll_to_offset(self, offset: int, *, animate: bool = False) -> None:
        """Scroll so the line holding character ``offset`` is in view, near the middle."""
        if not self._lines:
            return
        y = self.line_of(offset)
        height = self.scrollable_content_region.height
        self.scroll_to_region(Region(0, max(y - height // 3, 0), 1, height), animate=animate,
                              top=True, immediate=True)

    def line_of(self, offset: int) -> int:
        """The screen line (of the wrapped text) that holds character ``offset``."""
        return max(bisect_right(self._line_starts, offset) - 1, 0)

    # --- layout

    def _rewrap(self, width: int) -> None:
        """Wrap for a new width: the first chunk now, the rest in later event-loop turns,
        so a book's first screen (and a resize) never waits for the whole text."""
        if width == self._wrapped_width or width <= 0:
            return
        self._wrapped_width = width
        self._strips.clear()
        self._lines, self._line_starts = [], []
        self._wrap_pos = 0
        self._wrap_generation += 1
        self._wrap_more(self._wrap_generation)

    def _wrap_more(self, generation: int) -> None:
        if generation != self._wrap_generation or self._wrap_pos > len(self.text):
            return
        start = self._wrap_pos
        end = self.text.find("\n", start + WRAP_CHUNK)
        end = len(self.text) if end < 0 else end
        lines = [(s + start, e + start)
                 for s, e in wrap_offsets(self.text[start:end], self._wrapped_width)]
        self._lines.extend(lines)
        self._line_starts.extend(s for s, _ in lines)
        self._wrap_pos = end + 1
        self.virtual_size = Size(self._wrapped_width, len(self._lines))
        self.refresh()
        self._apply_pending_top()
        if self._wrap_pos <= len(self.text):
            self.set_timer(0.005, partial(self._wrap_more, generation))

    def on_resize(self) -> None:
        """Wrap again for the new width."""
        self._rewrap(self.scrollable_content_region.width)

    def on_mount(self) -> None:
        """Wrap for the first width."""
        self._rewrap(self.scrollable_content_region.width)

    # --- rendering

    def _label_style(self, mention: Mention) -> Style:
        return self.get_component_rich_style(f"article--{mention.label.lower()}")

    def notify_style_update(self) -> None:
        """Styles changed (theme, focus): every line is drawn again."""
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        """Screen line ``y``: the text of its wrapped line, mentions styled."""
        width = self.scrollable_content_region.width
        self._rewrap(width)
        index = y + self.scroll_offset.y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            if len(self._strips) > MAX_CACHED_LINES:
                self._strips.clear()
            strip = self._strips[index] = self._render_wrapped(index, width)
        return strip

    def _render_wrapped(self, index: int, width: int) -> Strip:
        base = self.rich_style
        start, end = self._lines[index]
        cuts = {start, end}
        mentions = self._in_line(self._mentions, self._starts, start, end, lambda m: m)
        for m in mentions:
            cuts.update((max(m.start, start), min(m.end, end)))
        matches = self._in_line(self._matches, self._match_starts, start, end,
                                lambda m: Mention(m[0], m[1], "", "MISC"))
        for s, e in matches:
            cuts.update((max(s, start), min(e, end)))
        bounds = sorted(cuts)
        segments: list[Segment] = []
        mi = ti = 0
        for s, e in pairwise(bounds):
            while mi < len(mentions) and mentions[mi].end <= s:
                mi += 1
            while ti < len(matches) and matches[ti][1] <= s:
                ti += 1
            style = base
            if mi < len(mentions) and mentions[mi].start <= s:
                style = self._mention_style(base, mentions[mi])
            if ti < len(matches) and matches[ti][0] <= s:
                current = matches[ti] == self._match_current
                style += self.get_component_rich_style(
                    "article--match-current" if current else "article--match")
            segments.append(Segment(self.text[s:e], style))
        return Strip(segments).crop_extend(0, width, base)

    @staticmethod
    def _in_line(items: list[_T], starts: list[int], start: int, end: int,
                 as_mention: Callable[[_T], Mention]) -> list[_T]:
        """The items (sorted spans) that overlap [start, end)."""
        out: list[_T] = []
        i = max(bisect_right(starts, start) - 1, 0)
        while i < len(items):
            m = as_mention(items[i])
            if m.start >= end:
                break
            if m.end > start:
                out.append(items[i])
            i += 1
        return out

    def _mention_style(self, base: Style, m: Mention) -> Style:
        style = base + self._label_style(m)
        key = (m.start, m.end)
        if key in self._selected:
            style += self.get_component_rich_style("article--selected")
        if key == self._current:
            style += self.get_component_rich_style("article--current")
        return style


_start: Callable[[Mention], int] = attrgetter("start")  # (a C call: a book has 10⁵ mentions)
