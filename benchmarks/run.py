"""reader's benchmarks: each figure beside the floor it cannot beat, measured in one run.

    python -m benchmarks.run [--quick]

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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import models

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_articles" / "article-de-putin-kim-beijing.txt"
RESULTS = Path(__file__).resolve().parent / "results.json"


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def best_of(n: int, cmd: list[str]) -> float:
    return min(wall(cmd) for _ in range(n))


def probe(path: Path, keys: int = 0) -> dict[str, Any]:
    """Run the app headless in a child process; collect its timings and peak RSS."""
    env = {**os.environ, "READER_T0": repr(time.time())}
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.app_probe", str(path), str(keys)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    out: dict[str, Any] = {"key_ms": []}
    assert proc.stdout is not None
    for line in proc.stdout:
        name, value = line.split()
        if name == "key":
            out["key_ms"].append(float(value))
        else:
            out[name] = float(value)
    proc.wait()
    return out


def startup(repeats: int) -> dict[str, Any]:
    from reader.core import pipelines

    runs = [probe(SAMPLE) for _ in range(repeats)]
    bundled = str(pipelines.bundled_path("de"))
    return {
        "first_paint_s": min(r["paint"] for r in runs),
        "entities_shown_s": min(r["entities"] for r in runs),
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


def scale() -> dict[str, Any]:
    from benchmarks.bigtext import ensure

    path = ensure(Path(__file__).resolve().parent / "data" / "de-1mb.txt")
    r = probe(path, keys=10)
    keys = sorted(r["key_ms"]) or [float("nan")]
    return {"file_bytes": path.stat().st_size, "first_paint_s": r["paint"],
            "entities_shown_s": r["entities"], "full_index_s": r["index"],
            "peak_rss_app_mb": r["rss_app"], "peak_rss_worker_mb": r["rss_worker"],
            "peak_rss_mb": r["rss_app"] + r["rss_worker"],
            "key_latency_p50_ms": keys[len(keys) // 2],
            "key_latency_max_ms": keys[-1], "keys_measured": len(r["key_ms"])}


def machine() -> dict[str, Any]:
    from reader.core import pipelines

    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "pipeline_de": str(pipelines.choose("de").describe())}


ROWS = [
    ("start-up", "first paint, German sample (s)", ("startup", "first_paint_s"), "≤ 0.5",
     ("startup", "floor_import_textual_s"), "python -c 'import textual.app'"),
    ("start-up", "entities shown, German sample (s)", ("startup", "entities_shown_s"), "≤ 1.5",
     ("startup", "floor_spacy_load_s"), "python -c 'spacy.load(bundled)'"),
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
    ("lookups", "prefetch 200: requests", ("lookups", "prefetch_requests"), "≤ target",
     ("lookups", "prefetch_request_target"), "⌈n/50⌉ + ambiguous"),
    ("lookups", "prefetch 200: wall (s)", ("lookups", "prefetch_wall_s"), "", None, ""),
    ("scale", "1 MB: first paint (s)", ("scale", "first_paint_s"), "≤ 1",
     ("startup", "floor_import_textual_s"), "import textual.app"),
    ("scale", "1 MB: full index (s)", ("scale", "full_index_s"), "≤ 60", None, ""),
    ("scale", "1 MB: peak RSS, app + worker (MB)", ("scale", "peak_rss_mb"), "≤ 800",
     ("scale", "peak_rss_app_mb"), "app alone"),
    ("scale", "1 MB: key latency max (ms)", ("scale", "key_latency_max_ms"), "≤ 100", None, ""),
]


def _get(results: dict[str, Any], key: tuple[str, ...], default: Any) -> Any:
    value: Any = results
    for part in key:
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def table(results: dict[str, Any]) -> str:
    lines = [f"{'area':9} {'figure':42} {'value':>10} {'target':>9}   floor",
             "-" * 100]
    for area, label, key, target, floor_key, floor_label in ROWS:
        value = _get(results, key, "—")
        floor = "" if floor_key is None else _get(results, floor_key, "")
        if isinstance(floor, float):
            floor = round(floor, 3)
        floor_text = f"{floor} ({floor_label})" if floor != "" else floor_label
        lines.append(f"{area:9} {label:42} {value!s:>10} {target:>9}   {floor_text}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats, no 1 MB run")
    args = ap.parse_args()
    results: dict[str, Any] = {"machine": machine(), "inputs": {"sample": SAMPLE.name}}
    results["startup"] = startup(1 if args.quick else 3)
    results["analysis"] = analysis((SAMPLE.read_text(encoding="utf-8") + "\n\n") * 40)
    results["lookups"] = asyncio.run(lookups(200))
    results["pipelines"] = {lang: models.compare(lang) for lang in ("de", "en")}
    if not args.quick:
        results["scale"] = scale()
        results["inputs"]["scale"] = "benchmarks/data/de-1mb.txt (the German sample, repeated)"
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(table(results))
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
