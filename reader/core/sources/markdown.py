"""Markdown files read as prose, with markdown-it-py.

Headings, paragraphs, list items and quotes each become a line of text; what is markup
and not prose is left out of the text altogether, so it can never be part of an entity:
emphasis markers, link targets and images, inline HTML, code fences and indented code,
tables, horizontal rules and YAML (``---``) or TOML (``+++``) front matter. Inline code
keeps its words, without the backticks.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.source import InputError, Source, text_source
from reader.core.sources.sniff import MARKDOWN_SUFFIXES

__all__ = ["MARKDOWN_SUFFIXES", "markdown_source", "markdown_text", "strip_front_matter"]

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.S)
# blocks whose content is never prose
_SKIPPED = ("table", "fence", "code_block", "html_block", "hr", "front_matter")


def _parser() -> MarkdownIt:
    """CommonMark with GitHub's tables and strikethrough, so a table is parsed as one
    (and left out) rather than read as a paragraph of pipes."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _inline(token: Token) -> str:
    """The prose of an inline token: text and inline code, soft breaks as spaces, hard
    breaks as new lines; markers, link targets, images and inline HTML left out."""
    out: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
    return "".join(out)


def strip_front_matter(text: str) -> str:
    """``text`` without YAML or TOML front matter at its top."""
    return _FRONT_MATTER.sub("", text, count=1)


def markdown_text(markdown: str) -> tuple[str, str]:
    """The prose of ``markdown`` as lines (a blank line between blocks, list items one a
    line) and its first heading."""
    tokens = _parser().parse(strip_front_matter(markdown))
    out: list[str] = []
    title = ""
    skip: tuple[str, int] | None = None  # the closing token of a skipped block
    in_item = 0
    prev_in_item = False
    for i, tok in enumerate(tokens):
        if skip is not None:
            if (tok.type, tok.level) == skip:
                skip = None
            continue
        base = tok.type.removesuffix("_open")
        if tok.type.endswith("_open") and base in _SKIPPED:
            skip = (f"{base}_close", tok.level)
        elif tok.type in _SKIPPED:  # fences, code blocks, HTML: one token each
            continue
        elif tok.type == "list_item_open":
            in_item += 1
        elif tok.type == "list_item_close":
            in_item -= 1
        elif tok.type in ("bullet_list_close", "ordered_list_close") and not in_item:
            prev_in_item = False  # the next list starts a new block
        elif tok.type == "inline":
            line = "\n".join(" ".join(part.split()) for part in _inline(tok).split("\n"))
            line = line.strip("\n")
            if not line:
                continue
            if not title and i > 0 and tokens[i - 1].type == "heading_open":
                title = line
            if out:
                out.append("\n" if in_item and prev_in_item else "\n\n")
            out.append(line)
            prev_in_item = bool(in_item)
    return "".join(out), title


def markdown_source(name: str, data: bytes) -> Source:
    """A :class:`Source` of the Markdown file ``data`` (decoded as a text file is)."""
    raw = text_source(name, data)
    text, title = markdown_text(raw.text)
    if not text.strip():
        raise InputError(f"{name}: no prose in the Markdown file, nothing to read")
    return Source(name=name, text=text, encoding=raw.encoding, note=raw.note,
                  kind="markdown", title=title)
