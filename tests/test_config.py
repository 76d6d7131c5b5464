"""Settings: a TOML file (theme, language, lookups, key overrides); a malformed one is one
line naming the line, and the defaults apply; a theme chosen in the app is saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.config import Settings, config_path, load, parse, save_theme
from tests.ui_helpers import SIZE, make_app, reading, settle


def test_parse_reads_every_setting() -> None:
    s = parse('theme = "nord"\nlanguage = "en"\nlookups = false\n[keys]\nnext_mention = "ctrl+n"\n')
    assert s == Settings("nord", "en", False, {"next_mention": "ctrl+n"})


def test_malformed_file_is_one_line_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\nlookups = \n', encoding="utf-8")
    settings, error = load(path)
    assert settings == Settings()
    assert "\n" not in error and "line 2" in error and str(path) in error
    path.write_text('language = "fr"\n', encoding="utf-8")
    settings, error = load(path)
    assert settings == Settings() and "language must be de or en (at line 1)" in error


def test_missing_file_is_the_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "none.toml") == (Settings(), "")


def test_config_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "c.toml"))
    assert config_path() == tmp_path / "c.toml"


def test_save_theme_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\nlookups = false\n[keys]\nnext_mention = "ctrl+n"\n', encoding="utf-8")
    save_theme("nord", path)
    save_theme("gruvbox", path)
    text = path.read_text(encoding="utf-8")
    assert parse(text) == Settings("gruvbox", "", False, {"next_mention": "ctrl+n"})
    assert text.startswith("# mine\n")


async def test_app_applies_theme_and_keys_and_saves_a_new_theme(tmp_path: Path) -> None:
    app = make_app()
    app.settings = Settings(theme="nord", keys={"next_mention": "ctrl+n"})
    app.config_file = tmp_path / "config.toml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        from tests.ui_helpers import select

        await select(pilot, "Peking")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert reading(app).selection is not None and reading(app).selection.index == 1  # type: ignore[union-attr]
        app.theme = "gruvbox"
        await pilot.pause()
    assert load(tmp_path / "config.toml")[0].theme == "gruvbox"
