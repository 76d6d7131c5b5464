"""The reading screen's mention keys: n / N between mentions (saying why nothing moves when
the entity is hidden or filtered out), and the passages view."""

from __future__ import annotations

from dataclasses import replace

from reader.core.model import LABEL_NAMES, Entity
from reader.core.sanitize import one_line
from reader.library.passages import passages
from reader.ui.keymap import TYPE_KEYS
from reader.ui.screens.contents import ContentsScreen
from reader.ui.screens.part import ScreenPart
from reader.ui.screens.passages import PassagesScreen

NO_SELECTION = "Select an entity first (tab to the entity list)."


class MentionActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: moving between the selected entity's mentions."""

    def why_not_moving(self, entity: Entity) -> str:
        """Why n / N cannot show ``entity``'s mentions, or "" when they can."""
        me = self.me
        name = one_line(entity.name)
        if entity.label in me.hidden:
            key = next(k for k, lab in TYPE_KEYS.items() if lab == entity.label)
            return (f"{name} is not marked: {LABEL_NAMES[entity.label]} are hidden "
                    f"(press {key} to show them).")
        needle = me.panel.filter_input.value.strip().casefold()
        if needle and not any(needle in v.casefold() for v in entity.variants):
            return (f"{name} is filtered out of the entity list "
                    f"(/ then esc clears the filter).")
        return ""

    def _jump(self, step: int) -> None:
        me = self.me
        sel = me.selection
        if sel is None:
            me.notify(NO_SELECTION)
            return
        why = me.why_not_moving(sel.entity)
        if why:
            me.notify(why, title="Nothing moves", markup=False)
            return
        me.selection = replace(sel, index=(sel.index + step) % sel.entity.count)

    def action_next_mention(self) -> None:
        """Go to the next mention of the selected entity (wraps around)."""
        self._jump(1)

    def action_previous_mention(self) -> None:
        """Go to the previous mention of the selected entity (wraps around)."""
        self._jump(-1)

    def action_passages(self) -> None:
        """Every mention of the selected entity in its sentence; enter goes to one."""
        me = self.me
        sel = me.selection
        if sel is None:
            me.notify(NO_SELECTION)
            return
        found = passages(me.article.text, sel.entity)

        def go(index: int | None) -> None:
            current = me.selection
            if index is None or current is None or current.entity.id != sel.entity.id:
                return
            me.selection = replace(current, index=min(index, current.entity.count - 1))
            me.article.focus()

        me.app.push_screen(PassagesScreen(sel.entity, found, sel.index), go)

    def action_contents(self) -> None:
        """A book's table of contents; enter scrolls the article to the chapter."""
        me = self.me
        toc = me.source.toc
        if not toc:
            me.notify("This text has no table of contents (books have one).", markup=False)
            return

        def go(offset: int | None) -> None:
            if offset is not None:
                me.article.restore_top(offset)
                me.article.focus()

        me.app.push_screen(ContentsScreen(toc, me.article.top_offset()), go)
