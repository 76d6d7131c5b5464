"""The analysis processes, from the parent's side: started early, given jobs, stopped.

A text is cut into blocks (:func:`reader.core.ner.blocks`) and the blocks into jobs of
about ``batch_chars`` characters. A short text goes to one child process; a book to
:func:`worker_count` of them (two on this project's machines), which take the next job
whenever they answer one, so a slow process never holds the others up. Answers are merged
in the order of the text, so results still arrive progressively and in order.

On Linux a book's second process is not started but forked by the first once its pipeline
is loaded (:class:`Sibling`; see :mod:`reader.core.worker`): one import of spaCy and one
load of the pipeline, not two, while the app starts, and their memory shared.

Every live process is in a registry: :func:`stop` ends them all at once (the app calls it
when its reading screen goes away, so quitting never waits for spaCy), and so does the
interpreter's exit. :func:`prestart` starts processes (spaCy's import and the pipeline's
load, the slow part) before the caller needs them, e.g. while the app draws its first
screen; :func:`warm_up` even before the pipeline is chosen; :func:`stream_mentions`
takes those it finds.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

from reader.core.consistency import Words
from reader.core.model import Mention
from reader.core.pipelines import PipelineChoice
from reader.core.worker import SIBLINGS_ENV, Span, from_rows

PARALLEL_FROM = 250_000  # characters: shorter texts go to one process (no second start-up)
MAX_PROCESSES = 2
IN_FLIGHT = 2  # jobs handed to a process ahead of its answers, so it never waits
TEXT_PIECE = 1 << 20  # characters of the text written at once
FIRST_JOB = 4_000  # characters: the first jobs are small, so the first entities come soon

# a started process can fork this many copies of itself once its pipeline is loaded
FORKS = MAX_PROCESSES - 1 if sys.platform.startswith("linux") else 0


class Sibling:
    """A copy of an analysis process, forked by it once its pipeline is loaded, as this
    process sees it: the pipes it answers on (it is not this process's child). It ends at
    the end of its input, and with the process that forked it."""

    def __init__(self, stdin_fd: int, stdout_fd: int) -> None:
        self.stdin: IO[str] = open(stdin_fd, "w", encoding="utf-8")  # noqa: SIM115
        self.stdout: IO[str] = open(stdout_fd, encoding="utf-8")  # noqa: SIM115
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while it may be running (as :meth:`subprocess.Popen.poll`)."""
        return self.returncode

    def kill(self) -> None:
        """Close its pipes: it ends at once if the process that forked it is killed too,
        else when it next reads or writes."""
        self.returncode = -9
        for pipe in (self.stdin, self.stdout):
            with contextlib.suppress(OSError):
                pipe.close()

    def wait(self) -> int:
        """Its status as far as this process knows it."""
        return -9 if self.returncode is None else self.returncode


Proc = subprocess.Popen[str] | Sibling
# one thread per process: the processes are the parallelism (no oversubscribed cores)
ONE_THREAD = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}

_lock = threading.Lock()
_live: set[Proc] = set()
_ready: list[tuple[PipelineChoice, Proc]] = []  # started ahead, not yet used
_warm: list[Proc] = []  # started before the pipeline was chosen
_copies: dict[Proc, list[Sibling]] = {}  # a process's copies, until its pipeline is chosen
_stops = 0  # how many times stop() was called: a run started before the last one ends


def worker_count(chars: int) -> int:
    """How many processes analyse a text of ``chars`` characters."""
    if chars < PARALLEL_FROM:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_PROCESSES, cores))


