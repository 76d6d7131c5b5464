"""Pure helpers for resolution: title variants, choosing by context, lead sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from reader.core.lang import rules_for
from reader.core.names import base_name, key_of

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
# a full stop that does not end a sentence: abbreviations, initials, German ordinals
_ABBREVIATIONS = (
    r"Dr|Prof|St|Nr|bzw|geb|gest|ca|vgl|etc|usw|Mr|Mrs|Ms|Jr|Sr|Inc|Ltd|No|vs|z\. ?B|u\. ?a|"
    r"d\. ?h|v\. ?Chr|n\. ?Chr|Jh|Jhd|Jan|Feb|Apr|Aug|Sept?|Okt|Oct|Nov|Dez|Dec"
)
_NO_BREAK = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|\b[^\W\d_]|\b\d{{1,4}})\.$")


def title_variants(name: str, lang: str) -> list[str]:
    """Titles to try for a name, best first: as written, its base form ("Kalten Krieges"
    → "Kalter Krieg"), then, in German, genitive endings removed ("Russlands" →
    "Russland") and both strong endings of a first word in "-en" ("Zweiten" → "Zweiter",
    "Zweite") for a name whose gender the rules do not know."""
    name = " ".join(name.split())
    out = [name, base_name(name, "MISC", lang)]
    if lang == "de":
        words = name.split(" ")
        last = words[-1]
        genitive = rules_for(lang).genitive
        bases = [last[: -len(s)] for s in genitive if last.endswith(s) and len(last) - len(s) >= 3]
        stems = [" ".join([*words[:-1], b]) for b in bases]
        out += stems
        for form in [name, *stems]:
            first, _, rest = form.partition(" ")
            if rest and first[:1].isupper() and first.endswith("en"):
                out += [f"{first[:-1]}r {rest}", f"{first[:-1]} {rest}"]  # Zweiten → Zweiter/Zweite
    return list(dict.fromkeys(out))


def context_words(texts: Iterable[str]) -> set[str]:
    return {w.casefold() for t in texts for w in _WORD.findall(t)}


def _bare_title(title: str) -> str:
    return _PAREN.sub("", title)


def title_score(name: str, title: str) -> float:
    """How well a page title matches a name: 3 same, 2 contains every word, else 0."""
    n, t = key_of(name), key_of(_bare_title(title))
    if n == t:
        return 3.0
    if set(n.split()) <= set(t.split()):
        return 2.0
    return 0.0


def context_score(page: dict[str, Any], context: set[str]) -> float:
    words = context_words([page.get("extract", ""), page.get("description", "")])
    return min(len(words & context), 6) * 0.5


def is_disambiguation(page: dict[str, Any]) -> bool:
    props = page.get("pageprops") or {}
    return "disambiguation" in props


def best_match(name: str, pages: Sequence[dict[str, Any]],
               context: set[str]) -> dict[str, Any] | None:
    """The search result that best fits the name and the article's context, if any fits."""
    best, best_score = None, 0.0
    for rank, page in enumerate(pages):
        if is_disambiguation(page) or page.get("missing"):
            continue
        fit = title_score(name, page.get("title", ""))
        if fit < 2:
            continue
        score = fit + context_score(page, context) - 0.2 * rank
        if score > best_score:
            best, best_score = page, score
    return best


def rank_candidates(pages: Sequence[dict[str, Any]],
                    context: set[str]) -> list[dict[str, Any]]:
    usable = [p for p in pages if not is_disambiguation(p) and not p.get("missing")]
    return sorted(usable, key=lambda p: -context_score(p, context))


def lead_sentences(extract: str, least: int = 2, most: int = 4, max_chars: int = 700) -> str:
    """The first 2–4 sentences of a lead, parentheses (dates) kept."""
    text = " ".join(extract.split())
    sentences: list[str] = []
    start, depth = 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch in ".!?" and depth == 0:
            nxt = text[i + 1: i + 2]
            if nxt not in ("", " "):
                continue
            if ch == "." and _NO_BREAK.search(text[max(start, i - 12): i + 1]):
                continue
            sentences.append(text[start: i + 1].strip())
            start = i + 1
            if len(sentences) >= most:
                break
    if start < len(text) and len(sentences) < most:
        tail = text[start:].strip()
        if tail and not tail.endswith("…"):
            sentences.append(tail)
    out: list[str] = []
    for s in sentences:
        if len(out) >= least and len(" ".join([*out, s])) > max_chars:
            break
        out.append(s)
    return " ".join(out)
