"""Reading articles: encodings and bad input give clear one-line errors."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from reader.core.source import InputError, read_source


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
