"""Corrections: how they apply to a document, how the library keeps them (per text), and
that a crash (kill -9 of the writing process) loses none that was committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.core.grouping import group
from reader.core.model import Document
from reader.library.corrections import Correction, apply
from reader.library.store import Library, text_hash
from tests.conftest import SAMPLE_DE
from tests.fakes import SAMPLE_NAMES, find_mentions

ROOT = Path(__file__).resolve().parent.parent


def _doc() -> Document:
    text = SAMPLE_DE.read_text(encoding="utf-8")
    return Document(text, "de", "fake", group(find_mentions(text, SAMPLE_NAMES)))


def _names(doc: Document) -> dict[str, tuple[str, int]]:
    return {e.name: (e.label, e.count) for e in doc.entities}


def test_hide_relabel_merge_split() -> None:
    doc = _doc()
    before = _names(doc)
    assert "Kursk" in before and before["Zweiter Weltkrieg"][0] == "MISC"
    fixed = apply(doc, [Correction("hide", "Kursk"),
                        Correction("relabel", "Zweiter Weltkrieg", "LOC"),
                        Correction("merge", "Kiew", "Ukraine"),
                        Correction("split", "Wladimir Putin", "Putin")])
    after = _names(fixed)
    assert "Kursk" not in after
    assert after["Zweiter Weltkrieg"][0] == "LOC"
    assert "Kiew" not in after and after["Ukraine"][1] == before["Ukraine"][1] + 1
    ukraine = next(e for e in fixed.entities if e.name == "Ukraine")
    assert "Kiew" in ukraine.variants and ukraine.mentions == sorted(ukraine.mentions)
    assert after["Putin"][0] == "PER"
    assert after["Wladimir Putin"][1] + after["Putin"][1] == before["Wladimir Putin"][1]
    # most mentioned first, still
    counts = [e.count for e in fixed.entities]
    assert counts == sorted(counts, reverse=True)
    # the original document is untouched
    assert _names(doc) == before


def test_a_correction_whose_entity_is_gone_changes_nothing() -> None:
    doc = _doc()
    fixed = apply(doc, [Correction("hide", "Atlantis"), Correction("merge", "Kiew", "Nowhere"),
                        Correction("split", "Kursk", "Kursk")])
    assert _names(fixed) == _names(doc)


def test_library_keeps_corrections_per_text_and_undoes(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    key = text_hash("some text")
    lib.correct(key, Correction("hide", "Kursk"))
    lib.correct(key, Correction("relabel", "Kiew", "ORG"))
    lib.correct(text_hash("other"), Correction("hide", "X"))
    lib.close()
    again = Library(tmp_path)
    assert again.corrections(key) == [Correction("hide", "Kursk"),
                                      Correction("relabel", "Kiew", "ORG")]
    assert again.undo(key) == Correction("relabel", "Kiew", "ORG")
    assert again.corrections(key) == [Correction("hide", "Kursk")]
    assert again.undo(key) is not None and again.undo(key) is None
    assert again.corrections(text_hash("other")) == [Correction("hide", "X")]


def test_data_dir_from_the_environment(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "d"))
    lib = Library()
    assert lib.path == tmp_path / "d" / "library.sqlite3"
    lib.close()


WRITER = """
import sys
from reader.library.corrections import Correction
from reader.library.store import Library
lib = Library(sys.argv[1])
i = 0
while True:
    lib.correct("k", Correction("hide", f"name {i}"))
    print(i, flush=True)
    i += 1
"""


def test_kill_9_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    acked = -1
    deadline = time.monotonic() + 30
    while acked < 200 and time.monotonic() < deadline:
        acked = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)  # mid-write: it never stops writing
    child.wait()
    assert acked >= 200
    db = sqlite3.connect(tmp_path / "library.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    kept = Library(tmp_path).corrections("k")
    names = [c.name for c in kept]
    # every acknowledged correction is there, in order, and nothing torn
    assert names[: acked + 1] == [f"name {i}" for i in range(acked + 1)]
    assert len(names) in (acked + 1, acked + 2)
