"""The document model as JSON or as a Markdown glossary (``reader annotate``)."""

from __future__ import annotations

import json
from typing import Any

from reader.core.model import LABEL_NAMES, LABELS, Document


def to_dict(doc: Document, source: str = "") -> dict[str, Any]:
    return {
        "source": source,
        "language": doc.language,
        "pipeline": doc.pipeline,
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "count": e.count,
                "variants": e.variants,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text}
                             for m in e.mentions],
            }
            for e in doc.entities
        ],
    }


def to_json(doc: Document, source: str = "") -> str:
    return json.dumps(to_dict(doc, source), ensure_ascii=False, indent=2)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document, source: str = "") -> str:
    lines = [f"# Entities in {_cell(source) or 'the text'}", "",
             f"Language: {doc.language} · pipeline: {doc.pipeline} · "
             f"{len(doc.entities)} entities", ""]
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
