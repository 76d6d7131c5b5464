"""The reading screen's memory: the library notes the text as opened, and the screen
goes back to where the reader was (first line on screen, selected entity); the position
is saved as the reader moves, so even a crash keeps it (to the last second)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.screens.part import ScreenPart

if TYPE_CHECKING:
    from reader.ui.widgets.article import ArticleView

SAVE_EVERY = 1.0  # seconds between checks of the position (saved only when it changed)


class MemoryActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: restore and save the reading position."""

    _restore_selected: str = ""
    _saved: tuple[int, str, int] | None = None
    _article: ArticleView | None = None

    def remember_opened(self) -> None:
        """Tell the library the text is open; go back to the last position."""
        me = self.me
        if me.library is None:
            return
        self._article = me.article
        title = me.source.title or me.source.name
        path = me.path or me.source.name
        recent = me.library.get(me.doc_key)
        # noted after the first paint: a write waits for the disk (tens of milliseconds)
        me.call_after_refresh(me.library.opened, me.source.text, path, title, me.language)
        offset, selected, entities = (recent.offset, recent.selected, recent.entities) \
            if recent is not None else (0, "", 0)
        if offset:
            me.article.restore_top(offset)
        self._restore_selected = selected
        self._saved = (offset, selected, entities)
        me.set_interval(SAVE_EVERY, self.save_position)

    def restore_selection(self) -> None:
        """Once the remembered entity is found, select it (without scrolling away)."""
        me = self.me
        name = self._restore_selected
        if not name or me.document is None or me.selection is not None:
            return
        entity = next((e for e in me.document.entities if e.name == name), None)
        if entity is None:
            return
        from reader.ui.screens.reading import Selection

        self._restore_selected = ""
        me.keep_scroll = True
        try:
            me.selection = Selection(entity)
        finally:
            me.keep_scroll = False

    def save_position(self) -> None:
        """Save the first line on screen and the selection, when they changed."""
        me = self.me
        if me.library is None:
            return
        # the article by reference: while the screen goes away, it is no longer queryable
        article = self._article
        if article is None:
            return
        top = article.top_offset()
        selected = me.selection.entity.name if me.selection is not None else \
            self._restore_selected
        entities = len(me.document.entities) if me.document is not None and \
            me.progress >= 1.0 else (self._saved[2] if self._saved else 0)
        state = (top, selected, entities)
        if state != self._saved:
            self._saved = state
            me.library.save_position(me.doc_key, state[0], state[1], state[2])
