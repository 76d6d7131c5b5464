"""Reading an article from a text file or stdin, with clear errors for bad input.

:class:`Source` is what every reader of a format returns (see :mod:`reader.core.sources`
for web pages, HTML, Markdown and EPUB); this module reads plain text. The text is
analysed with its line ends made ``\\n``; :meth:`Source.file_offset` turns an offset
into that text back into one into the file as read (decoded, line ends as they were),
so ``reader annotate`` reports offsets a script can use on the file itself.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 200 * 1024 * 1024


class InputError(Exception):
    """Input that reader cannot open; the message is one line for the user."""


class FetchError(InputError):
    """A web page that could not be fetched (network, server): one line naming why."""


@dataclass(frozen=True)
class Source:
    """The text of an article and how it was read."""

    name: str
    text: str
    encoding: str
    note: str = ""  # e.g. "not UTF-8: decoded as cp1252"
    # where ``text`` has a newline that was CR LF, or a lone CR, in the file (sorted
    # offsets into text)
    crlf: tuple[int, ...] = ()
    lone_cr: tuple[int, ...] = ()
    # what was read: "text", "html", "markdown", "epub" or "web"; for all but "text" the
    # text is extracted from the markup and offsets index ``text`` itself
    kind: str = "text"
    title: str = ""  # the page's or book's title, where it has one
    site: str = ""  # the web site's name (or the host)
    author: str = ""
    date: str = ""  # publication date, ISO 8601 where known
    url: str = ""  # the page's address (credentials never kept)
    # a book's table of contents: (chapter title, offset of the chapter in ``text``)
    toc: tuple[tuple[str, int], ...] = ()

    @property
    def heading(self) -> str:
        """What a header shows first: the title where there is one, else the name."""
        return self.title or self.name

    @property
    def byline(self) -> str:
        """Site, author and date, those the source has, joined by " · "."""
        return " · ".join(p for p in (self.site, self.author, self.date) if p)

    @property
    def extracted(self) -> bool:
        """Whether the text was extracted from markup (offsets then index ``text``)."""
        return self.kind != "text"

    def file_offset(self, offset: int) -> int:
        """The offset into the file as read (decoded, original line ends) of ``offset``,
        an offset into :attr:`text`."""
        return offset + bisect.bisect_left(self.crlf, offset)

    def file_text(self, start: int, end: int) -> str:
        """``text[start:end]`` with its line ends as they are in the file."""
        piece = self.text[start:end]
        if "\n" not in piece or not (self.crlf or self.lone_cr):
            return piece
        ends = {**dict.fromkeys(self.crlf, "\r\n"), **dict.fromkeys(self.lone_cr, "\r")}
        return "".join(ends.get(i, ch) if ch == "\n" else ch
                       for i, ch in enumerate(piece, start))


def looks_binary(sample: bytes) -> bool:
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
    if looks_binary(data[:8192]):
        raise InputError("looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return text, "cp1252", "not UTF-8: decoded as cp1252"


def read_source(arg: str) -> Source:
    """Read ``arg`` (a path, or ``-`` for stdin) as plain text into a :class:`Source`.

    (:func:`reader.core.sources.open_source` reads every format.)"""
    name, data = read_bytes(arg)
    return text_source(name, data)


def read_bytes(arg: str, limit: int = MAX_BYTES) -> tuple[str, bytes]:
    """The name and the bytes of ``arg`` (a path, or ``-`` for stdin), at most ``limit``;
    a missing, unreadable or too large file raises :class:`InputError`."""
    if arg == "-":
        data = sys.stdin.buffer.read(limit + 1)
        name = "<stdin>"
    else:
        path = Path(arg)
        if not path.exists():
            raise InputError(f"{arg}: no such file")
        if path.is_dir():
            raise InputError(f"{arg}: is a directory, not a file")
        if not os.access(path, os.R_OK):
            raise InputError(f"{arg}: permission denied")
        try:
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{arg}: cannot read ({exc.strerror})") from None
        name = path.name
    if len(data) > limit:
        raise InputError(f"{name}: larger than {limit // (1024 * 1024)} MB")
    return name, data


def text_source(name: str, data: bytes) -> Source:
    """A plain-text :class:`Source` of ``data``, decoded (BOM, UTF-8, else cp1252)."""
    try:
        text, encoding, note = _decode(data)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    text, crlf, lone_cr = normalise_newlines(text)
    if not text.strip():
        raise InputError(f"{name}: empty file, nothing to read")
    return Source(name=name, text=text, encoding=encoding, note=note, crlf=crlf,
                  lone_cr=lone_cr)


def normalise_newlines(raw: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """``raw`` with every line end as ``"\\n"``, with where in the result a ``"\\r\\n"``
    became one (the text after it moves one to the left) and where a lone ``"\\r"`` did
    (nothing moves)."""
    crlf: list[int] = []
    lone_cr: list[int] = []
    for m in re.finditer("\r\n?", raw):
        at = m.start() - len(crlf)
        (crlf if m.end() - m.start() == 2 else lone_cr).append(at)
    return raw.replace("\r\n", "\n").replace("\r", "\n"), tuple(crlf), tuple(lone_cr)
