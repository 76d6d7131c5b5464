"""Analysis in several child processes (:mod:`reader.core.processes`): the same mentions
as one process and as in-process, in the order of the text, and every process ends when
the analysis is stopped. A small saved pipeline (a blank German pipeline whose "ner" is an
entity ruler) stands in for the bundled one."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import processes
from reader.core.analysis import Analyzer
from reader.core.model import Mention
from reader.core.ner import blocks
from tests.fakes import ruler_pipeline
from tests.proc_tree import alive, children

PATTERNS = [("PER", "Angela Merkel"), ("PER", "Merkel"), ("LOC", "Berlin"), ("LOC", "Paris"),
            ("ORG", "Vereinte Nationen")]
PARAGRAPHS = [
    "Angela Merkel reiste von Berlin nach Paris. Dort sprach Merkel vor der "
    "Vereinte Nationen Delegation über Berlin.",
    "In Paris regnete es.\nBerlin\nblieb trocken.",
    "Die Vereinte Nationen tagten; Merkel nicht.",
]
BOOK = "Ein Bericht.\n\n" + "\n\n".join(PARAGRAPHS * 120) + "\n\nEnde in Paris.\n"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pipeline directory spaCy loads like any other, with an entity ruler as its NER."""
    return ruler_pipeline(tmp_path_factory.mktemp("pipeline") / "ruler_de", PATTERNS)


@pytest.fixture(autouse=True)
def no_leftovers() -> Iterator[None]:
    """Every test starts without analysis processes and leaves none behind."""
    processes.stop()
    yield
    processes.stop()


def _mentions(analyzer: Analyzer, text: str = BOOK, **options: object) -> list[Mention]:
    updates = list(analyzer.stream(text, batch_chars=300, **options))  # type: ignore[arg-type]
    assert updates[-1].done == 1.0
    return sorted(m for e in updates[-1].document.entities for m in e.mentions)


def test_two_processes_find_exactly_what_one_finds(pipeline: Path) -> None:
    analyzer = Analyzer("de", str(pipeline))
    assert len(list(blocks(BOOK))) > 300  # many blocks, many jobs for each process
    one = _mentions(analyzer, workers=1)
    two = _mentions(analyzer, workers=2)
    here = _mentions(analyzer, in_process=True)
    assert one and two == one and here == one
    assert [(m.start, m.end, m.text, m.label, m.base) for m in two] == [
        (m.start, m.end, m.text, m.label, m.base) for m in one]


def test_batches_arrive_in_the_order_of_the_text(pipeline: Path) -> None:
    choice = Analyzer("de", str(pipeline)).choice
    reached_before = 0
    count = 0
    for batch, reached, _ in processes.stream_mentions(BOOK, choice, 200, processes=2):
        assert reached > reached_before
        assert all(reached_before <= m.start and m.end <= reached for m in batch)
        assert batch == sorted(batch)
        reached_before = reached
        count += 1
    assert count > 20 and reached_before == len(BOOK.rstrip())


def test_progress_is_monotonic_and_each_update_extends_the_last(pipeline: Path) -> None:
    updates = list(Analyzer("de", str(pipeline)).stream(BOOK, batch_chars=2000, workers=2))
    done = [u.done for u in updates]
    assert len(updates) >= 3 and done == sorted(done) and done[-1] == 1.0
    counts = [sum(e.count for e in u.document.entities) for u in updates]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_a_short_text_uses_one_process_and_a_book_two() -> None:
    assert processes.worker_count(10_000) == 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    assert processes.worker_count(5_000_000) == min(2, cores)


