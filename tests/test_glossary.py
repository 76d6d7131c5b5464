"""The glossary: entities by type with counts, variants and cached background, as
Markdown, JSON and HTML (all text escaped); entities never looked up are named."""

from __future__ import annotations

import json

from reader.core.model import Document, Entity, Mention
from reader.library.glossary import Note, entries, render


def _doc() -> Document:
    evil = "<script>alert(1)</script> & Co"
    return Document("x", "de", "fake", [
        Entity("a", "Wladimir Putin", "PER", ["Wladimir Putin", "Putin"],
               [Mention(0, 1, "Putin", "PER")] * 2),
        Entity("b", evil, "ORG", [evil], [Mention(0, 1, evil, "ORG")]),
    ])


def _note(entity: Entity) -> Note | None:
    if entity.name == "Wladimir Putin":
        return Note("Wladimir Putin", "russischer Politiker", "Putin ist <b>Präsident</b>.",
                    "https://de.wikipedia.org/wiki/Wladimir_Putin")
    return None


def test_markdown_lists_types_counts_variants_and_background() -> None:
    doc = _doc()
    md = render("md", doc, "a.txt", entries(doc, _note))
    assert "## People (1)" in md and "## Organisations (1)" in md
    assert "**Wladimir Putin** · 2 mentions · also: Putin" in md
    assert "*russischer Politiker*" in md
    assert "<https://de.wikipedia.org/wiki/Wladimir_Putin>" in md
    assert "No background yet for 1:" in md
    assert "<script>" not in md


def test_json_has_background_or_null() -> None:
    doc = _doc()
    data = json.loads(render("json", doc, "a.txt", entries(doc, _note)))
    putin = data["types"]["PER"][0]
    assert putin["count"] == 2 and putin["variants"] == ["Putin"]
    assert putin["background"]["description"] == "russischer Politiker"
    assert data["types"]["ORG"][0]["background"] is None
    assert data["no_background"] == ["<script>alert(1)</script> & Co"]


def test_html_escapes_every_text() -> None:
    doc = _doc()
    page = render("html", doc, "<a.txt>", entries(doc, _note))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "&lt;a.txt&gt;" in page
    assert '<a href="https://de.wikipedia.org/wiki/Wladimir_Putin">' in page
