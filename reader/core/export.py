"""The document model as JSON or as a Markdown glossary (``reader annotate``).

The JSON carries the text its offsets index, in its ``text`` field, so
``data["text"][start:end] == mention["text"]`` always. For a plain-text file that is the
file as read: its characters (Unicode code points) after decoding, without a byte-order
mark, with its line ends as they are in the file (``open(path, newline="")``). For a web
page, HTML, Markdown or EPUB it is the text reader extracted (and analysed). The JSON
says which in its ``offsets`` field, and gives the format, what the source says about
itself (title, site, author, date, URL) and a book's table of contents.
"""

from __future__ import annotations

import json
from typing import Any

from reader.core.language import LanguageGuess
from reader.core.model import LABEL_NAMES, LABELS, Document
from reader.core.source import Source

OFFSETS = ("characters (code points) of the file decoded as {encoding}, without a "
           "byte-order mark, line ends as in the file (Python: open(path, encoding="
           "'{encoding}', newline='').read()[start:end]); the same as text[start:end]")
EXTRACTED = ("characters (code points) of the text extracted from the {kind}, given in "
             "the 'text' field (text[start:end])")
KINDS = {"web": "web page", "html": "HTML file", "markdown": "Markdown file",
         "epub": "EPUB book"}


def to_dict(doc: Document, source: Source | str = "",
            language: LanguageGuess | None = None) -> dict[str, Any]:
    """The document as JSON-ready data. Given the :class:`Source`, offsets index the file
    as read (original line ends); given only a name, they index ``doc.text``."""
    if isinstance(source, Source):
        src = source
        offsets = (EXTRACTED.format(kind=KINDS.get(src.kind, src.kind)) if src.extracted
                   else OFFSETS.format(encoding=src.encoding))
        name = src.name
    else:
        src = Source(name=source, text=doc.text, encoding="")
        name, offsets = source, "characters (code points) of the analysed text"

    def mention(start: int, end: int) -> dict[str, Any]:
        return {"start": src.file_offset(start), "end": src.file_offset(end),
                "text": src.file_text(start, end)}

    found = language.to_json() if language is not None else {"language": doc.language}
    about = {k: getattr(src, k) for k in ("title", "site", "author", "date", "url")
             if getattr(src, k)}
    toc = {"toc": [{"title": t, "offset": o} for t, o in src.toc]} if src.toc else {}
    return {
        "source": name,
        "format": src.kind,
        **about,
        **found,
        "pipeline": doc.pipeline,
        "offsets": offsets,
        **toc,
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "count": e.count,
                "variants": e.variants,
                "mentions": [mention(m.start, m.end) for m in e.mentions],
            }
            for e in doc.entities
        ],
        "text": src.file_text(0, len(src.text)),
    }


def to_json(doc: Document, source: Source | str = "",
            language: LanguageGuess | None = None) -> str:
    """:func:`to_dict` as indented JSON."""
    return json.dumps(to_dict(doc, source, language), ensure_ascii=False, indent=2)


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document, source: Source | str = "",
                language: LanguageGuess | None = None) -> str:
    """A Markdown glossary: one table per label, names with mention counts and variants."""
    name = source.heading if isinstance(source, Source) else source
    lines = [f"# Entities in {_cell(name) or 'the text'}", "",
             f"Language: {doc.language} · pipeline: {doc.pipeline} · "
             f"{len(doc.entities)} entities", ""]
    if language is not None and language.note:
        lines[-1:-1] = [f"Note: {_cell(language.note)}"]
    for label in LABELS:
        entities = doc.by_label(label)
        if not entities:
            continue
        lines += [f"## {LABEL_NAMES[label]}", "", "| name | mentions | variants |",
                  "|---|---:|---|"]
        for e in entities:
            others = ", ".join(_cell(v) for v in e.variants if v != e.name)
            lines.append(f"| {_cell(e.name)} | {e.count} | {others} |")
        lines.append("")
    return "\n".join(lines)
