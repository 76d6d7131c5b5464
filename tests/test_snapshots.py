"""SVG snapshots of the main screens (textual is pinned exactly so these stay stable).

Update after an intended visual change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
from textual.pilot import Pilot

from reader.tools.stubwiki import sample_wiki
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.service import LookupService
from tests.ui_helpers import make_app, select, settle

API = "https://{lang}.wiki.test/w/api.php"
SIZE = (120, 36)


def _service(tmp_path: Path, transport: httpx.AsyncBaseTransport | None = None,
             offline: bool = False) -> LookupService:
    client = None if offline else WikiClient(API, transport=transport
                                             or sample_wiki().transport())
    return LookupService(client, Cache(tmp_path / "cache"), offline=offline)


def _selecting(name: str, *keys: str):  # type: ignore[no-untyped-def]
    """A run_before that selects ``name`` in the entity list, waits, then presses ``keys``."""
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if pilot.app.size.width < 100:  # the entity panel is a drawer: open it
            await pilot.press("l")
        await select(pilot, name)
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run


def test_main_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settle)


def test_entity_selected(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_selecting("Wladimir Putin"))


def test_candidate_list(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lookup=_service(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=_selecting("Kursk", "tab"))


def test_lookup_error(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unavailable = httpx.MockTransport(lambda request: httpx.Response(503))
    app = make_app(lookup=_service(tmp_path, unavailable))
    assert snap_compare(app, terminal_size=SIZE, run_before=_selecting("Wladimir Putin"))


def test_offline_mode(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    three_days_ago = time.time() - 3 * 86_400 - 600
    online = LookupService(WikiClient(API, transport=sample_wiki().transport()),
                           Cache(tmp_path / "cache"), clock=lambda: three_days_ago)
    asyncio.run(online.lookup("Wladimir Putin", "de"))
    app = make_app(lookup=_service(tmp_path, offline=True))
    # tall enough for the whole background, down to its "cached … · offline" line
    assert snap_compare(app, terminal_size=(120, 48), run_before=_selecting("Wladimir Putin"))


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run)


def test_narrow_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(64, 24), run_before=_selecting("Kim Jong-un"))


def test_active_filter(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"pu", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run)


def test_passages_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE,
                        run_before=_selecting("Wladimir Putin", "n", "p"))


def test_search_in_article(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("s", *"staatschef", "enter", "right_square_bracket")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run)


def test_merge_chooser(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE,
                        run_before=_selecting("Kiew", "m", *"uk"))


def test_palette_commands(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+p", *"gloss")
        from textual.command import CommandList

        for _ in range(100):  # the palette searches in the background
            await pilot.pause(0.05)
            found = pilot.app.screen.query(CommandList)
            if found and found.first().option_count >= 3:
                break
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run)


def test_drawer_at_80_columns(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(80, 24),
                        run_before=_selecting("Kim Jong-un"))


def test_library_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.library.store import Library, text_hash
    from reader.ui.app import ReaderApp

    lib = Library(tmp_path / "data", clock=lambda: time.time() - 300)
    for title, lang, n, share in (("Putin dankt Kim für Truppen", "de", 14, 3),
                                  ("The Siege of Leningrad", "en", 212, 1)):
        text = f"{title} " * 100
        lib.opened(text, f"/articles/{title}.txt", title, lang)
        lib.save_position(text_hash(text), len(text) * share // 4, "", n)
    assert snap_compare(ReaderApp(None, library=lib), terminal_size=(100, 12),
                        run_before=lambda pilot: pilot.pause(0.3))
