"""Whole articles: TextExtracts' plain text with ``== wiki ==`` headings, as sections."""

from __future__ import annotations

import re

from reader.wiki.model import Section

_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1\s*$")


def sections(extract: str) -> tuple[Section, ...]:
    """The sections of a plain-text extract (``exsectionformat=wiki``): the lead first
    (no heading), then one per heading with its level (2 for ``== … ==``). Empty
    sections (a heading with only subsections) are kept, so the outline stays whole."""
    out: list[Section] = []
    heading, level = "", 1
    lines: list[str] = []
    for line in extract.splitlines():
        m = _HEADING.match(line.strip())
        if m:
            body = "\n".join(lines).strip()
            if heading or body:
                out.append(Section(heading, level, _paragraphs(body)))
            heading, level, lines = m.group(2), len(m.group(1)), []
        else:
            lines.append(line)
    body = "\n".join(lines).strip()
    if heading or body:
        out.append(Section(heading, level, _paragraphs(body)))
    return tuple(out)


def _paragraphs(text: str) -> str:
    """Paragraphs separated by one blank line, spaces inside a line collapsed."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paras if p)
