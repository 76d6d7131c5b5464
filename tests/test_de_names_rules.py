"""German rule components after the NER: adjective + noun names, common nouns that are no
names, and the word lists ``training.lexicon`` learns for them (examples not in the samples)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from reader.core.adjective_names import AdjectiveNames, head_keys
from reader.core.names import base_name
from reader.core.nouns import CommonNouns
from tests.fakes import ruler_nlp

pytestmark = pytest.mark.filterwarnings("ignore:.*W036")  # the stand-in NER may be empty
MODEL = Path(__file__).resolve().parents[1] / "reader" / "models" / "de"


def _nlp(model_names: list[tuple[str, str]]) -> Language:
    return ruler_nlp(model_names)


def _adjective_nlp(model_names: list[tuple[str, str]] | None = None) -> Language:
    nlp = _nlp(model_names or [])
    rule = nlp.add_pipe("reader_adjective_names", name="adjective_names")
    assert isinstance(rule, AdjectiveNames)
    rule.add(["schwarz", "kalt", "rot", "vereint", "regierend", "forensisch", "neu"],
             {"meer": "LOC", "kreuz": "ORG", "krieg": "MISC"})
    return nlp


def _ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_a_capitalised_adjective_before_a_noun_mid_sentence_is_a_name() -> None:
    nlp = _adjective_nlp()
    assert _ents(nlp, "Die Schiffe kreuzten im Schwarzen Meer vor Anker.") == [
        ("Schwarzen Meer", "LOC")]
    assert _ents(nlp, "Er schrieb über die Jahre des Kalten Krieges, als alles anders war.") == [
        ("Kalten Krieges", "MISC")]
    # a head noun the data gives no type: MISC; ordinals and "-jährig" need no list
    assert _ents(nlp, "Sie kam nach dem Dreißigjährigen Krieg zurück.") == [
        ("Dreißigjährigen Krieg", "MISC")]
    assert _ents(nlp, "Er half beim Roten Kreuz mit.") == [("Roten Kreuz", "ORG")]


def test_the_name_found_is_shown_in_its_base_form() -> None:
    name = _ents(_adjective_nlp(), "Er schrieb über die Jahre des Kalten Krieges in Europa.")[0]
    assert base_name(name[0], name[1], "de") == "Kalter Krieg"
    name = _ents(_adjective_nlp(), "Sie arbeitet bei den Vereinten Nationen in Genf.")[0]
    assert base_name(*name, "de") == "Vereinte Nationen"


@pytest.mark.parametrize("text", [
    "Schwarzes Meer und Ostsee sind Binnenmeere.",          # sentence start
    "Er sagte: Neue Regeln gelten ab Montag.",              # after a colon
    'Er rief " Neue Wege " in den Saal.',                   # after a quote
    "Sie kam in eine Forensische Klinik bei Wien.",         # after an indefinite article
    "Er traf den Regierenden Bürgermeister am Morgen.",     # an office, not a name
    "Das sagte der Neue heute.",                            # a nominalised adjective
    "Er kennt den Fischer seit Jahren.",                    # not an adjective elsewhere
    "Er arbeitet am Neuen Institut für Musik in Graz.",     # a longer name: the NER's
    "Das Buch über den Kalten Krieg Moskaus erschien.",     # the run of capitals goes on
    "Sie fuhren im Norden Europas herum.",                  # "Norden" is a noun
])
def test_descriptions_sentence_starts_and_offices_are_not_names(text: str) -> None:
    assert _ents(_adjective_nlp(), text) == []


def test_entities_the_model_found_are_left_as_they_are(tmp_path: Path) -> None:
    nlp = _adjective_nlp([("ORG", "Roten Kreuz")])
    assert _ents(nlp, "Sie spendet dem Roten Kreuz und fährt ans Schwarze Meer.") == [
        ("Roten Kreuz", "ORG"), ("Schwarze Meer", "LOC")]
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert _ents(again, "Er fuhr ans Schwarze Meer.") == [("Schwarze Meer", "LOC")]


def test_types_are_kept_by_the_head_noun_then_its_final_component() -> None:
    assert head_keys("Weltkrieges") == ["weltkrieg", "krieg"]
    assert head_keys("Staaten")[0] == "staaten"
    rule = AdjectiveNames()
    rule.add([], {"staaten": "LOC", "krieg": "MISC"})
    assert rule.label_of("Weltkrieges") == "MISC"
    assert rule.label_of("Staaten") == "LOC"
    assert rule.label_of("Trikot") == "MISC"


def _nouns_nlp(model_names: list[tuple[str, str]]) -> Language:
    nlp = _nlp(model_names)
    rule = nlp.add_pipe("reader_common_nouns", name="common_nouns")
    assert isinstance(rule, CommonNouns)
    rule.add(["Gäste", "Bundesregierung"], ["gäste"])
    return nlp


def test_listed_common_nouns_and_compounds_with_a_safe_head_are_not_names() -> None:
    nlp = _nouns_nlp([("PER", "Stammgäste"), ("ORG", "Bundesregierung"), ("PER", "Merkel"),
                      ("LOC", "Hamburg")])
    text = "Stammgäste und die Bundesregierung begrüßten Merkel in Hamburg."
    assert _ents(nlp, text) == [("Merkel", "PER"), ("Hamburg", "LOC")]


def test_context_makes_a_word_a_common_noun_unless_it_names_an_organisation() -> None:
    nlp = _nouns_nlp([("ORG", "Allianz"), ("ORG", "Koalition")])
    assert _ents(nlp, "Sie schlossen eine Allianz gegen den Plan.") == []
    assert _ents(nlp, "Die Allianz zwischen Paris und Rom hielt.") == []
    assert _ents(nlp, "Seine Koalition zerbrach.") == []
    assert _ents(nlp, "Die Allianz meldete Gewinne.") == [("Allianz", "ORG")]
    assert _ents(nlp, "Der Versicherer Allianz meldete Gewinne.") == [("Allianz", "ORG")]
    assert _ents(nlp, "Eine Allianz SE meldete Gewinne.") == [("Allianz", "ORG")]


def test_names_of_several_words_are_never_removed(tmp_path: Path) -> None:
    nlp = _nouns_nlp([("ORG", "Gäste Verein")])
    assert _ents(nlp, "Sie traten dem Gäste Verein bei.") == [("Gäste Verein", "ORG")]
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert _ents(again, "Die Gäste Verein und Gäste.") == [("Gäste Verein", "ORG")]
    rule = again.get_pipe("common_nouns")
    assert isinstance(rule, CommonNouns) and rule.is_common("Hotelgäste")


def test_the_lexicon_is_learned_from_gold_labels_and_raw_text() -> None:
    from training.lexicon import adjective_stems, common_nouns, head_types

    vocab = spacy.blank("de").vocab
    def doc(words: str, ents: list[str]) -> Doc:
        return Doc(vocab, words=words.split(), ents=ents)

    docs = [doc("Die Gäste kamen nach Hamburg", ["O", "O", "O", "O", "B-LOC"]),
            doc("Viele Gäste lobten die Burg", ["O"] * 5),
            doc("Drei Gäste sahen die Burg", ["O"] * 5),
            doc("im Kalten Krieg", ["O", "B-MISC", "I-MISC"])] * 3
    nouns, heads = common_nouns(docs, min_count=3, min_unlabelled=0.95)
    assert "Gäste" in nouns and "Hamburg" not in nouns
    # "burg" ends a labelled name ("Hamburg"), so it is no safe compound head
    assert "gäste" in heads and "burg" not in heads
    lines = ["der kalte Winter , des kalten Winters , ein kalter Tag",
             "wir fischen , ich fische"]
    stems = adjective_stems(lines)
    assert "kalt" in stems and "fisch" not in stems
    assert head_types(docs, set(stems)) == {"krieg": "MISC"}


@pytest.mark.skipif(not (MODEL / "common_nouns").is_dir(), reason="bundled pipeline")
def test_the_bundled_german_pipeline_runs_the_rules() -> None:
    import reader.core.gazetteer  # noqa: F401  (registers the components)

    nlp = spacy.load(MODEL)
    assert nlp.pipe_names[-2:] == ["adjective_names", "common_nouns"]
    ents = _ents(nlp, "Die Historikerin sprach in Leipzig über die Jahre nach dem "
                      "Ersten Weltkrieg und die Allianz zwischen Paris und London.")
    assert ("Ersten Weltkrieg", "MISC") in ents
    assert "Allianz" not in [t for t, _ in ents]
