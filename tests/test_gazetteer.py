"""The gazetteer component that ends the bundled pipelines."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from reader.core.gazetteer import Gazetteer
from tests.fakes import ruler_nlp


def _nlp(model_names: list[tuple[str, str]]) -> Language:
    return ruler_nlp(model_names)


def test_adds_longest_listed_names_where_the_model_found_nothing(tmp_path: Path) -> None:
    nlp = _nlp([("ORG", "Radio Moskau")])
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Pjöngjang",): "LOC", ("Kim", "Jong-un"): "PER", ("Kim",): "PER",
             ("Moskau",): "LOC", ("Sankt", "Petersburg"): "LOC"})
    text = "Kim Jong-un flog von Pjöngjang nach Sankt Petersburg. Kim hört Radio Moskau."
    # the model's entity is kept whole: no listed name is looked for inside it
    expected = [("Kim Jong-un", "PER"), ("Pjöngjang", "LOC"), ("Sankt Petersburg", "LOC"),
                ("Kim", "PER"), ("Radio Moskau", "ORG")]
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
    # lowercase words never start a name, even when listed
    gaz.add({("essen",): "LOC"})
    assert [e.text for e in nlp("Wir essen in Essen.").ents] == []
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert [(e.text, e.label_) for e in again(text).ents] == expected


def test_a_listed_name_the_model_found_gets_the_listed_type() -> None:
    # the model reads a place that acts as a person; the training data knows the place
    nlp = _nlp([("PER", "Pjöngjang"), ("PER", "Kim")])
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Pjöngjang",): "LOC"})
    ents = nlp("Pjöngjang hat zugesagt, sagte Kim.").ents
    assert [(e.text, e.label_) for e in ents] == [("Pjöngjang", "LOC"), ("Kim", "PER")]


def test_genitive_base_forms_survive_saving(tmp_path: Path) -> None:
    nlp = _nlp([])
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add_bases(["China", "Wladimir Putin"])
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline").get_pipe("gazetteer")
    assert isinstance(again, Gazetteer)
    assert [again.base_of(n) for n in ("Chinas", "Wladimir Putins", "China", "Paris")] == [
        "China", "Wladimir Putin", "", ""]


def test_names_from_general_knowledge_only_fill_gaps(tmp_path: Path) -> None:
    # the model reads a company as a place and misses another; a listed-company entry
    # adds the missing one but leaves the model's reading alone
    nlp = _nlp([("LOC", "Dunmore"), ("PER", "Ada Quist")])
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Dunmore",): "ORG", ("Veltrix",): "ORG"}, retype=False)
    text = "Shares of Veltrix rose, Dunmore fell, said Ada Quist."
    expected = [("Veltrix", "ORG"), ("Dunmore", "LOC"), ("Ada Quist", "PER")]
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert [(e.text, e.label_) for e in again(text).ents] == expected
    # listed again as a name learned from the training data, its type wins again
    gaz.add({("Dunmore",): "ORG"})
    assert ("Dunmore", "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_an_entity_made_of_two_listed_names_is_split() -> None:
    nlp = ruler_nlp([("ORG", "Veltrix and Dunmore Bank"), ("ORG", "Marks and Spencer"),
                     ("ORG", "Veltrix and Partners")], "en")
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Veltrix",): "ORG", ("Dunmore", "Bank"): "ORG", ("Marks",): "PER"})
    ents = nlp("Veltrix and Dunmore Bank gained. Veltrix and Partners lost.").ents
    assert [(e.text, e.label_) for e in ents] == [
        ("Veltrix", "ORG"), ("Dunmore Bank", "ORG"), ("Veltrix and Partners", "ORG")]
    # one side unlisted: the name stays whole ("Spencer" is not listed)
    assert [e.text for e in nlp("Marks and Spencer opened.").ents] == ["Marks and Spencer"]


def test_a_name_from_general_knowledge_inside_a_longer_name_is_left_alone() -> None:
    nlp = ruler_nlp([], "en")
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Veltrix",): "ORG"}, retype=False)
    text = ("Veltrix fell. Then Ada Veltrix flew a Veltrix 300 to Veltrix County. "
            "Shares of Veltrix rose.")
    assert [(e.start_char, e.text) for e in nlp(text).ents] == [
        (0, "Veltrix"), (text.rindex("Veltrix"), "Veltrix")]
    # the word before may be the first of its sentence ("Chipmaker Veltrix")
    for text in ("Chipmaker Veltrix rose.", "Oil fell.\n\nChipmaker Veltrix rose."):
        assert [e.text for e in nlp(text).ents] == ["Veltrix"]
    # German capitalises nouns, so a capital before the name says nothing
    de = ruler_nlp([], "de")
    gaz = de.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Veltrix",): "ORG"}, retype=False)
    assert [e.text for e in de("Der Konzern Veltrix baut Werke in Veltrix Nord.").ents] == [
        "Veltrix"]


def test_known_names_retype_the_model_but_are_added_only_standing_alone(
        tmp_path: Path) -> None:
    # general knowledge no person's name could match: it retypes the model's reading
    nlp = ruler_nlp([("PER", "Corvane Sachs")], "en")
    gaz = nlp.add_pipe("reader_gazetteer", name="gazetteer", after="ner")
    assert isinstance(gaz, Gazetteer)
    gaz.add({("Corvane", "Sachs"): "ORG", ("Veltrix",): "ORG"}, known=True)
    text = "Corvane Sachs advised Veltrix on a Veltrix 300 deal."
    expected = [("Corvane Sachs", "ORG"), ("Veltrix", "ORG")]
    assert _ents(nlp, text) == expected
    nlp.to_disk(tmp_path / "pipeline")
    assert _ents(spacy.load(tmp_path / "pipeline"), text) == expected


def _ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]
