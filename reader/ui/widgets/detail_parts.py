"""The detail pane's parts that need no widget: what it shows (:class:`Subject`), how a
presented background line is styled, and the entity's header lines."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from reader.core.model import LABEL_NAMES, Document, Entity
from reader.core.sanitize import one_line
from reader.wiki.context import NO_CONTEXT, LookupContext
from reader.wiki.present import Line, Role

ROLE_STYLES: dict[Role, str] = {"text": "", "title": "bold underline", "dim": "dim",
                                "italic": "italic", "link": "$accent",
                                "warning": "italic $warning"}


@dataclass(frozen=True)
class Subject:
    """What the pane shows: an entity, and its lookup context in the article (built by
    :meth:`LookupContext.of`, as ``reader prefetch`` builds it)."""

    entity: Entity
    context: LookupContext = NO_CONTEXT

    @classmethod
    def of(cls, entity: Entity, document: Document | None) -> Subject:
        """``entity`` with its lookup context in ``document``."""
        return cls(entity, LookupContext.of(document, entity))


def styled(line: Line) -> Content:
    """A presented line as Textual content (its text is never read as markup)."""
    return Content.assemble(*((text, ROLE_STYLES[role]) for text, role in line))


def entity_header(entity: Entity) -> list[Content]:
    """Name, type, mention count and the other names the entity goes by."""
    label = entity.label.lower()
    lines = [
        Content.styled(one_line(entity.name), f"bold $entity-{label}"),
        Content.assemble((LABEL_NAMES[entity.label], f"$entity-{label}"),
                         f" · {entity.count} mention{'s' if entity.count != 1 else ''}"),
    ]
    others = [one_line(v) for v in entity.variants if v != entity.name]
    if others:
        lines.append(Content.assemble(("also: ", "dim"), ", ".join(others)))
    return lines
