"""The app's real analysis path, end to end: ``Analyzer.stream`` and the worker child
process (``reader.core.worker``) with a small spaCy pipeline saved to disk (a blank German
pipeline whose "ner" is an entity ruler), and what the app shows when the analysis works
and when it fails."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.core.analysis import Analyzer
from reader.core.source import Source
from reader.ui.app import ReaderApp
from tests.fakes import ruler_pipeline
from tests.ui_helpers import SIZE, entity_rows, reading, screen_text, select, settle

PATTERNS = [("PER", "Angela Merkel"), ("PER", "Merkel"), ("LOC", "Berlin"), ("LOC", "Paris"),
            ("ORG", "Vereinte Nationen")]
PARAGRAPH = ("Angela Merkel reiste von Berlin nach Paris. Dort sprach Merkel vor der "
             "Vereinte Nationen Delegation über Berlin.\n\n")
TEXT = "Ein Bericht.\n\n" + PARAGRAPH * 6 + "Ende des Berichts in Paris.\n"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pipeline directory spaCy loads like any other, with an entity ruler as its NER."""
    return ruler_pipeline(tmp_path_factory.mktemp("pipeline") / "ruler_de", PATTERNS)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A directory that looks like a pipeline (it has a config.cfg) but does not load."""
    path = tmp_path / "broken_de"
    path.mkdir()
    (path / "config.cfg").write_text("[nlp]\nlang = \"de\"\npipeline = [\"ner\"]\n",
                                     encoding="utf-8")
    return path


def test_stream_in_the_worker_process_reports_batches_then_everything(pipeline: Path) -> None:
    analyzer = Analyzer("de", str(pipeline))
    updates = list(analyzer.stream(TEXT, batch_chars=150))
    done = [u.done for u in updates]
    assert len(updates) >= 3  # several batches came back from the child process
    assert done == sorted(done) and done[-1] == 1.0 and done[0] < 1.0
    doc = updates[-1].document
    assert doc.pipeline == "ruler_de (custom)"
    counts = {e.name: (e.label, e.count) for e in doc.entities}
    assert counts["Angela Merkel"] == ("PER", 12)  # "Merkel" merged into the full name
    assert counts["Berlin"] == ("LOC", 12)
    assert counts["Paris"] == ("LOC", 7)
    assert counts["Vereinte Nationen"] == ("ORG", 6)
    for entity in doc.entities:
        for m in entity.mentions:
            assert TEXT[m.start:m.end] == m.text
    # earlier updates hold a prefix of the result
    assert sum(e.count for e in updates[0].document.entities) < sum(
        e.count for e in doc.entities)


def test_stream_in_process_finds_the_same(pipeline: Path) -> None:
    analyzer = Analyzer("de", str(pipeline))
    child = list(analyzer.stream(TEXT, batch_chars=150))[-1].document
    here = list(analyzer.stream(TEXT, batch_chars=150, in_process=True))[-1].document
    assert [(e.name, e.count) for e in here.entities] == [
        (e.name, e.count) for e in child.entities]


def test_a_pipeline_that_does_not_load_fails_with_a_message(broken: Path) -> None:
    analyzer = Analyzer("de", str(broken))
    with pytest.raises(RuntimeError) as info:
        list(analyzer.stream(TEXT))
    assert str(info.value).strip()
    assert "ended unexpectedly" not in str(info.value)  # the worker said what went wrong


async def _until(pilot: Pilot[None], done: Callable[[], bool], timeout: float = 60) -> None:
    """Wait until ``done()`` (the child process loads spaCy: on a busy machine, seconds)."""
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await settle(pilot)


def _app(model: Path) -> ReaderApp:
    analyzer = Analyzer("de", str(model))
    source = Source(name="bericht.txt", text=TEXT, encoding="utf-8")
    return ReaderApp(source, "de", analyzer.stream, analyzer.choice.describe())


async def test_app_shows_what_the_worker_process_found(pipeline: Path) -> None:
    app = _app(pipeline)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: reading(app).progress >= 1.0)
        screen = screen_text(app)
        assert "ruler_de (custom)  ·  4 entities" in screen
        assert "analysing" not in screen
        rows = entity_rows(app)
        assert "▍Angela Merkel  12" in rows and "▍Vereinte Nationen  6" in rows
        await select(pilot, "Paris")
        await pilot.pause()
        assert "Places · 7 mentions" in screen_text(app)


async def test_app_says_the_analysis_failed_and_keeps_the_article(broken: Path) -> None:
    app = _app(broken)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _until(pilot, lambda: bool(reading(app).error))
        screen = screen_text(app)
        error = reading(app).error
        assert error
        assert "broken_de (custom)  ·  analysis failed" in screen
        assert f"analysis failed: {error}"[:30] in screen  # in the entity panel
        assert "Analysis failed" in screen  # the notification's title
        assert "[E053]" in screen or "[" not in error  # its text shown literally, no markup
        assert "Angela Merkel reiste von Berlin nach Paris." in screen  # still readable
        assert not [r for r in entity_rows(app) if r.startswith("▍")]


def _workers() -> list[int]:
    """Process ids of this process's analysis children still alive (not zombies)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z" \
                and b"reader.core.worker" in cmdline:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_leaving_the_stream_early_ends_the_worker_process(pipeline: Path) -> None:
    updates = Analyzer("de", str(pipeline)).stream(TEXT * 40, batch_chars=150)
    assert isinstance(updates, Generator)
    first = next(updates)
    assert first.done < 1.0
    assert len(_workers()) == 1  # the child is still analysing
    updates.close()  # what happens when the app quits mid-analysis
    assert _workers() == []
