"""The command line: annotate output and clear, one-line errors with exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.model import Document
from reader.core.source import Source
from reader.core.sources.pagecache import PageCache
from reader.library.analysis_cache import AnalysisCache
from tests.conftest import ROOT, SAMPLE_DE


def test_annotate_json_document_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(SAMPLE_DE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "de"
    assert "bundled" in data["pipeline"]
    text = SAMPLE_DE.read_text(encoding="utf-8")
    assert data["entities"], "no entities found"
    for entity in data["entities"]:
        assert set(entity) >= {"name", "label", "variants", "mentions"}
        assert entity["label"] in ("PER", "LOC", "ORG", "MISC")
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
            assert m["text"] in entity["variants"]


def test_annotate_offsets_index_a_crlf_file_as_read(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    crlf = tmp_path / "article-crlf.txt"
    crlf.write_bytes(SAMPLE_DE.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert main(["annotate", str(crlf)]) == 0
    data = json.loads(capsys.readouterr().out)
    with crlf.open(encoding="utf-8", newline="") as fh:  # the file as it is, CR LF kept
        text = fh.read()
    assert text.count("\r\n") > 10
    mentions = [m for entity in data["entities"] for m in entity["mentions"]]
    assert len(mentions) > 30
    off = [m for m in mentions if text[m["start"]:m["end"]] != m["text"]]
    assert off == [], f"{len(off)} of {len(mentions)} mentions are off"
    assert "line ends as in the file" in data["offsets"]
    # the same entities as the LF original, at the same places in the text
    assert main(["annotate", str(SAMPLE_DE)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert [e["name"] for e in plain["entities"]] == [e["name"] for e in data["entities"]]


def test_annotate_says_a_language_is_not_supported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    french = tmp_path / "fr.txt"
    french.write_text("Le président Emmanuel Macron a rencontré le chancelier allemand à "
                      "Paris. Ils ont parlé de l'Ukraine et de la Russie.\n", encoding="utf-8")
    assert main(["annotate", str(french)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["detected_language"] == "fr" and data["language_supported"] is False
    assert data["language"] in ("de", "en") and data["language_from"] == "detection"
    pipeline = {"de": "German", "en": "English"}[data["language"]]
    assert captured.err.splitlines() == [
        f"reader: fr.txt: French (fr) is not supported: read with the {pipeline} pipeline "
        f"(--lang de|en to choose)"]
    # --lang overrides, and nothing is said
    assert main(["annotate", str(french), "--lang", "de"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["language"] == "de" and data["language_from"] == "--lang"
    assert data["language_supported"] is True and captured.err == ""
    assert main(["annotate", str(french), "--format", "md"]) == 0
    assert "French (fr) is not supported" in capsys.readouterr().out


def test_annotate_german_article_behind_a_long_url(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "url.txt"
    article.write_text(
        "https://www.example.com/news/world/europe/2025/09/03/the-leaders-of-russia-and-"
        "north-korea-meet-in-beijing-at-the-parade-for-the-end-of-the-war-with-japan.html"
        "?utm_source=the_newsletter&utm_medium=email&utm_campaign=for-the-readers-of-the-day"
        "\n\nPutin und Kim in Peking. Der russische Präsident dankte Nordkorea für die "
        "Truppen.\n", encoding="utf-8")
    assert main(["annotate", str(article)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "de" and data["language_supported"] is True
    assert "bundled" in data["pipeline"] and "de" in data["pipeline"]


def test_annotate_markdown_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(SAMPLE_DE), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "## People" in out and "| name | mentions | variants |" in out


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, cwd=ROOT, input=None if stdin is None else stdin.decode())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "e.txt", (d / "e.txt").write_text(""))[0], "empty file"),
        (lambda d: (d / "b.bin", (d / "b.bin").write_bytes(b"\x7fELF\x00\x00"))[0], "binary"),
    ],
)
def test_bad_input_one_line_error(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    for cmd in (["annotate", str(path)], [str(path)]):
        result = _run(*cmd)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and message in result.stderr
        assert "Traceback" not in result.stderr


def test_annotate_reads_stdin() -> None:
    result = _run("annotate", "-", "--lang", "en",
                  stdin=b"Barack Obama visited Berlin and met Angela Merkel.\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "en"


def test_app_needs_a_terminal() -> None:
    result = _run(str(SAMPLE_DE))
    assert result.returncode == 2 and "terminal" in result.stderr


def test_models_path_is_loadable() -> None:
    import spacy

    result = _run("models", "path", "de")
    assert result.returncode == 0
    nlp = spacy.load(result.stdout.strip())
    assert "ner" in nlp.pipe_names


def test_lookup_offline_and_cache_commands(tmp_path: Path) -> None:
    import asyncio

    from reader.tools.stubwiki import sample_wiki
    from reader.wiki.cache import Cache
    from reader.wiki.client import WikiClient
    from reader.wiki.service import LookupService

    service = LookupService(WikiClient("https://{lang}.wiki.test/w/api.php",
                                       transport=sample_wiki().transport()), Cache(tmp_path))
    asyncio.run(service.lookup("Wladimir Putin", "de"))
    found = _run("lookup", "Wladimir Putin", "--offline", "--cache-dir", str(tmp_path))
    assert found.returncode == 0 and "russischer Politiker" in found.stdout
    assert "cached" in found.stdout
    missing = _run("lookup", "Kim Jong-un", "--offline", "--cache-dir", str(tmp_path))
    assert missing.returncode == 1 and "reader prefetch" in missing.stderr
    stats = _run("cache", "stats", "--cache-dir", str(tmp_path))
    assert "found      1" in stats.stdout
    assert "pages      0" in stats.stdout and "analyses   0" in stats.stdout
    # a web page kept for --offline and an analysed text are counted too
    PageCache(tmp_path).put("https://news.test/a", Source(name="a", text="Text.", encoding="utf-8"))
    analyses = AnalysisCache(tmp_path)
    analyses.put("k", Document(text="Text.", language="de", pipeline="p", entities=[]))
    stats = _run("cache", "stats", "--cache-dir", str(tmp_path))
    assert "pages      1 (web pages kept for --offline)" in stats.stdout
    assert "analyses   1 (" in stats.stdout
    export = _run("cache", "export", "--cache-dir", str(tmp_path))
    assert json.loads(export.stdout.splitlines()[0])["title"] == "Wladimir Putin"
    cleared = _run("cache", "clear", "--cache-dir", str(tmp_path))
    assert "removed 1" in cleared.stdout


def _names(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, set[str]]:
    assert main(["annotate", str(path)]) == 0
    by_label: dict[str, set[str]] = {}
    for entity in json.loads(capsys.readouterr().out)["entities"]:
        by_label.setdefault(entity["label"], set()).add(entity["name"])
    return by_label


def test_bundled_german_pipeline_finds_the_sample_people_and_places(
        capsys: pytest.CaptureFixture[str]) -> None:
    names = _names(capsys, SAMPLE_DE)
    assert names["PER"] >= {"Wladimir Putin", "Kim Jong-un", "Xi Jinping", "Donald Trump",
                            "Shehbaz Sharif"}
    assert names["LOC"] >= {"Peking", "Russland", "Nordkorea", "Ukraine", "Kursk", "Moskau",
                            "Kiew", "Pjöngjang", "China"}
    # variants are merged: no place is listed twice under another form, and a place the
    # text only has in the genitive ("Chinas") is listed as the name itself
    assert not names["LOC"] & {"Russlands", "Nordkoreas", "Region Kursk", "Chinas"}


def test_bundled_english_pipeline_finds_entities(capsys: pytest.CaptureFixture[str]) -> None:
    names = _names(capsys, ROOT / "sample_articles" / "article-en-rhine-low-water.txt")
    assert {"Rotterdam", "Duisburg", "Switzerland"} <= names["LOC"]
