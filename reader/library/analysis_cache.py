"""Analyses kept on disk, so a text opened again shows its entities at once.

An entry is the analysed document's entities with their mentions, under a key made of
the text's SHA-256, its language, the pipeline's fingerprint (name, version and files:
:func:`reader.core.pipelines.fingerprint`) and a digest of reader's analysis code, so a
changed text, pipeline or rule set never meets an old result. Entries live in one SQLite
file, ``analyses.sqlite3``, in the cache directory (beside the lookups); every write is a
transaction, so a crash loses at most the entry being written. The total size is bounded
(:data:`DEFAULT_MAX_BYTES`): the least recently used entries go first.

Nothing here raises for a bad cache: an entry that does not decode or does not fit its
text is dropped and the text analysed again (and stored anew); a file that is not a
database is moved aside and a new one started; a cache that cannot be written is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core import pipelines
from reader.core.model import LABELS, Document, Entity, Mention

FILE_NAME = "analyses.sqlite3"
FORMAT = 1
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
ENV_DIR = "READER_ANALYSIS_CACHE"  # a directory, or "off"
ENV_MAX_MB = "READER_ANALYSIS_CACHE_MB"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (
    key TEXT PRIMARY KEY, body BLOB NOT NULL, size INTEGER NOT NULL, used INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS analyses_used ON analyses(used);
"""
# the modules whose change changes an analysis (a digest of their source is in every key)
_CODE = ("adjective_names.py", "analysis.py", "consistency.py", "gazetteer.py",
         "grouping.py", "model.py", "names.py", "ner.py", "nouns.py", "worker.py", "lang")
_code_digest: str | None = None


def code_digest() -> str:
    """A digest of reader's version and the source of its analysis modules."""
    global _code_digest
    if _code_digest is None:
        core = Path(pipelines.__file__).resolve().parent
        digest = hashlib.sha256(__version__.encode())
        for name in _CODE:
            for path in sorted((core / name).rglob("*.py")) if (core / name).is_dir() \
                    else [core / name]:
                with contextlib.suppress(OSError):
                    digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _code_digest = digest.hexdigest()[:16]
    return _code_digest


