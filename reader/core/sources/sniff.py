"""Which format an argument or a file is in: cheap checks, importing nothing heavy, so the
command line starts fast (the readers import their libraries only when used)."""

from __future__ import annotations

import re

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
EPUB_SUFFIXES = (".epub",)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.I | re.S)


def is_url(arg: str) -> bool:
    """Whether the command-line argument ``arg`` is a web address (http or https)."""
    return arg[:8].lower().startswith(("http://", "https://"))


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` starts like an HTML document (a doctype, ``<html>``, ``<head>``
    or ``<body>``, after an optional byte-order mark, XML declaration and comments)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"<?xml"):
        head = head.split(b"?>", 1)[-1]
    return bool(_HTML_START.match(head))


def looks_like_epub(data: bytes) -> bool:
    """Whether ``data`` is a zip whose first entry says ``application/epub+zip``."""
    return data.startswith(b"PK\x03\x04") and b"application/epub+zip" in data[:100]
