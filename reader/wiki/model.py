"""What a lookup returns: a page's background, candidates to pick, a whole article, or a
failure; every result carries the notices raised while it was made."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Status = Literal["found", "ambiguous", "missing"]
# how the page was chosen: its title, a search, context among a disambiguation's
# candidates, or the user's own pick
Via = Literal["", "title", "search", "context", "pick"]


@dataclass(frozen=True)
class Candidate:
    """One page a disambiguation (or a search) offers."""

    title: str
    description: str = ""


@dataclass(frozen=True)
class Background:
    """The background shown for an entity (or why there is none)."""

    status: Status
    query: str
    lang: str  # the wiki the answer comes from
    title: str = ""
    description: str = ""
    extract: str = ""  # the first sentences of the lead
    url: str = ""
    note: str = ""  # e.g. "no German article: English Wikipedia"
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
    fetched_at: float = 0.0
    cached: bool = False  # True when served from the cache
    coordinates: tuple[float, float] | None = None  # (lat, lon) of a place
    languages: tuple[str, ...] = ()  # the other Wikipedias with this page
    edited: str = ""  # last edit, ISO date (YYYY-MM-DD)
    via: Via = ""
    # notices raised while this result was made (a cache write that failed, back
    # online …): shown once, never stored
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The background as JSON (the notices are not part of it)."""
        data = asdict(self)
        data.pop("notices")
        data["candidates"] = [asdict(c) for c in self.candidates]
        data["coordinates"] = list(self.coordinates) if self.coordinates else None
        data["languages"] = list(self.languages)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Background:
        """A background from :meth:`to_json` (older entries lack the newer fields)."""
        data = {k: v for k, v in data.items() if k in _STORED}
        if data.get("candidates"):
            data["candidates"] = tuple(Candidate(**c) for c in data["candidates"])
        else:
            data["candidates"] = ()
        coords = data.get("coordinates")
        data["coordinates"] = (float(coords[0]), float(coords[1])) if coords else None
        data["languages"] = tuple(data.get("languages") or ())
        return cls(**data)


_STORED = frozenset(f.name for f in fields(Background)) - {"notices"}


@dataclass(frozen=True)
class Section:
    """One section of an article: its heading (empty for the lead), level and text."""

    heading: str
    level: int
    text: str


@dataclass(frozen=True)
class Article:
    """A whole Wikipedia article as plain text, section by section."""

    title: str
    lang: str
    url: str
    sections: tuple[Section, ...]
    fetched_at: float = 0.0
    cached: bool = False
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The article as JSON (without notices)."""
        return {"title": self.title, "lang": self.lang, "url": self.url,
                "sections": [asdict(s) for s in self.sections], "fetched_at": self.fetched_at}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        """An article from :meth:`to_json`."""
        return cls(title=data["title"], lang=data["lang"], url=data["url"],
                   sections=tuple(Section(**s) for s in data["sections"]),
                   fetched_at=float(data.get("fetched_at", 0.0)))

    @property
    def text(self) -> str:
        """The article as plain text, headings on their own lines."""
        parts = []
        for s in self.sections:
            if s.heading:
                parts.append(s.heading)
            if s.text:
                parts.append(s.text)
        return "\n\n".join(parts)


ErrorKind = Literal["timeout", "connection", "http", "rate_limited", "invalid_json",
                    "api_error", "offline"]


class LookupFailed(Exception):
    """A lookup that failed; never cached. ``message`` is one line for the user."""

    def __init__(self, kind: ErrorKind, message: str, retry_after: float | None = None,
                 notices: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
        self.notices = notices
