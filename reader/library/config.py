"""reader's settings: a TOML file in the platform config directory.

    theme = "textual-light"      # any Textual theme
    language = "de"              # default language when detection is unsure: de or en
    lookups = true               # Wikipedia lookups on or off
    [keys]                       # key overrides by binding id (reader/ui/keymap.py)
    next_mention = "ctrl+n"

``READER_CONFIG`` names another file. A malformed file never stops reader: :func:`load`
returns the defaults and a one-line error naming the line.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 needs the tomli package
    import tomli as tomllib

FILE_NAME = "config.toml"
ENV_FILE = "READER_CONFIG"


def config_path() -> Path:
    """Where the settings file is (it need not exist)."""
    env = os.environ.get(ENV_FILE, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("reader", appauthor=False)) / FILE_NAME


@dataclass(frozen=True)
class Settings:
    """The settings in effect (defaults for whatever the file does not say)."""

    theme: str = ""
    language: str = ""
    lookups: bool = True
    keys: dict[str, str] = field(default_factory=dict)


def parse(text: str) -> Settings:
    """Settings from TOML text. Raises ValueError with a one-line message naming the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(" ".join(str(exc).split())) from None
    s = Settings()
    theme, language, lookups = data.get("theme", ""), data.get("language", ""), \
        data.get("lookups", True)
    if not isinstance(theme, str):
        raise ValueError(f"theme must be a string {_where(text, 'theme')}")
    if language not in ("", "de", "en"):
        raise ValueError(f"language must be de or en {_where(text, 'language')}")
    if not isinstance(lookups, bool):
        raise ValueError(f"lookups must be true or false {_where(text, 'lookups')}")
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ValueError(f"[keys] must map binding ids to keys, e.g. next_mention = "
                         f"\"ctrl+n\" {_where(text, 'keys')}")
    return replace(s, theme=theme, language=language, lookups=lookups, keys=dict(keys))


def _where(text: str, key: str) -> str:
    for i, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith((key, f"[{key}")):
            return f"(at line {i})"
    return ""


def load(path: Path | None = None) -> tuple[Settings, str]:
    """The settings and an error ("" when none): a missing file gives the defaults, a
    malformed one the defaults and ``"<path>: <what>, at line N"``."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"{path}: {exc}"
    try:
        return parse(text), ""
    except ValueError as exc:
        return Settings(), f"{path}: {exc}; using the defaults"


def save_theme(theme: str, path: Path | None = None) -> None:
    """Set ``theme = "…"`` in the settings file, keeping the rest of it as written."""
    path = path or config_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    entry = f"theme = {_quote(theme)}"
    table = next((i for i, ln in enumerate(lines) if ln.strip().startswith("[")), len(lines))
    for i, line in enumerate(lines[:table]):
        if line.strip().startswith("theme") and "=" in line:
            lines[i] = entry
            break
    else:
        lines.insert(table, entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