def cache_directory(cache_dir: str | Path | None = None) -> Path | None:
    """Where analyses are kept: ``READER_ANALYSIS_CACHE`` (``off``: nowhere), else the
    lookups' directory (``--cache-dir``, ``READER_CACHE_DIR``, the platform's)."""
    env = os.environ.get(ENV_DIR, "").strip()
    if env.lower() in ("off", "0", "no", "none"):
        return None
    if env:
        return Path(env)
    if cache_dir:
        return Path(cache_dir)
    if os.environ.get("READER_CACHE_DIR"):
        return Path(os.environ["READER_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("reader"))


def _max_bytes() -> int:
    try:
        return max(0, int(float(os.environ[ENV_MAX_MB]) * 1024 * 1024))
    except (KeyError, ValueError):
        return DEFAULT_MAX_BYTES


def encode(key: str, document: Document) -> bytes:
    """An entry: the document's entities and mentions (a mention's text is the text's)."""
    parts = [json.dumps({"format": FORMAT, "key": key, "language": document.language,
                         "pipeline": document.pipeline, "chars": len(document.text)},
                        ensure_ascii=False)]
    labels = {lab: i for i, lab in enumerate(LABELS)}
    for e in document.entities:  # one small dump each: the GIL is never held for long
        rows = [[m.start, m.end, labels[m.label], m.base] for m in e.mentions]
        parts.append(json.dumps([e.id, e.name, labels[e.label], e.variants, rows],
                                ensure_ascii=False))
    return zlib.compress("\n".join(parts).encode("utf-8"), 1)


def decode(key: str, body: bytes, text: str) -> Document:
    """The document of an entry for ``text``; ValueError (or another) if it is not one."""
    lines = zlib.decompress(body).decode("utf-8").split("\n")
    head = json.loads(lines[0])
    if head.get("format") != FORMAT or head.get("key") != key or head["chars"] != len(text):
        raise ValueError("not this text's entry")
    entities = []
    for line in lines[1:]:
        eid, name, label, variants, rows = json.loads(line)
        mentions = []
        for start, end, lab, base in rows:
            if not 0 <= start < end <= len(text):
                raise ValueError("a mention outside the text")
            mentions.append(Mention(start, end, text[start:end], LABELS[lab], base))
        entities.append(Entity(str(eid), str(name), LABELS[label], list(variants), mentions))
    return Document(text=text, language=str(head["language"]),
                    pipeline=str(head["pipeline"]), entities=entities)


class AnalysisCache:
    """Analysed documents by text, language, pipeline and code, least recently used out."""

    def __init__(self, directory: Path | None, max_bytes: int | None = None) -> None:
        """Keep analyses in ``directory`` (``None``: keep nothing) up to ``max_bytes``
        (default ``READER_ANALYSIS_CACHE_MB`` or :data:`DEFAULT_MAX_BYTES`)."""
        self.path = None if directory is None else directory / FILE_NAME
        self.max_bytes = _max_bytes() if max_bytes is None else max_bytes

    @classmethod
    def default(cls, cache_dir: str | Path | None = None) -> AnalysisCache:
        """The user's analysis cache (see :func:`cache_directory`)."""
        return cls(cache_directory(cache_dir))

    @staticmethod
    def key(text: str, language: str, choice: pipelines.PipelineChoice) -> str:
        """The key of ``text`` analysed in ``language`` with ``choice``."""
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        ident = f"{language}|{pipelines.fingerprint(choice)}|{code_digest()}"
        return f"{digest}|{hashlib.sha256(ident.encode()).hexdigest()[:24]}"

    def _open(self, create: bool) -> sqlite3.Connection | None:
        """A connection, or None when there is no usable cache; never raises. A file
        that is not a database is moved aside and a new one started."""
        if self.path is None or (not create and not self.path.exists()):
            return None
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            for _ in range(2):
                conn = sqlite3.connect(self.path, timeout=5)
                try:
                    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
                    conn.executescript(_SCHEMA)
                    return conn
                except sqlite3.OperationalError:  # read-only, locked: read what is there
                    return conn
                except sqlite3.DatabaseError:  # not a database (or a damaged one)
                    conn.close()
                    if not self._move_aside():
                        return None
        except (sqlite3.Error, OSError):
            pass
        return None

    @contextlib.contextmanager
    def _db(self, create: bool) -> Iterator[sqlite3.Connection | None]:
        conn = self._open(create)
        try:
            yield conn
        finally:
            if conn is not None:
                conn.close()

    def _move_aside(self) -> bool:
        assert self.path is not None
        try:
            self.path.replace(self.path.with_name(FILE_NAME + ".corrupt"))
        except OSError:
            return False
        return True

    def has(self, key: str) -> bool:
        """Whether an entry for ``key`` exists (not whether it decodes)."""
        with self._db(create=False) as db:
            try:
                return db is not None and db.execute(
                    "SELECT 1 FROM analyses WHERE key = ?", (key,)).fetchone() is not None
            except sqlite3.Error:
                return False

    def get(self, key: str, text: str) -> Document | None:
        """The cached document of ``text`` under ``key``, or None (a bad entry is dropped)."""
        with self._db(create=False) as db:
            if db is None:
                return None
            try:
                row = db.execute("SELECT body FROM analyses WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                return None
            if row is None:
                return None
            try:
                document = decode(key, bytes(row[0]), text)
            except Exception:  # corrupt or foreign: analysed again, stored anew
                self._write(db, "DELETE FROM analyses WHERE key = ?", (key,))
                return None
            self._write(db, "UPDATE analyses SET used = (SELECT COALESCE(MAX(used), 0) + 1 "
                            "FROM analyses) WHERE key = ?", (key,))
            return document

    @staticmethod
    def _write(db: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> None:
        with contextlib.suppress(sqlite3.Error), db:  # a read-only cache stays as it is
            db.execute(sql, args)

    def put(self, key: str, document: Document) -> None:
        """Store ``document`` under ``key``; the least recently used entries go while the
        total is over the bound."""
        if self.path is None:
            return
        body = encode(key, document)
        if len(body) > self.max_bytes:
            return
        with self._db(create=True) as db:
            if db is None:
                return
            try:
                with db:  # one transaction: the entry and the evictions, or nothing
                    db.execute("INSERT OR REPLACE INTO analyses(key, body, size, used) "
                               "VALUES (?, ?, ?, (SELECT COALESCE(MAX(used), 0) + 1 "
                               "FROM analyses))", (key, body, len(body)))
                    total = 0
                    for old, size in db.execute(
                            "SELECT key, size FROM analyses ORDER BY used DESC").fetchall():
                        total += size
                        if total > self.max_bytes:
                            db.execute("DELETE FROM analyses WHERE key = ?", (old,))
                db.execute("PRAGMA incremental_vacuum")
            except sqlite3.Error:
                pass

    def total_bytes(self) -> int:
        """The size of the stored entries."""
        return self._totals()[1]

    def count(self) -> int:
        """How many analyses are stored."""
        return self._totals()[0]

    def _totals(self) -> tuple[int, int]:
        with self._db(create=False) as db:
            try:
                if db is None:
                    return 0, 0
                n, size = db.execute(
                    "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM analyses").fetchone()
                return int(n), int(size)
            except sqlite3.Error:
                return 0, 0
