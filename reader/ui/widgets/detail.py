"""The detail area under the entity panel: what is known about the selected entity."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from reader.core.model import LABEL_NAMES, Entity
from reader.core.sanitize import one_line


class DetailView(VerticalScroll):
    """Shows the selected entity: type, mentions, variants (and its background)."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content.styled("Select an entity to see its details.", "dim italic"),
                     id="detail-body", markup=False)

    @property
    def body(self) -> Static:
        return self.query_one("#detail-body", Static)

    def show_entity(self, entity: Entity | None, extra: Content | None = None) -> None:
        if entity is None:
            self.body.update(Content.styled("Select an entity to see its details.",
                                            "dim italic"))
            return
        label = entity.label.lower()
        lines = [
            Content.styled(one_line(entity.name), f"bold $entity-{label}"),
            Content.assemble((LABEL_NAMES[entity.label], f"$entity-{label}"),
                             f" · {entity.count} mention{'s' if entity.count != 1 else ''}"),
        ]
        others = [one_line(v) for v in entity.variants if v != entity.name]
        if others:
            lines.append(Content.assemble(("also: ", "dim"), ", ".join(others)))
        if extra is not None:
            lines += [Content(""), extra]
        self.body.update(Content("\n").join(lines))
        self.scroll_home(animate=False)
