"""Run in a child process: open reader headless on a file and report timings on stdout.

Prints ``paint <s>`` when the article is first on screen, ``entities <s>`` when the
first entities are shown, ``index <s>`` when the analysis is complete, and ``key <ms>``
for key presses made while the analysis is still running. Times are seconds since the
interpreter started (``READER_T0`` passed by the parent)."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import Any

T0 = float(os.environ.get("READER_T0", time.time()))


def now() -> float:
    return time.time() - T0


async def main(path: str, keys: int) -> None:
    from reader.core.analysis import Analyzer
    from reader.core.source import read_source
    from reader.ui.app import ReaderApp

    source = read_source(path)
    analyzer = Analyzer.for_text(source.text)
    from reader.ui.widgets.article import ArticleView

    renders: list[tuple[float, int]] = []
    original = ArticleView.render_line

    def render_line(self: ArticleView, y: int) -> Any:
        if y == 0:
            renders.append((time.perf_counter(), self.scroll_offset.y))
        return original(self, y)

    ArticleView.render_line = render_line  # type: ignore[method-assign]

    class Probe(ReaderApp):
        def on_mount(self) -> None:
            # (Textual runs ReaderApp.on_mount too: calling it here would open two screens)
            self.call_after_refresh(lambda: print(f"paint {now():.3f}", flush=True))

    import functools
    stream = functools.partial(analyzer.stream, batch_chars=int(os.environ.get("BATCH", 50000)))
    app = Probe(source, analyzer.language, stream, analyzer.choice.describe())
    async with app.run_test(size=(140, 45)) as pilot:
        from reader.ui.screens.reading import ReadingScreen

        view = next(s for s in app.screen_stack if isinstance(s, ReadingScreen))
        shown = False
        latencies: list[float] = []
        while view.progress < 1.0 or not shown:
            if not shown and view.document is not None and view.document.entities:
                shown = True
                print(f"entities {now():.3f}", flush=True)
            if len(latencies) < keys and view.progress < 1.0:
                # a key press while the analysis runs: time until the article is redrawn
                # at its new position (not Pilot's own idle waits)
                before = view.article.scroll_offset.y
                start = time.perf_counter()
                press = asyncio.create_task(pilot.press("j"))
                while not any(t > start and y != before for t, y in renders):
                    await asyncio.sleep(0.001)
                done_at = min(t for t, y in renders if t > start and y != before)
                latencies.append((done_at - start) * 1000)
                await press
                renders.clear()
            await asyncio.sleep(0.2)
        for ms in latencies:
            print(f"key {ms:.1f}", flush=True)
        print(f"index {now():.3f}", flush=True)
    import resource

    # peak resident memory of the app process and of its analysis worker (a child)
    print(f"rss_app {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}", flush=True)
    print(f"rss_worker {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}",
          flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
