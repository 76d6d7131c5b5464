"""The general cleaning rules applied to whatever spans a pipeline proposes.

A blank spaCy pipeline with an entity ruler stands in for a statistical model, so the
rules are tested on exactly the spans a model could produce.
"""

from __future__ import annotations

from spacy.language import Language

from reader.core.consistency import Consistency
from reader.core.model import Mention
from reader.core.ner import blocks, extract
from tests.fakes import ruler_nlp


def _nlp(patterns: list[tuple[str, str]]) -> Language:
    return ruler_nlp(patterns)


def _found(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for batch, _ in extract(nlp, text) for m in batch]


def test_trailing_lowercase_words_are_trimmed() -> None:
    nlp = _nlp([("PER", "Kim Jong-un von mir"), ("LOC", "der Ukraine")])
    text = "Grüßen Sie Kim Jong-un von mir. Der Krieg gegen der Ukraine geht weiter."
    assert _found(nlp, text) == [("Kim Jong-un", "PER"), ("Ukraine", "LOC")]


def test_a_name_the_model_broke_in_two_is_joined_again() -> None:
    nlp = _nlp([("LOC", "Vereinigten Staaten von"), ("LOC", "Amerika"), ("PER", "Kim von"),
                ("LOC", "Berlin")])
    text = "Die Vereinigten Staaten von Amerika und Kim von Berlin."
    # joined only where the first span ends in a lowercase word and the labels agree
    assert _found(nlp, text) == [("Vereinigten Staaten von Amerika", "LOC"), ("Kim", "PER"),
                                 ("Berlin", "LOC")]


def test_labels_are_normalised_and_non_names_dropped() -> None:
    nlp = _nlp([("PERSON", "Angela Merkel"), ("GPE", "Berlin"), ("DATE", "Mittwoch"),
                ("NORP", "Deutsche"), ("CARDINAL", "15.000")])
    text = "Angela Merkel war am Mittwoch in Berlin, sagten 15.000 Deutsche."
    assert _found(nlp, text) == [("Angela Merkel", "PER"), ("Berlin", "LOC"),
                                 ("Deutsche", "MISC")]


def test_no_entity_spans_a_paragraph_break() -> None:
    nlp = _nlp([("LOC", "Nordkorea")])
    text = "Er reiste nach Nordkorea\n\nNordkorea antwortete."
    found = [m for batch, _ in extract(nlp, text) for m in batch]
    assert [text[m.start:m.end] for m in found] == ["Nordkorea", "Nordkorea"]
    assert all("\n" not in m.text for m in found)


def test_line_break_cuts_a_name_unless_prose_is_hard_wrapped() -> None:
    nlp = _nlp([("ORG", "Vereinte Nationen Bericht")])
    short = "Vereinte Nationen\nBericht zum Klima"
    assert _found(nlp, short) == [("Vereinte Nationen", "ORG")]
    nlp2 = _nlp([("PER", "Wladimir Putin")])
    wrapped = ("In einer langen Rede vor dem Parlament lobte der russische Präsident Wladimir\n"
               "Putin die Truppen.")
    assert _found(nlp2, wrapped) == [("Wladimir\nPutin", "PER")]


def test_page_furniture_is_dropped() -> None:
    nlp = _nlp([("ORG", "WERBUNG"), ("ORG", "AP Photo"), ("ORG", "NATO"), ("ORG", "UNESCO"),
                ("PER", "Shehbaz Sharif")])
    text = ("date 2025-09-03 WERBUNG\n\n"
            "Der Premierminister Shehbaz Sharif. AP Photo\n\n"
            "Die NATO und die UNESCO tagten.")
    assert _found(nlp, text) == [("Shehbaz Sharif", "PER"), ("NATO", "ORG"),
                                 ("UNESCO", "ORG")]


def test_a_credit_after_a_caption_is_dropped_whatever_its_type() -> None:
    nlp = _nlp([("PER", "Reuters Pictures"), ("LOC", "Lissabon"), ("PER", "Ana Costa")])
    text = ("Ana Costa am Hafen von Lissabon. Reuters Pictures\n\n"
            "Ein Frachter verlässt Lissabon.")
    assert _found(nlp, text) == [("Ana Costa", "PER"), ("Lissabon", "LOC"),
                                 ("Lissabon", "LOC")]


def test_offsets_point_at_the_original_text() -> None:
    nlp = _nlp([("LOC", "Köln")])
    text = "  Grüße\taus Köln!\r\n\n\n Köln."
    found = [m for batch, _ in extract(nlp, text) for m in batch]
    assert [(m.start, m.end) for m in found] == [(12, 16), (22, 26)]
    assert all(text[m.start:m.end] == m.text == "Köln" for m in found)


