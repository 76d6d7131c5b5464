"""Entry point of the ``reader`` command.

    reader FILE                  open the reading app (FILE may be - for stdin)
    reader annotate FILE         print the entities as JSON or Markdown
    reader models [...]          list, locate or install NER pipelines
"""

from __future__ import annotations

import argparse
import sys

from reader import __version__
from reader.cli import commands
from reader.cli.errors import EXIT_INTERRUPTED, fail

SUBCOMMANDS = ("annotate", "models")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["de", "en"], help="language of the text (default: detected)")
    p.add_argument("--model", metavar="NAME|PATH", help="spaCy pipeline to use")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader", description="Read an article with its named entities explained.",
        epilog="Other commands: reader annotate FILE | reader models. "
               "Run 'reader COMMAND --help' for details.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for stdin")
    _common(parser)
    return parser


def build_subparsers() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader")
    sub = parser.add_subparsers(dest="command", required=True)
    ann = sub.add_parser("annotate", help="print the document model of FILE")
    ann.add_argument("file", metavar="FILE")
    ann.add_argument("--format", choices=["json", "md"], default="json")
    _common(ann)
    models = sub.add_parser("models", help="NER pipelines: list, path LANG, install LANG")
    models.add_argument("action", nargs="?", choices=["list", "path", "install"], default="list")
    models.add_argument("lang", nargs="?", choices=["de", "en"])
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            args = build_subparsers().parse_args(args_list)
            if args.command == "annotate":
                return commands.annotate(args.file, args.format, args.lang, args.model)
            return commands.models(args.action, args.lang)
        args = build_parser().parse_args(args_list)
        return commands.open_app(args.file, args.lang, args.model)
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)


if __name__ == "__main__":
    raise SystemExit(main())
