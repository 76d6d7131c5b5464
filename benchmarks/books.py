"""Book-scale figures: the app and ``reader annotate`` on 1, 5 and 20 MB texts beside the
time one process takes to load the pipeline and run ``nlp.pipe`` over the same text;
reopening a book from the analysis cache; peak memory of the app and its processes; key
latency while a book is analysed. Every figure comes with its floor from the same run."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from reader.core.processes import ONE_THREAD

ROOT = Path(__file__).resolve().parent.parent
FLOOR_PIPE = """
import sys, spacy
from reader.core.ner import blocks
nlp = spacy.load(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
part, parts = (int(a) for a in sys.argv[3:5]) if len(sys.argv) > 4 else (0, 1)
spans = [(s, e) for s, e in blocks(text) if part * len(text) <= s * parts < (part + 1) * len(text)]
texts = [text[s:e].replace("\\n", " ") for s, e in spans]
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    """The processes under ``pid``: its children and theirs (an analysis process's copy)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(
                int(entry.name))
    found, todo = [], [pid]
    while todo:
        kids = parents.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


class PeakMemory:
    """The peak resident memory of a process and of it with every process under it
    (each counted whole: pages a forked copy shares are counted twice), sampled."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        self.pid = pid
        self.every = every
        self.app_kb = 0
        self.total_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            app = _rss_kb(self.pid)
            self.app_kb = max(self.app_kb, app)
            self.total_kb = max(self.total_kb,
                                app + sum(_rss_kb(c) for c in _descendants(self.pid)))

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()


def probe(path: Path, keys: int = 0, cache: str = "off") -> dict[str, Any]:
    """Run the app headless in a child process (``benchmarks.app_probe``); its timings,
    key latencies and peak memory (MB)."""
    env = {**os.environ, "READER_T0": repr(time.time()), "READER_ANALYSIS_CACHE": cache}
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.app_probe", str(path),
                             str(keys)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid) if sys.platform.startswith("linux") else None
    out: dict[str, Any] = {"key_ms": []}
    assert proc.stdout is not None
    for line in proc.stdout:
        name, value = line.split()
        if name == "key":
            out["key_ms"].append(float(value))
        else:
            out[name] = float(value)
    proc.wait()
    if memory is not None:
        memory.stop()
        out["rss_app_mb"] = round(memory.app_kb / 1024)
        out["rss_total_mb"] = round(memory.total_kb / 1024)
    return out


def wall(cmd: list[str], **env: str) -> float:
    """Seconds ``cmd`` takes, output thrown away."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=ROOT, env={**os.environ, **env})
    return time.perf_counter() - start


def floor_pipe(path: Path) -> float:
    """One process: Python, spaCy, the bundled pipeline and ``nlp.pipe`` over the text,
    with one BLAS thread, as each of the app's analysis processes runs."""
    from reader.core.pipelines import bundled_path

    return wall([sys.executable, "-c", FLOOR_PIPE, str(bundled_path("de")), str(path)],
                **ONE_THREAD)


def floor_halves(path: Path) -> float:
    """Two processes side by side, each loading the pipeline and running ``nlp.pipe`` over
    half of the text with one BLAS thread (what two cores can do at best here, before any
    merging)."""
    from reader.core.pipelines import bundled_path

    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", FLOOR_PIPE, str(bundled_path("de")),
                               str(path), str(part), "2"], cwd=ROOT,
                              env={**os.environ, **ONE_THREAD},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for part in range(2)]
    for proc in procs:
        if proc.wait():
            raise RuntimeError(f"the floor process ended with status {proc.returncode}")
    return time.perf_counter() - start


def annotate(path: Path) -> float:
    """``reader annotate FILE`` (no analysis cache)."""
    return wall([sys.executable, "-m", "reader.cli.main", "annotate", str(path)],
                READER_ANALYSIS_CACHE="off")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def book(path: Path, keys: int, with_annotate: bool = True,
         repeats: int = 1) -> dict[str, Any]:
    """The figures of one book: floor, app, annotate, memory, keys. With ``repeats``, each
    is measured that many times, in turn: the best time of each (floor included), the
    highest memory, the key latencies of every run together."""
    out: dict[str, Any] = {"file_bytes": path.stat().st_size, "repeats": repeats}
    floors, halves, apps, annotates = [], [], [], []
    for _ in range(repeats):
        if with_annotate:
            floors.append(floor_pipe(path))
            halves.append(floor_halves(path))
        apps.append(probe(path, keys))
        if with_annotate:
            annotates.append(annotate(path))
    if floors:
        out["floor_load_and_pipe_s"] = round(min(floors), 2)
        out["two_processes_halves_s"] = round(min(halves), 2)
    best = min(apps, key=lambda app: app.get("index", float("inf")))
    key_ms = [ms for app in apps for ms in app["key_ms"]]
    out.update({"first_paint_s": best.get("paint"), "entities_shown_s": best.get("entities"),
                "app_full_index_s": best.get("index"), "app_cpu_s": best.get("cpu_app"),
                "peak_rss_app_mb": max(app.get("rss_app_mb", 0) for app in apps),
                "peak_rss_mb": max(app.get("rss_total_mb", 0) for app in apps),
                "keys_measured": len(key_ms),
                "key_latency_p50_ms": _percentile(key_ms, 0.5),
                "key_latency_p99_ms": _percentile(key_ms, 0.99),
                "key_latency_max_ms": _percentile(key_ms, 1.0)})
    if annotates:
        out["annotate_s"] = round(min(annotates), 2)
    if repeats > 1:
        out["every_run_s"] = {"floor": [round(t, 2) for t in floors],
                              "halves": [round(t, 2) for t in halves],
                              "app": [app.get("index") for app in apps],
                              "annotate": [round(t, 2) for t in annotates]}
    return out


def reopen(path: Path) -> dict[str, Any]:
    """The app on ``path`` twice with one analysis cache: the second time from the cache."""
    with tempfile.TemporaryDirectory() as tmp:
        probe(path, cache=tmp)
        again = probe(path, cache=tmp)
    return {"first_paint_s": again.get("paint"), "all_entities_shown_s": again.get("index"),
            "peak_rss_mb": again.get("rss_total_mb")}
