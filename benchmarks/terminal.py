"""Start-up as a person sees it: ``reader FILE`` in a pseudo-terminal, timed until given
words reach the terminal (the article's first paint, the entity panel's first row).

Textual in a real terminal, not headless: the time includes writing the screen out."""

from __future__ import annotations

import codecs
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def seen(args: list[str], words: dict[str, str], size: tuple[int, int] = (140, 45),
         timeout: float = 60.0) -> dict[str, float]:
    """Seconds from starting ``reader ARGS`` until each of ``words`` (name -> regular
    expression) is on the terminal; then the app is quit. One never seen is left out."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "TERM": "xterm-256color", "READER_ANALYSIS_CACHE": "off",
               "READER_DATA_DIR": data, "COLUMNS": str(size[0]), "LINES": str(size[1])}
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "reader.cli.main", *args], cwd=ROOT,
                                env=env, stdin=slave, stdout=slave, stderr=slave,
                                start_new_session=True)
        os.close(slave)
        found = _watch(master, words, start, timeout)
        os.write(master, b"q")
        _drain(master, proc)
        os.close(master)
    return found


def _watch(master: int, words: dict[str, str], start: float,
           timeout: float) -> dict[str, float]:
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    screen = ""
    found: dict[str, float] = {}
    while len(found) < len(words) and time.perf_counter() - start < timeout:
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # the app ended
            break
        now = time.perf_counter() - start
        screen += ESCAPE.sub("", decoder.decode(chunk))
        for name, word in words.items():
            if name not in found and re.search(word, screen):
                found[name] = now
        screen = screen[-8192:]  # (a word split across reads is still found)
    return found


def _drain(master: int, proc: subprocess.Popen[bytes]) -> None:
    """Read what the app still writes until it ends (killed after 10 s)."""
    deadline = time.monotonic() + 10
    while proc.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                os.read(master, 1 << 16)
            except OSError:
                break
    if proc.poll() is None:
        proc.kill()
    proc.wait()
