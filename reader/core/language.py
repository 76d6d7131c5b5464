"""Which language a text is in, and which pipeline language reads it.

reader has pipelines for German and English. :func:`identify` says what the text looks
like (``detected``, any language) and which of the two reads it (``language``); text in
another language is read with the closer of the two, and :attr:`LanguageGuess.note` says
so instead of silently passing it off as English.

Most articles are decided in microseconds by their function words, when they are plainly
German or English prose. Short, messy or foreign text goes to py3langid (a maintained
byte n-gram classifier, langid.py's successor), loaded on first use: it costs about a
second once, so articles open as fast as before. URLs and e-mail addresses are dropped
before either looks at the text.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.core.lang import de, en

SUPPORTED = ("de", "en")
DEFAULT = "en"
UNDETERMINED = "und"  # ISO 639-2: no language could be determined

STOPWORDS: dict[str, frozenset[str]] = {"de": de.STOP_WORDS, "en": en.STOP_WORDS}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NOISE = re.compile(r"(?:https?://|ftp://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)

# the function words decide alone only on this much plain evidence: enough of them, a
# share of the words typical of German or English prose (French or Dutch text hits a few
# of them, "des", "a", "in", but far fewer), and a clear winner
FAST_MIN_HITS = 20
FAST_MIN_SHARE = 0.15
FAST_MIN_RATIO = 3.0

# the classifier chooses among widely written languages; its rarer neighbours (Frisian,
# Luxembourgish, Nigerian Pidgin, ...) win on three-word snippets of German or English
IDENTIFIER_LANGUAGES = (
    "ar", "bg", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi",
    "fr", "ga", "gl", "he", "hi", "hr", "hu", "id", "is", "it", "ja", "ko", "lt", "lv", "mk",
    "ms", "mt", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "th",
    "tl", "tr", "uk", "ur", "vi", "zh")
IDENTIFIER_SAMPLE = 5_000  # characters of cleaned text given to the classifier
# below this probability the classifier is guessing (a lone name: "Berlin" scores 7 % Turkish,
# 7 % German): it is not evidence of another language, so the closer pipeline reads it
# without a warning
MIN_CONFIDENCE = 0.25

NAMES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian",
         "nl": "Dutch", "pt": "Portuguese", "pl": "Polish", "sv": "Swedish", "da": "Danish",
         "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "ru": "Russian", "tr": "Turkish",
         "ca": "Catalan", "ro": "Romanian", "hu": "Hungarian", "el": "Greek",
         "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese", "ar": "Arabic"}


def language_name(code: str) -> str:
    """English name of a language code ("fr" -> "French"); the code when unknown."""
    return NAMES.get(code, code)


@dataclass(frozen=True)
class LanguageGuess:
    """What a text was found to be, and which pipeline language reads it.

    ``language`` is always ``"de"`` or ``"en"`` (what the pipeline is chosen for);
    ``detected`` is the language the text looks like, any ISO 639-1 code, or ``"und"``
    when it could not be determined; ``supported`` is whether reader has a pipeline for
    it; ``forced`` whether the user chose the language (``--lang``)."""

    language: str
    detected: str
    supported: bool
    forced: bool = False

    @property
    def note(self) -> str:
        """One line for a header or stderr when the text is not in a supported language;
        empty otherwise."""
        if self.supported:
            return ""
        pipeline = language_name(self.language)
        if self.detected == UNDETERMINED:
            return f"language not recognised: read with the {pipeline} pipeline"
        return (f"{language_name(self.detected)} ({self.detected}) is not supported: "
                f"read with the {pipeline} pipeline")

    def to_json(self) -> dict[str, Any]:
        """The guess as JSON fields (``reader annotate``)."""
        return {"language": self.language,
                "language_from": "--lang" if self.forced else "detection",
                "detected_language": None if self.forced else self.detected,
                "language_supported": self.supported}


def chosen(language: str) -> LanguageGuess:
    """The guess for a language the user chose (``--lang``): taken as it is."""
    return LanguageGuess(language, language, language in SUPPORTED, forced=True)


def clean(text: str) -> str:
    """``text`` without URLs and e-mail addresses, which are not in any language."""
    return _NOISE.sub(" ", text)


def _by_function_words(words: list[str]) -> str | None:
    """"de" or "en" when the function words leave no doubt, else None."""
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in STOPWORDS.items()}
    best, other = sorted(scores, key=lambda k: -scores[k])
    hits = scores[best] + scores[other]
    if (scores[best] >= FAST_MIN_HITS and hits >= FAST_MIN_SHARE * len(words)
            and scores[best] >= FAST_MIN_RATIO * max(scores[other], 1)):
        return best
    return None


_lock = threading.Lock()
_identifier: Any = None


def _get_identifier() -> Any:
    """py3langid's classifier over :data:`IDENTIFIER_LANGUAGES`, loaded once."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import (  # type: ignore[import-untyped]
                MODEL_FILE,
                LanguageIdentifier,
            )

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(IDENTIFIER_LANGUAGES))
            _identifier = identifier
        return _identifier


def _by_identifier(text: str) -> LanguageGuess:
    ranked: list[tuple[str, float]] = _get_identifier().rank(text[:IDENTIFIER_SAMPLE])
    detected, confidence = ranked[0]
    closer = next(lang for lang, _ in ranked if lang in SUPPORTED)
    if detected in SUPPORTED or confidence < MIN_CONFIDENCE:
        return LanguageGuess(closer, closer, True)
    # another language: read it with whichever supported one it is closer to
    return LanguageGuess(closer, detected, False)


def identify(text: str, sample_chars: int = 200_000) -> LanguageGuess:
    """Find the language of ``text`` (its first ``sample_chars`` characters)."""
    sample = clean(text[:sample_chars])
    words = [w.lower() for w in WORD.findall(sample)]
    if not words:
        return LanguageGuess(DEFAULT, UNDETERMINED, False)
    fast = _by_function_words(words)
    if fast is not None:
        return LanguageGuess(fast, fast, True)
    return _by_identifier(" ".join(sample.split()))


def detect_language(text: str, sample_chars: int = 200_000) -> str:
    """Return ``"de"`` or ``"en"``: the pipeline language for ``text`` (see
    :func:`identify`, which also says when the text is in neither)."""
    return identify(text, sample_chars).language
