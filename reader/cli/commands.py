"""What each ``reader`` command does, on top of the core."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING

from reader.cli.analysing import analysed, for_app
from reader.cli.errors import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_NO_PIPELINE,
    EXIT_USAGE,
    fail,
    warn,
)
from reader.core import pipelines
from reader.core.analysis import Analyzer
from reader.core.export import to_json, to_markdown
from reader.core.language import LanguageGuess, chosen, identify
from reader.core.source import FetchError, InputError, Source
from reader.core.sources import is_url, open_source
from reader.wiki.service import LookupService
from reader.wiki.settings import WikiSettings

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


def read_any(file: str, args: argparse.Namespace) -> Source:
    """Read ``file`` (a path, ``-`` or a URL) in whichever format it is; a URL is fetched
    (or, with ``--offline``, reopened from the page cache). Raises InputError."""
    cache_dir = None
    if is_url(file):
        cache_dir = _settings(args).cache_dir
    return open_source(file, offline=getattr(args, "offline", False), cache_dir=cache_dir)


def _load(file: str, args: argparse.Namespace) -> Source:
    try:
        return read_any(file, args)
    except FetchError as exc:  # the network or the server: status 1
        fail(str(exc), EXIT_FAILURE)
    except InputError as exc:
        hint = ""
        if str(exc).endswith(": no such file") and "." in file.split("/", 1)[0]:
            hint = " (a web page needs its http:// or https://)"
        fail(str(exc) + hint, EXIT_USAGE)


def language_of(source: Source, lang: str | None) -> LanguageGuess:
    """The language to read ``source`` in: ``--lang``, else detected; a language reader
    has no pipeline for is said on stderr, with the pipeline used instead."""
    guess = chosen(lang) if lang else identify(source.text)
    if guess.note:
        warn(f"{source.name}: {guess.note} (--lang de|en to choose)")
    return guess


def _analyzer(language: str, model: str | None) -> Analyzer:
    try:
        return Analyzer(language, model)
    except pipelines.PipelineError as exc:
        fail(str(exc), EXIT_NO_PIPELINE)


def annotate(args: argparse.Namespace) -> int:
    """``reader annotate``: the document model of one file or page on stdout."""
    source = _load(args.file, args)
    guess = language_of(source, args.lang)
    analyzer = _analyzer(guess.language, args.model)
    try:
        doc = analysed(analyzer, source.text)
    except pipelines.PipelineError as exc:
        fail(str(exc), EXIT_NO_PIPELINE)
    if not getattr(args, "raw", False):  # the corrections made in the app
        from reader.cli.library_commands import corrected

        doc = corrected(doc, source.text)
    if source.note:
        warn(f"{source.name}: {source.note}")
    out = (to_json(doc, source, guess) if args.format == "json"
           else to_markdown(doc, source, guess))
    sys.stdout.write(out + "\n")
    return 0


def _settings(args: argparse.Namespace) -> WikiSettings:
    try:
        return WikiSettings.resolve(getattr(args, "wiki_api", None), args.cache_dir,
                                    getattr(args, "offline", False),
                                    getattr(args, "max_age", None))
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)


def _service(args: argparse.Namespace, read_only: bool = False) -> LookupService:
    settings = _settings(args)
    try:
        return settings.service(read_only)
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc), EXIT_USAGE)


def open_app(args: argparse.Namespace) -> int:
    """``reader FILE``: the reading app (no FILE: the library). SIGINT ends it with 130."""
    from reader.cli import library_commands

    library_commands.default_language(args)
    if args.file is None:
        return library_commands.open_library(args)
    source = _load(args.file, args)
    guess = language_of(source, args.lang)
    analyzer = _analyzer(guess.language, args.model)
    if not sys.stdout.isatty():
        fail("the reading app needs a terminal; use 'reader annotate FILE' in scripts")
    analyse = for_app(analyzer, source.text, args.cache_dir)  # processes start now
    if args.file == "-":
        _reattach_terminal()
    service = None if args.no_lookups else _service(args)
    from reader.ui.app import ReaderApp  # Textual is imported only for the app

    if guess.note:  # until the title bar shows the language guess itself
        note = "; ".join(filter(None, (source.note, guess.note)))
        source = dataclasses.replace(source, note=note)
    if source.title or source.byline:  # until the title bar shows source.heading and
        # source.byline itself: the title as heading, site · author · date after it
        note = " · ".join(filter(None, (source.byline, source.note)))
        source = dataclasses.replace(source, name=source.heading, note=note)
    app = ReaderApp(source, guess.language, analyse, analyzer.choice.describe(),
                    service, **library_commands.app_options(args, source))
    if _run_app(app):
        fail("interrupted", EXIT_INTERRUPTED)
    return 0 if app.return_code in (None, 0) else EXIT_FAILURE


def _run_app(app: ReaderApp) -> bool:
    """Run the app until it quits or SIGINT arrives; return whether it was interrupted.

    In raw mode ctrl+c is a key, so SIGINT only comes from ``kill``; the app is asked to
    exit, so the terminal is restored as on quitting."""
    import asyncio
    import signal

    interrupted = False

    def on_sigint() -> None:
        nonlocal interrupted
        interrupted = True
        app.exit(return_code=EXIT_INTERRUPTED)

    async def run() -> None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, on_sigint)
        await app.run_async()

    asyncio.run(run())
    return interrupted


def dispatch(args: argparse.Namespace) -> int:
    """Run the subcommand ``args.command``."""
    if args.command == "annotate":
        return annotate(args)
    if args.command == "models":
        return models(args.action, args.lang)
    from reader.cli import wiki_commands

    if args.command == "lookup":
        if not args.name.strip():
            fail("lookup needs a name, e.g. reader lookup 'Wladimir Putin'", EXIT_USAGE)
        return wiki_commands.lookup(_service(args, read_only=args.offline), args.name,
                                    args.lang, args.json, args.refresh, args.full)
    if args.command == "prefetch":
        return prefetch(args)
    if args.command == "picks":
        from reader.cli import picks_commands

        return picks_commands.run(args, _settings(args))
    settings = _settings(args)
    # only clear writes, and there is nothing to clear in a cache that was never made
    read_only = args.action != "clear" or not settings.cache_dir.is_dir()
    try:
        store = settings.cache(read_only=read_only)
    except FileNotFoundError as exc:
        fail(str(exc), EXIT_USAGE)
    return wiki_commands.cache(store, args.action, settings.cache_dir)


def prefetch(args: argparse.Namespace) -> int:
    """``reader prefetch``: every readable file is analysed and looked up; an unreadable
    one is reported and skipped (status 2 at the end)."""
    from reader.cli import wiki_commands

    service = _service(args)
    if service.offline:
        fail("prefetch needs the network (drop --offline)")
    bad = 0
    docs = []
    for file in args.files:
        try:
            source = read_any(file, args)
        except InputError as exc:  # a page that cannot be fetched counts as unreadable
            warn(str(exc))
            bad += 1
            continue
        guess = language_of(source, args.lang)
        docs.append((source, analysed(_analyzer(guess.language, args.model), source.text,
                                      args.cache_dir)))
    code = wiki_commands.prefetch(service, docs, args.full) if docs else 0
    return EXIT_USAGE if bad else code


def models(action: str, lang: str | None) -> int:
    """``reader models``: list the pipelines, print the bundled one's path, install one."""
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
