"""The command line as a Unix tool: closed pipes, interrupts, several files with a bad one,
read-only commands that create nothing, argument checks and help.

Every test runs ``reader`` in a child process, the way a shell does, and checks what a user
sees: the exit status and stderr. The child refuses every network connection (the same
guard as tests/conftest.py, installed before reader starts).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli.main import build_subparsers, main
from reader.wiki.cache import Cache
from reader.wiki.model import Background
from tests.conftest import ROOT, SAMPLE_DE
from tests.proc_tree import alive, children

GUARDED_READER = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("tests must not touch the network")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from reader.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


def reader_cmd(*args: str) -> list[str]:
    """The command line of ``reader ARGS`` in a child without network access."""
    return [sys.executable, "-c", GUARDED_READER, *args]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child: no reader settings from outside, an API that cannot
    resolve (should the guard ever fail)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    env["READER_WIKI_API"] = "https://{lang}.wiki.invalid/w/api.php"
    env.update(extra)
    return env


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(reader_cmd(*args), capture_output=True, text=True, cwd=ROOT,
                          env=child_env(**env), timeout=120)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single ``reader: …`` line on stderr (fails on a traceback or several lines)."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: "), result.stderr
    return lines[0]


def _fill_cache(directory: Path, n: int) -> None:
    cache = Cache(directory)
    cache.put_many([("de", f"ort {i:05d}", Background(
        status="found", query=f"Ort {i:05d}", lang="de", title=f"Ort {i:05d}",
        description="Ort in Deutschland", extract=f"Ort {i:05d} ist ein Ort. " * 5,
        url=f"https://de.wikipedia.org/wiki/Ort_{i:05d}", fetched_at=time.time()))
        for i in range(n)])
    cache.close()


# --- closed pipes


def test_cache_export_into_head_ends_quietly(tmp_path: Path) -> None:
    _fill_cache(tmp_path, 3000)  # far more than a pipe buffer: writes go on after head exits
    writer = subprocess.Popen(reader_cmd("cache", "export", "--cache-dir", str(tmp_path)),
                              cwd=ROOT, env=child_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=writer.stdout, stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.close()  # only head reads the pipe, as in a shell
    first, _ = head.communicate(timeout=60)
    err = writer.stderr.read().decode()
    assert writer.wait(timeout=60) in (0, 141)
    assert err == ""
    assert first.decode().startswith('{"lang": "de", "key": "ort 00000"')


def test_annotate_into_a_closed_pipe_ends_quietly() -> None:
    writer = subprocess.Popen(reader_cmd("annotate", str(SAMPLE_DE)), cwd=ROOT,
                              env=child_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.close()  # `reader annotate FILE | true`: nobody reads
    err = writer.stderr.read().decode()
    assert writer.wait(timeout=120) in (0, 141)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(reader_cmd("models", "list"), stdout=full,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, env=child_env(),
                                timeout=120)
    assert result.returncode == 1
    assert one_line_error(result) == "reader: No space left on device"


# --- interrupts


@pytest.fixture(scope="module")
def long_german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A German text that takes the pipeline well over ten seconds."""
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_text((SAMPLE_DE.read_text(encoding="utf-8") + "\n\n") * 400, encoding="utf-8")
    return path


@pytest.mark.parametrize("to", ["group", "reader"])
def test_ctrl_c_stops_prefetch_analysis_within_a_second(tmp_path: Path, long_german: Path,
                                                        to: str) -> None:
    """ctrl+c in a terminal signals the whole process group; ``kill -INT`` only reader:
    either way the analysis (in a child process) ends and reader exits 130 at once."""
    proc = subprocess.Popen(reader_cmd("prefetch", str(long_german), "--cache-dir",
                                       str(tmp_path)),
                            cwd=ROOT, env=child_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while not workers and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            workers = children(proc.pid)
        assert workers, "the analysis never started"
        time.sleep(1.5)  # the pipeline is loaded and analysing
        assert proc.poll() is None, "the analysis ended before the interrupt"
        sent = time.monotonic()
        if to == "group":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert took < 1.0, f"took {took:.1f} s to stop"
    assert err.splitlines() == ["reader: interrupted"]
    time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)], "the analysis process lives on"


