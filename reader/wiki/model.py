"""What a lookup returns: a page's background, candidates to pick, or a failure."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["found", "ambiguous", "missing"]


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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["candidates"] = [asdict(c) for c in self.candidates]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Background:
        data = dict(data)
        data["candidates"] = tuple(Candidate(**c) for c in data.get("candidates", ()))
        return cls(**data)


ErrorKind = Literal["timeout", "connection", "http", "rate_limited", "invalid_json",
                    "api_error", "offline"]


class LookupFailed(Exception):
    """A lookup that failed; never cached. ``message`` is one line for the user."""

    def __init__(self, kind: ErrorKind, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
