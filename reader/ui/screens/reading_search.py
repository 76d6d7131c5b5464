"""The reading screen's text search: a phrase typed in the search bar, its matches
highlighted in the article and counted, ] / [ between them, esc ends. Distinct from the
entity filter (/), which narrows the entity list."""

from __future__ import annotations

from bisect import bisect_left

from reader.library.passages import find_all
from reader.ui.screens.part import ScreenPart
from reader.ui.widgets.searchbar import SearchBar


class SearchActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: search in the article text."""

    search_phrase: str = ""
    search_matches: list[tuple[int, int]] = []
    search_index: int | None = None
    search_anchor: int = 0  # where the search started: the first match from here is shown

    @property
    def search_bar(self) -> SearchBar:
        """The search bar under the article."""
        me = self.me
        return me.query_one(SearchBar)

    def action_search(self) -> None:
        """Type a phrase to find in the article (key s)."""
        me = self.me
        me.search_anchor = me.article.top_offset()
        me.search_bar.start()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        """Find the phrase as it is typed; go to the first match from where the screen
        was when the search started."""
        me = self.me
        me.search_phrase = event.phrase
        me.search_matches = find_all(me.article.text, event.phrase)
        top = me.search_anchor
        starts = [s for s, _ in me.search_matches]
        i = bisect_left(starts, top)
        me.search_index = (i if i < len(starts) else 0) if starts else None
        me._show_match()

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        """Enter: keep the matches and read on (] [ move between them)."""
        me = self.me
        me.article.focus()

    def on_search_bar_ended(self, event: SearchBar.Ended) -> None:
        """Esc in the search box."""
        me = self.me
        me.action_end_search()

    def action_end_search(self) -> None:
        """End the search: no highlights, the bar goes away."""
        me = self.me
        bar = me.search_bar
        if not bar.display and not me.search_matches:
            return
        me.search_phrase, me.search_matches, me.search_index = "", [], None
        bar.input.value = ""
        bar.display = False
        me.article.set_matches([], None)
        me.article.focus()

    def _move_match(self, step: int) -> None:
        me = self.me
        if not me.search_matches or me.search_index is None:
            me.notify("No search: press s and type a phrase." if not me.search_phrase
                        else "No match in the article.")
            return
        me.search_index = (me.search_index + step) % len(me.search_matches)
        me._show_match()

    def action_next_match(self) -> None:
        """Go to the next match of the search (wraps around)."""
        self._move_match(1)

    def action_previous_match(self) -> None:
        """Go to the previous match of the search (wraps around)."""
        self._move_match(-1)

    def _show_match(self) -> None:
        me = self.me
        matches, index = me.search_matches, me.search_index
        current = matches[index] if index is not None else None
        me.article.set_matches(matches, current)
        if current is not None:
            me.article.scroll_to_offset(current[0])
        me.search_bar.set_count(index, len(matches), me.search_phrase)
