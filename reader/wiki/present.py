"""How a background reads, once for every surface: the CLI prints it plain, the app styles it.

:func:`present` turns a :class:`Background` into lines of spans, each span tagged with a
role ("title", "link", "dim" …) rather than a style, so this module knows nothing of
terminals or Textual. Every piece of wiki text is passed through :func:`one_line` or
:func:`display_text` here, so no surface can forget to make it safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reader.core.sanitize import display_text, one_line
from reader.wiki.model import Background

Role = Literal["text", "title", "dim", "italic", "link", "warning"]
Span = tuple[str, Role]
Line = tuple[Span, ...]

_UNITS = (("day", 86_400), ("hour", 3_600), ("minute", 60))


def age(seconds: float) -> str:
    """How long ago, in words: 'just now', '1 minute ago', '3 hours ago', '1 day ago'."""
    for unit, size in _UNITS:
        n = int(seconds // size)
        if n >= 1:
            return f"{n} {unit}{'' if n == 1 else 's'} ago"
    return "just now"


def source_line(bg: Background, now: float, offline: bool = False) -> str:
    """Where the background comes from: 'de.wikipedia · cached 2 days ago · offline'."""
    source = f"cached {age(now - bg.fetched_at)}" if bg.cached else "live"
    return f"{bg.lang}.wikipedia · {source}" + (" · offline" if offline else "")


@dataclass(frozen=True)
class Presentation:
    """A background as lines of role-tagged spans, and the candidates to pick from."""

    lines: list[Line] = field(default_factory=list)
    candidates: list[tuple[str, Line]] = field(default_factory=list)  # (title, shown line)


def _line(*spans: Span) -> Line:
    return tuple(s for s in spans if s[0])


def _heading(title: str, description: str) -> Line:
    return _line((one_line(title), "title"),
                 (f" — {one_line(description)}" if description else "", "text"))


def present(bg: Background, now: float, offline: bool = False) -> Presentation:
    """The lines that show ``bg``; ``now`` (seconds since the epoch) dates a cached entry."""
    if bg.status == "missing":
        return Presentation([_line((f"No Wikipedia article found for “{one_line(bg.query)}” "
                                    f"({bg.lang}).", "italic"))])
    lines = [_heading(bg.title, bg.description)]
    if bg.status == "ambiguous":
        lines.append(_line(("This name is ambiguous: pick the right page (remembered).",
                            "italic")))
        candidates = [(c.title, _line(("• ", "dim"), (one_line(c.title), "text"),
                                      (f" — {one_line(c.description)}" if c.description else "",
                                       "dim")))
                      for c in bg.candidates]
        return Presentation(lines, candidates)
    if bg.extract:
        lines += [(), _line((display_text(bg.extract), "text"))]
    lines += [(), _line((one_line(bg.url), "link")),
              _line((source_line(bg, now, offline), "dim"))]
    if bg.note:
        lines.append(_line((one_line(bg.note), "warning")))
    return Presentation(lines)


def plain(presentation: Presentation) -> str:
    """The presentation as plain text, candidates indented below it."""
    rows = ["".join(text for text, _ in line) for line in presentation.lines]
    rows += ["  " + "".join(text for text, _ in line) for _, line in presentation.candidates]
    return "\n".join(rows)
