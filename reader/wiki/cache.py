"""The on-disk lookup cache: SQLite in WAL mode, safe for concurrent instances and crashes.

Maps (wiki language, entity key) to the resolved :class:`Background` with its fetch time,
keeps whole articles for reading offline, and the user's disambiguation picks (never
expired, kept by ``clear``; listed and cleared by ``reader picks``). The schema
version is SQLite's ``user_version``; older caches are migrated in place. A file that is
not a readable database is moved aside (never deleted) and a fresh one created; a cache
that cannot be written falls back to memory, and ``notice`` says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from reader.wiki.cache_parts import ArticleStore, PickStore
from reader.wiki.model import Background

SCHEMA_VERSION = 3
FILE_NAME = "lookups.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    lang TEXT NOT NULL, key TEXT NOT NULL, status TEXT NOT NULL,
    payload TEXT NOT NULL, fetched_at REAL NOT NULL,
    PRIMARY KEY (lang, key)
);
CREATE TABLE IF NOT EXISTS articles (
    lang TEXT NOT NULL, title TEXT NOT NULL, payload TEXT NOT NULL, fetched_at REAL NOT NULL,
    PRIMARY KEY (lang, title)
);
CREATE TABLE IF NOT EXISTS picks (
    lang TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL, picked_at REAL NOT NULL,
    PRIMARY KEY (lang, key)
);
"""

_INSERT = ("INSERT OR REPLACE INTO entries(lang, key, status, payload, fetched_at) "
           "VALUES (?, ?, ?, ?, ?)")


def _row(lang: str, key: str, bg: Background) -> tuple[str, str, str, str, float]:
    return (lang, key, bg.status, json.dumps(bg.to_json(), ensure_ascii=False),
            bg.fetched_at or time.time())


