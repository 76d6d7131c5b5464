"""Saved web pages (and fetched ones): the article extracted with trafilatura.

Before trafilatura sees the page, everything a reader never sees is removed (scripts,
styles, elements hidden by ``hidden``, ``aria-hidden`` or an inline ``display: none``), so
none of it can reach the text. Where trafilatura finds no article (a very short page), the
page's visible prose outside navigation, headers, footers and asides is read instead.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import trafilatura

from reader.core.source import InputError, Source
from reader.core.sources.blocks import block_text, decode_html, drop_invisible, parse, tidy
from reader.core.sources.sniff import HTML_SUFFIXES, looks_like_html

__all__ = ["HTML_SUFFIXES", "Article", "extract", "html_source", "looks_like_html"]

_CHROME = ("nav", "header", "footer", "aside", "form")
# the extractor's helpers must not print on stderr (reader's errors are one line)
for _name in ("courlan", "justext", "htmldate", "trafilatura"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Article:
    """The text of a page's article and what the page says about it."""

    text: str
    title: str = ""
    site: str = ""
    author: str = ""
    date: str = ""


def _fallback(markup: str) -> str:
    """The page's visible prose without navigation, header, footer, asides and forms."""
    root = parse(markup)
    drop_invisible(root)
    for tag in _CHROME:
        for el in root.iter(tag):
            el.drop_tree()
    return block_text(root)


def extract(markup: str, url: str | None = None) -> Article:
    """The article of the HTML page ``markup`` (text, title, site, author, date); a page
    without readable text raises :class:`InputError`."""
    root = parse(markup)
    drop_invisible(root, keep_head=True)
    for nav in list(root.iter("nav")):  # menus are never the article
        nav.drop_tree()
    title_el = root.find(".//title")
    page_title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    try:
        with warnings.catch_warnings():  # e.g. dateutil on a date it cannot parse
            warnings.simplefilter("ignore")
            found = trafilatura.bare_extraction(
                root, url=url, with_metadata=True, include_comments=False,
                include_tables=False, include_images=False, include_links=False)
    except Exception:  # hostile markup must not end in a traceback:
        found = None  # the fallback below reads the page's visible prose
    text = ""
    meta: dict[str, str] = {}
    if found is not None:
        data = found if isinstance(found, dict) else found.as_dict()
        text = str(data.get("text") or "")
        meta = {k: " ".join(str(data.get(k) or "").split())
                for k in ("title", "sitename", "author", "date")}
    text = tidy(text) or _fallback(markup)
    if not text:
        raise InputError("no readable text in the page")
    author = meta.get("author", "").replace(";", ",")
    return Article(text=text, title=meta.get("title") or page_title,
                   site=meta.get("sitename", ""), author=author, date=meta.get("date", ""))


def html_source(name: str, data: bytes, *, charset: str | None = None,
                url: str = "") -> Source:
    """A :class:`Source` of the HTML page ``data`` (saved, or fetched from ``url`` with
    the HTTP ``charset``)."""
    try:
        markup, encoding, note = decode_html(data, charset)
        article = extract(markup, url or None)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    return Source(name=name, text=article.text, encoding=encoding, note=note,
                  kind="web" if url else "html", title=article.title, site=article.site,
                  author=article.author, date=article.date, url=url)
