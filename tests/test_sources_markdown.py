"""Markdown read as prose: markup, link targets, code, tables and front matter left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.source import InputError
from reader.core.sources import open_source
from reader.core.sources.markdown import markdown_text

DOC = """---
title: Notizen
author: Olaf Scholz
---
# Besuch in *Berlin*

Angela **Merkel** traf [Emmanuel Macron](https://example.org/Boris_Johnson) in
Paris. Siehe ![Rishi Sunak](sunak.png) und <span class="x">Peking</span>.

- Wladimir Putin
- Kim Jong-un in
  Pjöngjang

1. Xi Jinping
2. Shehbaz Sharif

> Ein Zitat aus Moskau.

```python
print("Joe Biden")
```

    eingerückter Code: Barack Obama

| Name | Ort |
|---|---|
| Donald Trump | Washington |

<div>Nicolas Sarkozy</div>

---

Ende mit `reader`.
"""


def test_markdown_reads_as_prose_lines() -> None:
    text, title = markdown_text(DOC)
    assert title == "Besuch in Berlin"
    assert text.split("\n") == [
        "Besuch in Berlin", "",
        "Angela Merkel traf Emmanuel Macron in Paris. Siehe und Peking.", "",
        "Wladimir Putin", "Kim Jong-un in Pjöngjang", "",
        "Xi Jinping", "Shehbaz Sharif", "",
        "Ein Zitat aus Moskau.", "",
        "Ende mit reader.",
    ]


@pytest.mark.parametrize("hidden", [
    "---", "title:", "Olaf Scholz", "*", "**", "[", "](", "https://", "example.org",
    "Boris_Johnson", "Rishi Sunak", "sunak.png", "<span", "```", "Joe Biden", "Barack Obama",
    "|", "Donald Trump", "Washington", "Nicolas Sarkozy", "`", "#"])
def test_markup_is_never_text(hidden: str) -> None:
    assert hidden not in markdown_text(DOC)[0]


def test_a_markdown_file_is_read_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(DOC.replace("\n", "\r\n").encode("utf-8"))
    s = open_source(str(path))
    assert s.kind == "markdown" and s.extracted and s.title == "Besuch in Berlin"
    assert s.text == markdown_text(DOC)[0]
    assert s.crlf == () and s.file_offset(10) == 10


def test_toml_front_matter_and_a_markdown_without_prose(tmp_path: Path) -> None:
    assert markdown_text("+++\ntitle = 'x'\n+++\nHallo Berlin.\n")[0] == "Hallo Berlin."
    path = tmp_path / "code.md"
    path.write_text("```\nprint('only code')\n```\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^code\.md: no prose"):
        open_source(str(path))