class Cache(ArticleStore, PickStore):
    """Lookups, articles and picks on disk (or in memory when the disk refuses)."""

    def __init__(self, directory: Path | None, *, create: bool = True) -> None:
        """Open the cache in ``directory`` (in memory when ``None``).

        With ``create=False`` (read-only commands) nothing is created on disk: a missing
        directory raises :class:`FileNotFoundError`, a missing file gives an empty cache,
        and an existing one is read into memory."""
        self.notice = ""
        self.path: Path | None = None
        if directory is None:
            self._db = self._memory()
            return
        self.path = directory / FILE_NAME
        if not create:
            if not directory.is_dir():
                raise FileNotFoundError(f"cache directory {directory} does not exist")
            # a read-only connection to a WAL database creates its -wal and -shm files
            # when no other connection has them open, and leaves them; with none, no
            # instance is writing and everything is in the main file: read just that
            in_use = self.path.with_name(FILE_NAME + "-wal").exists()
            modes = ("mode=ro",) if in_use else ("immutable=1",)
            self._db = self._read_only(self.path, modes) or self._memory()
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # SQLite quietly opens a file it may not write read-only, and then every
            # write fails; ask first
            if not os.access(directory, os.W_OK) or (
                    self.path.exists() and not os.access(self.path, os.W_OK)):
                raise PermissionError("read-only")
            self._db = self._open(self.path)
        except (sqlite3.OperationalError, OSError) as exc:
            self.notice = f"cache not writable ({directory}: {exc}): lookups won't be saved"
            self._db = self._read_only(self.path) or self._memory()

    # --- opening, recovery, migration

    def _read_only(self, path: Path, modes: tuple[str, ...] = ("mode=ro", "immutable=1")
                   ) -> sqlite3.Connection | None:
        """An unwritable cache is copied into memory: what it holds stays readable, and
        this session's lookups are kept until it ends."""
        try:
            if not path.is_file():
                return None
        except OSError:  # a directory we may not even look into
            return None
        # a WAL database opened read-only still wants to create its -shm file beside it;
        # in a directory we cannot write, only "immutable" (no locks, no -shm) can read it
        for mode in modes:
            try:
                disk = sqlite3.connect(f"file:{path}?{mode}", uri=True)
                try:
                    disk.execute("SELECT COUNT(*) FROM entries").fetchone()
                    memory = self._connect(":memory:")
                    disk.backup(memory)
                finally:
                    disk.close()
                self._migrate(memory)
                return memory
            except sqlite3.Error:
                continue
        return None

    def _memory(self) -> sqlite3.Connection:
        db = self._connect(":memory:")
        self._migrate(db)
        return db

    @staticmethod
    def _connect(where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, timeout=10, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 10000")
        return db

    def _open(self, path: Path) -> sqlite3.Connection:
        """Open (retrying while another instance holds a lock, e.g. both creating it)."""
        for attempt in range(50):
            try:
                return self._open_once(path)
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        raise AssertionError("unreachable")

    def _open_once(self, path: Path) -> sqlite3.Connection:
        db: sqlite3.Connection | None = None
        try:
            db = self._connect(str(path))
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            check = db.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            self._migrate(db)
            return db
        except sqlite3.DatabaseError as exc:
            # locked, read-only, I/O trouble: the file may be fine, never move it aside
            if isinstance(exc, sqlite3.OperationalError):
                raise
            if db is not None:
                with contextlib.suppress(Exception):
                    db.close()
            aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            path.rename(aside)
            for suffix in ("-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                if side.exists():
                    side.rename(aside.with_name(aside.name + suffix))
            self.notice = f"cache file was damaged: moved aside to {aside.name}, started afresh"
            db = self._connect(str(path))
            db.execute("PRAGMA journal_mode = WAL")
            self._migrate(db)
            return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 1:
                # v1 kept entries without a status column: derive it from the payload
                db.execute("ALTER TABLE entries ADD COLUMN status TEXT NOT NULL DEFAULT ''")
                rows = db.execute("SELECT lang, key, payload FROM entries").fetchall()
                for lang, key, payload in rows:
                    status = json.loads(payload).get("status", "found")
                    db.execute("UPDATE entries SET status=? WHERE lang=? AND key=?",
                               (status, lang, key))
            elif version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"cache schema {version} is newer than reader's")
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # --- entries

    def get(self, lang: str, key: str) -> Background | None:
        row = self._db.execute("SELECT payload, fetched_at FROM entries WHERE lang=? AND key=?",
                               (lang, key)).fetchone()
        if row is None:
            return None
        try:
            data = json.loads(row[0])
            data["fetched_at"] = row[1]
            return Background.from_json(data)
        except (ValueError, TypeError):
            return None

    def put(self, lang: str, key: str, background: Background) -> str:
        """Store an entry; returns "" or, when the write failed, a notice saying so."""
        return self.put_many([(lang, key, background)])

    def put_many(self, items: list[tuple[str, str, Background]]) -> str:
        """Write several entries in one transaction (prefetch); returns "" or a notice."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(_INSERT, [_row(*item) for item in items])
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            return self._failed(f"cache write failed ({exc}): lookups won't be saved")
        return ""

    def get_hinted(self, lang: str, key: str) -> Background | None:
        """An entry of the name ``key`` looked up with a hint ("kursk|region"), if any."""
        like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%"
        row = self._db.execute("SELECT key FROM entries WHERE lang=? AND key LIKE ? "
                               "ESCAPE '\\' ORDER BY fetched_at DESC", (lang, like)).fetchone()
        return None if row is None else self.get(lang, str(row[0]))

    def entries(self) -> Iterator[tuple[str, str, Background]]:
        for lang, key in self._db.execute("SELECT lang, key FROM entries ORDER BY lang, key"
                                          ).fetchall():
            bg = self.get(lang, key)
            if bg is not None:
                yield lang, key, bg

    def stats(self) -> dict[str, int]:
        out = {status: n for status, n in self._db.execute(
            "SELECT status, COUNT(*) FROM entries GROUP BY status")}
        out["articles"] = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        out["picks"] = self._db.execute("SELECT COUNT(*) FROM picks").fetchone()[0]
        return out

    def clear(self) -> int:
        """Remove every cached lookup and article (picks are the user's choices: kept)."""
        n: int = self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        self._db.execute("DELETE FROM entries")
        self._db.execute("DELETE FROM articles")
        return n

    def close(self) -> None:
        self._db.close()
