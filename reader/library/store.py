"""The library: what reader remembers of the user's reading, in one SQLite file.

``library.sqlite3`` in the platform data directory (``~/.local/share/reader`` on Linux;
``READER_DATA_DIR`` or an explicit directory overrides it) holds the documents opened
(path, title, language, entity count, where the reader was, what was selected, when) and
the corrections made to each, keyed by the SHA-256 of the document's text. The file is in
WAL mode and every change is one committed transaction with ``synchronous=FULL``: a crash
(even ``kill -9``) loses nothing that was committed.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.library.corrections import Correction

FILE_NAME = "library.sqlite3"
ENV_DIR = "READER_DATA_DIR"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    hash TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL,
    entities INTEGER NOT NULL DEFAULT 0, offset INTEGER NOT NULL DEFAULT 0,
    length INTEGER NOT NULL DEFAULT 0, selected TEXT NOT NULL DEFAULT '',
    opened REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL, body TEXT NOT NULL,
    made REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_hash ON corrections(hash, id);
"""


def data_dir(override: str | Path | None = None) -> Path:
    """Where the library lives: ``override``, else ``$READER_DATA_DIR``, else the platform
    data directory."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def text_hash(text: str) -> str:
    """The key of a document: the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Recent:
    """A document in the library: where it is, what it is, where the reader was."""

    hash: str
    path: str
    title: str
    language: str
    entities: int
    offset: int  # character offset of the first line on screen
    length: int  # characters of the text
    selected: str  # the selected entity's name, or ""
    opened: float  # time.time() when last opened

    @property
    def percent(self) -> int:
        """How far into the text the reader was, 0..100."""
        return min(100, round(100 * self.offset / self.length)) if self.length else 0


class Library:
    """Recent documents, reading positions and corrections, in ``directory``."""

    def __init__(self, directory: str | Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.directory = data_dir(directory)
        self.path = self.directory / FILE_NAME
        self.clock = clock
        self.directory.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        with self._db:  # one transaction per change
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(sql, args)

    # --- documents

    def opened(self, text: str, path: str, title: str, language: str) -> Recent:
        """Note that a document was opened (now); return what the library knew of it."""
        key = text_hash(text)
        before = self.get(key)
        self._write(
            "INSERT INTO documents (hash, path, title, language, length, opened) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(hash) DO UPDATE SET path=excluded.path, "
            "title=excluded.title, language=excluded.language, length=excluded.length, "
            "opened=excluded.opened",
            (key, path, title, language, len(text), self.clock()))
        return before or Recent(key, path, title, language, 0, 0, len(text), "", self.clock())

    def get(self, key: str) -> Recent | None:
        """The library's entry for the document with hash ``key``."""
        row = self._db.execute(
            "SELECT hash, path, title, language, entities, offset, length, selected, opened "
            "FROM documents WHERE hash = ?", (key,)).fetchone()
        return Recent(*row) if row else None

    def save_position(self, key: str, offset: int, selected: str,
                      entities: int | None = None) -> None:
        """Where the reader is in document ``key``, and what is selected."""
        if entities is None:
            self._write("UPDATE documents SET offset = ?, selected = ? WHERE hash = ?",
                        (offset, selected, key))
        else:
            self._write("UPDATE documents SET offset = ?, selected = ?, entities = ? "
                        "WHERE hash = ?", (offset, selected, entities, key))

    def recent(self, limit: int = 200) -> list[Recent]:
        """The documents opened, most recent first."""
        rows = self._db.execute(
            "SELECT hash, path, title, language, entities, offset, length, selected, opened "
            "FROM documents ORDER BY opened DESC, rowid DESC LIMIT ?", (limit,)).fetchall()
        return [Recent(*row) for row in rows]

    def forget(self, key: str) -> None:
        """Remove a document from the recent list (its corrections are kept)."""
        self._write("DELETE FROM documents WHERE hash = ?", (key,))

    # --- corrections

    def corrections(self, key: str) -> list[Correction]:
        """The corrections made to document ``key``, oldest first."""
        rows = self._db.execute("SELECT body FROM corrections WHERE hash = ? ORDER BY id",
                                (key,)).fetchall()
        return [c for (body,) in rows if (c := Correction.from_json(body)) is not None]

    def correct(self, key: str, correction: Correction) -> None:
        """Remember a correction to document ``key`` (committed before this returns)."""
        self._write("INSERT INTO corrections (hash, body, made) VALUES (?, ?, ?)",
                    (key, correction.to_json(), self.clock()))

    def undo(self, key: str) -> Correction | None:
        """Forget the last correction to document ``key``; return it (None: none left)."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute("SELECT id, body FROM corrections WHERE hash = ? "
                                   "ORDER BY id DESC LIMIT 1", (key,)).fetchone()
            if row is None:
                return None
            self._db.execute("DELETE FROM corrections WHERE id = ?", (row[0],))
        return Correction.from_json(row[1])
