"""The reading screen's entity panel keys: / filters the list, 1–4 show or hide a type
(in the list and in the article)."""

from __future__ import annotations

from dataclasses import replace

from reader.core.model import LABEL_NAMES, LABELS
from reader.ui.screens.part import ScreenPart


class PanelActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: the entity filter and the types shown."""

    def action_filter(self) -> None:
        """Type to filter the entity list."""
        self.me.panel.start_filter()

    def action_toggle_type(self, label: str) -> None:
        """Show or hide one type of entity, in the list and in the article."""
        me = self.me
        typed = next((lab for lab in LABELS if lab == label), None)
        if typed is None:
            return
        me.hidden = me.hidden ^ {typed}
        shown = typed not in me.hidden
        me.notify(f"{LABEL_NAMES[typed]}: {'shown' if shown else 'hidden'}", timeout=2)

    def watch_hidden(self) -> None:
        """Types shown or hidden: recolour the article (the panel follows by itself)."""
        self.apply_visibility()

    def apply_visibility(self) -> None:
        """Colour every mention of a shown type by its entity's type (even where the model
        labelled the mention otherwise)."""
        me = self.me
        if me.document is None:
            return
        hidden = me.hidden
        # a copy only where the model labelled the mention otherwise (a book has 10⁵ of them)
        me.article.set_mentions([m if m.label == e.label else replace(m, label=e.label)
                                 for e in me.document.entities
                                 if e.label not in hidden for m in e.mentions])
