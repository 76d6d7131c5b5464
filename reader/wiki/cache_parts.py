"""The cache's whole articles and the user's picks (mixed into
:class:`reader.wiki.cache.Cache`, which owns the connection)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time

from reader.wiki.model import Article


class _Store:
    """What the parts need of the cache: its connection and a way to report a failure."""

    _db: sqlite3.Connection
    notice: str

    def _failed(self, notice: str) -> str:
        self.notice = notice
        return notice

    def forget(self, lang: str, key: str) -> None:
        """Drop the entries of a name in every context ("kursk", "kursk|region")."""
        like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%"
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("DELETE FROM entries WHERE lang=? AND (key=? OR key LIKE ? "
                             "ESCAPE '\\')", (lang, key, like))


class ArticleStore(_Store):
    """Whole articles, by wiki language and title."""

    def article(self, lang: str, title: str) -> Article | None:
        """The stored article ``title``, if any."""
        row = self._db.execute("SELECT payload, fetched_at FROM articles WHERE lang=? AND "
                               "title=?", (lang, title)).fetchone()
        if row is None:
            return None
        try:
            data = json.loads(row[0])
            data["fetched_at"] = row[1]
            return Article.from_json(data)
        except (ValueError, TypeError, KeyError):
            return None

    def put_article(self, article: Article) -> str:
        """Store a whole article; returns "" or a notice when the write failed."""
        try:
            self._db.execute("INSERT OR REPLACE INTO articles(lang, title, payload, fetched_at) "
                             "VALUES (?, ?, ?, ?)",
                             (article.lang, article.title,
                              json.dumps(article.to_json(), ensure_ascii=False),
                              article.fetched_at or time.time()))
        except sqlite3.Error as exc:
            return self._failed(f"cache write failed ({exc}): the article won't be saved")
        return ""



class PickStore(_Store):
    """The pages the user picked for names (never expired, kept by ``clear``)."""

    def pick(self, lang: str, key: str) -> str | None:
        row = self._db.execute("SELECT title FROM picks WHERE lang=? AND key=?",
                               (lang, key)).fetchone()
        return None if row is None else str(row[0])

    def set_pick(self, lang: str, key: str, title: str) -> str:
        """Remember the user's page for a name; returns "" or a notice."""
        try:
            self._db.execute("INSERT OR REPLACE INTO picks(lang, key, title, picked_at) "
                             "VALUES (?, ?, ?, ?)", (lang, key, title, time.time()))
        except sqlite3.Error as exc:
            return self._failed(f"cache write failed ({exc}): the pick won't be remembered")
        return ""

    def picks(self) -> list[tuple[str, str, str, float]]:
        """Every pick: (lang, key, title, picked_at), by language and name."""
        return [(str(a), str(b), str(c), float(d)) for a, b, c, d in self._db.execute(
            "SELECT lang, key, title, picked_at FROM picks ORDER BY lang, key")]

    def clear_picks(self, lang: str | None = None, key: str | None = None) -> int:
        """Forget the pick of one name (``key``, in ``lang`` or every language), or every
        pick; returns how many were forgotten. The entries they chose are dropped too."""
        where, args = "", []
        if key is not None:
            where, args = " WHERE key=?", [key]
            if lang is not None:
                where, args = where + " AND lang=?", [key, lang]
        rows = self._db.execute(f"SELECT lang, key FROM picks{where}", args).fetchall()
        self._db.execute(f"DELETE FROM picks{where}", args)
        for row_lang, row_key in rows:
            self.forget(row_lang, row_key)
        return len(rows)

