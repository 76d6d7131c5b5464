"""Exit codes and the one-line error messages of the command line."""

from __future__ import annotations

import sys
from typing import NoReturn

EXIT_OK = 0
EXIT_FAILURE = 1  # something went wrong while working (network, disk)
EXIT_USAGE = 2  # bad arguments or bad input file
EXIT_NO_PIPELINE = 3  # no NER pipeline for the language
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports ctrl+c
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of our output went away


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``reader: message`` on one line to stderr and exit with ``code``."""
    first = message.strip().splitlines()[0] if message.strip() else "error"
    print(f"reader: {first}", file=sys.stderr)
    raise SystemExit(code)


def warn(message: str) -> None:
    """Print ``reader: message`` on one line to stderr and carry on."""
    print(f"reader: {' '.join(message.split())}", file=sys.stderr)
