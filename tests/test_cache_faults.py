"""After each cache fault, every entry written before it is still readable."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.wiki.cache import FILE_NAME, Cache
from reader.wiki.model import Background
from tests.conftest import ROOT


def _bg(name: str) -> Background:
    return Background(status="found", query=name, lang="de", title=name,
                      extract=f"{name} ist ein Ort.", fetched_at=time.time())


def test_sigkill_during_prefetch_keeps_committed_entries(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-m", "tests.prefetch_child", str(tmp_path)],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    seen = 0
    for line in child.stdout:  # wait until at least two batches are committed
        seen = int(line)
        if seen >= 100:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert seen >= 100
    cache = Cache(tmp_path)  # the next run opens it without error or notice
    assert cache.notice == ""
    entries = {key: bg for _, key, bg in cache.entries()}
    assert len(entries) >= seen
    for key, bg in entries.items():
        assert bg.status == "found" and bg.extract.endswith("ist ein Ort. Er liegt am Fluss.")
        assert key == bg.query.casefold()


def test_truncated_cache_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put_many([("de", f"ort {i}", _bg(f"Ort {i}")) for i in range(300)])
    cache.close()
    path = tmp_path / FILE_NAME
    for side in ("-wal", "-shm"):
        (tmp_path / (FILE_NAME + side)).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    fresh = Cache(tmp_path)
    moved = [p for p in tmp_path.iterdir() if p.name.startswith(FILE_NAME + ".corrupt-")]
    assert moved and moved[0].stat().st_size == len(data) // 2  # kept for the user
    assert "moved aside" in fresh.notice
    fresh.put("de", "kiew", _bg("Kiew"))
    assert fresh.get("de", "kiew") is not None


def test_unwritable_cache_directory_still_runs(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    cache = Cache(blocker / "cache")
    assert "won't be saved" in cache.notice
    cache.put("de", "kiew", _bg("Kiew"))  # works for this session, in memory
    assert cache.get("de", "kiew") is not None


WRITER = """
import sys, time
from reader.wiki.cache import Cache
from reader.wiki.model import Background
cache = Cache(__import__("pathlib").Path(sys.argv[1]))
for i in range(200):
    name = f"{sys.argv[2]} {i}"
    cache.put("de", name.casefold(), Background(status="found", query=name, lang="de",
              title=name, fetched_at=time.time()))
"""


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), who], cwd=ROOT)
             for who in ("A", "B")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    keys = {key for _, key, _ in Cache(tmp_path).entries()}
    assert len(keys) == 400


def test_schema_migration_keeps_entries_and_picks(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.executescript("""
        CREATE TABLE entries (lang TEXT, key TEXT, payload TEXT, fetched_at REAL,
                              PRIMARY KEY (lang, key));
        CREATE TABLE picks (lang TEXT, key TEXT, title TEXT, picked_at REAL,
                            PRIMARY KEY (lang, key));
        PRAGMA user_version = 1;
    """)
    for i in range(50):
        payload = {"status": "found", "query": f"Ort {i}", "lang": "de", "title": f"Ort {i}"}
        db.execute("INSERT INTO entries VALUES ('de', ?, ?, 1.0)",
                   (f"ort {i}", json.dumps(payload)))
    db.execute("INSERT INTO picks VALUES ('de', 'kursk', 'Kursk (Stadt)', 1.0)")
    db.commit()
    db.close()
    cache = Cache(tmp_path)
    assert len(list(cache.entries())) == 50
    assert cache.pick("de", "kursk") == "Kursk (Stadt)"
