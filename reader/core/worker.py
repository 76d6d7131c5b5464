"""NER in a child process, so that spaCy never holds the UI's interpreter lock.

spaCy's Cython code keeps the GIL for long stretches; in a thread it starves the event
loop (seconds per key press on a book). ``python -m reader.core.worker`` loads the
pipeline and streams mention batches back as JSON lines; the parent groups them into
documents as they arrive. (A plain subprocess: multiprocessing's spawn does not start
from inside a running Textual app.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from reader.core import pipelines
from reader.core.model import LABELS, Mention


def stream_mentions(text: str, choice: pipelines.PipelineChoice,
                    batch_chars: int = 50_000) -> Iterator[tuple[list[Mention], int]]:
    """Mention batches from a child process, with the offset analysed so far."""
    header = {"name": choice.name, "kind": choice.kind, "location": choice.location,
              "batch_chars": batch_chars}
    proc = subprocess.Popen([sys.executable, "-m", "reader.core.worker"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, encoding="utf-8")
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(json.dumps(header) + "\n" + text)
        proc.stdin.close()
        for line in proc.stdout:
            msg: dict[str, Any] = json.loads(line)
            if "error" in msg:
                raise RuntimeError(msg["error"])
            if msg.get("done"):
                return
            yield [Mention(s, e, t, lab, b) for s, e, t, lab, b in msg["m"]], msg["r"]
        raise RuntimeError(f"the analysis process ended unexpectedly ({proc.wait()})")
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def _main() -> None:
    header = json.loads(sys.stdin.readline())
    text = sys.stdin.read()
    out = sys.stdout
    try:
        from reader.core.ner import extract

        choice = pipelines.PipelineChoice(header["name"], header["kind"], header["location"])
        nlp = pipelines.load(choice)
        for mentions, reached in extract(nlp, text, header["batch_chars"]):
            rows = [[m.start, m.end, m.text, m.label, m.base]
                    for m in mentions if m.label in LABELS]
            out.write(json.dumps({"m": rows, "r": reached}, ensure_ascii=False) + "\n")
            out.flush()
        out.write('{"done": true}\n')
    except Exception as exc:  # reported to the parent, shown in the UI
        out.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
    out.flush()


if __name__ == "__main__":
    _main()
