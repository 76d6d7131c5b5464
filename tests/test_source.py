"""Reading articles: encodings and bad input give clear one-line errors."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest

from reader.core.source import InputError, read_source
from reader.core.sources import open_source


def test_utf8(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Grüße aus Köln\r\n", encoding="utf-8")
    s = read_source(str(p))
    assert s.text == "Grüße aus Köln\n" and s.encoding == "utf-8" and s.note == ""


def test_cp1252_fallback_is_named(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Grüße – aus Köln".encode("cp1252"))
    s = read_source(str(p))
    assert s.text == "Grüße – aus Köln"
    assert "cp1252" in s.note


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "Hallo Berlin".encode("utf-16-le"))
    assert read_source(str(p)).text == "Hallo Berlin"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01\x02ELF", "binary")],
)
def test_bad_content(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_source(str(p))


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_source(str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("x")
    p.chmod(0)
    with pytest.raises(InputError, match="permission"):
        read_source(str(p))


def test_crlf_offsets_map_back_to_the_file(tmp_path: Path) -> None:
    raw = "Putin traf\r\nKim in\r\n\r\nPeking.\rXi Jin\r\nping kam.\r\n"
    p = tmp_path / "crlf.txt"
    p.write_bytes(raw.encode("utf-8"))
    s = read_source(str(p))
    assert s.text == "Putin traf\nKim in\n\nPeking.\nXi Jin\nping kam.\n"
    for start in range(len(s.text) + 1):
        for end in range(start, len(s.text) + 1):
            assert raw[s.file_offset(start):s.file_offset(end)] == s.file_text(start, end)
    kim = s.text.index("Kim")
    assert raw[s.file_offset(kim):s.file_offset(kim + 3)] == "Kim"
    xi = s.text.index("Xi Jin\nping")
    assert s.file_text(xi, xi + 11) == "Xi Jin\r\nping"


def test_lf_offsets_are_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "lf.txt"
    p.write_text("Putin traf\nKim.\n", encoding="utf-8")
    s = read_source(str(p))
    assert s.crlf == () and s.file_offset(11) == 11 and s.file_text(0, 16) == s.text


def test_open_source_reads_text_as_read_source_does(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"Putin traf\r\nKim <b>in</b> Peking.\r\n")  # a tag in prose is not HTML
    s = open_source(str(p))
    assert s == read_source(str(p))
    assert s.kind == "text" and not s.extracted and s.heading == "a.txt" and s.byline == ""


def test_html_on_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    page = b"<!doctype html><html><head><title>T</title></head><body><p>Angela Merkel " \
           b"besuchte Paris.</p><script>var x = 'Olaf Scholz';</script></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    s = open_source("-")
    assert s.kind == "html" and s.name == "<stdin>" and s.text == "Angela Merkel besuchte Paris."


def test_a_50_mb_saved_page_is_refused_in_one_line(tmp_path: Path) -> None:
    p = tmp_path / "huge.html"
    with p.open("wb") as fh:
        fh.write(b"<html><body>")
        for _ in range(50):
            fh.write(b"<p>" + b"Putin " * 174_762 + b"</p>")
    with pytest.raises(InputError, match=r"^huge\.html: too large: more than 20 MB of HTML$"):
        open_source(str(p))
