"""The command line on web pages, HTML, Markdown and EPUB: offsets index the text the JSON
carries, a page reopens with --offline, and every failure is one line with its status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli.main import main
from tests.test_sources_epub import build_epub
from tests.test_sources_html import ARTICLE, news_page
from tests.test_sources_markdown import DOC
from tests.test_web import server  # noqa: F401  (the loopback server fixture)


def annotate(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["annotate", *args]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    mentions = [m for e in data["entities"] for m in e["mentions"]]
    assert mentions, "no entities found"
    for m in mentions:  # offsets index the text the JSON carries
        assert data["text"][m["start"]:m["end"]] == m["text"]
    return data


def names(data: dict[str, Any]) -> set[str]:
    return {e["name"] for e in data["entities"]}


def test_annotate_a_url_then_offline(server: str, tmp_path: Path,  # noqa: F811
                                     capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{server}/news"
    online = annotate(capsys, url, "--cache-dir", str(tmp_path))
    assert online["format"] == "web" and online["source"] == url
    assert (online["title"], online["site"], online["author"], online["date"]) == (
        "Putin dankt Kim für Truppen", "Tagesblatt", "Anna Schmidt", "2025-09-03")
    assert "extracted from the web page" in online["offsets"]
    assert ARTICLE[0] in online["text"]
    assert {"Wladimir Putin", "Xi Jinping"} <= names(online)
    assert not names(online) & {"Angela Merkel", "Olaf Scholz", "Donald Trump", "Joe Biden"}
    offline = annotate(capsys, url, "--offline", "--cache-dir", str(tmp_path))
    assert offline["text"] == online["text"] and offline["entities"] == online["entities"]


@pytest.mark.parametrize(("path", "code", "message"), [
    ("/missing", 1, "the server answered HTTP 404 Not Found"),
    ("/pdf", 2, "not HTML or text (application/pdf)"),
])
def test_a_page_that_cannot_be_read_is_one_line(
        server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
        path: str, code: int, message: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["annotate", f"{server}{path}", "--cache-dir", str(tmp_path)])
    assert exit_.value.code == code
    assert capsys.readouterr().err == f"reader: {server}{path}: {message}\n"


def test_offline_without_a_copy_is_one_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["annotate", "https://example.org/x", "--offline", "--cache-dir", str(tmp_path)])
    assert exit_.value.code == 1
    assert capsys.readouterr().err == ("reader: https://example.org/x: not fetched before, "
                                       "and --offline fetches nothing\n")


def test_annotate_saved_html_markdown_and_epub(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "putin.html"
    page.write_text(news_page(), encoding="utf-8")
    html = annotate(capsys, str(page))
    assert html["format"] == "html" and html["title"] == "Putin dankt Kim für Truppen"
    assert not any("<" in m["text"] for e in html["entities"] for m in e["mentions"])
    notes = tmp_path / "notes.md"
    notes.write_text(DOC, encoding="utf-8")
    md = annotate(capsys, str(notes), "--lang", "de")
    assert md["format"] == "markdown"
    assert not names(md) & {"Olaf Scholz", "Boris Johnson", "Joe Biden", "Donald Trump"}
    assert not any(c in m["text"] for e in md["entities"] for m in e["mentions"]
                   for c in "*[]()|#`")
    book = annotate(capsys, str(build_epub(tmp_path / "reise.epub")), "--lang", "de")
    assert book["format"] == "epub" and book["title"] == "Die Reise"
    assert [t["title"] for t in book["toc"]] == ["Erstes Kapitel", "Zweites Kapitel"]
    for entry in book["toc"]:
        assert book["text"][entry["offset"]:].startswith(entry["title"])


def test_help_lists_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    for fmt in ("plain text", "web page", "saved HTML", "Markdown", "EPUB", ".epub", ".md",
                ".html", "http://"):
        assert fmt in shown


def test_a_url_without_its_scheme_gets_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["annotate", "www.example.org/news/article"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err == (
        "reader: www.example.org/news/article: no such file (a web page needs its http:// "
        "or https://)\n")


def test_the_json_text_of_a_text_file_is_the_file_as_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Angela Merkel traf\r\nEmmanuel Macron in Paris.\r\n")
    data = annotate(capsys, str(path), "--lang", "de")
    with path.open(encoding="utf-8", newline="") as fh:
        assert data["text"] == fh.read()
    assert data["format"] == "text" and "title" not in data
