"""The glossary of a document: its entities by type, with counts and variants, and the
background the lookup cache holds for each (description, lead, link), as Markdown, JSON or
HTML. Offline by design: what was never looked up is listed as having no background yet.

The caller passes how to find a cached background (:data:`NoteFn`), so this module needs
neither the Wikipedia client nor a UI; ``reader glossary`` and the app's palette share it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from reader.core.model import LABEL_NAMES, LABELS, Document, Entity

FORMATS = ("md", "json", "html")


@dataclass(frozen=True)
class Note:
    """The background of one entity, as the lookup cache holds it."""

    title: str = ""
    description: str = ""
    lead: str = ""
    url: str = ""


NoteFn = Callable[[Entity], Note | None]
"""The cached background of an entity, or None when it was never looked up (or missing)."""


@dataclass(frozen=True)
class Entry:
    """One row of the glossary."""

    entity: Entity
    note: Note | None


def entries(doc: Document, note: NoteFn | None = None) -> list[Entry]:
    """Every entity of ``doc`` with its cached background (by type, most mentioned first)."""
    return [Entry(e, note(e) if note is not None else None)
            for label in LABELS for e in doc.by_label(label)]


def _others(e: Entity) -> list[str]:
    return [v for v in e.variants if v != e.name]


def _missing(rows: list[Entry]) -> list[str]:
    return [r.entity.name for r in rows if r.note is None]


def to_json(doc: Document, name: str, rows: list[Entry]) -> str:
    """The glossary as JSON: entities grouped by type, each with its background or null."""
    data: dict[str, Any] = {"source": name, "language": doc.language,
                            "pipeline": doc.pipeline, "types": {}}
    for label in LABELS:
        group = [r for r in rows if r.entity.label == label]
        if group:
            data["types"][label] = [
                {"name": r.entity.name, "count": r.entity.count, "variants": _others(r.entity),
                 "background": asdict(r.note) if r.note else None} for r in group]
    data["no_background"] = _missing(rows)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _md(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                    .replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;").split())


def to_markdown(doc: Document, name: str, rows: list[Entry]) -> str:
    """The glossary as Markdown: a section per type, a paragraph per entity."""
    out = [f"# Glossary of {_md(name) or 'the text'}", "",
           f"{len(rows)} entities · language {doc.language} · pipeline {_md(doc.pipeline)}", ""]
    for label in LABELS:
        group = [r for r in rows if r.entity.label == label]
        if not group:
            continue
        out += [f"## {LABEL_NAMES[label]} ({len(group)})", ""]
        for r in group:
            e = r.entity
            head = f"**{_md(e.name)}** · {e.count} mention{'s' if e.count != 1 else ''}"
            if _others(e):
                head += f" · also: {', '.join(_md(v) for v in _others(e))}"
            out.append(head)
            if r.note is None:
                out.append("  \n*no background yet*")
            else:
                if r.note.description:
                    out.append(f"  \n*{_md(r.note.description)}*")
                if r.note.lead:
                    out.append(f"  \n{_md(r.note.lead)}")
                if r.note.url:
                    out.append(f"  \n<{r.note.url.replace('>', '%3E').replace(' ', '%20')}>")
            out.append("")
    missing = _missing(rows)
    if missing:
        out += [f"No background yet for {len(missing)}: {', '.join(_md(m) for m in missing)} "
                "(reader prefetch looks them up).", ""]
    return "\n".join(out)


def to_html(doc: Document, name: str, rows: list[Entry]) -> str:
    """The glossary as a standalone HTML page; every text from the document or the cache
    is escaped."""
    e_ = html.escape
    title = f"Glossary of {name}" if name else "Glossary"
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">',
           f"<title>{e_(title)}</title></head><body>", f"<h1>{e_(title)}</h1>",
           f"<p>{len(rows)} entities · language {e_(doc.language)} · pipeline "
           f"{e_(doc.pipeline)}</p>"]
    for label in LABELS:
        group = [r for r in rows if r.entity.label == label]
        if not group:
            continue
        out += [f"<h2>{e_(LABEL_NAMES[label])} ({len(group)})</h2>", "<dl>"]
        for r in group:
            ent = r.entity
            also = f" · also: {e_(', '.join(_others(ent)))}" if _others(ent) else ""
            out.append(f"<dt><strong>{e_(ent.name)}</strong> · {ent.count} "
                       f"mention{'s' if ent.count != 1 else ''}{also}</dt>")
            if r.note is None:
                out.append("<dd><em>no background yet</em></dd>")
                continue
            parts = []
            if r.note.description:
                parts.append(f"<em>{e_(r.note.description)}</em>")
            if r.note.lead:
                parts.append(e_(r.note.lead))
            if r.note.url.startswith(("https://", "http://")):
                parts.append(f'<a href="{e_(r.note.url, quote=True)}">'
                             f"{e_(r.note.title or r.note.url)}</a>")
            out.append(f"<dd>{'<br>'.join(parts)}</dd>")
        out.append("</dl>")
    missing = _missing(rows)
    if missing:
        out.append(f"<p>No background yet for {len(missing)}: {e_(', '.join(missing))}.</p>")
    out.append("</body></html>")
    return "\n".join(out)


def render(fmt: str, doc: Document, name: str, rows: list[Entry]) -> str:
    """The glossary in format ``fmt``: md, json or html."""
    if fmt == "json":
        return to_json(doc, name, rows)
    if fmt == "html":
        return to_html(doc, name, rows)
    return to_markdown(doc, name, rows)
