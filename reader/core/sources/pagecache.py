"""The cache of fetched web pages: the extracted article, keyed by URL, so ``--offline``
reopens a page fetched before.

One JSON file per page in ``pages/`` under the cache directory (the platform cache
directory, or ``--cache-dir``), written atomically; only a page that was fetched and
extracted is ever stored. A cache that cannot be written is skipped silently: the page was
read, only the offline copy is missing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

from reader.core.source import Source

_FIELDS = ("name", "text", "encoding", "note", "kind", "title", "site", "author", "date",
           "url")


class PageCache:
    """Fetched pages under ``directory/pages``."""

    def __init__(self, directory: Path) -> None:
        self.folder = Path(directory) / "pages"

    def _path(self, url: str) -> Path:
        return self.folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:40]}.json"

    def count(self) -> int:
        """How many pages are kept."""
        try:
            return sum(1 for _ in self.folder.glob("*.json"))
        except OSError:
            return 0

    def get(self, url: str) -> tuple[Source, float] | None:
        """The page fetched from ``url`` before and when (epoch seconds), or None."""
        try:
            data = json.loads(self._path(url).read_text(encoding="utf-8"))
            if data.get("key") != url:
                return None
            fields = {k: str(data[k]) for k in _FIELDS}
            return Source(**fields), float(data["fetched_at"])  # type: ignore[arg-type]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, url: str, source: Source) -> bool:
        """Store the page read from ``url``; False where the cache cannot be written."""
        record = {"key": url, "fetched_at": time.time(),
                  **{k: getattr(source, k) for k in _FIELDS}}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".page-", suffix=".tmp")
        except OSError:
            return False
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh, ensure_ascii=False)
            os.replace(tmp, self._path(url))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return False
        return True


def offline_copy(source: Source, fetched_at: float) -> Source:
    """A cached page as reopened offline: the note says when it was fetched."""
    when = time.strftime("%Y-%m-%d", time.localtime(fetched_at))
    note = "; ".join(filter(None, (source.note, f"offline copy fetched {when}")))
    return dataclasses.replace(source, note=note)
