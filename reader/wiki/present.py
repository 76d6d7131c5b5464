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
from reader.wiki.model import Article, Background

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
    """Where the background comes from: 'de.wikipedia · cached 2 days ago · offline'
    (and 'edited 2025-08-30' when the page's last edit is known)."""
    source = f"cached {age(now - bg.fetched_at)}" if bg.cached else "live"
    edited = f" · edited {bg.edited}" if bg.edited else ""
    return f"{bg.lang}.wikipedia · {source}{edited}" + (" · offline" if offline else "")


# the languages named first in "also in: …", then the rest in the wiki's order
PREFERRED_LANGS = ("en", "de", "fr", "es", "it", "ru", "pl", "nl", "zh", "ja")
MAX_LANGS = 6


def languages_line(languages: tuple[str, ...]) -> str:
    """'also in: en, fr, es (+40 more)': the other Wikipedias with this page."""
    if not languages:
        return ""
    order = sorted(languages, key=lambda c: (PREFERRED_LANGS.index(c)
                                             if c in PREFERRED_LANGS else len(PREFERRED_LANGS)))
    shown = ", ".join(one_line(c) for c in order[:MAX_LANGS])
    more = len(order) - MAX_LANGS
    return f"also in: {shown}" + (f" (+{more} more)" if more > 0 else "")


def coordinates_line(coordinates: tuple[float, float] | None) -> str:
    """'51.73° N, 36.19° E' for a place's coordinates."""
    if coordinates is None:
        return ""
    lat, lon = coordinates
    return (f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.2f}° {'E' if lon >= 0 else 'W'}")


def choice_line(bg: Background) -> str:
    """How the page was chosen, when the user may want to change it."""
    if bg.via == "pick":
        return "your pick · c to choose again or clear it"
    if bg.via == "context":
        return (f"chosen by the article's context among {len(bg.candidates)} pages of "
                f"that name · c to choose another")
    return ""


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


def _candidate_lines(bg: Background) -> list[tuple[str, Line]]:
    return [(c.title, _line(("• ", "dim"), (one_line(c.title), "text"),
                            (f" — {one_line(c.description)}" if c.description else "",
                             "dim")))
            for c in bg.candidates if c.title != bg.title or bg.status == "ambiguous"]


def present(bg: Background, now: float, offline: bool = False,
            choosing: bool = False) -> Presentation:
    """The lines that show ``bg``; ``now`` (seconds since the epoch) dates a cached entry;
    ``choosing`` offers a found page's other candidates to pick from."""
    if bg.status == "missing":
        return Presentation([_line((f"No Wikipedia article found for “{one_line(bg.query)}” "
                                    f"({bg.lang}).", "italic"))])
    lines = [_heading(bg.title, bg.description)]
    if bg.status == "ambiguous":
        lines.append(_line(("This name is ambiguous: pick the right page (remembered).",
                            "italic")))
        return Presentation(lines, _candidate_lines(bg))
    if bg.extract:
        lines += [(), _line((display_text(bg.extract), "text"))]
    facts = [_line(("coordinates ", "dim"), (coordinates_line(bg.coordinates), "text"))
             if bg.coordinates else (),
             _line((languages_line(bg.languages), "dim"))]
    facts = [f for f in facts if f]
    if facts:
        lines += [(), *facts]
    lines += [(), _line((one_line(bg.url), "link")),
              _line((source_line(bg, now, offline), "dim"))]
    if bg.note:
        lines.append(_line((one_line(bg.note), "warning")))
    if choice_line(bg):
        lines.append(_line((choice_line(bg), "italic")))
    return Presentation(lines, _candidate_lines(bg) if choosing else [])


def plain(presentation: Presentation) -> str:
    """The presentation as plain text, candidates indented below it."""
    rows = ["".join(text for text, _ in line) for line in presentation.lines]
    rows += ["  " + "".join(text for text, _ in line) for _, line in presentation.candidates]
    return "\n".join(rows)


def article_text(article: Article) -> str:
    """A whole article as plain text: its title, then each section under its heading
    (underlined by level), as ``reader lookup --full`` prints it."""
    rows = [one_line(article.title), "=" * len(one_line(article.title)), ""]
    for section in article.sections:
        if section.heading:
            heading = one_line(section.heading)
            rows += [heading, ("-" if section.level <= 2 else "·") * len(heading), ""]
        if section.text:
            rows += [display_text(section.text), ""]
    rows.append(one_line(article.url))
    return "\n".join(rows)
