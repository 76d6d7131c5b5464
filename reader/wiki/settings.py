"""Where lookups go and where they are kept: flags > environment > defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reader.wiki.cache import Cache
from reader.wiki.client import DEFAULT_API, WikiClient
from reader.wiki.service import LookupService


@dataclass(frozen=True)
class WikiSettings:
    api: str
    cache_dir: Path
    offline: bool
    max_age_days: float

    @classmethod
    def resolve(cls, api: str | None = None, cache_dir: str | None = None,
                offline: bool = False, max_age_days: float | None = None) -> WikiSettings:
        env_dir = os.environ.get("READER_CACHE_DIR")
        default_dir = Path(platformdirs.user_cache_dir("reader"))
        age = max_age_days if max_age_days is not None else float(
            os.environ.get("READER_MAX_AGE_DAYS", "30"))
        return cls(api=api or os.environ.get("READER_WIKI_API") or DEFAULT_API,
                   cache_dir=Path(cache_dir or env_dir or default_dir),
                   offline=offline, max_age_days=age)

    def service(self) -> LookupService:
        """A lookup service; with ``offline`` no client exists, so nothing can connect."""
        if "{lang}" not in self.api:
            raise ValueError(f"--wiki-api must contain {{lang}}: {self.api}")
        client = None if self.offline else WikiClient(self.api)
        return LookupService(client, Cache(self.cache_dir), offline=self.offline,
                             max_age_days=self.max_age_days)
