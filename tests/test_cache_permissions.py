"""A cache the user may not write (a shared or read-only cache directory), or may not
even look into, as an unprivileged user meets it: what it holds is still served, this
session's lookups are kept in memory, and nothing crashes.

Root can write anywhere, so under root the checks run in a child process as ``nobody``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.wiki.cache import Cache
from reader.wiki.model import Background
from tests.conftest import ROOT

PROBE = """
import json, sys, time
from pathlib import Path
from reader.wiki.cache import Cache
from reader.wiki.model import Background
cache = Cache(Path(sys.argv[1]))
cache.put("de", "moskau", Background(status="found", query="Moskau", lang="de",
                                     title="Moskau", fetched_at=time.time()))
print(json.dumps({"notice": cache.notice, "kiew": cache.get("de", "kiew") is not None,
                  "moskau": cache.get("de", "moskau") is not None}))
"""
NOBODY = 65534


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory anyone can traverse (pytest's tmp_path is private to its owner)."""
    path = Path(tempfile.mkdtemp(prefix="reader-perm-"))
    path.chmod(0o755)
    yield path
    for sub in path.rglob("*"):
        sub.chmod(0o755 if sub.is_dir() else 0o644)
    shutil.rmtree(path)


def _probe(directory: Path) -> dict[str, object]:
    """Open the cache at ``directory`` as an unprivileged user and report what it sees."""
    root = os.geteuid() == 0
    pythons = (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3") if root \
        else (sys.executable,)
    for python in pythons:
        try:
            done = subprocess.run([python, "-c", PROBE, str(directory)], capture_output=True,
                                  text=True, user=NOBODY if root else None,
                                  env={"PYTHONPATH": str(ROOT)}, cwd="/", timeout=60)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            result: dict[str, object] = json.loads(done.stdout)
            return result
        assert "Traceback" not in done.stderr or "No module named" in done.stderr, done.stderr
    pytest.skip("no Python here that an unprivileged user may run")


def test_read_only_cache_still_serves_its_entries(shared_dir: Path) -> None:
    directory = shared_dir / "cache"
    Cache(directory).put("de", "kiew", Background(status="found", query="Kiew", lang="de",
                                                  title="Kiew", fetched_at=time.time()))
    for f in directory.iterdir():
        f.chmod(0o444)
    directory.chmod(0o555)
    seen = _probe(directory)
    assert seen["kiew"] is True  # what the cache holds is served
    assert seen["moskau"] is True  # this session's lookups are kept, in memory
    assert "won't be saved" in str(seen["notice"])


def test_cache_in_a_directory_we_may_not_enter(shared_dir: Path) -> None:
    private = shared_dir / "private"
    private.mkdir(mode=0o700)
    seen = _probe(private / "cache")
    assert seen["moskau"] is True and seen["kiew"] is False
    assert "won't be saved" in str(seen["notice"])
