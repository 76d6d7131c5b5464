"""Matrix products through numpy's BLAS: the ``reader.numpy_blas.v1`` spaCy callback.

Thinc's CPU ops multiply matrices with its bundled BLIS by default.  On processors BLIS
has no tuned kernel for, it runs its generic reference code: on this project's 2-core
AMD EPYC machine py-spy shows ``bli_sgemm_generic_ref``, and BLIS reached 27 GFLOP/s on
the tok2vec's matrix shapes where numpy's OpenBLAS, on one thread, reached 90 GFLOP/s.
The bundled pipelines ran 1.5-1.7 times faster with OpenBLAS (``python -m
benchmarks.models``), with the same entities: the results differ only by rounding.

The bundled pipelines name this callback as their ``[nlp.before_creation]``, so every
``spacy.load`` of them, and every training run of their recipe, builds its models on
numpy's BLAS.  The callback is registered under spaCy's ``spacy_callbacks`` entry point,
so spaCy finds it wherever reader is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.util import registry
from thinc.api import NumpyOps, set_current_ops

T = TypeVar("T")


def use_numpy_blas() -> None:
    """Make numpy's BLAS (not BLIS) do the matrix products of models created from now on
    in this thread."""
    set_current_ops(NumpyOps(use_blis=False))


def numpy_blas() -> Callable[[T], T]:
    """A ``before_creation`` callback: switches to numpy's BLAS before the pipeline's
    models are built, and returns the language class unchanged."""

    def before_creation(lang_cls: T) -> T:
        use_numpy_blas()
        return lang_cls

    return before_creation


registry.callbacks.register("reader.numpy_blas.v1", func=numpy_blas)
