"""Language detection: German and English, also on short and messy text; any other
language is said to be unsupported instead of being read as English unnoticed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.language import LanguageGuess, chosen, detect_language, identify
from tests.conftest import ROOT, SAMPLE_DE


def test_german_sample() -> None:
    assert detect_language(SAMPLE_DE.read_text(encoding="utf-8")) == "de"


def test_english() -> None:
    assert detect_language("The river was low and the barges were half empty.") == "en"


def test_german_short() -> None:
    assert detect_language("Der Rhein ist niedrig und die Schiffe sind nur halb voll.") == "de"


def test_short_text_with_german_letters() -> None:
    assert detect_language("Grüße aus Köln") == "de"
    assert detect_language("Hello from Cologne") == "en"


@pytest.mark.parametrize("text", [
    "Olaf Scholz sprach in Berlin.",
    "Merz trifft Macron in Paris.",
    "Putin und Kim in Peking.",
])
def test_short_german_sentences_full_of_names(text: str) -> None:
    assert identify(text) == LanguageGuess("de", "de", True)


def test_german_behind_a_long_url() -> None:
    url = ("https://www.example.com/news/world/europe/2025/09/03/the-leaders-of-russia-and-"
           "north-korea-meet-in-beijing-at-the-parade-for-the-end-of-the-war-with-japan.html"
           "?utm_source=the_newsletter&utm_campaign=for-the-readers-of-the-day")
    text = f"{url}\n\nPutin und Kim in Peking. Der russische Präsident dankte Nordkorea.\n"
    assert identify(text) == LanguageGuess("de", "de", True)
    sample = SAMPLE_DE.read_text(encoding="utf-8")
    assert identify(f"{url}\n{url}\n{sample[:300]}").language == "de"


@pytest.mark.parametrize(("text", "code", "name"), [
    ("Le président a rencontré le chancelier à Paris pour parler de l'Europe.", "fr",
     "French"),
    ("El presidente se reunió con el canciller en Madrid para hablar de Europa.", "es",
     "Spanish"),
])
def test_other_languages_are_not_passed_off_as_english(text: str, code: str,
                                                       name: str) -> None:
    guess = identify(text)
    assert guess.detected == code and not guess.supported
    assert guess.language in ("de", "en")
    pipeline = {"de": "German", "en": "English"}[guess.language]
    assert guess.note == f"{name} ({code}) is not supported: read with the {pipeline} pipeline"
    long_text = " ".join([text] * 40)  # as much text as an article: still not English
    assert identify(long_text).detected == code


def test_supported_languages_have_no_note() -> None:
    assert identify(SAMPLE_DE.read_text(encoding="utf-8")).note == ""
    assert identify("It rains in London today.").note == ""


def test_a_lone_name_is_not_evidence_of_another_language() -> None:
    for text in ("Berlin", "Emmanuel Macron", "Angela Merkel"):
        assert identify(text).supported, text


def test_text_without_words() -> None:
    guess = identify("1234 5678 — 42")
    assert guess.language == "en" and not guess.supported
    assert guess.note == "language not recognised: read with the English pipeline"


def test_lang_overrides() -> None:
    assert chosen("de") == LanguageGuess("de", "de", True, forced=True)
    assert chosen("de").to_json()["language_from"] == "--lang"


def test_articles_are_decided_without_loading_the_classifier() -> None:
    """Start-up: importing the module loads no classifier, and a German or English article
    is decided by its function words, so only short or foreign text pays for it."""
    code = (
        "import sys, time\n"
        "from reader.core import language\n"
        "assert 'py3langid' not in sys.modules\n"
        "for path in sys.argv[1:]:\n"
        "    t = time.perf_counter()\n"
        "    language.identify(open(path, encoding='utf-8').read())\n"
        "    assert time.perf_counter() - t < 0.1\n"
        "assert 'py3langid' not in sys.modules, 'the classifier was loaded'\n"
    )
    english = ROOT / "sample_articles" / "article-en-rhine-low-water.txt"
    result = subprocess.run([sys.executable, "-c", code, str(SAMPLE_DE), str(english)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
