"""Entry point of the ``reader`` command.

    reader FILE|URL                open the reading app (FILE may be - for stdin)
    reader annotate FILE|URL       print the entities as JSON or Markdown
    reader lookup NAME             print the background the panel would show
    reader prefetch FILE...        look up every entity of the articles into the cache
    reader cache stats|export|clear
    reader models [list|path LANG|install LANG]

It behaves like a Unix tool: errors are one line on stderr with the README's exit codes,
output into a closed pipe ends quietly (141), an interrupt ends with 130.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

from reader import __version__
from reader.cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    fail,
)

SUBCOMMANDS = ("annotate", "lookup", "prefetch", "cache", "picks", "models", "glossary",
               "config")
FORMATS_HELP = """formats (FILE may be any of them; chosen by suffix, else sniffed):
  plain text   UTF-8, UTF-16 with a byte-order mark, or cp1252; - reads stdin
  web page     an http:// or https:// URL: fetched, the article extracted, cached so
               --offline reopens it
  saved HTML   .html, .htm (or HTML content): the article extracted, <meta> charset honoured
  Markdown     .md: headings, paragraphs and list items as prose; markup, link targets,
               code, tables and front matter left out
  EPUB         .epub: the chapters in order, with their titles (DRM-protected books cannot
               be read)"""
COMMANDS_HELP = FORMATS_HELP + """

commands (reader COMMAND --help describes each):
  reader annotate FILE               print the entities as JSON or Markdown
  reader lookup NAME                 print the Wikipedia background of NAME
  reader prefetch FILE...            look every entity of the files up into the cache
  reader cache stats|export|clear    the lookup cache
  reader picks list|clear NAME|--all disambiguation pages you picked
  reader models [list|path|install]  the NER pipelines
  reader glossary FILE               the entities with their cached background (md|json|html)
  reader config path                 where the settings file (TOML) is
  reader                             (no FILE) the library of recent texts"""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``reader: … (see reader --help)``."""

    def error(self, message: str) -> NoReturn:
        fail(f"{message} (see '{self.prog} --help')", EXIT_USAGE)


def positive_days(value: str) -> float:
    """argparse type of ``--max-age``: a positive, finite number of days."""
    from reader.wiki.settings import parse_days

    try:
        return parse_days(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--max-age ")) from None


def _nlp_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["de", "en"],
                   help="language of the text: de or en (default: detected)")
    p.add_argument("--model", metavar="NAME|PATH",
                   help="spaCy pipeline to use: an installed package or a directory "
                        "(default: the best one installed, else the bundled one)")


def _cache_dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cache-dir", metavar="DIR", help="cache directory of lookups and fetched "
                   "pages (env READER_CACHE_DIR; default: the platform cache directory)")


