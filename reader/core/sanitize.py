"""Make untrusted text safe to show in a terminal without changing its length.

Every control character (C0 except newline, DEL, C1) and every bidirectional override is
replaced by one visible character, so character offsets stay valid and nothing in the
text can act on the terminal (escape sequences, bells, clipboard writes).
"""

from __future__ import annotations

import re

_TABLE: dict[int, str] = {}
for _code in range(0x20):
    _TABLE[_code] = chr(0x2400 + _code)  # control pictures: ␛ ␇ ␀ …
_TABLE[0x09] = " "  # tab: one space keeps offsets and layout
_TABLE[0x7F] = "\u2421"  # ␡
for _code in range(0x80, 0xA0):
    _TABLE[_code] = "\ufffd"
# bidi embeddings/overrides/isolates and line/paragraph separators would reorder or break lines
for _code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029):
    _TABLE[_code] = "\ufffd"
_NEWLINE_KEPT = dict(_TABLE)
del _NEWLINE_KEPT[0x0A]


_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _NEWLINE_KEPT) + "]")


def display_text(text: str) -> str:
    """``text`` with everything that could act on a terminal made visible (same length)."""
    if _UNSAFE.search(text) is None:  # the common case, fast even for a book
        return text
    return _UNSAFE.sub(lambda m: _NEWLINE_KEPT[ord(m.group())], text)


def one_line(text: str) -> str:
    """Like :func:`display_text`, for text that must stay on one line."""
    return text.translate(_TABLE).replace("\u240a", " ")
