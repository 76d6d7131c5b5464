"""SVG snapshots of the main screens (textual is pinned exactly so these stay stable).

Update after an intended visual change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from textual.pilot import Pilot

from tests.ui_helpers import make_app


async def _analysed(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _putin_selected(pilot: Pilot[None]) -> None:
    await _analysed(pilot)
    await pilot.press("tab", "down")
    await pilot.pause()


def test_main_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_analysed)


def test_entity_selected(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_putin_selected)
