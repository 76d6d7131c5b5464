"""The analysis cache (:mod:`reader.library.analysis_cache`): a text analysed once opens
again from the cache, without spaCy; a changed pipeline misses; a corrupt entry or file is
ignored and rewritten; the least recently used entries go beyond the size bound."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from reader.core import processes
from reader.core.analysis import Analyzer
from reader.core.model import Document, Entity, Mention
from reader.core.pipelines import PipelineChoice
from reader.library.analyses import cached_analysis
from reader.library.analysis_cache import FILE_NAME, AnalysisCache, cache_directory

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Angela Merkel reiste von Berlin nach Paris.\n\nDort sprach Merkel über Berlin.\n\n"
        * 5)


def _pipeline(path: Path, version: str = "0.0.1") -> Path:
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    patterns = [("PER", "Angela Merkel"), ("PER", "Merkel"), ("LOC", "Berlin"), ("LOC", "Paris")]
    ruler.add_patterns([{"label": lab, "pattern": pat}  # type: ignore[attr-defined]
                        for lab, pat in patterns])
    nlp.meta["version"] = version
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved entity-ruler pipeline."""
    return _pipeline(tmp_path_factory.mktemp("pipeline") / "ruler_de")


@pytest.fixture(autouse=True)
def no_leftovers() -> Iterator[None]:
    """No analysis process outlives a test."""
    yield
    processes.stop()


def _document(text: str, n: int = 1) -> Document:
    mentions = [Mention(0, 13, text[0:13], "PER"), Mention(25, 31, text[25:31], "LOC", "")]
    entities = [Entity("angela merkel", "Angela Merkel", "PER", ["Angela Merkel"], mentions[:1]),
                Entity("berlin", "Berlin", "LOC", ["Berlin"], mentions[1:] * n)]
    return Document(text=text, language="de", pipeline="x (custom)", entities=entities)


def _choice(path: Path) -> PipelineChoice:
    return PipelineChoice(path.name, "custom", str(path))


def test_a_stored_document_comes_back_equal(tmp_path: Path, pipeline: Path) -> None:
    cache = AnalysisCache(tmp_path)
    key = cache.key(TEXT, "de", _choice(pipeline))
    assert cache.get(key, TEXT) is None and not cache.has(key)
    cache.put(key, _document(TEXT))
    assert cache.has(key)
    assert cache.get(key, TEXT) == _document(TEXT)