def _wiki_options(p: argparse.ArgumentParser, network: bool = True) -> None:
    if network:
        p.add_argument("--offline", action="store_true",
                       help="never touch the network: use only what is cached")
        p.add_argument("--wiki-api", metavar="URL",
                       help="MediaWiki API template with {lang} (env READER_WIKI_API)")
    _cache_dir_option(p)
    p.add_argument("--max-age", type=positive_days, metavar="DAYS",
                   help="refresh cached lookups older than this many days "
                        "(env READER_MAX_AGE_DAYS; default 30)")


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``reader FILE`` (the reading app)."""
    parser = Parser(
        prog="reader", description="Read an article with its named entities explained.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=COMMANDS_HELP)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("file", metavar="FILE", nargs="?",
                        help="the article (none: the library of recent texts): a text, "
                             "HTML, Markdown or EPUB file, a web page's URL, or - for stdin "
                             "(formats below)")
    _nlp_options(parser)
    _wiki_options(parser)
    parser.add_argument("--no-lookups", action="store_true",
                        help="no Wikipedia background (nothing is looked up)")
    return parser


def build_subparsers() -> argparse.ArgumentParser:
    """The parser of ``reader COMMAND …``; every argument says what it is."""
    parser = Parser(prog="reader")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    ann = sub.add_parser(
        "annotate", help="print the document model of FILE",
        description="Print the entities of FILE: JSON (language, pipeline, entities with "
                    "their mentions as character offsets into the file as read) or a "
                    "Markdown glossary. The JSON carries the text the offsets index "
                    "('text': for a web page, HTML, Markdown or EPUB, the extracted text).",
        epilog=FORMATS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    ann.add_argument("file", metavar="FILE",
                     help="a text, HTML, Markdown or EPUB file, a web page's URL, or - for "
                          "stdin")
    ann.add_argument("--format", choices=["json", "md"], default="json",
                     help="json (default): the document model; md: a Markdown glossary")
    ann.add_argument("--raw", action="store_true",
                     help="the pipeline's own entities, without the corrections made in the app")
    _nlp_options(ann)
    ann.add_argument("--offline", action="store_true",
                     help="for a URL: fetch nothing, reopen the page fetched before")
    _cache_dir_option(ann)
    look = sub.add_parser(
        "lookup", help="print the Wikipedia background of NAME",
        description="Print the background the app shows for NAME: cache first, then "
                    "Wikipedia.")
    look.add_argument("name", metavar="NAME", help="an entity name, e.g. 'Wladimir Putin'")
    look.add_argument("--lang", choices=["de", "en"], default="de",
                      help="which Wikipedia to ask: de (default) or en")
    look.add_argument("--json", action="store_true", help="print the background as JSON")
    look.add_argument("--refresh", action="store_true",
                      help="ignore the cached entry and ask Wikipedia again")
    look.add_argument("--full", action="store_true",
                      help="print the whole article (plain text, section by section)")
    _wiki_options(look)
    pre = sub.add_parser(
        "prefetch", help="look up every entity of FILEs into the cache",
        description="Analyse each FILE and look every entity up into the cache, so the "
                    "app works offline. A file that cannot be read is reported and "
                    "skipped (exit status 2); the others are still done.")
    pre.add_argument("files", metavar="FILE", nargs="+",
                     help="files (text, HTML, Markdown, EPUB) or URLs to prefetch")
    pre.add_argument("--full", action="store_true",
                     help="also fetch each page's whole article, to read it offline")
    _nlp_options(pre)
    _wiki_options(pre)
    cache = sub.add_parser(
        "cache", help="the lookup cache: stats, export, clear",
        description="Inspect or empty the lookup cache. stats and export only read it "
                    "(they never create it).")
    cache.add_argument("action", choices=["stats", "export", "clear"],
                       help="stats: count entries (and the pages and analyses kept); "
                            "export: print every entry as a JSON line; clear: remove the "
                            "lookups (disambiguation picks, pages and analyses are kept)")
    cache.add_argument("--format", choices=["jsonl"], default="jsonl",
                       help="export format: jsonl, one JSON object a line (default)")
    _cache_dir_option(cache)
    from reader.cli import picks_commands

    picks_commands.add_parser(sub, _cache_dir_option)
    models = sub.add_parser(
        "models", help="NER pipelines: list, path LANG, install LANG",
        description="The NER pipelines reader can use.")
    models.add_argument("action", nargs="?", choices=["list", "path", "install"],
                        default="list",
                        help="list (default): the pipelines per language, the default "
                             "marked; path: where the bundled pipeline is; install: fetch "
                             "the small official spaCy pipeline")
    models.add_argument("lang", nargs="?", choices=["de", "en"],
                        help="the language, for path and install: de or en")
    return parser


def _no_such_file_or_command(arg: str) -> None:
    """``reader bogus``: a word that is neither a file nor a command."""
    if arg == "-" or arg.startswith("-") or os.sep in arg or "/" in arg or Path(arg).exists():
        return
    close = difflib.get_close_matches(arg, SUBCOMMANDS, n=1)
    hint = f"did you mean 'reader {close[0]}'? " if close else ""
    fail(f"{arg}: no such file or command ({hint}commands: {', '.join(SUBCOMMANDS)}; "
         f"see 'reader --help')", EXIT_USAGE)


def _warm_up(words: list[str]) -> None:
    """Analysis processes start importing spaCy now, while reader reads the file and
    imports the rest (and the app draws): one, or as many as a book of this size gets."""
    from reader.core import processes

    size = 0
    for word in words:
        with contextlib.suppress(OSError, ValueError):
            if not word.startswith("-") and Path(word).is_file():
                size = Path(word).stat().st_size
                break
    processes.warm_up(processes.worker_count(size))


def _run(args_list: list[str]) -> int:
    if args_list and args_list[0] in ("glossary", "config"):
        from reader.cli import library_commands

        return library_commands.run(args_list)
    if args_list and args_list[0] in SUBCOMMANDS:
        if args_list[0] == "annotate":
            _warm_up(args_list[1:])
        from reader.cli import commands

        return commands.dispatch(build_subparsers().parse_args(args_list))
    if args_list:  # "reader anotate x": say so before argparse finds "x" surplus
        _no_such_file_or_command(args_list[0])
    args = build_parser().parse_args(args_list)
    if args.file is not None:
        _no_such_file_or_command(args.file)
    if sys.stdout.isatty():  # the app (it needs a terminal)
        # no cycle collection until the first paint (the app turns it back on): start-up
        # makes many objects and no garbage worth the collector's passes
        gc.disable()
        _warm_up([args.file] if args.file else [])
    from reader.cli import commands  # (its imports are the slow part of start-up)

    return commands.open_app(args)


def _quiet_stdout() -> None:
    """After a broken pipe: send what is left of stdout to /dev/null, so the flush at exit
    cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run ``reader`` with ``argv`` (default: the command line) and return the exit code."""
    args_list = sys.argv[1:] if argv is None else argv
    try:
        code = _run(args_list)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except OSError as exc:  # e.g. output to a full disk: one line, not a traceback
        _quiet_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}", EXIT_FAILURE)


if __name__ == "__main__":
    raise SystemExit(main())
