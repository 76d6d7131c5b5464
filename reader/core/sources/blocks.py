"""HTML helpers shared by the web, saved-HTML and EPUB readers: decoding with the declared
charset, removing what a reader never sees (scripts, styles, hidden elements) and turning
a tree into lines of prose.

Nothing here touches the network or the disk.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from reader.core.source import InputError, looks_binary

# the elements whose content is never prose a reader sees
INVISIBLE = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
             "embed", "canvas", "head", "select", "button", "input", "textarea")
BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul"))
# classes that common CSS frameworks hide (or show to screen readers only)
HIDDEN_CLASSES = frozenset(("hidden", "d-none", "is-hidden", "visually-hidden", "sr-only",
                            "screen-reader-text", "invisible"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
# a doctype, with an internal subset (whose entities are never expanded, and whose "]>"
# the HTML parser would otherwise read as text)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.I | re.S)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}


def _codec(label: str | None) -> str | None:
    """The Python codec of a charset label, or None for a label Python does not know."""
    if not label:
        return None
    label = _ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str, str]:
    """Decode an HTML page: (text, encoding, note).

    A byte-order mark wins, then the charset ``declared`` (the HTTP header), then the
    ``<meta>`` tag, else UTF-8. A page that is not what it claims is decoded as cp1252 and
    the note says so."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, ""
    if looks_binary(data[:8192]):
        raise InputError("looks like a binary file, not a web page")
    claimed = _codec(declared) or _codec(meta_charset(data))
    if claimed and claimed.startswith("utf-16"):  # a UTF-16 page without BOM is rare
        claimed = None  # and an 8-bit page lying about it is not
    encoding = claimed or "utf-8"
    try:
        return data.decode(encoding), encoding, ""
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    said = f"claims {encoding}" if claimed else "not UTF-8"
    return text, "cp1252", f"{said} but is not: decoded as cp1252"


def parse(markup: str) -> lxml_html.HtmlElement:
    """A forgiving parse of an HTML or XHTML document (no network, no entities fetched)."""
    markup = _XML_DECL.sub("", markup, count=1)
    markup = _DOCTYPE.sub("", markup[:65536], count=1) + markup[65536:]
    markup = _CONTROL.sub("", markup)  # lxml refuses control characters
    if not markup.strip():
        raise InputError("empty page, nothing to read")
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML ({exc})") from None


def _hidden(el: lxml_html.HtmlElement) -> bool:
    """Whether the element is hidden from a reader by its attributes (``hidden``,
    ``aria-hidden``, an inline style, a hiding class)."""
    get = el.attrib.get
    return ("hidden" in el.attrib or get("aria-hidden", "").lower() == "true"
            or not HIDDEN_CLASSES.isdisjoint(get("class", "").lower().split())
            or bool(_HIDDEN_STYLE.search(get("style", "")))
            or get("type", "").lower() == "hidden")


def drop_invisible(root: lxml_html.HtmlElement, keep_head: bool = False) -> None:
    """Remove, in place, what is never shown as text: scripts (except JSON-LD metadata,
    which holds no prose), styles, comments, hidden elements. With ``keep_head`` the head
    stays (its metadata names the title, site, author and date)."""
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            doomed.append(el)
            continue
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag == "head" and keep_head:
            continue
        if tag == "script" and el.get("type", "").lower() == "application/ld+json":
            continue
        if tag in INVISIBLE or _hidden(el):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # keep the text that follows the removed element
        if el.tail and el.tail.strip():
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _pieces(el: etree._Element) -> Iterator[str]:
    """The text of ``el`` with ``"\\n\\n"`` around blocks and ``"\\n"`` for ``<br>``."""
    tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
    block = tag in BLOCKS
    if block:
        yield "\n\n"
    if tag == "br":
        yield "\n"
    if el.text and isinstance(el.tag, str):
        yield el.text
    for child in el:
        yield from _pieces(child)
    if block:
        yield "\n\n"
    if el.tail:
        yield el.tail


def tidy(raw: str) -> str:
    """Prose lines: spaces inside a line collapsed, one blank line between paragraphs."""
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n\n".join(line for line in lines if line)


def block_text(root: etree._Element) -> str:
    """The visible prose of ``root``: one paragraph (block) per line, blank lines between."""
    return tidy("".join(_pieces(root)))