def _wait_for(condition: object, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


def test_stop_ends_every_process_and_the_stream_quietly(pipeline: Path) -> None:
    updates = Analyzer("de", str(pipeline)).stream(BOOK * 20, batch_chars=300, workers=2)
    first = next(updates)
    assert first.done < 1.0
    assert processes.live() == 2
    processes.stop()
    assert processes.live() == 0
    assert list(updates) == [] or all(u.done < 1.0 for u in updates)  # no error raised


def test_closing_the_stream_ends_its_processes(pipeline: Path) -> None:
    updates = Analyzer("de", str(pipeline)).stream(BOOK * 20, batch_chars=300, workers=2)
    next(updates)
    updates.close()  # type: ignore[attr-defined]
    assert processes.live() == 0


def test_prestarted_processes_are_taken_by_the_next_analysis(pipeline: Path) -> None:
    analyzer = Analyzer("de", str(pipeline))
    analyzer.prestart(len(BOOK))
    assert processes.live() == processes.worker_count(len(BOOK))
    updates = list(analyzer.stream(BOOK, batch_chars=300))
    assert updates[-1].done == 1.0
    assert processes.live() == 0  # none started besides, none left over


def test_a_failing_pipeline_fails_with_its_message_in_two_processes(tmp_path: Path) -> None:
    broken = tmp_path / "broken_de"
    broken.mkdir()
    (broken / "config.cfg").write_text('[nlp]\nlang = "de"\npipeline = ["ner"]\n',
                                       encoding="utf-8")
    with pytest.raises(RuntimeError) as info:
        list(Analyzer("de", str(broken)).stream(BOOK, batch_chars=300, workers=2))
    assert str(info.value).strip() and "ended unexpectedly" not in str(info.value)
    assert _wait_for(lambda: processes.live() == 0)


def test_a_process_warmed_up_before_the_choice_is_taken(
        pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    processes.warm_up()  # importing spaCy, no pipeline yet
    assert processes.live() == 1

    def no_process(*args: object) -> None:
        raise AssertionError("a process was started besides the warm one")

    monkeypatch.setattr(processes, "_spawn", no_process)
    updates = list(Analyzer("de", str(pipeline)).stream(BOOK[:3000], batch_chars=300))
    assert updates[-1].done == 1.0 and updates[-1].document.entities
    assert processes.live() == 0


def test_cool_down_ends_a_warm_process_not_needed() -> None:
    processes.warm_up()
    assert processes.live() == 1
    processes.cool_down()
    assert processes.live() == 0


def test_without_partial_documents_only_the_complete_one_comes(pipeline: Path) -> None:
    analyzer = Analyzer("de", str(pipeline))
    only = list(analyzer.stream(BOOK, batch_chars=300, workers=2, partial=False))
    assert [u.done for u in only] == [1.0]
    every = list(analyzer.stream(BOOK, batch_chars=300, workers=2))
    assert only[0].document == every[-1].document


def test_line_ends_reach_the_processes_as_they_are(pipeline: Path) -> None:
    text = BOOK[:20_000].replace("\n", "\r\n") + "\rBerlin\r\n\n\u2028Paris ä „Merkel“\n"
    analyzer = Analyzer("de", str(pipeline))
    two = _mentions(analyzer, text, workers=2)
    assert two == _mentions(analyzer, text, in_process=True)
    assert all(text[m.start:m.end] == m.text for m in two)
    assert {m.text for m in two} >= {"Berlin", "Paris", "Merkel"}


async def test_quitting_the_app_mid_analysis_ends_its_processes(pipeline: Path) -> None:
    from tests.ui_helpers import SIZE, make_app, reading

    analyzer = Analyzer("de", str(pipeline))
    app = make_app(text=BOOK * 60, analyse=functools.partial(analyzer.stream,
                                                             batch_chars=2000, workers=2))
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + 60
        while reading(app).document is None and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert 0 < reading(app).progress < 1.0  # analysing
        assert processes.live() == 2
    assert processes.live() == 0  # the reading screen went away: its processes ended


@pytest.mark.skipif(not processes.FORKS, reason="copies are forked on Linux only")
def test_a_books_second_process_is_a_copy_of_the_first(
        pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    spawn = processes._spawn

    def counted(*args: object) -> object:
        started.append(args)
        return spawn(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(processes, "_spawn", counted)
    analyzer = Analyzer("de", str(pipeline))
    assert _mentions(analyzer, workers=2) == _mentions(analyzer, in_process=True)
    assert len(started) == 1  # one process started (the pipeline loaded once), not two
    updates = analyzer.stream(BOOK * 20, batch_chars=300, workers=2)
    next(updates)
    assert processes.live() == 2
    (first,) = [p for p in processes._live if isinstance(p, subprocess.Popen)]
    assert _wait_for(lambda: len(children(first.pid)) == 1)  # the copy, analysing
    (copy,) = children(first.pid)
    processes.stop()
    assert _wait_for(lambda: not alive(copy), seconds=5)  # it ended with the first
    assert processes.live() == 0


@pytest.mark.skipif(not processes.FORKS, reason="copies are forked on Linux only")
def test_a_copy_answers_after_the_process_that_forked_it_is_done(pipeline: Path) -> None:
    # a regression would leave a read below waiting for ever: the watchdog then ends every
    # analysis process, so the read meets the end of output and the test fails
    watchdog = threading.Timer(60, processes.stop)
    watchdog.start()
    try:
        first, copy = processes._spawn(Analyzer("de", str(pipeline)).choice, 1)
        assert first.stdin is not None and first.stdout is not None
        assert copy.stdin is not None and copy.stdout is not None
        first.stdin.write(f"{len(BOOK)}\n{BOOK}")  # its text and no job: done at once
        first.stdin.close()
        assert first.stdout.read() == ""  # done: its output ended
        copy.stdin.write(f"{len(BOOK)}\n{BOOK}" + json.dumps([0, [[0, len(PARAGRAPHS[0])]]])
                         + "\n")
        copy.stdin.close()
        answer = json.loads(copy.stdout.readline())  # the copy still answers
        assert answer["j"] == 0 and {m[2] for m in answer["m"]} >= {"Angela Merkel", "Berlin"}
        assert isinstance(first, subprocess.Popen)
        assert first.wait(timeout=30) == 0  # and the first ended once its copy had
    finally:
        watchdog.cancel()
