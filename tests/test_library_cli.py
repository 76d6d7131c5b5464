"""The library on the command line: reader annotate applies the app's corrections (--raw
does not), reader glossary, reader config path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library.corrections import Correction
from reader.library.store import Library, text_hash
from tests.conftest import SAMPLE_DE


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library and settings of this test only."""
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "data"


def _names(out: str) -> dict[str, str]:
    return {e["name"]: e["label"] for e in json.loads(out)["entities"]}


def test_annotate_applies_corrections_and_raw_does_not(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(SAMPLE_DE)]) == 0
    raw = _names(capsys.readouterr().out)
    assert not data_dir.exists()  # annotate never creates the library
    assert "Wladimir Putin" in raw and "Kursk" in raw
    lib = Library()
    key = text_hash(SAMPLE_DE.read_text(encoding="utf-8"))
    lib.correct(key, Correction("hide", "Kursk"))
    lib.correct(key, Correction("relabel", "Wladimir Putin", "ORG"))
    lib.close()
    assert main(["annotate", str(SAMPLE_DE)]) == 0
    fixed = _names(capsys.readouterr().out)
    assert "Kursk" not in fixed and fixed["Wladimir Putin"] == "ORG"
    assert main(["annotate", "--raw", str(SAMPLE_DE)]) == 0
    assert _names(capsys.readouterr().out) == raw


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_glossary_offline_without_a_cache(data_dir: Path, fmt: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "--format", fmt, str(SAMPLE_DE)]) == 0
    out = capsys.readouterr().out
    assert "Wladimir Putin" in out
    if fmt == "json":
        data = json.loads(out)
        assert "Wladimir Putin" in data["no_background"]
        assert data["types"]["PER"][0]["background"] is None
    elif fmt == "md":
        assert "## People" in out and "No background yet for" in out
    else:
        assert out.startswith("<!DOCTYPE html>") and "<h2>People" in out


def test_config_path(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(data_dir.parent / "config.toml")
