"""Saved web pages: only the article's text reaches the reader, in the declared charset.

The pages are written here: a German news page with navigation, a cookie banner, a "most
read" box, a footer, scripts, styles and hidden elements around a short article.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.source import InputError
from reader.core.sources import open_source
from reader.core.sources.blocks import decode_html
from reader.core.sources.html import looks_like_html

ARTICLE = [
    "Präsident Wladimir Putin hat dem nordkoreanischen Staatschef Kim Jong-un für die "
    "Bereitstellung von Truppen gedankt, die an der Seite der russischen Streitkräfte im "
    "Krieg gegen die Ukraine kämpfen.",
    "Die Äußerung erfolgte während eines Treffens der beiden Verbündeten am Mittwoch im "
    "Staatlichen Gästehaus Diaoyutai in Peking.",
    "Stunden zuvor waren der russische und der nordkoreanische Staatschef Ehrengäste des "
    "chinesischen Präsidenten Xi Jinping bei einer Militärparade in der Hauptstadt.",
]
# names only the page's clutter has: none may reach the text
CLUTTER = ["Angela Merkel", "Olaf Scholz", "Donald Trump", "Joe Biden", "Emmanuel Macron",
           "Borussia Dortmund", "Impressum", "Cookies", "Startseite", "Meistgelesen",
           "Boris Johnson", "Rishi Sunak", "Liz Truss"]


def news_page(charset: str = "utf-8", article: list[str] | None = None) -> str:
    """A German news page: the article amid navigation, banner, box, footer and scripts."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in (article or ARTICLE))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="{charset}">
<title>Putin dankt Kim für Truppen | Tagesblatt</title>
<meta property="og:site_name" content="Tagesblatt">
<meta property="og:title" content="Putin dankt Kim für Truppen">
<meta name="author" content="Anna Schmidt">
<meta property="article:published_time" content="2025-09-03T10:00:00+02:00">
<script>var tracking = "Angela Merkel";</script>
<style>body::before {{ content: "Olaf Scholz" }}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>Wir verwenden Cookies. Mit Klick auf
„Akzeptieren“ stimmen Sie zu.</p><button>Akzeptieren</button></div>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Putin dankt Kim für Truppen</h1>
{paragraphs}
<div hidden><p>Versteckter Text über Donald Trump.</p></div>
<p style="display: none">Unsichtbar: Joe Biden.</p>
<p aria-hidden="true">Auch unsichtbar: Boris Johnson.</p>
<template><p>Vorlage: Rishi Sunak</p></template>
<span class="sr-only visually-hidden">Nur für Vorleser: Liz Truss.</span>
<noscript>Bitte JavaScript einschalten, sagt Emmanuel Macron.</noscript>
</article>
<aside class="most-read"><h2>Meistgelesen</h2><ol><li><a href="/a">Bayern München gewinnt
gegen Borussia Dortmund</a></li><li><a href="/b">Olaf Scholz in Hamburg</a></li></ol></aside>
</main>
<footer><p>© 2025 Tagesblatt Verlag GmbH. Impressum · Datenschutz</p></footer>
<script>console.log("Emmanuel Macron");</script>
</body></html>
"""


def test_a_saved_news_page_reads_as_its_article(tmp_path: Path) -> None:
    page = tmp_path / "putin.html"
    page.write_text(news_page(), encoding="utf-8")
    s = open_source(str(page))
    assert s.kind == "html" and s.extracted
    for paragraph in ARTICLE:
        assert paragraph in s.text
    for word in CLUTTER:
        assert word not in s.text, word
    assert "<" not in s.text and ">" not in s.text
    assert (s.title, s.site, s.author, s.date) == (
        "Putin dankt Kim für Truppen", "Tagesblatt", "Anna Schmidt", "2025-09-03")
    assert s.heading == "Putin dankt Kim für Truppen"
    assert s.byline == "Tagesblatt · Anna Schmidt · 2025-09-03"
    assert s.text.startswith("Putin dankt Kim für Truppen\n\nPräsident")


def test_html_is_sniffed_without_a_suffix(tmp_path: Path) -> None:
    page = tmp_path / "saved-page"
    page.write_bytes(codecs.BOM_UTF8 + news_page().encode("utf-8"))
    s = open_source(str(page))
    assert s.kind == "html" and ARTICLE[0] in s.text
    assert looks_like_html(b"<!-- saved --> <html><body>x</body></html>")
    assert not looks_like_html(b"Putin <b>traf</b> Kim")


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252"])
def test_the_meta_charset_is_honoured(tmp_path: Path, charset: str) -> None:
    page = tmp_path / "latin.htm"
    page.write_bytes(news_page(charset).replace("„", '"').replace("“", '"')
                     .replace("©", "(c)").encode("cp1252"))
    s = open_source(str(page))
    assert ARTICLE[1] in s.text and s.encoding == "cp1252" and s.note == ""


def test_a_page_that_claims_utf8_and_is_not(tmp_path: Path) -> None:
    page = tmp_path / "liar.html"
    page.write_bytes(news_page("utf-8").replace("„", '"').replace("“", '"')
                     .replace("©", "(c)").encode("cp1252"))
    s = open_source(str(page))
    assert ARTICLE[1] in s.text
    assert "claims utf-8 but is not" in s.note and s.encoding == "cp1252"


def test_a_byte_order_mark_wins_over_the_meta_tag() -> None:
    data = codecs.BOM_UTF16_LE + news_page("iso-8859-1").encode("utf-16-le")
    text, encoding, _ = decode_html(data)
    assert encoding == "utf-16" and "Äußerung" in text


def test_a_short_page_is_read_without_its_chrome(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text("<html><body><nav>Startseite</nav><p>Angela Merkel besuchte Paris."
                    "</p><footer>Impressum</footer></body></html>", encoding="utf-8")
    s = open_source(str(page))
    assert "Angela Merkel besuchte Paris." in s.text
    assert "Startseite" not in s.text and "Impressum" not in s.text


@pytest.mark.parametrize("content", [
    "<html><body><script>alert('Merkel')</script></body></html>",
    "<html><body>   </body></html>",
])
def test_a_page_without_text_is_one_line(tmp_path: Path, content: str) -> None:
    page = tmp_path / "empty.html"
    page.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"^empty\.html: no readable text") as err:
        open_source(str(page))
    assert "\n" not in str(err.value)


def test_damaged_pages_are_read_or_one_line() -> None:
    """Random bytes written over the page (control characters, broken UTF-8): read, or an
    InputError, never another exception."""
    import random

    from reader.core.sources.html import html_source

    page = news_page().encode("utf-8")
    rng = random.Random(2)
    for _ in range(30):
        damaged = bytearray(page)
        for _ in range(rng.randint(1, 50)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            html_source("d.html", bytes(damaged))
        except InputError as exc:
            assert "\n" not in str(exc)
