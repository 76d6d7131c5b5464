"""``reader picks``: the disambiguation pages the user picked, listed or forgotten."""

from __future__ import annotations

import time

from reader.cli.errors import EXIT_USAGE, fail
from reader.core.sanitize import one_line
from reader.wiki.cache import Cache


def picks(store: Cache, action: str, name: str | None, every: bool,
          lang: str | None = None) -> int:
    """``reader picks list`` prints every pick; ``reader picks clear NAME|--all`` forgets
    one name's pick (and what it chose) or all of them."""
    if action == "list":
        rows = store.picks()
        if not rows:
            print("no picks (a disambiguation page's choice is remembered once you pick "
                  "one in the app)")
        for row_lang, key, title, at in rows:
            when = time.strftime("%Y-%m-%d", time.localtime(at))
            print(f"{row_lang}  {one_line(key)}  →  {one_line(title)}  (picked {when})")
        return 0
    if every == (name is not None):
        fail("picks clear needs a NAME or --all (not both)", EXIT_USAGE)
    if every:
        n = store.clear_picks()
        print(f"forgot {n} pick{'s' if n != 1 else ''}")
        return 0
    assert name is not None
    from reader.core.names import key_of

    n = store.clear_picks(lang, key_of(name))
    if n == 0:
        print(f"no pick for “{one_line(name)}”")
    else:
        print(f"forgot the pick for “{one_line(name)}”: the next lookup chooses afresh")
    return 0
