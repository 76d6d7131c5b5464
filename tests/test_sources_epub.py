"""EPUB books: chapters in spine order with their titles, a table of contents, and hostile
or protected books refused in one line, with nothing written to disk."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from reader.core.source import InputError
from reader.core.sources import epub, open_source

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf"
 media-type="application/oebps-package+xml"/></rootfiles></container>"""
CHAPTERS = [
    ("ch2.xhtml", "Erstes Kapitel",
     "<h1>Erstes Kapitel</h1><p>Wladimir Putin reiste nach Peking.</p>"
     "<script>var x = 'Angela Merkel';</script><p hidden>Donald Trump</p>"),
    ("ch1.xhtml", "Zweites Kapitel",
     "<p>Kim Jong-un traf Xi Jinping&#160;in der Hauptstadt.</p><p>Ende.</p>"),
]


def chapter(body: str) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'"
            " xmlns:epub='http://www.idpf.org/2007/ops'><head><title>t</title>"
            f"<style>p {{ color: red }}</style></head><body>{body}</body></html>")


def opf(items: str, spine: str, toc: str = "") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Die Reise</dc:title>
<dc:creator>Anna Schmidt</dc:creator><dc:date>2025-09-03</dc:date></metadata>
<manifest>{items}</manifest><spine{toc}>{spine}</spine></package>"""


def build_epub(path: Path, *, nav: bool = True, extra: Mapping[str, bytes | str] | None = None,
               chapters: list[tuple[str, str, str]] | None = None) -> Path:
    """A small EPUB: chapters listed in the spine in the order given (not file order),
    with an EPUB 3 nav document or, without ``nav``, an EPUB 2 NCX."""
    chapters = CHAPTERS if chapters is None else chapters
    items = "".join(f'<item id="c{i}" href="{name}" media-type="application/xhtml+xml"/>'
                    for i, (name, _, _) in enumerate(chapters))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    files: dict[str, bytes | str] = {
        "META-INF/container.xml": CONTAINER,
        **{f"OEBPS/{name}": chapter(body) for name, _, body in chapters}}
    if nav:
        links = "".join(f'<li><a href="{n}">{t}</a></li>' for n, t, _ in chapters)
        items += ('<item id="nav" href="nav.xhtml" properties="nav" '
                  'media-type="application/xhtml+xml"/>')
        files["OEBPS/nav.xhtml"] = chapter(f'<nav epub:type="toc"><ol>{links}</ol></nav>')
        toc = ""
    else:
        points = "".join(f'<navPoint id="p{i}"><navLabel><text>{t}</text></navLabel>'
                         f'<content src="{n}"/></navPoint>'
                         for i, (n, t, _) in enumerate(chapters))
        items += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        files["OEBPS/toc.ncx"] = (f'<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/">'
                                  f"<navMap>{points}</navMap></ncx>")
        toc = ' toc="ncx"'
    files["OEBPS/content.opf"] = opf(items, spine, toc)
    files.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        for name, data in files.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("nav", [True, False], ids=["epub3-nav", "epub2-ncx"])
def test_chapters_in_spine_order_with_titles_and_toc(tmp_path: Path, nav: bool) -> None:
    s = open_source(str(build_epub(tmp_path / "reise.epub", nav=nav)))
    assert s.kind == "epub" and s.extracted
    assert s.text == ("Erstes Kapitel\n\nWladimir Putin reiste nach Peking.\n\n"
                      "Zweites Kapitel\n\nKim Jong-un traf Xi Jinping in der Hauptstadt."
                      "\n\nEnde.")
    assert [t for t, _ in s.toc] == ["Erstes Kapitel", "Zweites Kapitel"]
    for title, offset in s.toc:
        assert s.text[offset:offset + len(title)] == title
    assert (s.title, s.author, s.date) == ("Die Reise", "Anna Schmidt", "2025-09-03")
    assert "Merkel" not in s.text and "Trump" not in s.text and "color" not in s.text


def test_an_epub_is_sniffed_without_its_suffix(tmp_path: Path) -> None:
    book = build_epub(tmp_path / "book.epub")
    renamed = book.rename(tmp_path / "download")
    assert open_source(str(renamed)).kind == "epub"


ENCRYPTION = """<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
<enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData>
<enc:CipherReference URI="OEBPS/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>"""


