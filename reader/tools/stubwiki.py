"""A tiny MediaWiki stand-in, a development tool: answers the ``action=query`` requests
reader sends, from a handful of pages (those of the German sample article by default).

Used in tests through ``httpx.MockTransport`` and, for trying reader by hand or in
benchmarks, as an HTTP server on 127.0.0.1:

    python -m reader.tools.stubwiki --port 8765 [--latency 0.05]
    READER_WIKI_API='http://127.0.0.1:8765/{lang}/w/api.php' reader article.txt
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx

EXTRACTS_PER_ANSWER = 20


@dataclass
class StubPage:
    """One page: its lead, short description, and for a disambiguation the pages it lists;
    optionally its whole text (``== wiki ==`` headings), coordinates, the other languages
    it exists in, and the time of its last edit."""

    title: str
    extract: str = ""
    description: str = ""
    disambiguation: bool = False
    links: list[str] = field(default_factory=list)
    full: str = ""
    coordinates: tuple[float, float] | None = None
    languages: list[str] = field(default_factory=list)
    edited: str = ""


@dataclass
class StubWiki:
    """Pages and redirects per language, and a log of every request received."""

    pages: dict[str, dict[str, StubPage]] = field(default_factory=dict)
    redirects: dict[str, dict[str, str]] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)

    def add(self, lang: str, page: StubPage, *redirects: str) -> None:
        """Add ``page`` to the ``lang`` wiki, reachable also by each title in ``redirects``."""
        self.pages.setdefault(lang, {})[page.title] = page
        for r in redirects:
            self.redirects.setdefault(lang, {})[r] = page.title

    def _page_json(self, lang: str, title: str, props: str, index: int = 0,
                   intro: bool = True) -> dict[str, Any]:
        page = self.pages.get(lang, {}).get(title)
        if page is None:
            return {"title": title, "missing": True, "ns": 0}
        out: dict[str, Any] = {"title": page.title, "ns": 0, "pageid": abs(hash(title)) % 10**6}
        if index:
            out["index"] = index
        if "extracts" in props:
            out["extract"] = page.extract if intro else (page.full or page.extract)
        if "description" in props and page.description:
            out["description"] = page.description
        if "pageprops" in props and page.disambiguation:
            out["pageprops"] = {"disambiguation": ""}
        if "coordinates" in props and page.coordinates:
            lat, lon = page.coordinates
            out["coordinates"] = [{"lat": lat, "lon": lon, "primary": True, "globe": "earth"}]
        if "langlinks" in props and page.languages:
            out["langlinks"] = [{"lang": code, "title": page.title} for code in page.languages]
        if "revisions" in props and page.edited:
            out["revisions"] = [{"timestamp": page.edited}]
        return out

    def answer(self, lang: str, params: dict[str, str]) -> dict[str, Any]:
        """The JSON MediaWiki would answer to ``params`` (titles, search or links)."""
        self.requests.append({"lang": lang, **params})
        props = params.get("prop", "")
        if params.get("generator") == "search":  # every word in the title or the lead
            needles = params["gsrsearch"].casefold().split()
            hits = [p for p in self.pages.get(lang, {}).values()
                    if all(n in f"{p.title} {p.extract}".casefold() for n in needles)]
            limit = int(params.get("gsrlimit", 10))
            return {"query": {"pages": [self._page_json(lang, p.title, props, i + 1)
                                        for i, p in enumerate(hits[:limit])]}}
        if params.get("generator") == "links":
            page = self.pages.get(lang, {}).get(params["titles"])
            links = page.links if page else []
            return {"query": {"pages": [self._page_json(lang, t, props) for t in links]}}
        titles = params["titles"].split("|")
        normalized, redirects, out, seen = [], [], [], set()
        for t in titles:
            norm = t[:1].upper() + t[1:]
            if norm != t:
                normalized.append({"from": t, "to": norm})
            final = self.redirects.get(lang, {}).get(norm)
            if final:
                redirects.append({"from": norm, "to": final})
                norm = final
            if norm not in seen:
                seen.add(norm)
                out.append(self._page_json(lang, norm, props, intro="exintro" in params))
        answer: dict[str, Any] = {"batchcomplete": True}
        if "extracts" in props:  # like TextExtracts: at most 20 intro extracts per answer
            start = int(params.get("excontinue", 0))
            for i, entry in enumerate(out):
                if not start <= i < start + EXTRACTS_PER_ANSWER:
                    entry.pop("extract", None)
            if start + EXTRACTS_PER_ANSWER < len(out):
                answer = {"continue": {"excontinue": start + EXTRACTS_PER_ANSWER,
                                       "continue": "||"}}
        q: dict[str, Any] = {"pages": out}
        if normalized:
            q["normalized"] = normalized
        if redirects:
            q["redirects"] = redirects
        return {**answer, "query": q}

    def transport(self, lang_from_url: bool = True) -> httpx.MockTransport:
        """An httpx transport answering from this wiki (the language is the host's first
        label, as in ``de.wiki.test``)."""
        def handler(request: httpx.Request) -> httpx.Response:
            lang = request.url.host.split(".")[0] if lang_from_url else "de"
            self.headers.append(dict(request.headers))
            params = dict(request.url.params)
            return httpx.Response(200, json=self.answer(lang, params))

        return httpx.MockTransport(handler)


def sample_wiki() -> StubWiki:
    """Pages for the entities of the German sample article (and a few English ones)."""
    w = StubWiki()
    w.add("de", StubPage("Wladimir Putin", "Wladimir Wladimirowitsch Putin (* 7. Oktober 1952 "
                         "in Leningrad) ist ein russischer Politiker. Er ist seit 2012 erneut "
                         "Präsident der Russischen Föderation. Zuvor war er Ministerpräsident.",
                         "russischer Politiker, Präsident Russlands"), "Putin")
    w.add("de", StubPage("Kim Jong-un", "Kim Jong-un (* 8. Januar 1984) ist ein nordkoreanischer "
                         "Politiker. Er ist seit 2011 Machthaber Nordkoreas.",
                         "nordkoreanischer Machthaber"))
    w.add("de", StubPage("Xi Jinping", "Xi Jinping (* 15. Juni 1953 in Peking) ist ein "
                         "chinesischer Politiker. Er ist Staatspräsident der Volksrepublik China.",
                         "chinesischer Politiker"))
    w.add("de", StubPage("Donald Trump", "Donald John Trump (* 14. Juni 1946 in New York City) "
                         "ist ein US-amerikanischer Politiker. Er ist Präsident der USA.",
                         "US-amerikanischer Politiker"))
    for title, desc in [("Russland", "Staat in Osteuropa und Nordasien"),
                        ("Nordkorea", "Staat in Ostasien"), ("Ukraine", "Staat in Osteuropa"),
                        ("Peking", "Hauptstadt der Volksrepublik China"),
                        ("Moskau", "Hauptstadt Russlands"), ("Kiew", "Hauptstadt der Ukraine"),
                        ("Pjöngjang", "Hauptstadt Nordkoreas"),
                        ("Zweiter Weltkrieg", "Krieg von 1939 bis 1945")]:
        w.add("de", StubPage(title, f"{title} ist ein Artikel. Er handelt von: {desc}.", desc))
    w.add("de", StubPage("Kursk", "Kursk steht für:", disambiguation=True,
                         links=["Kursk (Stadt)", "Kursk (U-Boot)", "Schlacht bei Kursk"]))
    w.add("de", StubPage("Kursk (Stadt)", "Kursk ist eine Großstadt im Westen Russlands. Sie ist "
                         "Hauptstadt der Oblast Kursk.", "Stadt in Russland"))
    w.add("de", StubPage("Kursk (U-Boot)", "Die Kursk war ein russisches Atom-U-Boot. Es sank "
                         "im Jahr 2000.", "russisches U-Boot"))
    w.add("de", StubPage("Schlacht bei Kursk", "Die Schlacht bei Kursk war eine Schlacht des "
                         "Zweiten Weltkriegs. Sie fand 1943 statt.", "Schlacht 1943"))
    w.add("en", StubPage("Shehbaz Sharif", "Shehbaz Sharif (born 23 September 1951) is a "
                         "Pakistani politician. He is the Prime Minister of Pakistan.",
                         "Prime Minister of Pakistan"))
    w.add("de", StubPage("Staatliches Gästehaus Diaoyutai", "Das Staatliche Gästehaus "
                         "Diaoyutai ist ein Gästehaus der Regierung in Peking. Es liegt im "
                         "Westen der Stadt.", "Gästehaus in Peking"))
    return w


class _Handler(BaseHTTPRequestHandler):
    wiki: StubWiki
    latency: float = 0.0
    slow_titles: dict[str, float] = {}

    def do_GET(self) -> None:
        """Answer one API request, after the configured latency."""
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        parts = [p for p in url.path.split("/") if p]
        lang = parts[0] if parts and len(parts[0]) <= 3 else "de"
        delay = self.latency + max((self.slow_titles.get(t, 0.0)
                                    for t in params.get("titles", "").split("|")), default=0.0)
        if delay:
            time.sleep(delay)
        body = json.dumps(self.wiki.answer(lang, params)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: no request log on stderr."""
        pass


