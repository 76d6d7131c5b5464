"""Untrusted text never acts: markup, escapes and odd characters are shown, not obeyed."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from reader.core.grouping import group
from reader.core.ner import extract
from reader.core.sanitize import display_text, one_line
from reader.ui.widgets.wrap import wrap_offsets
from tests.ui_helpers import detail_text, make_app, reading, screen_text, select, settle

HOSTILE = (
    "Titel [b]fett[/b] und [/] und [@click=app.quit]klick[/] und [link=https://x.test]L[/link]\n"
    "[@click=app.notify('pwned')]melden[/]\n\n"
    "CSI \x1b[2J\x1b[31mrot\x1b[0m, OSC 52 \x1b]52;c;cGF3bmVk\x07, OSC 8 "
    "\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\, Glocke \x07\x07, NUL \x00 in Berlin.\n\n"
    "RTL \u202eoknarF\u202c und \u05e9\u05dc\u05d5\u05dd, kombiniert e\u0301\u0301\u0301, "
    "Nullbreite A\u200bB\u200d\ufeff, Angela Merkel in Paris.\n\n"
    + "Sehr lange Zeile ohne Umbruch " * 400 + "\n"
)


def _ruler() -> Language:
    """A stand-in model: every title-cased word is a name (so every odd text yields spans)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"label": "PER", "pattern": [{"IS_TITLE": True, "OP": "+"}]}])
    return nlp


NLP = _ruler()
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TEXT, st.sampled_from(["\n\n", "\n", " Anna Berg ", "[b]", "\x1b[",
                                                   "Köln", "\u202e", "\x00"])), max_size=12))
def test_mention_offsets_always_point_at_their_text(parts: list[str]) -> None:
    text = "".join(parts)
    mentions = [m for batch, _ in extract(NLP, text) for m in batch]
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert "\n\n" not in m.text
    for entity in group(mentions):
        assert entity.mentions and entity.name
        assert all(m.text in entity.variants for m in entity.mentions)


@given(TEXT)
def test_sanitised_text_keeps_length_and_has_no_controls(text: str) -> None:
    shown = display_text(text)
    assert len(shown) == len(text)
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert "\n" not in one_line(text)
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in shown)


@given(TEXT, st.integers(min_value=1, max_value=120))
def test_wrapping_any_text_never_raises(text: str, width: int) -> None:
    for s, e in wrap_offsets(display_text(text), width):
        assert 0 <= s <= e <= len(text)


async def test_hostile_article_renders_literally_and_nothing_acts() -> None:
    app = make_app(text=HOSTILE, names={"Berlin": "LOC", "Angela Merkel": "PER", "Paris": "LOC"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = screen_text(app)
        assert "[b]fett[/b]" in screen and "[@click=app.quit]klick[/]" in screen
        assert "[link=https://x.test]L[/link]" in screen
        assert "␛[2J␛[31mrot␛[0m" in screen
        assert "␛]52;c;cGF3bmVk␇" in screen
        assert not any(ch in screen for ch in "\x1b\x07\x00\u202e")
        # clicking where a click action would be, were the text read as markup, does nothing
        rows = screen.splitlines()
        y = next(i for i, row in enumerate(rows) if "[@click=app.notify('pwned')]" in row)
        x = rows[y].index("melden")
        await pilot.click(offset=(x + 2, y))
        await pilot.pause()
        assert "pwned" not in screen_text(app).replace("notify('pwned')", "")
        assert not app._notifications
        # every line of the article renders, however long or odd
        article = reading(app).article
        for _ in range(article.virtual_size.height // 30 + 1):
            await pilot.press("space")
        await pilot.pause()
        assert app.is_running
        assert article.scroll_offset.y > 0
        document = reading(app).document
        assert document is not None
        assert "Angela Merkel" in [e.name for e in document.entities]


async def test_hostile_wikipedia_text_is_shown_literally(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.wiki.cache import Cache
    from reader.wiki.model import Background
    from reader.wiki.service import LookupService

    cache = Cache(tmp_path)
    evil = Background(status="found", query="Berlin", lang="de", title="[b]Berlin[/b]",
                      description="\x1b]52;c;cGF3bmVk\x07 [@click=app.quit]x[/]",
                      extract="Berlin \x1b[2J ist [red]rot[/red].", url="https://de.test/[x]",
                      fetched_at=1e12)
    cache.put("de", "berlin", evil)
    app = make_app(text="Ich war in Berlin.\n", names={"Berlin": "LOC"},
                   lookup=LookupService(None, cache, offline=True))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await select(pilot, "Berlin")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = detail_text(app)
        assert "[b]Berlin[/b]" in shown and "[@click=app.quit]x[/]" in shown
        assert "␛]52;c;cGF3bmVk␇" in shown and "[red]rot[/red]" in shown
        assert "\x1b" not in screen_text(app)
        await pilot.press("y")  # the notice quotes the URL as it is, not as markup
        await pilot.pause()
        assert app.clipboard == "https://de.test/[x]"
        assert "Copied https://de.test/[x]" in screen_text(app)
        assert app.is_running
