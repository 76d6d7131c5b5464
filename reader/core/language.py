"""Guess the language of a text from its most common function words (German or English)."""

from __future__ import annotations

import re
from collections import Counter

_DE = """der die das und ist nicht ein eine einen dem den des mit auf für sich von zu im
auch es sie wir ich er hat haben wurde wird werden war sind als bei nach aus über noch nur
oder wie aber dass vom zum zur einer eines um"""
_EN = """the and is not a an of to in for on with that this it was were are be has have had he
she they we i by from as at but or which who his her their its been will would there what
about"""
STOPWORDS: dict[str, frozenset[str]] = {"de": frozenset(_DE.split()), "en": frozenset(_EN.split())}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
DEFAULT = "en"


def detect_language(text: str, sample_chars: int = 200_000) -> str:
    """Return ``"de"`` or ``"en"``: whichever language's function words are more frequent.

    Falls back to English when neither is evident (too few function words)."""
    words = Counter(w.lower() for w in WORD.findall(text[:sample_chars]))
    scores = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 2 or scores["de"] == scores["en"]:
        # too little to go on: German letters are a hint, else the default
        return "de" if any(c in "äöüßÄÖÜ" for c in text[:sample_chars]) else DEFAULT
    return best
