"""Corrections in the app: hide, change type, merge, split and undo, remembered per text
and applied again when the article is reopened."""

from __future__ import annotations

from pathlib import Path

from reader.library.store import Library
from tests.ui_helpers import SIZE, entity_rows, make_app, notices, reading, select, settle


def _rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [r for r in entity_rows(app) if r.startswith("▍")]


async def test_corrections_apply_and_survive_a_reopen(tmp_path: Path) -> None:
    app = make_app(library=Library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await pilot.press("x")
        await pilot.pause()
        assert "▍Kursk  2" not in _rows(app)
        assert reading(app).selection is None
        assert "Kursk is not an entity" in notices(app)
        await select(pilot, "Kiew")
        await pilot.press("m", *"ukr", "enter")
        await pilot.pause()
        assert "▍Ukraine  3" in _rows(app)
        assert not any(r.startswith("▍Kiew") for r in _rows(app))
        view = reading(app)
        assert view.selection is not None and view.selection.entity.name == "Ukraine"
        await select(pilot, "Zweiter Weltkrieg")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "enter")  # People, Places, Organisations: Places
        await pilot.pause()
        entity = next(e for e in view.document.entities  # type: ignore[union-attr]
                      if e.name == "Zweiter Weltkrieg")
        assert entity.label == "LOC"
    # reopened: every correction is applied again
    again = make_app(library=Library(tmp_path))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = _rows(again)
        assert "▍Ukraine  3" in rows and "▍Kursk  2" not in rows
        names = {e.name: e.label for e in reading(again).document.entities}  # type: ignore[union-attr]
        assert names["Zweiter Weltkrieg"] == "LOC"
        await pilot.press("u")  # undo the type change
        await pilot.pause()
        names = {e.name: e.label for e in reading(again).document.entities}  # type: ignore[union-attr]
        assert names["Zweiter Weltkrieg"] == "MISC"
        assert "Undone: Zweiter Weltkrieg is one of Places" in notices(again)
        key = reading(again).doc_key
    assert len(Library(tmp_path).corrections(key)) == 2


async def test_split_a_variant_off(tmp_path: Path) -> None:
    app = make_app(library=Library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Wladimir Putin")
        await pilot.press("v")
        await pilot.pause()
        await pilot.press(*["down"] * 1, "enter")  # the variants: Wladimir Putin, Putin
        await pilot.pause()
        rows = _rows(app)
        assert any(r.startswith("▍Putin  ") for r in rows)
        view = reading(app)
        assert view.selection is not None and view.selection.entity.name == "Putin"
        await pilot.press("u", "u")
        await pilot.pause()
        assert "No correction to undo" in notices(app)
        assert not any(r.startswith("▍Putin  ") for r in _rows(app))


async def test_corrections_without_library_last_the_session() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Kursk")
        await pilot.press("x")
        await pilot.pause()
        assert "(for this session only)" in notices(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Select an entity first" in notices(app)
