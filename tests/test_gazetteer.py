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
