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