@pytest.mark.parametrize(("extra", "message"), [
    ({"META-INF/encryption.xml": ENCRYPTION.format(
        algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc")}, "DRM-protected"),
    ({"META-INF/rights.xml": "<rights/>"}, "DRM-protected"),
    ({"META-INF/container.xml": "<container/>"}, "malformed EPUB: no package document"),
    ({"OEBPS/content.opf": "<package><manifest/></package>"}, "malformed EPUB: the package"),
])
def test_protected_or_malformed_books_are_one_line(tmp_path: Path, extra: dict[str, str],
                                                   message: str) -> None:
    book = build_epub(tmp_path / "bad.epub", extra=extra)
    with pytest.raises(InputError, match=rf"^bad\.epub: .*{message}") as err:
        open_source(str(book))
    assert "\n" not in str(err.value)


def test_font_obfuscation_is_not_drm(tmp_path: Path) -> None:
    extra = {"META-INF/encryption.xml": ENCRYPTION.format(
        algorithm="http://www.idpf.org/2008/embedding")}
    assert "Wladimir Putin" in open_source(str(build_epub(tmp_path / "f.epub", extra=extra))).text


def test_not_a_zip_and_a_missing_chapter(tmp_path: Path) -> None:
    fake = tmp_path / "fake.epub"
    fake.write_text("not a zip at all", encoding="utf-8")
    with pytest.raises(InputError, match=r"^fake\.epub: not an EPUB book"):
        open_source(str(fake))
    book = build_epub(tmp_path / "missing.epub", chapters=[
        *CHAPTERS, ("gone.xhtml", "Fehlt", "<p>x</p>")])
    with zipfile.ZipFile(book) as zf:
        kept = {n: zf.read(n) for n in zf.namelist() if not n.endswith("gone.xhtml")}
    with zipfile.ZipFile(book, "w") as zf:
        for name, data in kept.items():
            zf.writestr(name, data)
    with pytest.raises(InputError, match=r"malformed EPUB: OEBPS/gone\.xhtml is missing"):
        open_source(str(book))


def test_a_zip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    monkeypatch.setattr(epub, "MAX_PART", 1024 * 1024)
    bomb = "<p>" + "A" * (8 * 1024 * 1024) + "</p>"  # 8 MB that deflate to a few KB
    book = build_epub(tmp_path / "bomb.epub", chapters=[("ch1.xhtml", "Bombe", bomb)])
    assert book.stat().st_size < 100_000
    with pytest.raises(InputError, match="unpacks to more than 1 MB"):
        open_source(str(book))


def test_the_whole_book_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MAX_BOOK", 64 * 1024)
    body = "<p>" + "Putin reiste. " * 2000 + "</p>"  # 28 KB a chapter: 3 pass no limit
    book = build_epub(tmp_path / "long.epub",
                      chapters=[(f"c{i}.xhtml", f"K{i}", body) for i in range(3)])
    with pytest.raises(InputError, match="unpacks to more than"):
        open_source(str(book))


def test_path_traversal_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    book = build_epub(tmp_path / "evil.epub", chapters=[
        ("../../../etc/passwd", "Böse", "<p>x</p>")])
    with zipfile.ZipFile(book, "a") as zf:
        zf.writestr("../../outside.txt", "escaped")
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(InputError, match=r"^evil\.epub: malformed EPUB: a path leaves the book"):
        open_source(str(book))
    assert sorted(os.listdir(tmp_path)) == before
    assert not (tmp_path.parent / "outside.txt").exists()


def test_entities_in_the_xml_are_not_expanded(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 9))
              + ']><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
              '<rootfiles><rootfile full-path="OEBPS/content.opf">&lol8;</rootfile>'
              "</rootfiles></container>")
    book = build_epub(tmp_path / "lol.epub", extra={"META-INF/container.xml": laughs})
    assert "Wladimir Putin" in open_source(str(book)).text


def test_damaged_books_are_one_line(tmp_path: Path) -> None:
    """Truncated or corrupted bytes anywhere in the zip: an InputError, never another
    exception."""
    import random

    data = build_epub(tmp_path / "b.epub").read_bytes()
    rng = random.Random(1)
    for _ in range(300):
        damaged = bytearray(data[:rng.randrange(len(data))] if rng.random() < 0.3 else data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            epub.epub_source("d.epub", bytes(damaged))
        except InputError as exc:
            assert "\n" not in str(exc) and str(exc).startswith("d.epub: ")


def test_entities_in_a_chapter_are_not_expanded(tmp_path: Path) -> None:
    dtd = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 9))
    body = f'<!DOCTYPE html [<!ENTITY lol0 "lol">{dtd}]><p>Putin &lol8; traf Kim.</p>'
    s = open_source(str(build_epub(tmp_path / "lol.epub", chapters=[("c.xhtml", "K", body)])))
    assert "lol" * 100 not in s.text and "]>" not in s.text and "Putin" in s.text
    assert len(s.text) < 200
