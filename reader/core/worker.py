"""NER in child processes: spaCy never holds the UI's interpreter lock, and a book is
analysed on every core.

spaCy's Cython code keeps the GIL for long stretches; in a thread it starves the event
loop (seconds per key press on a book). ``python -m reader.core.worker`` loads the
pipeline and answers jobs; the parent (:mod:`reader.core.processes`) hands the jobs out and
merges the answers in order. (A plain subprocess: multiprocessing's spawn does not start
from inside a running Textual app.)

The protocol, UTF-8, one JSON value a line but for the text:

* parent → child: the header ``{"name", "kind", "location"}`` (the child imports spaCy
  before it reads the header, so it can be started before the pipeline is chosen, and
  loads the pipeline while the parent is still busy); the text's length in characters,
  a newline and the text as it is; then jobs ``[number, [[start, end], …]]`` (blocks of
  the text, see :func:`reader.core.ner.blocks`); an empty line or the end of input: no
  more jobs.
* child → parent: ``{"j": number, "m": [[start, end, text, label, base], …], "w": {word:
  [start, …]}}`` per job (its mentions, and where its capitalised words stand), in the
  order received, or ``{"error": "…"}`` once, and it ends.

Siblings: where the parent passes pairs of pipes (:data:`SIBLINGS_ENV`, "in,out;…") and
the header asks for ``"siblings": n``, the process forks n copies of itself once the
pipeline is loaded: each answers on its own pair exactly as above (text, jobs), sharing
the loaded pipeline's memory, so a second core starts without importing spaCy and loading
the pipeline again. A copy ends at the end of its input like any other; the process that
forked it waits for it before it ends itself, and a copy dies with it when it is killed
(Linux).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from reader.core import pipelines
from reader.core.consistency import capitalised_words
from reader.core.model import Mention

if TYPE_CHECKING:
    from spacy.language import Language

Span = tuple[int, int]
SIBLINGS_ENV = "READER_SIBLING_FDS"  # pipes for copies forked after the load: "in,out;…"
PR_SET_PDEATHSIG = 1  # prctl(2): a signal when the parent dies


def rows(mentions: Iterable[Mention]) -> list[list[Any]]:
    """Mentions as JSON rows."""
    return [[m.start, m.end, m.text, m.label, m.base] for m in mentions]


def from_rows(data: Iterable[list[Any]]) -> list[Mention]:
    """Mentions from JSON rows."""
    return [Mention(s, e, t, lab, b) for s, e, t, lab, b in data]


def _serve(nlp: Language, text: str, jobs: Iterable[str], out: Any) -> None:
    from reader.core.ner import base_forms, mentions_in

    base_of = base_forms(nlp)
    for line in jobs:
        if not line.strip():
            return
        number, spans = json.loads(line)
        batch = [(s, e) for s, e in spans]
        found = mentions_in(nlp, text, batch, base_of)
        words = capitalised_words(text, batch)  # (the parent's consistency pass needs them)
        out.write(json.dumps({"j": number, "m": rows(found), "w": words},
                             ensure_ascii=False) + "\n")
        out.flush()


def sibling_pipes() -> list[tuple[int, int]]:
    """The pipes (input, output) the parent passed for copies of this process."""
    spec = os.environ.get(SIBLINGS_ENV, "")
    pairs = [pair.split(",") for pair in spec.split(";") if pair]
    return [(int(fd_in), int(fd_out)) for fd_in, fd_out in pairs]


def _fork(pipes: list[tuple[int, int]], count: int) -> tuple[IO[str], IO[str]] | list[int]:
    """Fork ``count`` copies of this process, the pipeline loaded: in a copy, its input and
    output (on its own pipes); in this process, the copies' process ids. Every passed pipe
    is closed here."""
    parent = os.getpid()
    if count:  # the cycle collector leaves the loaded pipeline's objects alone from now
        gc.freeze()  # on: its passes would write to (and so copy) every page they share
    copies = []
    for i, (fd_in, fd_out) in enumerate(pipes[:count]):
        pid = os.fork()
        if pid == 0:  # the copy: its own pipes; the parent's go to /dev/null
            for fd in (fd for j, pair in enumerate(pipes) if j != i for fd in pair):
                os.close(fd)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)  # (so the parent's pipes end when the parent ends them)
            os.dup2(null, 1)
            os.close(null)
            _die_with(parent)
            return (open(fd_in, encoding="utf-8", newline=""),
                    open(fd_out, "w", encoding="utf-8"))
        copies.append(pid)
    for fd in (fd for pair in pipes for fd in pair):
        os.close(fd)
    return copies


def _outlive(out: IO[str], copies: list[int]) -> None:
    """Done: end this process's output, then wait for its copies (they die with it, and
    one may still be answering its last jobs)."""
    with contextlib.suppress(OSError, ValueError):
        out.flush()
        null = os.open(os.devnull, os.O_WRONLY)  # (closing sys.stdout leaves its
        os.dup2(null, out.fileno())  # descriptor open: the reader would never see the end)
        os.close(null)
    for pid in copies:
        with contextlib.suppress(ChildProcessError, InterruptedError):
            os.waitpid(pid, 0)


def _die_with(parent: int) -> None:
    """End this copy when ``parent`` ends (which waits for it when done: see
    :func:`_outlive`; killed, it cannot close the pipes for it)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended already
        os._exit(0)


def _fail(outs: list[IO[str]], exc: Exception) -> None:
    for out in outs:
        with contextlib.suppress(OSError, ValueError):
            out.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
            out.flush()


def _main() -> None:
    # the text is read as sent: line ends untranslated, so offsets are the parent's
    sys.stdin.reconfigure(encoding="utf-8", newline="")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    stdin: IO[str] = sys.stdin
    out: IO[str] = sys.stdout
    pipes = sibling_pipes()
    try:
        import spacy  # noqa: F401  (the slow part: before the header, which may come later)

        import reader.core.ner  # noqa: F401

        header = json.loads(stdin.readline())
        choice = pipelines.PipelineChoice(header["name"], header["kind"], header["location"])
        siblings = int(header.get("siblings", 0))
        try:
            nlp = pipelines.load(choice)
        except Exception as exc:  # the copies that were asked for report it too
            _fail([open(fd_out, "w", encoding="utf-8")  # noqa: SIM115
                   for _, fd_out in pipes[:siblings]], exc)
            raise
        forked = _fork(pipes, siblings)
        if isinstance(forked, tuple):  # this is a copy
            stdin, out = forked
        length = stdin.readline()
        if length.strip():
            text = stdin.read(int(length))
            if len(text) == int(length):
                _serve(nlp, text, stdin, out)
        if isinstance(forked, list):
            _outlive(out, forked)
    except Exception as exc:  # reported to the parent, shown in the UI
        _fail([out], exc)
    except KeyboardInterrupt:  # ctrl+c reaches the whole process group: end quietly
        pass


if __name__ == "__main__":
    _main()
