"""Word wrapping into screen lines keeps every character and paragraph."""

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.sanitize import display_text
from reader.ui.widgets.wrap import NARROW_RANGES, wrap_offsets


def test_wraps_at_spaces_and_keeps_blank_lines() -> None:
    text = "eins zwei drei vier\n\nfünf"
    lines = [text[s:e] for s, e in wrap_offsets(text, 10)]
    assert lines == ["eins zwei ", "drei vier", "", "fünf"]


def test_folds_long_words() -> None:
    assert [e - s for s, e in wrap_offsets("x" * 25, 10)] == [10, 10, 5]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300),
       st.integers(min_value=1, max_value=40))
def test_lines_cover_text_in_order(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    pos = 0
    for s, e in lines:
        assert s >= pos and e >= s
        gap = text[pos:s]
        assert gap in ("", "\n") or gap.strip(" ") == "" or gap == "\n"
        pos = e
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(
        "\n", "").replace(" ", "")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300),
       st.integers(min_value=2, max_value=40))
def test_every_line_fits_its_width(text: str, width: int) -> None:
    shown = display_text(text)
    for s, e in wrap_offsets(shown, width):
        line = shown[s:e].rstrip()  # trailing whitespace of a wrapped line may hang over
        assert cell_len(line) <= width, (line, width)


def test_wide_characters_are_wrapped_by_cells() -> None:
    text = "北京 " * 10  # each word is four cells wide
    lines = [text[s:e] for s, e in wrap_offsets(text, 10)]
    assert all(cell_len(line.rstrip()) <= 10 for line in lines)
    assert lines[0] == "北京 北京 "


def test_the_narrow_ranges_are_one_cell_wide() -> None:
    for chars in NARROW_RANGES:
        first, last = chars.split("-")
        assert all(cell_len(chr(c)) == 1 for c in range(ord(first), ord(last) + 1)), chars


@given(st.lists(st.sampled_from(["a", "ö", "ß", " ", "  ", "\t", "—", "x" * 23, "\n", "北",
                                  "\u0301", "\u200b"]), max_size=60).map("".join),
       st.integers(min_value=1, max_value=20))
def test_the_fast_path_wraps_as_the_word_loop(text: str, width: int) -> None:
    """Paragraphs of one-cell characters go by one pattern; it must wrap as the loop does
    (which the other paragraphs still take)."""
    fast = wrap_offsets(text, width)
    with patch("reader.ui.widgets.wrap._single_cells", return_value=False):
        assert wrap_offsets(text, width) == fast
