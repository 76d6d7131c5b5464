"""Language detection for German and English."""

from reader.core.language import detect_language
from tests.conftest import SAMPLE_DE


def test_german_sample() -> None:
    assert detect_language(SAMPLE_DE.read_text(encoding="utf-8")) == "de"


def test_english() -> None:
    assert detect_language("The river was low and the barges were half empty.") == "en"


def test_german_short() -> None:
    assert detect_language("Der Rhein ist niedrig und die Schiffe sind nur halb voll.") == "de"


def test_short_text_with_german_letters() -> None:
    assert detect_language("Grüße aus Köln") == "de"
    assert detect_language("Hello from Cologne") == "en"
