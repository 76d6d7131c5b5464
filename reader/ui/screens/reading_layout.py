"""The reading screen's layout: the entity panel beside the article, or, below
:data:`NARROW` columns, a drawer over its side that ``l`` opens and closes, so the article
keeps at least 40 columns."""

from __future__ import annotations

from textual import events

from reader.ui.screens.part import ScreenPart

NARROW = 100  # columns below which the entity panel is a drawer


class LayoutActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: the panel beside the article, or a drawer."""

    def on_resize(self, event: events.Resize) -> None:
        """Switch between side panel and drawer with the terminal's width."""
        me = self.me
        narrow = event.size.width < NARROW
        if narrow != me.has_class("-narrow"):
            me.set_class(narrow, "-narrow")
            me.remove_class("-drawer")
            self._keep_focus_visible()

    def action_toggle_panel(self) -> None:
        """Show or hide the entity panel (open or close the drawer when narrow)."""
        me = self.me
        me.toggle_class("-drawer" if me.has_class("-narrow") else "-panel-off")
        if self.panel_shown():
            if not me.panel.entity_list.has_focus:
                me.panel.entity_list.focus()
        else:
            self._keep_focus_visible()

    def panel_shown(self) -> bool:
        """Whether the entity panel is on screen."""
        me = self.me
        if me.has_class("-narrow"):
            return me.has_class("-drawer")
        return not me.has_class("-panel-off")

    def _keep_focus_visible(self) -> None:
        me = self.me
        focused = me.focused
        if not self.panel_shown() and focused is not None and focused is not me.article \
                and me.query_one("#side") in focused.ancestors_with_self:
            me.article.focus()
