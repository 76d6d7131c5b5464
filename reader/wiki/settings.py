"""Where lookups go and where they are kept: flags > environment > defaults."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from reader.wiki.api import DEFAULT_API
from reader.wiki.cache import Cache
from reader.wiki.service import LookupService

if TYPE_CHECKING:
    from reader.wiki.client import WikiClient

DEFAULT_MAX_AGE_DAYS = 30.0


def parse_days(value: str, what: str = "--max-age") -> float:
    """``value`` as a number of days: positive and finite, else a one-line ValueError."""
    try:
        days = float(value)
    except ValueError:
        raise ValueError(f"{what} must be a positive number of days, not {value!r}") from None
    if not math.isfinite(days) or days <= 0:
        raise ValueError(f"{what} must be a positive number of days, not {value!r}")
    return days


@dataclass(frozen=True)
class WikiSettings:
    """The resolved settings of the lookups: API template, cache directory, freshness."""

    api: str
    cache_dir: Path
    offline: bool
    max_age_days: float
    # the cache directory was named (flag or environment) rather than the platform default
    cache_dir_given: bool = False

    @classmethod
    def resolve(cls, api: str | None = None, cache_dir: str | None = None,
                offline: bool = False, max_age_days: float | None = None) -> WikiSettings:
        """Flags over environment over defaults; a bad value raises a one-line ValueError."""
        env_dir = os.environ.get("READER_CACHE_DIR")
        default_dir = Path(platformdirs.user_cache_dir("reader"))
        if max_age_days is not None:
            age = parse_days(str(max_age_days))
        elif os.environ.get("READER_MAX_AGE_DAYS"):
            age = parse_days(os.environ["READER_MAX_AGE_DAYS"], "READER_MAX_AGE_DAYS")
        else:
            age = DEFAULT_MAX_AGE_DAYS
        given = cache_dir or env_dir
        return cls(api=api or os.environ.get("READER_WIKI_API") or DEFAULT_API,
                   cache_dir=Path(given or default_dir),
                   offline=offline, max_age_days=age, cache_dir_given=bool(given))

    def cache(self, read_only: bool = False) -> Cache:
        """The lookup cache. ``read_only`` creates nothing on disk: a named directory that
        does not exist raises FileNotFoundError; a default one not made yet is empty."""
        if not read_only:
            return Cache(self.cache_dir)
        if not self.cache_dir_given and not self.cache_dir.exists():
            return Cache(None)
        return Cache(self.cache_dir, create=False)

    def service(self, read_only: bool = False) -> LookupService:
        """A lookup service; with ``offline`` no client exists, so nothing can connect."""
        if "{lang}" not in self.api:
            raise ValueError(f"--wiki-api must contain {{lang}}: {self.api}")
        return LookupService(None, self.cache(read_only), offline=self.offline,
                             max_age_days=self.max_age_days,
                             connect=None if self.offline else self.client)

    def client(self) -> WikiClient:
        """A client of the wiki at :attr:`api` (httpx and wikipedia-api imported now)."""
        from reader.wiki.client import WikiClient

        return WikiClient(self.api)
