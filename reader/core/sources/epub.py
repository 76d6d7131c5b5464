"""EPUB books, read with the standard library's zipfile and lxml; nothing is written to disk.

The chapters come in spine order, each starting with its title (from the book's table of
contents, else its first heading), and :attr:`Source.toc` lists (title, offset) for each.
A book is a zip file from anyone, so reading it is bounded: each part and the whole are
read up to a limit of uncompressed bytes whatever the zip claims (a zip bomb stops
there), a path that leaves the book is refused, and XML is parsed without entities, DTDs
or network. A DRM-protected (encrypted) or malformed book is a one-line error.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from urllib.parse import unquote

from lxml import etree

from reader.core.source import InputError, Source
from reader.core.sources.blocks import block_text, decode_html, drop_invisible, parse

MAX_PART = 16 * 1024 * 1024  # uncompressed bytes of one chapter or manifest file
MAX_BOOK = 64 * 1024 * 1024  # uncompressed bytes read from the whole book
# encryption.xml may only obfuscate fonts (IDPF, Adobe); anything else is DRM
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                       huge_tree=False, recover=True)


def _local(tag: object) -> str:
    """An element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _TooLarge(InputError):
    """The book unpacks to more than reader reads."""


class _Book:
    """The zip of a book, read within :data:`MAX_PART` and :data:`MAX_BOOK`."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise InputError("not an EPUB book (not a zip file)") from None
        self.names = set(self.zip.namelist())
        self.budget = MAX_BOOK

    def read(self, name: str) -> bytes:
        """The uncompressed bytes of the part ``name``, bounded."""
        if name not in self.names:
            raise InputError(f"malformed EPUB: {name} is missing")
        info = self.zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise InputError("the book is encrypted (DRM-protected): reader cannot open it")
        limit = min(MAX_PART, self.budget)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                RuntimeError, OSError) as exc:
            raise InputError(f"malformed EPUB: cannot read {name} ({exc})") from None
        if len(data) > limit:
            raise _TooLarge(f"the book unpacks to more than {limit // (1024 * 1024)} MB "
                             f"({name}): not read (a zip bomb?)")
        self.budget -= len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        """The part ``name`` parsed as XML (no entities, no DTD, no network)."""
        try:
            root = etree.fromstring(self.read(name), _XML)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"malformed EPUB: {name} is not XML ({exc})") from None
        if root is None:
            raise InputError(f"malformed EPUB: {name} is not XML")
        return root


def _inside(base: str, href: str) -> str:
    """The zip name of ``href`` relative to the folder ``base``; a path that leaves the
    book is refused."""
    path = unquote(href.split("#", 1)[0])
    full = posixpath.normpath(posixpath.join(base, path)) if path else ""
    if not full or full.startswith(("../", "/")) or full == ".." or "\\" in full:
        raise InputError(f"malformed EPUB: a path leaves the book ({href[:80]})")
    return full


def _check_drm(book: _Book) -> None:
    if "META-INF/rights.xml" in book.names:
        raise InputError("the book is DRM-protected (Adobe rights): reader cannot open it")
    if "META-INF/encryption.xml" in book.names:
        algorithms = {el.get("Algorithm", "") for el in book.xml("META-INF/encryption.xml").iter()
                      if _local(el.tag) == "EncryptionMethod"}
        if algorithms - set(FONT_OBFUSCATION):
            raise InputError("the book is DRM-protected (encrypted): reader cannot open it")


def _toc_titles(book: _Book, items: dict[str, tuple[str, str, str]], toc_id: str
                ) -> dict[str, str]:
    """{chapter's zip name: title} from the EPUB 3 navigation document or the EPUB 2 NCX."""
    titles: dict[str, str] = {}
    nav = next((href for href, _, props in items.values() if "nav" in props.split()), None)
    try:
        if nav is not None:
            root = parse(decode_html(book.read(nav))[0])
            navs = [n for n in root.iter("nav") if "toc" in n.get("epub:type", "")]
            for a in (navs or list(root.iter("nav"))[:1] or [root])[0].iter("a"):
                label = " ".join(a.text_content().split())
                if a.get("href") and label:
                    titles.setdefault(_inside(posixpath.dirname(nav), a.get("href", "")),
                                      label)
        elif toc_id in items:
            ncx = items[toc_id][0]
            for point in book.xml(ncx).iter():
                if _local(point.tag) != "navPoint":
                    continue
                label = next((" ".join("".join(t.itertext()).split()) for t in point.iter()
                              if _local(t.tag) == "text"), "")
                src = next((c.get("src", "") for c in point if _local(c.tag) == "content"), "")
                if label and src:
                    titles.setdefault(_inside(posixpath.dirname(ncx), src), label)
    except _TooLarge:
        raise
    except InputError:  # a broken table of contents: the chapters' headings serve
        return titles
    return titles


def _metadata(opf: etree._Element) -> dict[str, str]:
    """The book's first title, creator and date (Dublin Core)."""
    found: dict[str, str] = {}
    for el in opf.iter():
        key = _local(el.tag)
        if key in ("title", "creator", "date") and key not in found:
            found[key] = " ".join("".join(el.itertext()).split())
    return found


def _chapter(book: _Book, name: str) -> tuple[str, str]:
    """The text of one chapter and its first heading."""
    root = parse(decode_html(book.read(name))[0])
    drop_invisible(root)
    heading = next((" ".join(h.text_content().split()) for h in root.iter("h1", "h2", "h3")),
                   "")
    return block_text(root), heading


def epub_source(name: str, data: bytes) -> Source:
    """A :class:`Source` of the EPUB book ``data``: its chapters in spine order."""
    try:
        return _read(name, data)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError, struct.error, LookupError) as exc:  # a damaged zip
        raise InputError(f"{name}: malformed EPUB ({type(exc).__name__}: "
                         f"{' '.join(str(exc).split())[:100]})") from None


def _read(name: str, data: bytes) -> Source:
    book = _Book(data)
    _check_drm(book)
    container = book.xml("META-INF/container.xml")
    opf_name = next((el.get("full-path", "") for el in container.iter()
                     if _local(el.tag) == "rootfile"), "")
    opf_name = _inside("", opf_name) if opf_name else ""
    if not opf_name:
        raise InputError("malformed EPUB: no package document in META-INF/container.xml")
    opf = book.xml(opf_name)
    base = posixpath.dirname(opf_name)
    items = {el.get("id", ""): (_inside(base, el.get("href", "")), el.get("media-type", ""),
                                el.get("properties", ""))
             for el in opf.iter() if _local(el.tag) == "item" and el.get("href")}
    spine = next((el for el in opf.iter() if _local(el.tag) == "spine"), None)
    if spine is None:
        raise InputError("malformed EPUB: the package has no spine")
    titles = _toc_titles(book, items, spine.get("toc", ""))
    parts: list[str] = []
    toc: list[tuple[str, int]] = []
    offset = 0
    for ref in spine:
        item = items.get(ref.get("idref", "") if _local(ref.tag) == "itemref" else "")
        if item is None or "html" not in item[1]:
            continue
        text, heading = _chapter(book, item[0])
        if not text:
            continue
        title = titles.get(item[0]) or heading
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        if parts:
            offset += 2
        toc.append((title or f"Part {len(toc) + 1}", offset))
        parts.append(text)
        offset += len(text)
    if not parts:
        raise InputError("no readable text in the book")
    meta = _metadata(opf)
    return Source(name=name, text="\n\n".join(parts), encoding="utf-8", kind="epub",
                  title=meta.get("title", ""), author=meta.get("creator", ""),
                  date=meta.get("date", ""), toc=tuple(toc))
