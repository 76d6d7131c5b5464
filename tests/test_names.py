"""Name rules on names the sample articles do not contain: base forms, keys, merging."""

from __future__ import annotations

import pytest

from reader.core.grouping import group
from reader.core.lang.de import gender_of, nominative
from reader.core.model import Label, Mention
from reader.core.names import acronym, base_name, core_words, group_key, initials


@pytest.mark.parametrize(("inflected", "base"), [
    ("Heiligen Römischen Reiches", "Heiliges Römisches Reich"),
    ("Roten Kreuzes", "Rotes Kreuz"),
    ("Europäischen Zentralbank", "Europäische Zentralbank"),
    ("Vereinten Nationen", "Vereinte Nationen"),
    ("Nahen Osten", "Naher Osten"),
    ("Weißen Hauses", "Weißes Haus"),
    ("Schwarzen Meer", "Schwarzes Meer"),
    ("Bayerischen Rundfunks", "Bayerischer Rundfunk"),
    ("Neuen Zürcher Zeitung", "Neue Zürcher Zeitung"),
    ("Freien Demokratischen Partei", "Freie Demokratische Partei"),
    ("Internationalen Währungsfonds", "Internationaler Währungsfonds"),
    ("Ersten Weltkriegs", "Erster Weltkrieg"),
])
def test_german_declension_is_undone(inflected: str, base: str) -> None:
    assert base_name(inflected, "ORG", "de") == base


@pytest.mark.parametrize("name", [
    "Berliner Mauer",  # no declined adjective
    "Bundesrepublik Deutschland",
    "Schwäbischen Alb",  # gender of "Alb" unknown: left as written
    "Deutsche Telekom",
])
def test_names_without_a_known_declension_are_left_as_written(name: str) -> None:
    assert base_name(name, "LOC", "de") == name


def test_people_are_not_declined() -> None:
    assert base_name("Peter Müller", "PER", "de") == "Peter Müller"
    assert nominative(["Lange", "Nacht"]) == ["Lange", "Nacht"] or gender_of("Nacht") == "f"


def test_a_noun_whose_own_ending_is_s_keeps_it() -> None:
    assert base_name("Staatliche Gästehaus", "LOC", "de") == "Staatliches Gästehaus"
    assert base_name("Alten Rathauses", "LOC", "de") == "Altes Rathaus"


def test_english_possessives_titles_and_legal_forms() -> None:
    assert core_words("Biden's", "en") == ["Biden"]
    assert core_words("Sen. Warren", "en") == ["Warren"]
    assert core_words("Siemens AG", "de") == ["Siemens"]
    assert core_words("Tesla, Inc.", "en") == ["Tesla"]
    assert core_words("Prof. Drosten", "de") == ["Drosten"]
    assert core_words("Dr.", "de") == ["Dr."]  # nothing left: kept as it is


def test_acronyms_and_initials() -> None:
    assert acronym("U.K.") == "UK" and acronym("EZB") == "EZB" and acronym("Berlin") is None
    assert initials("Europäische Zentralbank", "de") == "EZ"
    assert initials("Sozialdemokratische Partei Deutschlands", "de") == "SPD"
    assert initials("International Monetary Fund", "en") == "IMF"
    assert initials("Bank of England", "en") == "BE"
    assert group_key("U.K.", "LOC", "en") == group_key("UK", "LOC", "en")


def _group(items: list[tuple[str, Label]], lang: str) -> dict[str, tuple[Label, list[str]]]:
    mentions, pos = [], 0
    for text, label in items:
        mentions.append(Mention(pos, pos + len(text), text, label))
        pos += len(text) + 10
    return {e.name: (e.label, e.variants) for e in group(mentions, lang)}


def test_german_variants_of_one_name_are_one_entity() -> None:
    got = _group([("Sozialdemokratische Partei Deutschlands", "ORG"), ("SPD", "ORG"),
                  ("Europäischen Zentralbank", "ORG"), ("Europäische Zentralbank", "ORG"),
                  ("Siemens AG", "ORG"), ("Siemens", "ORG"), ("Scholz", "PER"),
                  ("Olaf Scholz", "PER"), ("Scholz'", "PER")], "de")
    assert set(got) == {"Sozialdemokratische Partei Deutschlands", "Europäische Zentralbank",
                        "Siemens AG", "Olaf Scholz"}
    assert "SPD" in got["Sozialdemokratische Partei Deutschlands"][1]


def test_english_variants_of_one_name_are_one_entity() -> None:
    got = _group([("United Kingdom", "LOC"), ("U.K.", "LOC"), ("UK", "LOC"),
                  ("International Monetary Fund", "ORG"), ("IMF", "ORG"),
                  ("Tesla, Inc.", "ORG"), ("Tesla", "ORG"), ("Joe Biden", "PER"),
                  ("Biden's", "PER"), ("Sen. Warren", "PER"), ("Warren", "PER"),
                  ("Federal Reserve", "ORG"), ("Fed", "ORG")], "en")
    assert set(got) == {"United Kingdom", "International Monetary Fund", "Tesla, Inc.",
                        "Joe Biden", "Warren", "Federal Reserve"}
    assert got["United Kingdom"] == ("LOC", ["United Kingdom", "U.K.", "UK"])


def test_an_acronym_that_fits_two_names_stays_apart() -> None:
    got = _group([("Bank of England", "ORG"), ("Bank of Estonia", "ORG"), ("BE", "ORG")], "en")
    assert set(got) == {"Bank of England", "Bank of Estonia", "BE"}


def test_type_is_the_majority_not_the_first_mention() -> None:
    got = _group([("Lüneburg", "ORG"), ("Lüneburg", "LOC"), ("Lüneburg", "LOC")], "de")
    assert got == {"Lüneburg": ("LOC", ["Lüneburg"])}


def test_a_title_is_strong_evidence_of_a_person() -> None:
    got = _group([("Dr. Lindqvist", "PER"), ("Lindqvist", "LOC")], "de")
    assert got == {"Lindqvist": ("PER", ["Dr. Lindqvist", "Lindqvist"])}


def test_a_known_genitive_base_is_shown_in_its_base_form() -> None:
    mentions = [Mention(0, 18, "Ersten Weltkriegs", "MISC", "Ersten Weltkrieg")]
    assert [e.name for e in group(mentions, "de")] == ["Erster Weltkrieg"]
