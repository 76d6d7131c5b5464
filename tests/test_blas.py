"""The bundled pipelines multiply matrices with numpy's BLAS, not thinc's BLIS
(``reader.core.blas``): 1.5-1.7 times their speed here, the same entities."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config, load_model_from_config
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from reader.core import pipelines

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "training" / "configs" / "ner.cfg"
ARTICLE = ROOT / "sample_articles" / "article-de-putin-kim-beijing.txt"


def _ops(nlp: Language, name: str) -> NumpyOps:
    ops = nlp.get_pipe(name).model.ops  # type: ignore[attr-defined]
    assert isinstance(ops, NumpyOps)
    return ops


def _restore_ops() -> NumpyOps:
    ops = get_current_ops()
    assert isinstance(ops, NumpyOps)
    return ops


def test_bundled_pipelines_are_built_on_numpy_blas() -> None:
    before = _restore_ops()
    try:
        for lang in ("de", "en"):
            set_current_ops(NumpyOps())  # BLIS, thinc's default
            nlp = pipelines.load(pipelines.choose(lang))
            for name in ("tok2vec", "ner"):
                assert not _ops(nlp, name).use_blis, (lang, name)
    finally:
        set_current_ops(before)


def test_the_training_recipe_builds_its_models_on_numpy_blas() -> None:
    before = _restore_ops()
    try:
        set_current_ops(NumpyOps())
        config = load_config(RECIPE, overrides={"nlp.lang": "de"}, interpolate=False)
        nlp = load_model_from_config(config, auto_fill=True)
        assert not _ops(nlp, "tok2vec").use_blis
    finally:
        set_current_ops(before)


def test_numpy_blas_finds_the_same_entities_as_blis() -> None:
    before = _restore_ops()
    path = pipelines.bundled_path("de")
    text = ARTICLE.read_text(encoding="utf-8")
    try:
        set_current_ops(NumpyOps())
        blis = spacy.load(path, config={"nlp": {"before_creation": None}})
        assert _ops(blis, "tok2vec").use_blis
        blas = spacy.load(path)
        assert not _ops(blas, "tok2vec").use_blis
        found = [[(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
                 for nlp in (blis, blas)]
        assert len(found[0]) > 20
        assert found[0] == found[1]
    finally:
        set_current_ops(before)
