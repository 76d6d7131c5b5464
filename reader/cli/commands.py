"""What each ``reader`` command does, on top of the core."""

from __future__ import annotations

import argparse
import sys

from reader.cli.errors import EXIT_FAILURE, EXIT_NO_PIPELINE, EXIT_USAGE, fail
from reader.core import pipelines
from reader.core.analysis import Analyzer
from reader.core.export import to_json, to_markdown
from reader.core.language import detect_language
from reader.core.source import InputError, Source, read_source
from reader.wiki.service import LookupService
from reader.wiki.settings import WikiSettings


def _load(file: str) -> Source:
    try:
        return read_source(file)
    except InputError as exc:
        fail(str(exc), EXIT_USAGE)


def _analyzer(text: str, lang: str | None, model: str | None) -> Analyzer:
    try:
        return Analyzer.for_text(text, lang, model)
    except pipelines.PipelineError as exc:
        fail(str(exc), EXIT_NO_PIPELINE)


def annotate(file: str, fmt: str, lang: str | None, model: str | None) -> int:
    source = _load(file)
    analyzer = _analyzer(source.text, lang, model)
    try:
        doc = analyzer.analyse(source.text)
    except pipelines.PipelineError as exc:
        fail(str(exc), EXIT_NO_PIPELINE)
    if source.note:
        print(f"reader: {source.name}: {source.note}", file=sys.stderr)
    out = to_json(doc, source.name) if fmt == "json" else to_markdown(doc, source.name)
    sys.stdout.write(out + "\n")
    return 0


def _settings(args: argparse.Namespace) -> WikiSettings:
    return WikiSettings.resolve(getattr(args, "wiki_api", None), args.cache_dir,
                                getattr(args, "offline", False), getattr(args, "max_age", None))


def _service(args: argparse.Namespace) -> LookupService:
    try:
        return _settings(args).service()
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)


def open_app(args: argparse.Namespace) -> int:
    source = _load(args.file)
    language = args.lang or detect_language(source.text)
    analyzer = _analyzer(source.text, language, args.model)
    if not sys.stdout.isatty():
        fail("the reading app needs a terminal; use 'reader annotate FILE' in scripts")
    if args.file == "-":
        _reattach_terminal()
    service = None if args.no_lookups else _service(args)
    from reader.ui.app import ReaderApp  # Textual is imported only for the app

    app = ReaderApp(source, language, analyzer.stream, analyzer.choice.describe(), service)
    app.run()
    return 0 if app.return_code in (None, 0) else EXIT_FAILURE


def dispatch(args: argparse.Namespace) -> int:
    if args.command == "annotate":
        return annotate(args.file, args.format, args.lang, args.model)
    if args.command == "models":
        return models(args.action, args.lang)
    from reader.cli import wiki_commands

    if args.command == "lookup":
        return wiki_commands.lookup(_service(args), args.name, args.lang, args.json,
                                    args.refresh)
    if args.command == "prefetch":
        sources = [_load(f) for f in args.files]
        docs = [(s, _analyzer(s.text, args.lang, args.model)) for s in sources]
        return wiki_commands.prefetch(_service(args), docs)
    return wiki_commands.cache(_settings(args), args.action)


def models(action: str, lang: str | None) -> int:
    if action == "list":
        for code in ("de", "en"):
            options = pipelines.available(code)
            print(f"{code}:")
            for i, choice in enumerate(options):
                mark = "*" if i == 0 else " "
                print(f"  {mark} {choice.name:22} {choice.kind:9} {choice.location}")
            missing = [p for p in pipelines.OFFICIAL[code] if not pipelines.is_installed(p)]
            if missing:
                print(f"    not installed: {', '.join(missing)}")
        print("(* = used by default; --model NAME|PATH overrides)")
        return 0
    if lang is None:
        fail(f"'reader models {action}' needs a language: de or en")
    if action == "path":
        path = pipelines.bundled_path(lang)
        if not (path / "config.cfg").is_file():
            fail(f"no bundled pipeline for {lang} in this installation", EXIT_NO_PIPELINE)
        print(path)
        return 0
    return install_official(lang)


def install_official(lang: str) -> int:
    """Fetch the small official pipeline with spaCy's downloader, if the network allows."""
    import subprocess

    package = pipelines.OFFICIAL[lang][-2]  # the *_sm pipeline: small and quick to fetch
    if pipelines.is_installed(package):
        print(f"{package} is already installed")
        return 0
    print(f"downloading {package} with spaCy's downloader…")
    try:
        result = subprocess.run([sys.executable, "-m", "spacy", "download", package],
                                capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        fail(f"installing {package} timed out; reader keeps using its bundled pipeline",
             EXIT_FAILURE)
    if result.returncode != 0:
        fail(f"could not install {package} (no network access to spaCy's model downloads?); "
             f"reader keeps using its bundled pipeline", EXIT_FAILURE)
    print(f"installed {package}; reader will use it for {lang}")
    return 0


def _reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        fail("reading from stdin needs a terminal for the app; use 'reader annotate -'")
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