def test_the_key_changes_with_the_text_language_and_pipeline_version(
        tmp_path: Path, pipeline: Path) -> None:
    other = _pipeline(tmp_path / "ruler_de", version="0.0.2")
    key = AnalysisCache.key(TEXT, "de", _choice(pipeline))
    assert key == AnalysisCache.key(TEXT, "de", _choice(pipeline))
    assert key != AnalysisCache.key(TEXT + ".", "de", _choice(pipeline))
    assert key != AnalysisCache.key(TEXT, "en", _choice(pipeline))
    assert key != AnalysisCache.key(TEXT, "de", _choice(other))  # same name, new version
    meta = json.loads((other / "meta.json").read_text(encoding="utf-8"))
    before = AnalysisCache.key(TEXT, "de", _choice(other))
    meta["version"] = "0.0.3"
    (other / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert AnalysisCache.key(TEXT, "de", _choice(other)) != before


def test_reopening_takes_the_cache_and_starts_no_process(
        tmp_path: Path, pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = AnalysisCache(tmp_path)
    analyzer = Analyzer("de", str(pipeline))
    first = list(cached_analysis(analyzer, TEXT, cache)(TEXT))
    assert first[-1].done == 1.0 and cache.total_bytes() > 0

    def no_process(*args: object) -> None:
        raise AssertionError("an analysis process was started")

    monkeypatch.setattr(processes, "_spawn", no_process)
    again = list(cached_analysis(analyzer, TEXT, cache)(TEXT))
    assert [(u.done, u.document) for u in again] == [(1.0, first[-1].document)]


def test_a_changed_pipeline_version_misses(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    path = _pipeline(tmp_path / "p" / "ruler_de", version="1.0.0")
    cache = AnalysisCache(tmp_path / "cache")
    list(cached_analysis(Analyzer("de", str(path)), TEXT, cache, prestart=False)(TEXT))
    _pipeline(path, version="1.0.1")  # retrained, saved over the old one
    key = cache.key(TEXT, "de", _choice(path))
    assert not cache.has(key)
    list(cached_analysis(Analyzer("de", str(path)), TEXT, cache, prestart=False)(TEXT))
    assert cache.has(key)


@pytest.mark.parametrize("body", [b"not zlib at all", b"x\x9c\x03\x00\x00\x00\x00\x01"])
def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path, pipeline: Path,
                                                   body: bytes) -> None:
    cache = AnalysisCache(tmp_path)
    analyzer = Analyzer("de", str(pipeline))
    key = cache.key(TEXT, "de", analyzer.choice)
    cache.put(key, _document(TEXT))
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("UPDATE analyses SET body = ? WHERE key = ?", (body, key))
    db.close()
    assert cache.get(key, TEXT) is None
    assert not cache.has(key)  # dropped
    updates = list(cached_analysis(analyzer, TEXT, cache)(TEXT))
    assert updates[-1].done == 1.0
    assert cache.get(key, TEXT) == updates[-1].document  # stored anew


def test_a_foreign_entry_is_ignored(tmp_path: Path, pipeline: Path) -> None:
    cache = AnalysisCache(tmp_path)
    key = cache.key(TEXT, "de", _choice(pipeline))
    other = "Paris " * 100
    cache.put(key, _document(other))  # another text's document under this key
    assert cache.get(key, TEXT) is None


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path, pipeline: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"garbage " * 1000)
    cache = AnalysisCache(tmp_path)
    key = cache.key(TEXT, "de", _choice(pipeline))
    assert cache.get(key, TEXT) is None
    cache.put(key, _document(TEXT))
    assert cache.get(key, TEXT) == _document(TEXT)
    assert (tmp_path / (FILE_NAME + ".corrupt")).read_bytes().startswith(b"garbage")


def test_an_unusable_directory_is_no_cache(tmp_path: Path, pipeline: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be")
    cache = AnalysisCache(blocker / "sub")
    key = cache.key(TEXT, "de", _choice(pipeline))
    cache.put(key, _document(TEXT))  # nothing raised
    assert cache.get(key, TEXT) is None


def test_least_recently_used_entries_go_beyond_the_bound(tmp_path: Path) -> None:
    texts = [f"Angela Merkel reiste von Berlin nach Paris {i}. " * 3 for i in range(4)]
    docs = [_document(t, n=400) for t in texts]
    probe = AnalysisCache(tmp_path / "probe")
    probe.put("k", docs[0])
    size = probe.total_bytes()
    cache = AnalysisCache(tmp_path / "cache", max_bytes=int(size * 3.5))
    for i in range(3):
        cache.put(f"k{i}", docs[i])
    assert cache.get("k0", texts[0]) is not None  # k0 used: k1 is now the oldest
    cache.put("k3", docs[3])
    assert [cache.has(f"k{i}") for i in range(4)] == [True, False, True, True]
    assert cache.total_bytes() <= cache.max_bytes


def test_an_entry_larger_than_the_bound_is_not_stored(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, max_bytes=10)
    cache.put("k", _document(TEXT))
    assert not cache.has("k")


def test_the_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("READER_ANALYSIS_CACHE", str(tmp_path / "a"))
    assert cache_directory("/elsewhere") == tmp_path / "a"
    monkeypatch.setenv("READER_ANALYSIS_CACHE", "off")
    assert cache_directory() is None
    monkeypatch.delenv("READER_ANALYSIS_CACHE")
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "b"))
    assert cache_directory() == tmp_path / "b"
    assert cache_directory(tmp_path / "c") == tmp_path / "c"


def test_a_cached_reopen_never_imports_spacy(tmp_path: Path, pipeline: Path) -> None:
    code = f"""
import sys
from reader.core.analysis import Analyzer
from reader.library.analyses import cached_analysis
from reader.library.analysis_cache import AnalysisCache
from pathlib import Path
text = {TEXT!r}
cache = AnalysisCache(Path({str(tmp_path)!r}))
run = lambda: list(cached_analysis(Analyzer("de", {str(pipeline)!r}), text, cache)(text))
if sys.argv[1] == "first":
    run()
else:
    updates = run()
    assert updates[-1].done == 1.0 and updates[-1].document.entities
    print("spacy" in sys.modules)
"""
    for step in ("first", "again"):
        out = subprocess.run([sys.executable, "-c", code, step], cwd=ROOT, check=True,
                             capture_output=True, text=True, timeout=120).stdout
    assert out.strip() == "False"
