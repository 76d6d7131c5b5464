"""Web pages by URL: fetched over httpx with the lookups' etiquette, article extracted.

The request names reader in its User-Agent (with ``READER_CONTACT``, as lookups do), gives
up after :data:`TIMEOUT` seconds without an answer and :data:`DEADLINE` in all, follows at
most :data:`MAX_REDIRECTS` redirects (a loop is named as one), and reads at most
:data:`MAX_PAGE` bytes, streamed, so a huge page is cut off rather than held. Only HTML
(``text/html``, XHTML), plain text and Markdown are read. A URL with a user name or password is
refused before anything is sent, and never repeated in a message. Each failure is one
line naming why: the host not found (DNS), the connection refused, TLS, an HTTP status,
not HTML, too large, too slow.
"""

from __future__ import annotations

import os
import socket
import ssl
import time
from dataclasses import dataclass, replace

import httpx

from reader import __version__
from reader.core.source import FetchError, InputError, Source, normalise_newlines
from reader.core.sources.blocks import decode_html
from reader.core.sources.html import html_source
from reader.core.sources.markdown import markdown_text
from reader.core.sources.pagecache import PageCache, offline_copy
from reader.core.sources.sniff import is_url, looks_like_html

USER_AGENT = (f"reader/{__version__} "
              f"({os.environ.get('READER_CONTACT', 'terminal reading assistant')})")
TIMEOUT = 10.0  # seconds without an answer (connecting, or between chunks)
DEADLINE = 30.0  # seconds for the whole page
MAX_REDIRECTS = 10
MAX_PAGE = 10 * 1024 * 1024  # bytes
__all__ = ["Page", "fetch", "is_url", "open_url", "page_source", "safe_url"]
HTML_TYPES = ("text/html", "application/xhtml+xml")
MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")
TEXT_TYPES = ("text/plain", *MARKDOWN_TYPES)


@dataclass(frozen=True)
class Page:
    """A fetched page: its final URL, bytes, content type and declared charset."""

    url: str
    data: bytes
    content_type: str
    charset: str | None


def safe_url(url: str) -> str:
    """``url`` without credentials or fragment, for messages and the cache; a URL that
    carries a user name or password is refused (it is never sent, stored or logged)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise InputError("not a valid URL") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError("not a web address (http or https)")
    clean = str(parsed.copy_with(username=None, password=None, fragment=None))
    if parsed.userinfo:
        raise InputError(f"{clean}: a URL with a user name or password is refused "
                         "(credentials are never sent)")
    return clean


def _connect_reason(exc: BaseException, host: str) -> str:
    """Why a connection failed, from the exception chain: DNS, refused, TLS or other."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 10:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    text = " ".join(str(e) for e in chain)
    if any(isinstance(e, socket.gaierror) for e in chain) or "Name or service" in text \
            or "nodename nor servname" in text or "getaddrinfo" in text:
        return f"cannot find the host {host} (DNS)"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text:
        return f"connection refused by {host}"
    tls = next((e for e in chain if isinstance(e, ssl.SSLError)), None)
    if tls is not None or "SSL" in text or "CERTIFICATE" in text:
        reason = getattr(tls, "reason", None) or "handshake failed"
        return f"TLS error with {host} ({str(reason).lower().replace('_', ' ')})"
    return f"cannot connect to {host} ({type(exc).__name__})"


