"""Two news paragraphs written for the project (tests/examples), read with the bundled
pipelines: examples of the general rules (base forms, acronyms, legal forms, titles),
not targets the pipelines were tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.analysis import Analyzer
from reader.core.model import Entity

EXAMPLES = Path(__file__).parent / "examples"


def _entities(name: str, lang: str) -> dict[str, Entity]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return {e.name: e for e in Analyzer(lang).analyse(text).entities}


@pytest.fixture(scope="module")
def german() -> dict[str, Entity]:
    return _entities("news-de.txt", "de")


@pytest.fixture(scope="module")
def english() -> dict[str, Entity]:
    return _entities("news-en.txt", "en")


def _by_label(entities: dict[str, Entity], label: str) -> set[str]:
    return {n for n, e in entities.items() if e.label == label}


def test_german_people_and_places(german: dict[str, Entity]) -> None:
    assert {"Friedrich Merz", "Richard Lutz", "Mario Reiß"} <= _by_label(german, "PER")
    assert {"Hamburg", "Brüssel", "München", "Wiesbaden"} <= _by_label(german, "LOC")


def test_german_variants_meet_under_the_base_form(german: dict[str, Entity]) -> None:
    bahn = german["Deutsche Bahn"]  # "der Deutschen Bahn", "Die Deutsche Bahn (DB)", "der DB"
    assert bahn.label == "ORG" and {"Deutschen Bahn", "DB"} <= set(bahn.variants)
    assert "Siemens" in german["Siemens AG"].variants
    assert "Merz" in german["Friedrich Merz"].variants
    # "des Statistischen Bundesamtes" is listed in the nominative
    assert german["Statistisches Bundesamt"].variants == ["Statistischen Bundesamtes"]
    assert not set(german) & {"DB", "Deutschen Bahn", "Siemens", "Merz"}


def test_english_people_and_places(english: dict[str, Entity]) -> None:
    assert {"Jerome Powell", "Christine Lagarde", "Scott Bessent"} <= _by_label(english, "PER")
    assert {"Washington", "New York", "Frankfurt", "Munich"} <= _by_label(english, "LOC")


def test_english_acronyms_and_legal_forms_join_the_full_name(
        english: dict[str, Entity]) -> None:
    assert "ECB" in english["European Central Bank"].variants
    assert "EU" in english["European Union"].variants
    assert "Apple" in english["Apple Inc."].variants
    # "the Fed", clipped, in the headline and in the sentence that names the Federal Reserve
    fed = english["Federal Reserve"]
    assert "Fed" in fed.variants and len(fed.mentions) == 3
    assert not set(english) & {"ECB", "EU", "Apple", "Fed"}


def test_english_listed_companies_are_organisations(english: dict[str, Entity]) -> None:
    # "Shares of Nvidia and JPMorgan Chase rose ..., while BASF and Thyssenkrupp fell":
    # the NER alone misses three of them; the gazetteer's listed companies fill the gaps
    assert {"Nvidia", "JPMorgan Chase", "BASF", "Thyssenkrupp"} <= _by_label(english, "ORG")
