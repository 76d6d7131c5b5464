"""While a book is analysed, its results wait for a pause in the keys (keys first), and
Python's cycle collector runs in those pauses only; an article's results come at once."""

from __future__ import annotations

import gc
import sys
import threading

import pytest
from textual.pilot import Pilot

from reader.core import processes
from reader.ui.app import ReaderApp
from reader.ui.screens.reading import UPDATE_EVERY, ReadingScreen
from reader.ui.screens.reading_pacing import KEYS_PAUSE
from tests.conftest import SAMPLE_DE
from tests.fakes import SAMPLE_NAMES, fake_analyse
from tests.ui_helpers import SIZE, entity_rows, make_app, reading, settle


def _book() -> str:
    sample = SAMPLE_DE.read_text(encoding="utf-8")
    return "\n\n".join([sample] * (processes.PARALLEL_FROM // len(sample) + 2))


async def first_result(pilot: Pilot[None], app: ReaderApp) -> ReadingScreen:
    """The reading screen, once it shows the analysis's first result."""
    for _ in range(100):
        await pilot.pause(0.05)
        if reading(app).document is not None:
            break
    return reading(app)


async def test_a_books_result_waits_for_a_pause_in_the_keys() -> None:
    gate = threading.Event()
    app = make_app(_book(), analyse=fake_analyse(SAMPLE_NAMES, steps=2, gates=[gate]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await first_result(pilot, app)
        first = screen.document
        assert first is not None and screen.progress == 0.5
        assert not gc.isenabled()  # the collector waits for the pauses too
        assert not screen.analysed
        await pilot.press("j")  # reading: the next result must not cut in
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.document is first and screen.progress == 0.5
        assert screen.analysed  # complete, only waiting to be shown
        await pilot.pause(KEYS_PAUSE + 0.3)  # a pause: now it is shown
        await settle(pilot)
        assert screen.progress == 1.0 and screen.document is not first
        assert any(row.startswith("▍Wladimir Putin") for row in entity_rows(app))
        assert gc.isenabled()


async def test_an_articles_result_is_shown_at_once() -> None:
    gate = threading.Event()
    app = make_app(analyse=fake_analyse(SAMPLE_NAMES, steps=2, gates=[gate]))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if reading(app).document is not None:
                break
        await pilot.press("j")
        gate.set()
        await settle(pilot)
        assert reading(app).progress == 1.0
        assert gc.isenabled()


async def test_a_books_partial_results_are_spaced_by_what_showing_costs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Showing a result takes a core the analysis could use: the next partial result waits
    SHOW_PAUSE times as long as the last took to show; the last result comes at once."""
    monkeypatch.setattr("reader.ui.screens.reading_pacing.SHOW_PAUSE", 10_000.0)
    gates = [threading.Event(), threading.Event()]
    app = make_app(_book(), analyse=fake_analyse(SAMPLE_NAMES, steps=3, gates=gates))
    async with app.run_test(size=SIZE) as pilot:
        screen = await first_result(pilot, app)
        first = screen.raw_document
        assert first is not None and screen.progress == pytest.approx(1 / 3)
        await pilot.pause(UPDATE_EVERY + 0.1)  # (the worker passes results this often)
        gates[0].set()  # the second partial result: it waits (showing costs > 0)
        await pilot.pause(KEYS_PAUSE + 0.3)
        assert screen.raw_document is first and screen.progress == pytest.approx(1 / 3)
        gates[1].set()  # the last one: at once
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await settle(pilot)
        assert screen.progress == 1.0 and screen.raw_document is not first


async def test_the_app_takes_the_interpreter_back_within_a_millisecond() -> None:
    """While a book is analysed in a thread, the event loop waits at most this long for
    Python's lock each time it asks (keys p99 68 -> 33 ms on a 5 MB book, make bench)."""
    sys.setswitchinterval(0.005)
    try:
        app = make_app()
        async with app.run_test(size=SIZE):
            assert sys.getswitchinterval() <= 0.001
    finally:
        sys.setswitchinterval(0.005)
