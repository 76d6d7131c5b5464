"""Which spaCy pipeline to use for a language, and loading it.

Order: an explicit ``--model NAME|PATH`` > the best official spaCy pipeline installed for
the language > reader's bundled pipeline > an error that says how to get one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
OFFICIAL: dict[str, tuple[str, ...]] = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm", "xx_ent_wiki_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "xx_ent_wiki_sm"),
}
# components that NER never needs: disabled when loading for speed
NOT_NEEDED = ("tagger", "morphologizer", "parser", "lemmatizer", "attribute_ruler",
              "senter", "trainable_lemmatizer")


class PipelineError(Exception):
    """No usable pipeline; the message is one line for the user."""


@dataclass(frozen=True)
class PipelineChoice:
    """A pipeline to load: an installed package name or a directory."""

    name: str
    kind: str  # "custom", "official" or "bundled"
    location: str  # package name or directory path

    def describe(self) -> str:
        return f"{self.name} ({self.kind})"


def bundled_path(lang: str) -> Path:
    return MODELS_DIR / lang


def is_installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def available(lang: str) -> list[PipelineChoice]:
    """Every pipeline for ``lang`` that could be used, best first."""
    found = [PipelineChoice(p, "official", p) for p in OFFICIAL.get(lang, ()) if is_installed(p)]
    bundled = bundled_path(lang)
    if (bundled / "config.cfg").is_file():
        found.append(PipelineChoice(f"reader_{lang}_ner", "bundled", str(bundled)))
    return found


def choose(lang: str, model: str | None = None) -> PipelineChoice:
    """The pipeline reader will use for ``lang``."""
    if model:
        path = Path(model)
        if path.is_dir():
            if not (path / "config.cfg").is_file():
                raise PipelineError(f"{model}: not a spaCy pipeline directory (no config.cfg)")
            return PipelineChoice(path.name, "custom", str(path.resolve()))
        if not is_installed(model):
            raise PipelineError(f"pipeline {model!r} is not installed and is not a directory")
        return PipelineChoice(model, "custom", model)
    options = available(lang)
    if not options:
        raise PipelineError(
            f"no NER pipeline for language {lang!r}: run 'reader models install {lang}' "
            "or pass --model NAME|PATH"
        )
    return options[0]


def directory(choice: PipelineChoice) -> Path | None:
    """Where the pipeline's files are (an installed package's folder), without loading it."""
    if choice.kind != "official" and Path(choice.location).is_dir():
        return Path(choice.location)
    try:
        spec = importlib.util.find_spec(choice.location)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def fingerprint(choice: PipelineChoice) -> str:
    """The pipeline's name and version (meta.json) and a digest of its files' names, sizes
    and modification times: it changes when the pipeline does (retrained, upgraded),
    and costs a few stat calls, not spaCy's import."""
    where = directory(choice)
    digest = hashlib.sha256(f"{choice.name}\0{choice.location}".encode())
    if where is None:
        return f"{choice.name}:?:{digest.hexdigest()[:16]}"
    version = "?"
    metas = sorted(where.rglob("meta.json"), key=lambda p: len(p.parts))
    if metas:
        try:
            meta = json.loads(metas[0].read_text(encoding="utf-8"))
            version = f"{meta.get('name', '?')}-{meta.get('version', '?')}"
        except (OSError, ValueError):
            pass
    for path in sorted(where.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        stat = path.stat()
        digest.update(f"{path.relative_to(where)}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
                      .encode())
    return f"{choice.name}:{version}:{digest.hexdigest()[:16]}"


def load(choice: PipelineChoice) -> Language:
    """Load a pipeline with only what NER needs enabled."""
    import spacy

    import reader.core.gazetteer  # noqa: F401  (registers the bundled pipelines' component)

    try:
        nlp = spacy.load(choice.location, exclude=list(NOT_NEEDED))
    except OSError as exc:
        raise PipelineError(f"cannot load pipeline {choice.name}: {exc}") from None
    if "ner" not in nlp.pipe_names:
        raise PipelineError(f"pipeline {choice.name} has no 'ner' component")
    return nlp
