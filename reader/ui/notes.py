"""The cached background of each entity, for the glossary: shared by the app's palette
command and ``reader glossary``.  Free of Textual, so the CLI imports it cheaply."""

from __future__ import annotations

from reader.core.model import Document, Entity
from reader.library.glossary import Note, NoteFn
from reader.wiki.context import LookupContext
from reader.wiki.service import LookupService


def cached_notes(service: LookupService | None, doc: Document) -> NoteFn:
    """Each entity's cached background (never the network); None where there is none."""

    def note(entity: Entity) -> Note | None:
        if service is None:
            return None
        bg = service.cached(entity.name, doc.language, LookupContext.of(doc, entity))
        if bg is None or bg.status != "found":
            return None
        return Note(bg.title, bg.description, bg.extract, bg.url)

    return note
