"""Keys faster than the screen: the selection ends where the highlight is."""

from __future__ import annotations

from textual import events

from reader.ui.widgets.entities import EntityList
from tests.ui_helpers import SIZE, make_app, reading, settle


async def test_a_burst_of_down_keys_selects_the_entity_the_highlight_reached() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        options = app.screen.query_one(EntityList)
        await pilot.press("tab")
        assert options.has_focus
        for _ in range(8):  # all queued before the screen handles any of them
            app.post_message(events.Key("down", None))
        await settle(pilot)
        highlighted = options.highlighted_option
        assert highlighted is not None and options.highlighted is not None
        assert options.highlighted >= 8  # it went down (group headers are skipped)
        selection = reading(app).selection
        assert selection is not None
        assert selection.entity.id == highlighted.id
