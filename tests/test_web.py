"""Web pages by URL, from a loopback HTTP server in the test (no test reaches a real site):
the article, the etiquette, the cache for --offline, and one line for every failure."""

from __future__ import annotations

import contextlib
import http.server
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.source import FetchError, InputError
from reader.core.sources import open_source, web
from tests.test_sources_html import ARTICLE, CLUTTER, news_page

CHUNK = b"<p>" + b"x" * 65530 + b"</p>"


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes: pages, redirects, errors, a slow answer, a huge page."""

    seen: list[dict[str, str]] = []  # request headers, for the etiquette checks

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
             **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (a timeout test)
            self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.seen.append({**dict(self.headers), "path": self.path})
        path = self.path.split("?")[0]
        if path == "/news":
            self.send(200, news_page().encode("utf-8"))
        elif path == "/latin":  # no charset in the header: the meta tag decides
            self.send(200, news_page("iso-8859-1").replace("„", '"').replace("“", '"')
                      .replace("©", "(c)").encode("cp1252"), "text/html")
        elif path == "/liar":  # says UTF-8 in the header, is cp1252
            self.send(200, news_page().replace("„", '"').replace("“", '"')
                      .replace("©", "(c)").encode("cp1252"), "text/html; charset=utf-8")
        elif path == "/plain":
            self.send(200, b"Angela Merkel traf Emmanuel Macron in Paris.\r\n",
                      "text/plain; charset=utf-8")
        elif path == "/notes.md":
            self.send(200, b"# Notizen\n\n[Angela Merkel](https://x.org/Olaf_Scholz) in *Paris*.",
                      "text/markdown; charset=utf-8")
        elif path == "/moved":
            self.send(302, Location="/news")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send(301, Location=f"/hop/{n + 1}" if n < 20 else "/news")
        elif path == "/loop":
            self.send(302, Location="/loop2")
        elif path == "/loop2":
            self.send(302, Location=f"http://{self.headers['Host']}/loop")
        elif path == "/to-creds":
            self.send(302, Location="http://user:secret@127.0.0.1/news")
        elif path == "/to-file":
            self.send(302, Location="file:///etc/passwd")
        elif path == "/missing":
            self.send(404, b"<html><body><p>Nicht gefunden</p></body></html>")
        elif path == "/broken":
            self.send(500, b"oops")
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4", "application/pdf")
        elif path == "/slow":
            time.sleep(2)
            self.send(200, news_page().encode("utf-8"))
        elif path == "/huge-declared":
            self.send(200, b"", length=str(50 * 1024 * 1024))
        elif path == "/huge":  # 50 MB streamed, no length given
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(50 * 1024 * 1024 // len(CHUNK)):
                    self.wfile.write(CHUNK)
            except OSError:  # the client stopped reading
                pass
        else:
            self.send(404)


@pytest.fixture
def server(loopback: None) -> Iterator[str]:
    """A loopback HTTP server on a free port; its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    Handler.seen = []
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_by_url_is_its_article_with_metadata(server: str, tmp_path: Path) -> None:
    s = open_source(f"{server}/news", cache_dir=tmp_path)
    assert s.kind == "web" and s.name == f"{server}/news" and s.url == f"{server}/news"
    for paragraph in ARTICLE:
        assert paragraph in s.text
    for word in CLUTTER:
        assert word not in s.text
    assert (s.title, s.site, s.author, s.date) == (
        "Putin dankt Kim für Truppen", "Tagesblatt", "Anna Schmidt", "2025-09-03")
    sent = Handler.seen[-1]
    assert sent["User-Agent"].startswith("reader/") and "Authorization" not in sent


def test_offline_reopens_the_page_fetched_before(server: str, tmp_path: Path) -> None:
    url = f"{server}/news"
    with pytest.raises(FetchError, match="not fetched before"):
        open_source(url, offline=True, cache_dir=tmp_path)
    online = open_source(url, cache_dir=tmp_path)
    requests = len(Handler.seen)
    offline = open_source(url, offline=True, cache_dir=tmp_path)
    assert len(Handler.seen) == requests  # nothing sent
    assert (offline.text, offline.title, offline.byline) == (
        online.text, online.title, online.byline)
    assert "offline copy fetched" in offline.note


