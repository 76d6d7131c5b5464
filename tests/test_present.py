"""One presentation of a background: the age formatter, and the lines both surfaces show."""

from __future__ import annotations

import pytest

from reader.cli.wiki_commands import format_background
from reader.wiki.model import Background, Candidate
from reader.wiki.present import age, plain, present

NOW = 2_000_000_000.0
DAY = 86_400


@pytest.mark.parametrize(("seconds", "words"), [
    (-5, "just now"),  # a clock that went back
    (0, "just now"),
    (59, "just now"),
    (60, "1 minute ago"),
    (119, "1 minute ago"),
    (120, "2 minutes ago"),
    (3_599, "59 minutes ago"),
    (3_600, "1 hour ago"),
    (3 * 3_600 + 59, "3 hours ago"),
    (DAY - 1, "23 hours ago"),
    (DAY, "1 day ago"),
    (2 * DAY - 1, "1 day ago"),
    (2 * DAY, "2 days ago"),
    (45 * DAY, "45 days ago"),
])
def test_age_in_words(seconds: float, words: str) -> None:
    assert age(seconds) == words


FOUND = Background(status="found", query="Putin", lang="de", title="Wladimir Putin",
                   description="russischer Politiker", extract="Er ist Präsident.",
                   url="https://de.wikipedia.org/wiki/Wladimir_Putin", fetched_at=NOW - DAY,
                   cached=True)


def test_found_page_reads_the_same_everywhere() -> None:
    text = plain(present(FOUND, NOW))
    assert text.splitlines() == [
        "Wladimir Putin — russischer Politiker", "", "Er ist Präsident.", "",
        "https://de.wikipedia.org/wiki/Wladimir_Putin", "de.wikipedia · cached 1 day ago"]
    # the CLI prints exactly this presentation
    live = Background(**{**FOUND.to_json(), "candidates": (), "cached": False})
    assert format_background(live).splitlines()[-1] == "de.wikipedia · live"


def test_roles_mark_title_link_and_note() -> None:
    bg = Background(**{**FOUND.to_json(), "candidates": (),
                       "note": "no German article: from English Wikipedia"})
    lines = present(bg, NOW, offline=True).lines
    assert lines[0] == (("Wladimir Putin", "title"), (" — russischer Politiker", "text"))
    assert (("https://de.wikipedia.org/wiki/Wladimir_Putin", "link"),) in lines
    assert (("de.wikipedia · cached 1 day ago · offline", "dim"),) in lines
    assert lines[-1] == (("no German article: from English Wikipedia", "warning"),)


def test_ambiguous_name_lists_its_candidates() -> None:
    bg = Background(status="ambiguous", query="Kursk", lang="de", title="Kursk",
                    candidates=(Candidate("Kursk (Stadt)", "Stadt in Russland"),
                                Candidate("Kursk (U-Boot)")))
    shown = present(bg, NOW)
    assert [title for title, _ in shown.candidates] == ["Kursk (Stadt)", "Kursk (U-Boot)"]
    assert plain(shown).splitlines() == [
        "Kursk", "This name is ambiguous: pick the right page (remembered).",
        "  • Kursk (Stadt) — Stadt in Russland", "  • Kursk (U-Boot)"]


def test_missing_page_and_hostile_text() -> None:
    missing = Background(status="missing", query="Erika\nMustermann", lang="de")
    assert plain(present(missing, NOW)) == (
        "No Wikipedia article found for “Erika Mustermann” (de).")
    evil = Background(status="found", query="x", lang="de", title="\x1b[2J[b]T[/b]",
                      extract="a\x07b", url="https://x.test/\x1b]52;c;eA==\x07")
    text = plain(present(evil, NOW))
    assert "\x1b" not in text and "\x07" not in text
    assert "␛[2J[b]T[/b]" in text and "a␇b" in text
