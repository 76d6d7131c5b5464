"""The commands on top of the library: ``reader glossary``, ``reader config path``, the
corrections ``reader annotate`` applies, and ``reader`` with no file (the library screen).

    reader glossary FILE [--format md|json|html] [--raw]
    reader config path
    reader                     the library of recent texts (with a terminal)
"""

from __future__ import annotations

import argparse
import functools
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.cli.errors import EXIT_USAGE, fail
from reader.core.model import Document
from reader.library.corrections import apply
from reader.library.glossary import FORMATS, entries, render
from reader.library.store import FILE_NAME, Library, data_dir, text_hash

if TYPE_CHECKING:
    from pathlib import Path

    from reader.core.source import Source
    from reader.library.config import Settings
    from reader.ui.app import Opened

COMMANDS = ("glossary", "config")


def corrected(doc: Document, text: str) -> Document:
    """``doc`` with the corrections the reader made to ``text`` in the app (a library that
    does not exist yet is not created)."""
    if not (data_dir() / FILE_NAME).is_file():
        return doc
    library = Library()
    try:
        return apply(doc, library.corrections(text_hash(text)))
    finally:
        library.close()


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``reader glossary`` and ``reader config``."""
    from reader.cli.main import Parser, _cache_dir_option, _nlp_options

    parser = Parser(prog="reader")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    glo = sub.add_parser(
        "glossary", help="the entities of FILE with their cached background",
        description="Print a glossary of FILE: its entities by type with mention counts "
                    "and variants, and the description, lead and link the lookup cache "
                    "holds for each (offline: entities never looked up are listed as "
                    "having no background yet; reader prefetch FILE looks them up). Your "
                    "corrections in the app apply.")
    glo.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    glo.add_argument("--format", choices=list(FORMATS), default="md",
                     help="md (default): Markdown; json; html: a standalone page, all text "
                          "escaped")
    glo.add_argument("--raw", action="store_true",
                     help="the pipeline's entities, without your corrections")
    _nlp_options(glo)
    _cache_dir_option(glo)
    conf = sub.add_parser("config", help="the settings file: config path",
                          description="Where reader's settings file (TOML) is.")
    conf.add_argument("action", choices=["path"], help="path: print where the file is")
    return parser


def run(argv: list[str]) -> int:
    """Run ``reader glossary …`` or ``reader config …``."""
    args = build_parser().parse_args(argv)
    if args.command == "config":
        from reader.library.config import config_path

        print(config_path())
        return 0
    return glossary(args)


def glossary(args: argparse.Namespace) -> int:
    """``reader glossary``: analyse FILE, apply the corrections, print the glossary."""
    from reader.cli import commands
    from reader.cli.analysing import analysed

    source = commands._load(args.file, args)
    guess = commands.language_of(source, args.lang)
    analyzer = commands._analyzer(guess.language, args.model)
    doc = analysed(analyzer, source.text, args.cache_dir)
    if not args.raw:
        doc = corrected(doc, source.text)
    args.offline, args.wiki_api, args.max_age = True, None, None
    try:
        service = commands._settings(args).service(read_only=True)
    except (ValueError, FileNotFoundError):
        if args.cache_dir:
            fail(f"{args.cache_dir}: no such cache directory", EXIT_USAGE)
        service = None  # nothing was ever looked up: no backgrounds yet
    from reader.ui.notes import cached_notes

    rows = entries(doc, cached_notes(service, doc))
    sys.stdout.write(render(args.format, doc, source.name, rows) + "\n")
    return 0


@functools.cache
def settings() -> tuple[Settings, str, Path]:
    """The settings in effect, the one-line error of a malformed file (also said on
    stderr), and the file's path."""
    from reader.cli.errors import warn
    from reader.library.config import config_path, load

    path = config_path()
    found, error = load(path)
    if error:
        warn(error)
    return found, error, path


def library_or_none() -> Library | None:
    """The library, or None (said on stderr) when its directory cannot be written."""
    from reader.cli.errors import warn

    try:
        return Library()
    except (OSError, sqlite3.Error) as exc:
        warn(f"{data_dir()}: {exc}; positions and corrections are not kept this time")
        return None


def app_options(args: argparse.Namespace, source: Source | None) -> dict[str, Any]:
    """The keyword arguments of ``ReaderApp`` that come from the library and the settings:
    the library, where the text came from, the settings and their file."""
    import os

    found, error, path = settings()
    where = ""
    if source is not None:
        file = getattr(args, "file", None) or ""
        where = source.url or (os.path.abspath(file) if file and file != "-" else "")
    return {"library": library_or_none(), "path": where, "settings": found,
            "config_file": path, "notice": error}


def default_language(args: argparse.Namespace) -> None:
    """``--lang`` from the settings' ``language`` when the command line has none."""
    found, _, _ = settings()
    if not getattr(args, "lang", None) and found.language:
        args.lang = found.language
    if not found.lookups and hasattr(args, "no_lookups"):
        args.no_lookups = True


def opener(args: argparse.Namespace) -> Callable[[str], Opened]:
    """How the library screen opens a text: read, detect its language, analyse."""
    from reader.cli.analysing import for_app
    from reader.core.analysis import Analyzer
    from reader.core.language import chosen, identify
    from reader.core.sources import open_source
    from reader.ui.app import Opened

    def open_text(path: str) -> Opened:
        source = open_source(path, offline=True)
        guess = chosen(args.lang) if args.lang else identify(source.text)
        analyzer = Analyzer(guess.language, args.model)
        return Opened(source, guess.language, for_app(analyzer, source.text, args.cache_dir),
                      analyzer.choice.describe(), path)

    return open_text


def open_library(args: argparse.Namespace) -> int:
    """``reader`` with no file: the library screen of recent texts; enter opens one."""
    from reader.cli import commands
    from reader.cli.errors import EXIT_FAILURE, EXIT_INTERRUPTED
    from reader.ui.app import ReaderApp

    if not sys.stdout.isatty():
        fail("the library needs a terminal; 'reader FILE' opens a text "
             "(see 'reader --help')", EXIT_USAGE)
    options = app_options(args, None)
    if options["library"] is None:
        fail(f"no library: {data_dir()} cannot be written", EXIT_FAILURE)
    service = None if args.no_lookups else commands._service(args)
    app = ReaderApp(None, "", None, "", service, opener=opener(args), **options)
    if commands._run_app(app):
        fail("interrupted", EXIT_INTERRUPTED)
    return 0 if app.return_code in (None, 0) else EXIT_FAILURE
