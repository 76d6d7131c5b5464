"""SVG snapshots of issue 15's screens: the richer card and the whole article.

Update after an intended visual change with:
pytest tests/test_wiki_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.tools.stubpages import demo_wiki
from reader.ui.widgets.detail import DetailPane
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.service import LookupService
from tests.fakes import SAMPLE_NAMES
from tests.ui_helpers import make_app, select, settle

API = "https://{lang}.wiki.test/w/api.php"
SIZE = (120, 40)


def _app(tmp_path: Path):  # type: ignore[no-untyped-def]
    service = LookupService(WikiClient(API, transport=demo_wiki().transport()),
                            Cache(tmp_path / "cache"), clock=lambda: 1_790_000_000.0)
    return make_app(names={**SAMPLE_NAMES, "AP": "ORG"}, lookup=service)


def test_richer_card(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await select(pilot, "Kursk")  # the region: coordinates, languages, last edit
        await settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=run)


def test_whole_article(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await settle(pilot)
        while not isinstance(pilot.app.focused, DetailPane):
            await pilot.press("tab")
        await pilot.press("w")
        await settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=run)