def _read_until(fd: int, proc: subprocess.Popen[bytes], want: bytes, seconds: float) -> bytes:
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and want not in out and proc.poll() is None:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    """A pseudo-terminal of 120×40: (master, slave)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    yield master, slave
    for fd in (master, slave):
        with contextlib.suppress(OSError):  # the test closes the slave itself
            os.close(fd)


def test_sigint_ends_the_app_with_130(terminal: tuple[int, int]) -> None:
    master, slave = terminal
    proc = subprocess.Popen(reader_cmd(str(SAMPLE_DE), "--no-lookups"), cwd=ROOT,
                            env=child_env(TERM="xterm-256color"), stdin=slave, stdout=slave,
                            stderr=slave, start_new_session=True)
    os.close(slave)
    try:
        screen = _read_until(master, proc, b"Putin", 60)
        assert b"Putin" in screen, "the app never showed the article"
        proc.send_signal(signal.SIGINT)
        rest = b""
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            rest += _read_until(master, proc, b"\0", 0.2)
        code = proc.wait(timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code == 130
    assert b"\x1b[?1049l" in rest, "the terminal was not given back (alternate screen)"
    assert b"reader: interrupted" in rest and b"Traceback" not in rest


# --- several files, one missing


def test_prefetch_goes_on_past_a_missing_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Angela Merkel traf Emmanuel Macron in Paris. Sie sprachen über die "
                 "Ukraine und über Russland.\n", encoding="utf-8")
    b.write_text("Olaf Scholz besuchte Warschau. Dort traf er den polnischen Präsidenten "
                 "Andrzej Duda.\n", encoding="utf-8")
    result = run("prefetch", str(a), str(tmp_path / "missing.txt"), str(b),
                 "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"reader: {tmp_path / 'missing.txt'}: no such file" in result.stderr.splitlines()
    done = [line.split(":")[0] for line in result.stdout.splitlines() if "entities" in line]
    assert done == ["a.txt", "b.txt"]


# --- read-only commands create nothing


@pytest.mark.parametrize("command", [["cache", "stats"], ["cache", "export"],
                                     ["lookup", "Wladimir Putin", "--offline"]])
def test_read_only_commands_refuse_a_mistyped_cache_dir(tmp_path: Path,
                                                        command: list[str]) -> None:
    typo = tmp_path / "cahce"
    result = run(*command, "--cache-dir", str(typo))
    assert result.returncode == 2
    assert one_line_error(result) == f"reader: cache directory {typo} does not exist"
    assert not typo.exists()
    by_env = run(*command, READER_CACHE_DIR=str(typo))
    assert by_env.returncode == 2 and "does not exist" in one_line_error(by_env)
    assert not typo.exists()


@pytest.mark.parametrize("command", [["cache", "stats"], ["cache", "export"],
                                     ["lookup", "Wladimir Putin", "--offline"]])
def test_read_only_commands_leave_the_disk_as_it_was(tmp_path: Path,
                                                     command: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run(*command, "--cache-dir", str(empty))
    assert list(empty.iterdir()) == []
    full = tmp_path / "full"
    _fill_cache(full, 3)
    before = sorted(p.name for p in full.iterdir())
    run(*command, "--cache-dir", str(full))
    assert sorted(p.name for p in full.iterdir()) == before
    # no --cache-dir: the platform's cache directory is not created either
    xdg = tmp_path / "xdg"
    result = run(*command, XDG_CACHE_HOME=str(xdg))
    assert "Traceback" not in result.stderr
    assert not xdg.exists()


def test_stats_of_a_cache_not_made_yet(tmp_path: Path) -> None:
    result = run("cache", "stats", XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert result.returncode == 0, result.stderr
    assert "found      0" in result.stdout


def test_clear_makes_no_cache_to_empty_it(tmp_path: Path) -> None:
    typo = tmp_path / "cahce"
    result = run("cache", "clear", "--cache-dir", str(typo))
    assert result.returncode == 2 and "does not exist" in one_line_error(result)
    default = run("cache", "clear", XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert default.returncode == 0 and "removed 0" in default.stdout
    assert not typo.exists() and not (tmp_path / "xdg").exists()
    _fill_cache(tmp_path / "full", 3)
    full = run("cache", "clear", "--cache-dir", str(tmp_path / "full"))
    assert "removed 3" in full.stdout
    assert "found      0" in run("cache", "stats", "--cache-dir", str(tmp_path / "full")).stdout


# --- arguments


@pytest.mark.parametrize("value", ["abc", "-1", "0", "inf", "nan", "-inf"])
def test_max_age_must_be_a_positive_number(tmp_path: Path, value: str) -> None:
    flag = run("lookup", "Wladimir Putin", "--offline", "--cache-dir", str(tmp_path),
               f"--max-age={value}")
    assert flag.returncode == 2
    line = one_line_error(flag)
    assert "--max-age" in line and "positive number of days" in line
    for command in (["lookup", "Wladimir Putin", "--offline"], ["cache", "stats"]):
        env = run(*command, "--cache-dir", str(tmp_path), READER_MAX_AGE_DAYS=value)
        assert env.returncode == 2
        assert one_line_error(env).startswith("reader: READER_MAX_AGE_DAYS must be a ")


def test_max_age_accepts_days(tmp_path: Path) -> None:
    flag = run("lookup", "Wladimir Putin", "--offline", "--cache-dir", str(tmp_path),
               "--max-age", "0.5")
    assert "not cached" in one_line_error(flag)  # got as far as the cache
    env = run("cache", "stats", "--cache-dir", str(tmp_path), READER_MAX_AGE_DAYS="7")
    assert env.returncode == 0 and env.stderr == ""


@pytest.mark.parametrize("name", ["", "   "])
def test_lookup_of_nothing_is_a_usage_error(tmp_path: Path, name: str) -> None:
    result = run("lookup", name, "--cache-dir", str(tmp_path))
    assert result.returncode == 2
    assert "needs a name" in one_line_error(result)


def test_unknown_word_is_neither_file_nor_command() -> None:
    result = run("bogus")
    assert result.returncode == 2
    line = one_line_error(result)
    assert "bogus: no such file or command" in line
    for command in ("annotate", "lookup", "prefetch", "cache", "models"):
        assert command in line
    typo = run("anotate", "x.txt")
    assert typo.returncode == 2 and "did you mean 'reader annotate'" in one_line_error(typo)


def test_usage_errors_are_one_line() -> None:
    result = run("cache", "frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in one_line_error(result)


def test_main_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    for command in ("annotate FILE", "lookup NAME", "prefetch FILE...", "cache stats",
                    "models"):
        assert f"reader {command}" in shown


def test_every_subcommand_help_describes_its_arguments(
        capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_subparsers()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert isinstance(sub.choices, dict)
    choices: dict[str, argparse.ArgumentParser] = dict(sub.choices)
    assert set(choices) == {"annotate", "lookup", "prefetch", "cache", "picks",
                            "models"}
    for name, subparser in choices.items():
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        shown = " ".join(capsys.readouterr().out.split())
        for action in subparser._actions:
            if action.dest == "help":
                continue
            assert action.help, f"reader {name}: {action.dest} has no description"
            assert " ".join(action.help.split())[:30] in shown, (name, action.dest)
