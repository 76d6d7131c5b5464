"""Entry point of the ``reader`` command.

    reader FILE                    open the reading app (FILE may be - for stdin)
    reader annotate FILE           print the entities as JSON or Markdown
    reader lookup NAME             print the background the panel would show
    reader prefetch FILE...        look up every entity of the articles into the cache
    reader cache stats|export|clear
    reader models [list|path LANG|install LANG]
"""

from __future__ import annotations

import argparse
import sys

from reader import __version__
from reader.cli import commands
from reader.cli.errors import EXIT_INTERRUPTED, fail

SUBCOMMANDS = ("annotate", "lookup", "prefetch", "cache", "models")


def _nlp_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["de", "en"], help="language of the text (default: detected)")
    p.add_argument("--model", metavar="NAME|PATH", help="spaCy pipeline to use")


def _wiki_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--offline", action="store_true", help="never touch the network")
    p.add_argument("--wiki-api", metavar="URL",
                   help="MediaWiki API template with {lang} (env READER_WIKI_API)")
    p.add_argument("--cache-dir", metavar="DIR", help="lookup cache directory "
                   "(env READER_CACHE_DIR)")
    p.add_argument("--max-age", type=float, metavar="DAYS",
                   help="refresh cached lookups older than this (default 30)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader", description="Read an article with its named entities explained.",
        epilog="Commands: reader annotate | lookup | prefetch | cache | models "
               "(reader COMMAND --help).")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for stdin")
    _nlp_options(parser)
    _wiki_options(parser)
    parser.add_argument("--no-lookups", action="store_true", help="no Wikipedia background")
    return parser


def build_subparsers() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader")
    sub = parser.add_subparsers(dest="command", required=True)
    ann = sub.add_parser("annotate", help="print the document model of FILE")
    ann.add_argument("file", metavar="FILE")
    ann.add_argument("--format", choices=["json", "md"], default="json")
    _nlp_options(ann)
    look = sub.add_parser("lookup", help="print the Wikipedia background of NAME")
    look.add_argument("name", metavar="NAME")
    look.add_argument("--lang", choices=["de", "en"], default="de")
    look.add_argument("--json", action="store_true")
    look.add_argument("--refresh", action="store_true", help="ignore the cache")
    _wiki_options(look)
    pre = sub.add_parser("prefetch", help="look up every entity of FILEs into the cache")
    pre.add_argument("files", metavar="FILE", nargs="+")
    _nlp_options(pre)
    _wiki_options(pre)
    cache = sub.add_parser("cache", help="the lookup cache: stats, export, clear")
    cache.add_argument("action", choices=["stats", "export", "clear"])
    cache.add_argument("--format", choices=["jsonl"], default="jsonl")
    cache.add_argument("--cache-dir", metavar="DIR")
    models = sub.add_parser("models", help="NER pipelines: list, path LANG, install LANG")
    models.add_argument("action", nargs="?", choices=["list", "path", "install"], default="list")
    models.add_argument("lang", nargs="?", choices=["de", "en"])
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            args = build_subparsers().parse_args(args_list)
            return commands.dispatch(args)
        return commands.open_app(build_parser().parse_args(args_list))
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)


if __name__ == "__main__":
    raise SystemExit(main())
