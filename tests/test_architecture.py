"""The core and the Wikipedia client must not depend on the UI toolkit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CHECK = """
import importlib, pkgutil, sys
import reader.core, reader.wiki
for pkg in (reader.core, reader.wiki):
    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(mod.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] == "textual"
             or m.startswith(("reader.ui", "reader.cli")))
print(",".join(bad))
"""


def test_core_and_wiki_import_no_ui() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_import_linter_contracts_hold() -> None:
    exe = Path(sys.executable).parent / "lint-imports"
    lint = subprocess.run([str(exe), "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert lint.returncode == 0, lint.stdout + lint.stderr


STARTUP = """
import sys
import reader.cli.commands, reader.ui.app
from reader.wiki.settings import WikiSettings
service = WikiSettings.resolve(cache_dir=sys.argv[1]).service()
slow = sorted(m for m in ("httpx", "wikipediaapi", "spacy", "trafilatura")
              if m in sys.modules)
client = type(service.client).__name__  # made on first use
print(",".join(slow) or "none", client, "httpx" in sys.modules)
"""


def test_the_app_starts_without_network_or_nlp_libraries(tmp_path: Path) -> None:
    """What the app imports before its first paint leaves out httpx, wikipedia-api, spaCy
    and trafilatura (the wiki client is made on the first lookup, NER runs in processes)."""
    out = subprocess.run([sys.executable, "-c", STARTUP, str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "none WikiClient True"
