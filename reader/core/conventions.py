"""Span conventions shared by the NER post-processing and the training data.

German news annotation (GermEval) labels only the name in "Stadt Bielefeld" or
"Region Kursk": the administrative noun in front is an ordinary word.  Wikipedia-derived
data and some pipelines take the whole phrase, so both the training recipe and the
clean-up of a pipeline's output move these nouns out of place names.
"""

from __future__ import annotations

ADMIN_NOUNS: dict[str, frozenset[str]] = {
    "de": frozenset({
        "Region", "Stadt", "Großstadt", "Hauptstadt", "Provinz", "Gemeinde", "Ortsgemeinde",
        "Samtgemeinde", "Verbandsgemeinde", "Landgemeinde", "Bezirk", "Stadtbezirk",
        "Regierungsbezirk", "Landkreis", "Kreis", "Stadtkreis", "Bundesland", "Land",
        "Gebiet", "Bundesstaat", "Staat", "Kanton", "Oblast", "Rajon", "Departement",
        "Département", "Distrikt", "Präfektur", "Woiwodschaft", "Gouvernement", "Ortsteil",
        "Stadtteil", "Dorf", "Insel", "Halbinsel", "Fluss",
    }),
}


def starts_with_admin_noun(words: list[str], lang: str) -> bool:
    """True for a place name such as ["Region", "Kursk"]: an administrative noun followed
    by a capitalised word."""
    nouns = ADMIN_NOUNS.get(lang, frozenset())
    return len(words) >= 2 and words[0] in nouns and words[1][:1].isupper()