def fetch(url: str, *, timeout: float = TIMEOUT, deadline: float = DEADLINE,
          max_bytes: int | None = None, transport: httpx.BaseTransport | None = None
          ) -> Page:
    """GET ``url`` (already checked by :func:`safe_url`) with reader's etiquette; raise
    :class:`FetchError` (network, server) or :class:`InputError` (not a page reader
    reads) with one line naming why."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
               "text/plain;q=0.9,text/markdown;q=0.9", "Accept-Encoding": "gzip, deflate"}
    seen = {url}
    start = time.monotonic()
    with httpx.Client(headers=headers, timeout=timeout, follow_redirects=False,
                      transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            host = httpx.URL(url).host
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        url = _redirect(resp, url, seen)
                        continue
                    return _read(resp, url, start + deadline, max_bytes or MAX_PAGE)
            except httpx.TimeoutException:
                raise FetchError(f"{host} did not answer within {timeout:g} s") from None
            except httpx.ConnectError as exc:
                raise FetchError(_connect_reason(exc, host)) from None
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                raise FetchError(f"{host} broke off the connection ({type(exc).__name__})"
                                 ) from None
            except httpx.DecodingError:
                raise FetchError(f"{host} sent a page that cannot be decompressed") from None
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                raise InputError(f"cannot fetch {url}: {exc}") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"network error with {host} ({type(exc).__name__})") from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _redirect(resp: httpx.Response, url: str, seen: set[str]) -> str:
    """The URL a redirect points to, checked: http(s), no credentials, no loop."""
    location = resp.headers.get("location", "")
    if not location:
        raise FetchError(f"HTTP {resp.status_code} redirect without a Location")
    try:
        target = str(httpx.URL(url).join(location))
        target = safe_url(target)
    except InputError as exc:
        raise InputError(f"redirected to a URL reader does not follow: {exc}") from None
    if target in seen:
        raise FetchError(f"redirect loop (back to {target})")
    seen.add(target)
    return target


def _read(resp: httpx.Response, url: str, end: float, max_bytes: int) -> Page:
    """The body of a final answer, checked and bounded."""
    if resp.status_code >= 400:
        phrase = f" {resp.reason_phrase}" if resp.reason_phrase else ""
        raise FetchError(f"the server answered HTTP {resp.status_code}{phrase}")
    if resp.status_code != 200:
        raise FetchError(f"the server answered HTTP {resp.status_code}, not a page")
    content_type = resp.headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and mime not in HTML_TYPES and mime not in TEXT_TYPES:
        raise InputError(f"not HTML or text ({mime})")
    limit_mb = f"{max_bytes / (1024 * 1024):g} MB"
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"too large: {int(declared) / (1024 * 1024):.0f} MB, "
                         f"reader reads at most {limit_mb}")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"too large: more than {limit_mb}")
        if time.monotonic() > end:
            raise FetchError("too slow: the page did not arrive in time")
        chunks.append(chunk)
    return Page(url=url, data=b"".join(chunks), content_type=mime, charset=resp.charset_encoding)


def page_source(name: str, page: Page) -> Source:
    """A :class:`Source` of a fetched page: its article (HTML) or its text."""
    if page.content_type in HTML_TYPES or (not page.content_type
                                           and looks_like_html(page.data)):
        source = html_source(name, page.data, charset=page.charset, url=page.url)
    else:
        try:
            text, encoding, note = decode_html(page.data, page.charset)
        except InputError as exc:
            raise InputError(f"{name}: {exc}") from None
        text = normalise_newlines(text)[0]
        title = ""
        if page.content_type in MARKDOWN_TYPES:
            text, title = markdown_text(text)
        if not text.strip():
            raise InputError(f"{name}: empty page, nothing to read")
        source = Source(name=name, text=text, encoding=encoding, note=note, kind="web",
                        url=page.url, title=title)
    if not source.site:
        source = replace(source, site=httpx.URL(page.url).host)
    return source


def open_url(arg: str, *, offline: bool = False, cache: PageCache | None = None,
             timeout: float = TIMEOUT, max_bytes: int | None = None,
             transport: httpx.BaseTransport | None = None) -> Source:
    """The article at the URL ``arg``: fetched (and cached), or with ``offline`` the copy
    fetched before. Errors are one line starting with the URL (credentials removed)."""
    url = safe_url(arg)
    cached = cache.get(url) if cache is not None else None
    if offline:
        if cached is None:
            raise FetchError(f"{url}: not fetched before, and --offline fetches nothing")
        return offline_copy(*cached)
    try:
        source = page_source(url, fetch(url, timeout=timeout, max_bytes=max_bytes,
                                        transport=transport))
    except InputError as exc:
        hint = " (--offline opens the copy fetched before)" if cached is not None else ""
        msg = str(exc) if str(exc).startswith(url) else f"{url}: {exc}"
        raise type(exc)(msg + hint) from None
    if cache is not None:
        cache.put(url, source)
    return source