def _spawn(choice: PipelineChoice | None, forks: int = 0) -> list[Proc]:
    """A new process (loading ``choice`` if given, with ``forks`` copies of it)."""
    pipes = [(os.pipe(), os.pipe()) for _ in range(FORKS)]  # (to a copy, from it)
    ends = [(to_copy[0], from_copy[1]) for to_copy, from_copy in pipes]  # the process's
    proc = subprocess.Popen([sys.executable, "-m", "reader.core.worker"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, encoding="utf-8",
                            pass_fds=[fd for pair in ends for fd in pair],
                            env={**os.environ, **ONE_THREAD,
                                 SIBLINGS_ENV: ";".join(f"{i},{o}" for i, o in ends)})
    for fd in (fd for pair in ends for fd in pair):
        os.close(fd)
    with _lock:
        _live.add(proc)
        _copies[proc] = [Sibling(to_copy[1], from_copy[0]) for to_copy, from_copy in pipes]
    if choice is None:
        return [proc]
    return _choose(proc, choice, forks)


def _choose(proc: Proc, choice: PipelineChoice, forks: int = 0) -> list[Proc]:
    """Tell a process which pipeline to load, and to fork up to ``forks`` copies of itself
    then; the process and those copies."""
    assert proc.stdin is not None
    with _lock:
        copies = _copies.pop(proc, [])
        used, unused = copies[:max(forks, 0)], copies[max(forks, 0):]
        _live.update(used)
    for copy in unused:
        copy.kill()
    header = {"name": choice.name, "kind": choice.kind, "location": choice.location,
              "siblings": len(used)}
    with contextlib.suppress(OSError, ValueError):  # a dead process: the run reports it
        proc.stdin.write(json.dumps(header) + "\n")
        proc.stdin.flush()
    return [proc, *used]


def _started(count: int) -> int:
    """How many processes to start for ``count`` (each forks copies of itself)."""
    return -(-count // (1 + FORKS))


def warm_up(count: int = 1) -> None:
    """Start processes importing spaCy for ``count`` analysing ones before the pipeline is
    even chosen (the first thing the app and ``reader annotate`` do): :func:`prestart`
    and :func:`stream_mentions` take them, :func:`cool_down` ends those not taken."""
    procs = [p for _ in range(_started(count)) for p in _spawn(None)]
    with _lock:
        _warm.extend(procs)


def cool_down() -> None:
    """End the processes :func:`warm_up` started that were not needed (a cached text)."""
    with _lock:
        idle = _warm[:]
        _warm.clear()
    for proc in idle:
        _end(proc)


def _assign(choice: PipelineChoice, count: int) -> list[Proc]:
    """Up to ``count`` processes from those warmed up (and their copies), now loading
    ``choice``."""
    with _lock:
        taken = [p for p in _warm if p.poll() is None][:_started(count)]
        _warm[:] = [p for p in _warm if p not in taken and p.poll() is None]
    chosen: list[Proc] = []
    for proc in taken:
        chosen += _choose(proc, choice, count - len(chosen) - 1)  # (as many as wanted)
    return chosen


def _new(choice: PipelineChoice, count: int) -> list[Proc]:
    """``count`` new processes (and copies) loading ``choice``."""
    procs: list[Proc] = []
    while len(procs) < count:
        procs += _spawn(choice, count - len(procs) - 1)
    return procs


def prestart(choice: PipelineChoice, count: int = 1) -> None:
    """Start ``count`` processes loading ``choice`` now, for the next analysis to take."""
    with _lock:
        have = sum(1 for c, p in _ready if c == choice and p.poll() is None)
    new = _assign(choice, count - have) if count > have else []
    new += _new(choice, count - have - len(new))
    with _lock:
        _ready.extend((choice, p) for p in new)


def _take(choice: PipelineChoice, count: int) -> list[Proc]:
    """``count`` processes for ``choice``: those started ahead first, then new ones."""
    with _lock:
        mine = [p for c, p in _ready if c == choice and p.poll() is None][:count]
        _ready[:] = [(c, p) for c, p in _ready if p not in mine]
    if count > len(mine):
        mine += _assign(choice, count - len(mine))
    return mine + _new(choice, count - len(mine))


def _end(proc: Proc) -> None:
    if proc.poll() is None:
        proc.kill()
    for pipe in (proc.stdin, proc.stdout):
        with contextlib.suppress(OSError):
            if pipe is not None:
                pipe.close()
    proc.wait()
    with _lock:
        _live.discard(proc)
        copies = _copies.pop(proc, [])
    for copy in copies:  # never asked for
        copy.kill()


def stop() -> None:
    """End every analysis process of this interpreter at once; a running
    :func:`stream_mentions` ends quietly (no error, no more results)."""
    global _stops
    with _lock:
        _stops += 1
        procs = list(_live)
        _ready.clear()
        _warm.clear()
    for proc in procs:
        _end(proc)


def live() -> int:
    """How many analysis processes are running (for tests and benchmarks)."""
    with _lock:
        return sum(1 for p in _live if p.poll() is None)


atexit.register(stop)


class _Run:
    """One analysis: jobs handed to processes by one thread each, answers in a queue."""

    def __init__(self, text: str, jobs: list[list[Span]], procs: list[Proc],
                 stops: int) -> None:
        self.jobs = jobs
        self.procs = procs
        self.stops = stops  # stop() calls before this run took its processes
        self.answers: queue.Queue[tuple[int, dict[str, Any] | None]] = queue.Queue()
        self._next = 0
        self._lock = threading.Lock()
        self._text: str | None = text
        self._unsent = len(procs)
        for i, proc in enumerate(procs):
            threading.Thread(target=self._serve, args=(i, proc), daemon=True,
                             name=f"analysis-{i}").start()

    def _hand_out(self, stdin: IO[str], count: int) -> int:
        """Send up to ``count`` jobs; close the input when none are left."""
        with self._lock:
            first = self._next
            self._next = min(len(self.jobs), first + count)
            numbers = range(first, self._next)
        for j in numbers:
            stdin.write(json.dumps([j, self.jobs[j]]) + "\n")
        if self._next >= len(self.jobs):
            stdin.close()
        else:
            stdin.flush()
        return len(numbers)

    def _send_text(self, stdin: IO[str]) -> None:
        """The text's length in characters, a newline, the text (in pieces: no copy of a
        whole book in UTF-8)."""
        try:
            text = self._text or ""
            stdin.write(f"{len(text)}\n")
            for start in range(0, len(text), TEXT_PIECE):
                stdin.write(text[start:start + TEXT_PIECE])
        finally:
            with self._lock:
                self._unsent -= 1
                if not self._unsent:
                    self._text = None

    def _serve(self, i: int, proc: Proc) -> None:
        """Feed one process and pass its answers on; (i, None) once it has ended."""
        assert proc.stdin is not None and proc.stdout is not None
        waiting = 0
        try:
            self._send_text(proc.stdin)
            waiting = self._hand_out(proc.stdin, IN_FLIGHT)
        except (OSError, ValueError):  # a process that died (reported below), or a text
            with contextlib.suppress(OSError, ValueError):  # that cannot be sent: it ends
                proc.stdin.close()
        try:
            for line in proc.stdout:
                answer: dict[str, Any] = json.loads(line)
                self.answers.put((i, answer))
                if "error" in answer:
                    break
                waiting -= 1
                if not proc.stdin.closed:
                    with contextlib.suppress(OSError, ValueError):
                        waiting += self._hand_out(proc.stdin, 1)
        except (OSError, ValueError):
            pass
        self.answers.put((i, None if waiting else {}))

    def results(self) -> Iterator[tuple[list[Mention], int, Words]]:
        """Mentions job by job, in the order of the text, with the offset reached and
        where the job's capitalised words stand."""
        ready: dict[int, tuple[list[Mention], Words]] = {}
        expected = 0
        while expected < len(self.jobs):
            i, answer = self.answers.get()
            if self.stops != _stops:  # stop() was called
                return
            if answer is None:  # ended with jobs unanswered
                proc = self.procs[i]
                raise RuntimeError(
                    f"the analysis process ended unexpectedly ({proc.wait()})")
            if "error" in answer:
                raise RuntimeError(answer["error"])
            if "j" not in answer:  # a process that ended after its last job
                continue
            ready[answer["j"]] = from_rows(answer["m"]), answer.get("w", {})
            while expected in ready:
                mentions, words = ready.pop(expected)
                yield mentions, self.jobs[expected][-1][1], words
                expected += 1


def jobs_of(spans: list[Span], batch_chars: int, processes: int = 1) -> list[list[Span]]:
    """Blocks in jobs of about ``batch_chars`` characters: the first ones smaller (from
    :data:`FIRST_JOB`, doubling), so the start of a book is shown soon; with several
    processes the last ones too (a share of what is left), so they finish together."""
    left = sum(e - s for s, e in spans)
    smallest = size = min(FIRST_JOB, batch_chars)
    jobs: list[list[Span]] = []
    job: list[Span] = []
    chars = 0
    for span in spans:
        job.append(span)
        chars += span[1] - span[0]
        if chars >= size:
            jobs.append(job)
            left -= chars
            job, chars = [], 0
            size = min(size * 2, batch_chars)
            if processes > 1:
                size = max(min(size, left // (2 * processes)), smallest)
    if job:
        jobs.append(job)
    return jobs


def stream_mentions(text: str, choice: PipelineChoice, batch_chars: int = 50_000,
                    processes: int = 1) -> Iterator[tuple[list[Mention], int, Words]]:
    """Mention batches from ``processes`` child processes, in the order of the text, each
    with the offset analysed so far and where its capitalised words stand. Closing the
    generator ends the processes."""
    from reader.core.ner import blocks

    jobs = jobs_of(list(blocks(text)), batch_chars, processes)
    if not jobs:
        return
    stops = _stops
    procs = _take(choice, max(1, min(processes, len(jobs))))
    run = _Run(text, jobs, procs, stops)
    try:
        yield from run.results()
    finally:
        for proc in procs:
            _end(proc)
