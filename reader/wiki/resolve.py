"""Pure helpers for resolution: title variants, ranking candidates by context, leads.

Candidates — the pages a name's title variants reach, the hits of a search, the links of
a disambiguation page — are ranked by :func:`score`: how well the title fits the name,
whether the page is the kind of thing the entity is (a person, a place …), the hints the
text gives beside a mention (an administrative noun, "AP Photo"), and how many of the
words around the mentions and of the article's other entities the page's description and
lead share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reader.core.lang import rules_for
from reader.core.names import base_name, key_of
from reader.wiki.context import LookupContext, stems

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
# a full stop that does not end a sentence: abbreviations, initials, German ordinals
_ABBREVIATIONS = (
    r"Dr|Prof|St|Nr|bzw|geb|gest|ca|vgl|etc|usw|Mr|Mrs|Ms|Jr|Sr|Inc|Ltd|No|vs|z\. ?B|u\. ?a|"
    r"d\. ?h|v\. ?Chr|n\. ?Chr|Jh|Jhd|Jan|Feb|Apr|Aug|Sept?|Okt|Oct|Nov|Dez|Dec"
)
_NO_BREAK = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|\b[^\W\d_]|\b\d{{1,4}})\.$")

# the title words Wikipedia uses for an administrative noun a text puts before a place
ADMIN_TITLES: dict[str, tuple[str, ...]] = {
    "Region": ("Oblast", "Region"), "Gebiet": ("Oblast",), "Oblast": ("Oblast",),
    "Kreis": ("Landkreis", "Kreis"), "Bundesstaat": ("Bundesstaat",),
    "State": ("State",), "County": ("County",), "Province": ("Province",),
}
# words of a description or lead that say what kind of thing a page is
KIND_WORDS: dict[str, frozenset[str]] = {
    "PER": frozenset({"politiker", "politikerin", "politician", "schauspieler", "actor",
                      "sänger", "singer", "autor", "author", "journalist", "unternehmer",
                      "businessman", "fußballspieler", "footballer", "musiker", "musician",
                      "schriftsteller", "writer", "person", "staatsmann", "präsident",
                      "president", "manager", "managerin", "wissenschaftler", "scientist"}),
    "LOC": frozenset({"stadt", "großstadt", "hauptstadt", "gemeinde", "staat", "land",
                      "region", "oblast", "landkreis", "fluss", "city", "town", "capital",
                      "country", "state", "river", "village", "dorf", "insel", "island",
                      "county", "provinz", "province", "bundesstaat", "gebirge", "see",
                      "lake", "ort", "municipality", "verwaltungseinheit"}),
    "ORG": frozenset({"unternehmen", "company", "konzern", "partei", "party", "agentur",
                      "nachrichtenagentur", "agency", "organisation", "organization",
                      "verein", "club", "band", "zeitung", "newspaper", "hersteller",
                      "manufacturer", "bank", "behörde", "gewerkschaft", "corporation",
                      "verband", "institut", "universität", "university", "sender"}),
}
AGENCY_WORDS = frozenset({"nachrichtenagentur", "news agency", "presseagentur",
                          "bildagentur", "agency", "agentur"})
CITY_WORDS = ("stadt", "großstadt", "city", "town", "hauptstadt", "kleinstadt")


def title_variants(name: str, lang: str, context: LookupContext | None = None) -> list[str]:
    """Titles to try for a name, best first: with the administrative noun the text puts
    before it ("Region Kursk" → "Oblast Kursk"), as written, its base form ("Staatlichen
    Gästehaus Diaoyutai" → "Staatliches Gästehaus Diaoyutai"), then, in German, genitive
    endings removed ("Russlands" → "Russland") and both strong endings of a first word in
    "-en" ("Zweiten" → "Zweiter", "Zweite") for a name whose gender is not known."""
    name = " ".join(name.split())
    label = (context.label if context else "") or "MISC"
    out: list[str] = []
    if context is not None and context.admin:
        for noun in ADMIN_TITLES.get(context.admin, (context.admin,)):
            out.append(f"{noun} {name}" if lang == "de" else f"{name} {noun}")
    out += [name, base_name(name, label, lang), base_name(name, "MISC", lang)]
    if lang == "de":
        words = name.split(" ")
        last = words[-1]
        genitive = rules_for(lang).genitive
        bases = [last[: -len(s)] for s in genitive if last.endswith(s) and len(last) - len(s) >= 3]
        stems_ = [" ".join([*words[:-1], b]) for b in bases]
        out += stems_
        for form in [name, *stems_]:
            first, _, rest = form.partition(" ")
            if rest and first[:1].isupper() and first.endswith("en"):
                out += [f"{first[:-1]}r {rest}", f"{first[:-1]} {rest}"]  # Zweiten → Zweiter/Zweite
    return list(dict.fromkeys(out))


def bare_title(title: str) -> str:
    """A title without its parenthesised qualifier: "Kursk (Stadt)" → "Kursk"."""
    return _PAREN.sub("", title)


def title_score(name: str, title: str) -> float:
    """How well a page title matches a name: 3 same, 2 contains every word (its
    qualifier included: "Washington State" in "Washington (state)"), else 0."""
    n, t = key_of(name), key_of(bare_title(title))
    if n == t:
        return 3.0
    words = set(re.findall(r"\w+", key_of(title)))
    if set(n.split()) <= set(t.split()) or set(re.findall(r"\w+", n)) <= words:
        return 2.0
    return 0.0


def _about(page: dict[str, Any]) -> str:
    return f"{page.get('description', '')} {page.get('extract', '')}".casefold()


def _is_admin(page: dict[str, Any], admin: str) -> bool:
    nouns = {n.casefold() for n in (admin, *ADMIN_TITLES.get(admin, ()))}
    title = set(key_of(page.get("title", "")).replace("(", " ").replace(")", " ").split())
    description = page.get("description", "").casefold()
    if nouns & title or any(n in description for n in nouns):
        return True
    unit = "verwaltungseinheit" in description or "administrative" in description
    return unit and admin.casefold() not in CITY_WORDS


def score(name: str, page: dict[str, Any], context: LookupContext) -> float:
    """How well ``page`` fits the entity ``name`` in ``context`` (higher is better)."""
    about = _about(page)
    words = set(re.findall(r"[^\W\d_]+", about))
    s = 0.0
    if key_of(bare_title(page.get("title", ""))) == key_of(name):
        s += 0.5
    kind = KIND_WORDS.get(context.label)
    if kind and words & kind:
        s += 1.0
    for other, other_kind in KIND_WORDS.items():  # a page plainly of another kind
        if other != context.label and kind and not words & kind and words & other_kind:
            s -= 0.5
            break
    if context.admin:
        if _is_admin(page, context.admin):
            s += 3.0
        elif page.get("description", "").casefold().startswith(CITY_WORDS):
            s -= 0.5
    if context.furniture and any(w in about for w in AGENCY_WORDS):
        s += 3.0
    shared = stems([about]) & context.words
    s += min(len(shared), 8) * 0.4
    # the article's other entities named on the page: "Portland" beside "Oregon"
    named = sum(1 for n in context.neighbours if len(n) > 3 and n.casefold() in about)
    s += min(named, 2) * 1.0
    return s


def is_disambiguation(page: dict[str, Any]) -> bool:
    """True for a disambiguation page ("Kursk steht für: …")."""
    props = page.get("pageprops") or {}
    return "disambiguation" in props


def usable(page: dict[str, Any]) -> bool:
    """A page that exists and is an article, not a disambiguation."""
    return not is_disambiguation(page) and not page.get("missing") and not page.get("invalid")


def rank(name: str, pages: Sequence[dict[str, Any]],
         context: LookupContext) -> list[tuple[float, dict[str, Any]]]:
    """The usable pages with their scores, best first (a stable sort keeps the wiki's
    order between equals)."""
    scored = [(score(name, p, context), p) for p in pages if usable(p)]
    return sorted(scored, key=lambda sp: -sp[0])


def fits_hints(page: dict[str, Any], context: LookupContext) -> bool:
    """False when the text beside a mention says what the page is not: "Region Kursk"
    is no city, "AP Photo" no band."""
    if context.admin and context.admin.casefold() not in CITY_WORDS and not _is_admin(
            page, context.admin):
        return False
    return not context.furniture or any(w in _about(page) for w in AGENCY_WORDS)


def confident(ranked: Sequence[tuple[float, dict[str, Any]]], context: LookupContext,
              least: float = 1.2, margin: float = 0.6) -> dict[str, Any] | None:
    """The best candidate when the context clearly prefers it (and the hints beside the
    mentions allow it), else None: then the user picks."""
    if not ranked or ranked[0][0] < least or not fits_hints(ranked[0][1], context):
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
        return None
    return ranked[0][1]


def best_hit(name: str, hits: Sequence[dict[str, Any]], context: LookupContext,
             lang: str) -> dict[str, Any] | None:
    """The search hit that best fits the name and the context, if any fits: its title
    must contain every word of the name; the search's own rank breaks ties."""
    best, best_score = None, 0.0
    for i, page in enumerate(hits):
        if not usable(page):
            continue
        fit = max(title_score(name, page.get("title", "")),
                  title_score(base_name(name, context.label or "MISC", lang),
                              page.get("title", "")))
        if fit < 2:
            continue
        total = fit + score(name, page, context) - 0.2 * i
        if total > best_score:
            best, best_score = page, total
    return best


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
