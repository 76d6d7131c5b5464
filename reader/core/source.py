"""Reading an article from a file or stdin, with clear errors for bad input."""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 200 * 1024 * 1024


class InputError(Exception):
    """Input that reader cannot open; the message is one line for the user."""


@dataclass(frozen=True)
class Source:
    """The text of an article and how it was read."""

    name: str
    text: str
    encoding: str
    note: str = ""  # e.g. "not UTF-8: decoded as cp1252"


def _looks_binary(sample: bytes) -> bool:
    """Many NUL bytes or control characters: a binary file. (A stray NUL in a text file is
    shown as a visible symbol instead.)"""
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return sample.count(0) / len(sample) > 0.01 or controls / len(sample) > 0.1


def _decode(data: bytes) -> tuple[str, str, str]:
    """Decode bytes, returning (text, encoding, note)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, "" if enc == "utf-8-sig" else f"decoded as {enc}"
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {enc} despite its byte-order mark "
                                 f"({exc.reason})") from None
    if _looks_binary(data[:8192]):
        raise InputError("looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return text, "cp1252", "not UTF-8: decoded as cp1252"


def read_source(arg: str) -> Source:
    """Read ``arg`` (a path, or ``-`` for stdin) into a :class:`Source`."""
    if arg == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(arg)
        if not path.exists():
            raise InputError(f"{arg}: no such file")
        if path.is_dir():
            raise InputError(f"{arg}: is a directory, not a text file")
        if not os.access(path, os.R_OK):
            raise InputError(f"{arg}: permission denied")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{arg}: cannot read ({exc.strerror})") from None
        name = path.name
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text, encoding, note = _decode(data)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: empty file, nothing to read")
    return Source(name=name, text=text, encoding=encoding, note=note)
