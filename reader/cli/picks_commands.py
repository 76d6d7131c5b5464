"""``reader picks``: the disambiguation pages the user picked, listed or forgotten."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli.errors import EXIT_USAGE, fail
from reader.core.names import key_of
from reader.core.sanitize import one_line

if TYPE_CHECKING:  # the parser is built without importing the wiki client
    from reader.wiki.cache import Cache
    from reader.wiki.settings import WikiSettings


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
    n = store.clear_picks(lang, key_of(name))
    if n == 0:
        print(f"no pick for “{one_line(name)}”")
    else:
        print(f"forgot the pick for “{one_line(name)}”: the next lookup chooses afresh")
    return 0


def run(args: argparse.Namespace, settings: WikiSettings) -> int:
    """``reader picks …`` with its parsed arguments: ``list`` only reads the cache (and
    never creates it); ``clear`` writes it."""
    read_only = args.action == "list" or not settings.cache_dir.is_dir()
    try:
        store = settings.cache(read_only=read_only)
    except FileNotFoundError as exc:
        fail(str(exc), EXIT_USAGE)
    if store.notice:
        print(f"reader: {one_line(store.notice)}", file=sys.stderr)
    return picks(store, args.action, args.name, args.all, args.lang)


def add_parser(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
               cache_dir_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """The ``picks`` subcommand's arguments."""
    p = sub.add_parser(
        "picks", help="disambiguation picks: list, clear NAME|--all",
        description="The pages you picked for ambiguous names (in the app, enter on a "
                    "candidate; c re-opens them). clear forgets a pick, so the name is "
                    "chosen by the article's context again.")
    p.add_argument("action", choices=["list", "clear"],
                   help="list: every pick; clear: forget the pick of NAME (or --all)")
    p.add_argument("name", nargs="?", metavar="NAME", help="the name whose pick to forget")
    p.add_argument("--all", action="store_true", help="with clear: forget every pick")
    p.add_argument("--lang", choices=["de", "en"],
                   help="with clear NAME: only the pick in this wiki (default: every one)")
    cache_dir_option(p)
