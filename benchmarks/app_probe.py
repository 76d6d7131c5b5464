"""Run in a child process: open reader headless on a file, as ``reader FILE --no-lookups``
does (a process warmed up first, the command line's imports, the analysis cache as
``READER_ANALYSIS_CACHE`` says), and report timings on stdout.

    python -m benchmarks.app_probe FILE [KEYS]

Prints ``paint <s>`` when the article is first on screen, ``entities <s>`` when the
first entities are on screen, ``index <s>`` when the complete analysis is on screen, and
``key <ms>`` for each of up to KEYS key presses made while the analysis is still running,
and ``cpu_app <s>``, the processor time of the app itself (its processes not counted).
Times are seconds since the parent started this process (``READER_T0``)."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import Any

T0 = float(os.environ.get("READER_T0", time.time()))


def now() -> float:
    """Seconds since the parent started this process."""
    return time.time() - T0


async def main(path: str, keys: int) -> None:
    """Open ``path`` headless, report the timings, press ``keys`` keys while analysing."""
    from reader.core.processes import warm_up

    warm_up()  # as reader.cli.main does for the app
    import reader.cli.commands  # noqa: F401  (the command line's imports, as at start-up)
    from reader.cli.analysing import for_app
    from reader.core.analysis import Analyzer
    from reader.core.language import identify
    from reader.core.source import read_source

    source = read_source(path)
    analyzer = Analyzer(identify(source.text).language)
    analyse = for_app(analyzer, source.text)
    from reader.ui.app import ReaderApp
    from reader.ui.screens.reading import ReadingScreen
    from reader.ui.widgets.article import ArticleView

    renders: list[tuple[float, int]] = []
    original = ArticleView.render_line

    def render_line(self: ArticleView, y: int) -> Any:
        if y == 0:
            renders.append((time.perf_counter(), self.scroll_offset.y))
        return original(self, y)

    ArticleView.render_line = render_line  # type: ignore[method-assign]
    events: set[str] = set()  # reported
    shown: set[str] = set()  # and on screen

    class Probe(ReaderApp):
        def on_mount(self) -> None:
            # (Textual runs ReaderApp.on_mount too: calling it here would open two screens)
            self.call_after_refresh(lambda: print(f"paint {now():.3f}", flush=True))

    def report(event: str) -> None:
        """Print ``event`` once, after the reading screen has been refreshed with it (its
        own call_after_refresh: the app's runs when the app is idle, which can be before
        the screen has laid out and drawn what changed)."""
        if event not in events:
            events.add(event)

            def on_screen() -> None:
                shown.add(event)
                print(f"{event} {now():.3f}", flush=True)

            view.call_after_refresh(on_screen)

    app = Probe(source, analyzer.language, analyse, analyzer.choice.describe())
    async with app.run_test(size=(140, 45)) as pilot:
        while not any(isinstance(s, ReadingScreen) for s in app.screen_stack):
            await asyncio.sleep(0.005)
        view = next(s for s in app.screen_stack if isinstance(s, ReadingScreen))

        def on_document(doc: Any) -> None:
            if doc is not None and doc.entities:
                report("entities")
            if view.progress >= 1.0 and doc is not None:
                report("index")

        app.watch(view, "document", on_document)  # (init: it may be there already)
        latencies: list[float] = []
        while "index" not in events or "entities" not in events:
            # keys from when the first entities are on screen until the book is analysed
            # (its result then waits for a pause in the keys: pressing on would hold it)
            if len(latencies) < keys and not view.analysed and "entities" in shown:
                latencies.append(await _press(pilot, view, renders,
                                              "j" if len(latencies) % 2 == 0 else "k"))
                await asyncio.sleep(0.1)
            else:
                await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)  # the last report is printed after the refresh
        for ms in latencies:
            print(f"key {ms:.1f}", flush=True)
        await app.workers.wait_for_complete()  # the analysis stored in the cache
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    print(f"cpu_app {own.ru_utime + own.ru_stime:.2f}", flush=True)  # the app's own share


async def _press(pilot: Any, view: Any, renders: list[tuple[float, int]], key: str) -> float:
    """Milliseconds from a key press until the article is redrawn at its new position
    (not Pilot's own idle waits); 1000 if it never is."""
    renders.clear()
    before = view.article.scroll_offset.y
    start = time.perf_counter()
    press = asyncio.create_task(pilot.press(key))
    while not any(t > start and y != before for t, y in renders):
        if time.perf_counter() - start > 1.0:
            break
        await asyncio.sleep(0.001)
    moved = [t for t, y in renders if t > start and y != before]
    await press
    return (min(moved) - start) * 1000 if moved else 1000.0


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