def serve(port: int, latency: float = 0.0, wiki: StubWiki | None = None,
          slow_titles: dict[str, float] | None = None) -> ThreadingHTTPServer:
    """Start the stub on 127.0.0.1:port in a thread; returns the server (shutdown() it)."""
    handler = type("Handler", (_Handler,), {"wiki": wiki or sample_wiki(), "latency": latency,
                                            "slow_titles": slow_titles or {}})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    """``python -m reader.tools.stubwiki``: serve the sample pages, the new cases and the
    linking test set's pages (``--sample-only``: just the sample's) until interrupted."""
    ap = argparse.ArgumentParser(description="MediaWiki stand-in on 127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    ap.add_argument("--slow", action="append", default=[], metavar="TITLE=SECONDS",
                    help="extra delay when a request asks for TITLE")
    ap.add_argument("--sample-only", action="store_true",
                    help="only the German sample's pages (as the older tests use)")
    args = ap.parse_args()
    slow = {k: float(v) for k, _, v in (s.partition("=") for s in args.slow)}
    from reader.tools.stubpages import demo_wiki

    wiki = sample_wiki() if args.sample_only else demo_wiki()
    server = serve(args.port, args.latency, wiki=wiki, slow_titles=slow)
    print(f"stub wiki on http://127.0.0.1:{args.port}/{{lang}}/w/api.php", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
