"""reader's benchmarks: each figure beside the floor it cannot beat, measured in one run.

    python -m benchmarks.run [--quick] [--only PART ...]

Prints a table and writes ``benchmarks/results.json``. Benchmarks are not tests: nothing
here passes or fails; the targets are shown for comparison.  Every input is built from
``sample_articles/``, so no corpus is needed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import books, extract, linking, models, terminal

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_articles" / "article-de-putin-kim-beijing.txt"
RESULTS = Path(__file__).resolve().parent / "results.json"
PARTS = ["startup", "analysis", "lookups", "linking", "extract", "pipelines", "books"]


def best_of(n: int, cmd: list[str]) -> float:
    return min(books.wall(cmd) for _ in range(n))


def startup(repeats: int) -> dict[str, Any]:
    """``reader SAMPLE`` in a terminal (:mod:`benchmarks.terminal`): until the article's
    text is on it, and until the title bar counts its entities; best of ``repeats``."""
    from reader.core import pipelines

    text = SAMPLE.read_text(encoding="utf-8")
    word = re.search(r"\b[a-zäöüß]{8,}\b", text[:2000])  # a word of the first screen
    assert word is not None
    marks = {"paint": re.escape(word.group()), "entities": r"\b[1-9][0-9]* entities"}
    runs = [terminal.seen(["--no-lookups", str(SAMPLE)], marks) for _ in range(repeats)]
    bundled = str(pipelines.bundled_path("de"))
    return {
        "first_paint_s": round(min(r["paint"] for r in runs), 3),
        "entities_shown_s": round(min(r["entities"] for r in runs), 3),
        "floor_import_textual_s": best_of(repeats, [sys.executable, "-c", "import textual.app"]),
        "floor_spacy_load_s": best_of(repeats, [sys.executable, "-c",
                                                f"import spacy; spacy.load({bundled!r})"]),
    }


def analysis(text: str) -> dict[str, Any]:
    import spacy

    from reader.core import pipelines
    from reader.core.analysis import Analyzer
    from reader.core.ner import blocks

    analyzer = Analyzer("de")
    start = time.perf_counter()
    spacy.load(pipelines.bundled_path("de"))
    load_s = time.perf_counter() - start
    nlp = analyzer.nlp
    spans = list(blocks(text))
    texts = [text[s:e].replace("\n", " ") for s, e in spans]
    tokens = sum(len(d) for d in nlp.pipe(texts[:50]))  # warm up
    raw, ours = [], []
    for _ in range(3):
        start = time.perf_counter()
        tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        raw.append(time.perf_counter() - start)
        start = time.perf_counter()
        analyzer.analyse(text)
        ours.append(time.perf_counter() - start)
    return {"chars": len(text), "tokens": tokens, "pipeline_load_s": round(load_s, 3),
            "reader_tokens_per_s": round(tokens / min(ours)),
            "raw_nlp_pipe_tokens_per_s": round(tokens / min(raw)),
            "overhead_ratio": round(min(ours) / min(raw), 3)}


async def lookups(n_prefetch: int) -> dict[str, Any]:
    from reader.tools.stubwiki import StubPage, StubWiki, serve
    from reader.wiki.cache import Cache
    from reader.wiki.client import WikiClient
    from reader.wiki.service import LookupService

    wiki = StubWiki()
    names = [f"Person {i:03d}" for i in range(n_prefetch)]
    for i, name in enumerate(names):
        if i % 20 == 0:  # one in twenty is ambiguous
            wiki.add("de", StubPage(name, "steht für:", disambiguation=True,
                                    links=[f"{name} (Politiker)", f"{name} (Maler)"]))
            for sub in (f"{name} (Politiker)", f"{name} (Maler)"):
                wiki.add("de", StubPage(sub, f"{sub} ist eine Person. Mehr nicht.", "Person"))
        else:
            wiki.add("de", StubPage(name, f"{name} ist eine Person. Sie lebt.", "eine Person"))
    server = serve(0, latency=0.05, wiki=wiki)
    port = server.server_address[1]
    api = f"http://127.0.0.1:{port}/{{lang}}/w/api.php"
    out: dict[str, Any] = {"stub_latency_ms": 50}
    with tempfile.TemporaryDirectory() as tmp:
        service = LookupService(WikiClient(api), Cache(Path(tmp)))
        cold = []
        for name in names[1:21]:
            start = time.perf_counter()
            await service.lookup(name, "de")
            cold.append((time.perf_counter() - start) * 1000)
        out["cold_lookup_p50_ms"] = round(statistics.median(cold), 1)
        warm = []
        for _ in range(50):
            for name in names[1:21]:
                start = time.perf_counter()
                await service.lookup(name, "de")
                warm.append((time.perf_counter() - start) * 1000)
        warm.sort()
        out["cached_lookup_p50_ms"] = round(warm[len(warm) // 2], 3)
        out["cached_lookup_p99_ms"] = round(warm[int(len(warm) * 0.99)], 3)
    with tempfile.TemporaryDirectory() as tmp:
        service = LookupService(WikiClient(api), Cache(Path(tmp)))
        before = len(wiki.requests)
        start = time.perf_counter()
        summary = await service.prefetch(names, "de")
        out["prefetch_entities"] = n_prefetch
        out["prefetch_ambiguous"] = summary.ambiguous
        out["prefetch_requests"] = len(wiki.requests) - before
        out["prefetch_request_target"] = -(-n_prefetch // 50) + summary.ambiguous
        out["prefetch_wall_s"] = round(time.perf_counter() - start, 2)
    server.shutdown()
    return out


def scale(quick: bool) -> dict[str, Any]:
    """Books of 1, 5 (and 20) MB: app, annotate, floors, memory, keys; the 1 MB reopened.
    The 1 and 5 MB books are measured twice (once with ``quick``): on this kind of machine
    one run of the same thing differs from the next by up to a tenth."""
    from benchmarks.bigtext import book

    repeats = 1 if quick else 2  # times: the best of each; keys: every run's
    out: dict[str, Any] = {"1mb": books.book(book(1), keys=20, repeats=repeats),
                           "reopen_1mb": books.reopen(book(1))}
    if not quick:
        out["5mb"] = books.book(book(5), keys=150, repeats=repeats)
        out["20mb"] = books.book(book(20), keys=0, with_annotate=False)
    return out


def machine() -> dict[str, Any]:
    from reader.core import pipelines

    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "pipeline_de": str(pipelines.choose("de").describe())}


ROWS = [
    ("start-up", "first paint, German sample (s)", ("startup", "first_paint_s"), "≤ 1.6×",
     ("startup", "floor_import_textual_s"), "python -c 'import textual.app'"),
    ("start-up", "entities shown, German sample (s)", ("startup", "entities_shown_s"),
     "≤ 1.15×", ("startup", "floor_spacy_load_s"), "python -c 'spacy.load(bundled)'"),
    ("analysis", "reader tokens/s", ("analysis", "reader_tokens_per_s"), "",
     ("analysis", "raw_nlp_pipe_tokens_per_s"), "raw nlp.pipe tokens/s"),
    ("analysis", "bundled pipeline load, spaCy imported (s)", ("analysis", "pipeline_load_s"),
     "≤ 0.5", None, ""),
    ("analysis", "overhead vs nlp.pipe (×)", ("analysis", "overhead_ratio"), "≤ 1.15",
     None, "1.0"),
    ("pipelines", "de: tokens/s, new pipeline", ("pipelines", "de", "new_tokens_per_s"), "≥ 20000",
     ("pipelines", "de", "old_tokens_per_s"), "pipeline it replaced, same text"),
    ("pipelines", "de: speed new / old (×)", ("pipelines", "de", "speed_ratio_new_to_old"), "",
     None, "1.0"),
    ("pipelines", "de: load (s), size (MB)", ("pipelines", "de", "new_load_s"), "≤ 0.5",
     ("pipelines", "de", "new_size_mb"), "MB on disk, ≤ 20"),
    ("pipelines", "en: tokens/s, new pipeline", ("pipelines", "en", "new_tokens_per_s"), "≥ 20000",
     ("pipelines", "en", "old_tokens_per_s"), "pipeline it replaced, same text"),
    ("pipelines", "en: speed new / old (×)", ("pipelines", "en", "speed_ratio_new_to_old"), "",
     None, "1.0"),
    ("pipelines", "en: load (s), size (MB)", ("pipelines", "en", "new_load_s"), "≤ 0.5",
     ("pipelines", "en", "new_size_mb"), "MB on disk, ≤ 20"),
    ("lookups", "cached lookup p50 (ms)", ("lookups", "cached_lookup_p50_ms"), "", None, ""),
    ("lookups", "cached lookup p99 (ms)", ("lookups", "cached_lookup_p99_ms"), "≤ 5", None, ""),
    ("lookups", "cold lookup p50 (ms)", ("lookups", "cold_lookup_p50_ms"), "",
     ("lookups", "stub_latency_ms"), "stub latency (ms)"),
    ("lookups", "prefetch 200: requests", ("lookups", "prefetch_requests"), "≤ 1.0×",
     ("lookups", "prefetch_request_target"), "⌈n/50⌉ + ambiguous"),
    ("lookups", "prefetch 200: wall (s)", ("lookups", "prefetch_wall_s"), "", None, ""),
    ("lookups", "linking accuracy (mentions)", ("linking", "accuracy"), "≥ 0.95",
     ("linking", "mentions"), "mentions in the linking set"),
    ("formats", "200 KB page: article extracted (s)", ("extract", "extract_best_s"), "< 0.5",
     ("extract", "extract_median_s"), "median of 5"),
]
for _mb in ("1", "5"):
    _key = f"{_mb}mb"
    ROWS += [
        ("books", f"{_mb} MB: app, full index (s)", ("scale", _key, "app_full_index_s"),
         "≤ 0.65×", ("scale", _key, "floor_load_and_pipe_s"), "one process: load + nlp.pipe"),
        ("books", f"{_mb} MB: reader annotate (s)", ("scale", _key, "annotate_s"), "≤ 0.65×",
         ("scale", _key, "floor_load_and_pipe_s"), "one process: load + nlp.pipe"),
        ("books", f"{_mb} MB: two processes, half each (s)",
         ("scale", _key, "two_processes_halves_s"), "",
         ("scale", _key, "floor_load_and_pipe_s"), "one process: load + nlp.pipe"),
        ("books", f"{_mb} MB: first paint, headless (s)", ("scale", _key, "first_paint_s"), "",
         ("startup", "floor_import_textual_s"), "import textual.app"),
        ("books", f"{_mb} MB: first entities shown (s)", ("scale", _key, "entities_shown_s"),
         "", None, ""),
        ("books", f"{_mb} MB: key latency p99 while analysed (ms)",
         ("scale", _key, "key_latency_p99_ms"), "≤ 50", None, ""),
    ]
ROWS += [
    ("books", "1 MB reopened: all entities shown (s)", ("scale", "reopen_1mb",
     "all_entities_shown_s"), "≤ 1.5×", ("scale", "reopen_1mb", "first_paint_s"),
     "first paint, same run"),
    ("memory", "1 MB: peak RSS, app + processes (MB)", ("scale", "1mb", "peak_rss_mb"), "",
     ("scale", "1mb", "peak_rss_app_mb"), "app alone"),
    ("memory", "5 MB: peak RSS, app + processes (MB)", ("scale", "5mb", "peak_rss_mb"),
     "≤ 700", ("scale", "5mb", "peak_rss_app_mb"), "app alone"),
    ("memory", "20 MB: peak RSS, app + processes (MB)", ("scale", "20mb", "peak_rss_mb"), "",
     ("scale", "20mb", "peak_rss_app_mb"), "app alone"),
    ("memory", "20 MB: app, full index (s)", ("scale", "20mb", "app_full_index_s"), "",
     None, ""),
]


def _get(results: dict[str, Any], key: tuple[str, ...], default: Any) -> Any:
    value: Any = results
    for part in key:
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def table(results: dict[str, Any]) -> str:
    """The figures, each beside its floor and the ratio of the two."""
    lines = [f"{'area':9} {'figure':44} {'value':>9} {'ratio':>8} {'target':>8}   floor",
             "-" * 118]
    for area, label, key, target, floor_key, floor_label in ROWS:
        value = _get(results, key, None)
        floor = None if floor_key is None else _get(results, floor_key, None)
        ratio = ""
        if isinstance(value, (int, float)) and isinstance(floor, (int, float)) and floor:
            ratio = f"{value / floor:.2f}×"
        if isinstance(floor, float):
            floor = round(floor, 3)
        floor_text = f"{floor} ({floor_label})" if floor is not None else floor_label
        shown = "—" if value is None else value
        lines.append(f"{area:9} {label:44} {shown!s:>9} {ratio:>8} {target:>8}   {floor_text}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true",
                    help="fewer repeats; books of 1 MB only (no 5 and 20 MB)")
    ap.add_argument("--only", nargs="+", choices=PARTS, default=PARTS, metavar="PART",
                    help=f"measure only these parts ({', '.join(PARTS)}); the results file "
                         "keeps the others' last figures")
    args = ap.parse_args()
    results: dict[str, Any] = {"machine": machine(), "inputs": {"sample": SAMPLE.name},
                               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                               "load_average_before": os.getloadavg()}
    if set(args.only) != set(PARTS) and RESULTS.exists():
        kept = json.loads(RESULTS.read_text(encoding="utf-8"))
        results.update({k: kept[k] for k in ("startup", "analysis", "lookups", "linking",
                                             "extract", "pipelines", "scale") if k in kept})
    if "startup" in args.only:
        results["startup"] = startup(1 if args.quick else 3)
    if "analysis" in args.only:
        results["analysis"] = analysis((SAMPLE.read_text(encoding="utf-8") + "\n\n") * 40)
    if "lookups" in args.only:
        results["lookups"] = asyncio.run(lookups(200))
    if "linking" in args.only:
        results["linking"] = {k: v for k, v in linking.linking().items() if k != "errors"}
    if "extract" in args.only:
        results["extract"] = extract.extraction()
    if "pipelines" in args.only:
        results["pipelines"] = {lang: models.compare(lang) for lang in ("de", "en")}
    if "books" in args.only:
        results["scale"] = scale(args.quick)
    results["inputs"]["scale"] = "benchmarks/data/de-{1,5,20}mb.txt (the German sample, " \
        "repeated: benchmarks/bigtext.py)"
    results["load_average"] = os.getloadavg()
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(table(results))
    print(f"\nload average before / after: {results['load_average_before']} / "
          f"{results['load_average']}; written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
