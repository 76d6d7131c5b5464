"""Every format reader reads, behind one function: :func:`open_source`.

    plain text  .txt or anything else that is text (UTF-8, UTF-16 with BOM, cp1252)
    web page    http:// or https:// URL (fetched, article extracted, cached for --offline)
    saved HTML  .html, .htm, .xhtml, or sniffed from the content
    Markdown    .md, .markdown
    EPUB        .epub (or sniffed from the zip's mimetype)

Each returns a :class:`~reader.core.source.Source`. For all but plain text the text is
extracted from the markup, and offsets index that text (:attr:`Source.extracted`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.source import MAX_BYTES, InputError, Source, read_bytes, text_source
from reader.core.sources.sniff import (
    EPUB_SUFFIXES,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    is_url,
    looks_like_epub,
    looks_like_html,
)

if TYPE_CHECKING:
    import httpx

FORMATS = ("plain text (UTF-8, UTF-16, cp1252), a web page by URL (http/https), saved HTML "
           "(.html, .htm), Markdown (.md) or an EPUB book (.epub)")
MAX_HTML = 20 * 1024 * 1024  # a saved page larger than this is refused, not parsed

__all__ = ["FORMATS", "Source", "is_url", "open_source"]


def open_source(arg: str, *, offline: bool = False, cache_dir: Path | None = None,
                timeout: float | None = None, transport: httpx.BaseTransport | None = None
                ) -> Source:
    """Read ``arg``: a URL, a path or ``-`` (stdin), in whichever format it is.

    A URL is fetched (with ``offline``, only the copy cached under ``cache_dir`` is used;
    a fetched page is cached there; ``timeout`` seconds without an answer and it gives
    up). The format of a file is chosen by its suffix, else sniffed: HTML, an EPUB zip,
    else text. Errors raise :class:`~reader.core.source.InputError`
    (:class:`~reader.core.source.FetchError` for the network) with a one-line message.
    Each reader's libraries are imported only when it is used."""
    if is_url(arg):
        from reader.core.sources.pagecache import PageCache
        from reader.core.sources.web import TIMEOUT, open_url

        cache = PageCache(cache_dir) if cache_dir is not None else None
        return open_url(arg, offline=offline, cache=cache, timeout=timeout or TIMEOUT,
                        transport=transport)
    name, data = read_bytes(arg, MAX_BYTES)
    suffix = Path(arg).suffix.lower() if arg != "-" else ""
    if suffix in EPUB_SUFFIXES or looks_like_epub(data):
        from reader.core.sources.epub import epub_source

        return epub_source(name, data)
    if suffix in MARKDOWN_SUFFIXES:
        from reader.core.sources.markdown import markdown_source

        return markdown_source(name, data)
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        if len(data) > MAX_HTML:
            raise InputError(f"{name}: too large: more than {MAX_HTML // (1024 * 1024)} MB "
                             "of HTML")
        from reader.core.sources.html import html_source

        return html_source(name, data)
    return text_source(name, data)