def test_charsets_plain_text_and_redirects(server: str, tmp_path: Path) -> None:
    latin = open_source(f"{server}/latin")
    assert ARTICLE[1] in latin.text and latin.encoding == "cp1252"
    liar = open_source(f"{server}/liar")
    assert ARTICLE[1] in liar.text and "claims utf-8 but is not" in liar.note
    plain = open_source(f"{server}/plain")
    assert plain.text == "Angela Merkel traf Emmanuel Macron in Paris.\n"
    assert plain.site == "127.0.0.1"
    notes = open_source(f"{server}/notes.md")
    assert (notes.text, notes.title) == ("Notizen\n\nAngela Merkel in Paris.", "Notizen")
    moved = open_source(f"{server}/moved")
    assert moved.url == f"{server}/news" and moved.name == f"{server}/moved"
    assert ARTICLE[0] in open_source(f"{server}/hop/11").text  # 9 redirects are followed


@pytest.mark.parametrize(("path", "error", "message"), [
    ("/missing", FetchError, "the server answered HTTP 404 Not Found"),
    ("/broken", FetchError, "the server answered HTTP 500"),
    ("/pdf", InputError, r"not HTML or text \(application/pdf\)"),
    ("/huge-declared", InputError, "too large: 50 MB, reader reads at most 10 MB"),
    ("/huge", InputError, "too large: more than 10 MB"),
    ("/loop", FetchError, "redirect loop"),
    ("/hop/0", FetchError, "more than 10 redirects"),
    ("/to-creds", InputError, "redirected to a URL reader does not follow: .*user name or "
                              "password is refused"),
    ("/to-file", InputError, "redirected to a URL reader does not follow: not a web address"),
])
def test_failures_are_one_line_and_nothing_is_cached(
        server: str, tmp_path: Path, path: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=f"^{re.escape(server + path)}: {message}") as err:
        open_source(f"{server}{path}", cache_dir=tmp_path)
    assert "\n" not in str(err.value) and "secret" not in str(err.value)
    assert not (tmp_path / "pages").exists() or not any((tmp_path / "pages").iterdir())


def test_a_slow_server_times_out(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 did not answer within 0\.5 s"):
        open_source(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - start < 2


def test_dns_refused_and_tls_are_named(server: str) -> None:
    with pytest.raises(FetchError, match=r"cannot find the host news\.invalid \(DNS\)"):
        open_source("https://news.invalid/article")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=r"connection refused by 127\.0\.0\.1"):
        open_source(f"http://127.0.0.1:{port}/")
    with pytest.raises(FetchError, match=r"TLS error with 127\.0\.0\.1"):
        open_source(server.replace("http:", "https:") + "/news")


def test_credentials_are_refused_never_sent_nor_repeated(server: str, tmp_path: Path) -> None:
    url = server.replace("//", "//anna:hunter2@") + "/news"
    with pytest.raises(InputError) as err:
        open_source(url, cache_dir=tmp_path)
    assert str(err.value) == (f"{server}/news: a URL with a user name or password is "
                              "refused (credentials are never sent)")
    assert Handler.seen == [] and not (tmp_path / "pages").exists()


def test_a_failed_refetch_keeps_the_copy_and_says_so(server: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"{server}/news"
    open_source(url, cache_dir=tmp_path)
    before = sorted(p.read_bytes() for p in (tmp_path / "pages").iterdir())
    monkeypatch.setattr(web, "MAX_PAGE", 10)
    with pytest.raises(InputError, match=r"too large.*\(--offline opens the copy fetched"):
        open_source(url, cache_dir=tmp_path)
    assert sorted(p.read_bytes() for p in (tmp_path / "pages").iterdir()) == before


def test_every_other_test_stays_blocked() -> None:
    from tests.conftest import NetworkBlocked

    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))
