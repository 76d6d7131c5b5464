"""The linking test set (benchmarks/linking.py): at least 40 mentions from at least four
articles written for it, German and English, linked at 95 % or better."""

from __future__ import annotations

from benchmarks.linking import GOLD, linking


def test_linking_accuracy_on_the_test_set() -> None:
    result = linking()
    assert result["written"] >= 4 and {lang for lang, _ in GOLD.values()} == {"de", "en"}
    assert result["mentions"] >= 40
    assert result["accuracy"] >= 0.95, result["errors"]