def test_long_paragraphs_are_cut_into_blocks() -> None:
    text = ("Ein Satz. " * 2000).strip()
    spans = list(blocks(text, max_len=500))
    assert all(e - s <= 500 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def propagate(text: str, mentions: list[Mention], end: int | None = None) -> list[Mention]:
    """The consistency pass over ``text[:end]`` in one go (one block of the analysis)."""
    consistency = Consistency(text)
    consistency.add(mentions, len(text) if end is None else end, last=True)
    return consistency.mentions()


def test_missed_occurrences_of_a_found_name_are_added() -> None:

    text = "Putin kam. Dann sprach Putin.\n\nPutins Rede und Putin-Anhänger; Putin!"
    found = [Mention(0, 5, "Putin", "PER")]
    got = [(m.start, m.text) for m in propagate(text, found)]
    assert got == [(0, "Putin"), (23, "Putin"), (63, "Putin")]  # not "Putins", "Putin-…"
    assert propagate(text, found, end=20) == found  # only the analysed part


def test_a_run_of_names_found_alone_is_split() -> None:

    text = "Moskau und Nordkorea. Dann hat Moskau Nordkorea geholfen."
    found = [Mention(0, 6, "Moskau", "LOC"), Mention(11, 20, "Nordkorea", "LOC"),
             Mention(31, 47, "Moskau Nordkorea", "PER")]
    got = [(m.text, m.label) for m in propagate(text, found)]
    assert got == [("Moskau", "LOC"), ("Nordkorea", "LOC"), ("Moskau", "LOC"),
                   ("Nordkorea", "LOC")]


def test_administrative_noun_is_left_out_of_a_place_name() -> None:
    nlp = _nlp([("LOC", "Region Kursk"), ("GPE", "Stadt Bielefeld"), ("ORG", "Stadt Köln"),
                ("LOC", "Kursk")])
    text = "Kämpfe in der Region Kursk. Die Stadt Bielefeld und die Stadt Köln klagen. Kursk."
    # an organisation ("Stadt Köln" as the city administration) keeps its full name
    assert _found(nlp, text) == [("Kursk", "LOC"), ("Bielefeld", "LOC"),
                                 ("Stadt Köln", "ORG"), ("Kursk", "LOC")]


def test_a_clipped_name_after_an_article_is_the_organisation_it_clips() -> None:
    nlp = ruler_nlp([("ORG", "Metropolitan Police"), ("LOC", "London")], "en")
    text = ("The Metropolitan Police said on Friday that the Met had closed two roads in "
            "London. Met officers stayed.")
    # "Met officers": no article before it, so not taken for the name
    assert _found(nlp, text) == [("Metropolitan Police", "ORG"), ("Met", "ORG"),
                                 ("London", "LOC")]
    # a word that begins the first word but is more than half of it is no clipping
    nlp = ruler_nlp([("ORG", "Regional Municipality of Waterloo")], "en")
    text = "The Regional Municipality of Waterloo closed wells in the Region."
    assert _found(nlp, text) == [("Regional Municipality of Waterloo", "ORG")]


def test_a_clipped_name_needs_its_organisation_in_the_paragraph() -> None:
    nlp = ruler_nlp([("ORG", "Metropolitan Opera")], "en")
    text = "The Metropolitan Opera plays Verdi. The Met is sold out.\n\nThe Met closes."
    found = [m for batch, _ in extract(nlp, text) for m in batch]
    assert [(m.text, m.start) for m in found] == [("Metropolitan Opera", 4), ("Met", 40)]


def test_german_nouns_are_never_taken_for_clipped_names() -> None:
    # every German noun is capitalised: "der Bund" (the federation) is not the agency
    nlp = ruler_nlp([("ORG", "Bundesagentur für Arbeit")], "de")
    text = "Die Bundesagentur für Arbeit zahlt, der Bund gibt das Geld."
    assert _found(nlp, text) == [("Bundesagentur für Arbeit", "ORG")]


def test_a_clipped_word_that_fits_two_organisations_is_left_alone() -> None:
    nlp = ruler_nlp([("ORG", "National Gallery"), ("ORG", "National Theatre"),
                     ("PER", "Natalie Smith")], "en")
    text = "The National Gallery and the National Theatre hired Natalie Smith; the Nat said."
    assert ("Nat", "ORG") not in _found(nlp, text)
    # nor does a person's name lend itself to a clipping
    nlp = ruler_nlp([("PER", "Natalie Smith")], "en")
    assert _found(nlp, "Natalie Smith met the Nat team.") == [("Natalie Smith", "PER")]


def test_a_name_that_ends_in_a_legal_form_is_an_organisation() -> None:
    # in the gold data of both languages, 330 of 334 names that end in a legal form are
    # organisations (the others: "The Slim Shady LP", "1st SE", ...)
    nlp = ruler_nlp([("LOC", "Vandelay Industries Inc."), ("PER", "Meyer")], "en")
    assert _found(nlp, "Vandelay Industries Inc. hired Meyer.") == [
        ("Vandelay Industries Inc.", "ORG"), ("Meyer", "PER")]
    nlp = ruler_nlp([("PER", "Brinkmann Logistik GmbH"), ("MISC", "Holding")], "de")
    assert _found(nlp, "Die Brinkmann Logistik GmbH kauft die Holding.") == [
        ("Brinkmann Logistik GmbH", "ORG"), ("Holding", "MISC")]
