"""The reading screen's corrections: hide an entity that is not one (x), change its type
(t), merge it into another (m), split a variant off (v), undo (u). Each is remembered in
the library for this text and applied on every reopen (and by ``reader annotate``)."""

from __future__ import annotations

from textual.content import Content

from reader.core.model import LABEL_NAMES, LABELS, Entity
from reader.core.sanitize import one_line
from reader.library.corrections import Correction, apply
from reader.ui.screens.part import ScreenPart
from reader.ui.screens.pick import PickScreen

NO_SELECTION = "Select an entity first (tab to the entity list)."


class CorrectionActions(ScreenPart):
    """Mixed into :class:`ReadingScreen`: corrections to the analysis."""

    def corrected(self) -> None:
        """Show the analysed document with the corrections applied."""
        me = self.me
        if me.raw_document is not None:
            me.document = apply(me.raw_document, me.corrections)

    def _correct(self, c: Correction, then_select: str | None = None) -> None:
        me = self.me
        me.corrections.append(c)
        if me.library is not None:
            me.library.correct(me.doc_key, c)
        self.corrected()
        entity = None if then_select is None or me.document is None else next(
            (e for e in me.document.entities if e.name == then_select), None)
        if entity is not None:
            from reader.ui.screens.reading import Selection

            me.selection = Selection(entity)
        kept = "" if me.library is not None else " (for this session only)"
        me.notify(f"{one_line(c.describe())}{kept} · u undoes", title="Corrected",
                  markup=False)

    def _selected(self) -> Entity | None:
        me = self.me
        if me.selection is None:
            me.notify(NO_SELECTION)
            return None
        return me.selection.entity

    def action_hide_entity(self) -> None:
        """The selected entity is not one: hide it (in this text, from now on)."""
        entity = self._selected()
        if entity is not None:
            self.me.selection = None
            self._correct(Correction("hide", entity.name))

    def action_change_type(self) -> None:
        """Give the selected entity another type."""
        entity = self._selected()
        if entity is None:
            return
        choices: list[tuple[str, Content | str]] = [
            (lab, Content.styled(LABEL_NAMES[lab], f"$entity-{lab.lower()}"))
            for lab in LABELS if lab != entity.label]

        def chosen(label: str | None) -> None:
            if label:
                self._correct(Correction("relabel", entity.name, label), entity.name)

        self.me.app.push_screen(PickScreen(f"{one_line(entity.name)} is one of…", choices),
                                chosen)

    def action_merge_entity(self) -> None:
        """Merge the selected entity into another (chosen from a filterable list)."""
        entity = self._selected()
        me = self.me
        if entity is None or me.document is None:
            return
        choices: list[tuple[str, Content | str]] = [
            (e.name, Content.assemble(one_line(e.name),
                                      (f"  {LABEL_NAMES[e.label]} · {e.count}", "dim")))
            for e in me.document.entities if e.id != entity.id]

        def chosen(name: str | None) -> None:
            if name:
                self._correct(Correction("merge", entity.name, name), name)

        me.app.push_screen(PickScreen(f"{one_line(entity.name)} is the same as…", choices,
                                      filterable=True), chosen)

    def action_split_variant(self) -> None:
        """Split one of the selected entity's variants off into an entity of its own."""
        entity = self._selected()
        if entity is None:
            return
        if len(entity.variants) < 2:
            self.me.notify(f"{one_line(entity.name)} goes by one name only: nothing to split.",
                           markup=False)
            return
        counts = {v: sum(m.text == v for m in entity.mentions) for v in entity.variants}
        choices: list[tuple[str, Content | str]] = [
            (v, Content.assemble(one_line(v), (f"  {counts[v]}", "dim")))
            for v in entity.variants if counts[v]]

        def chosen(variant: str | None) -> None:
            if variant:
                self._correct(Correction("split", entity.name, variant), variant)

        self.me.app.push_screen(PickScreen(f"Which name of {one_line(entity.name)} is "
                                           f"someone else?", choices), chosen)

    def action_undo_correction(self) -> None:
        """Undo the last correction of this text."""
        me = self.me
        if not me.corrections:
            me.notify("No correction to undo for this text.")
            return
        last = me.corrections.pop()
        if me.library is not None:
            me.library.undo(me.doc_key)
        self.corrected()
        me.notify(f"Undone: {one_line(last.describe())}", title="Corrections", markup=False)
