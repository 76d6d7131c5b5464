"""Listed companies in the gazetteer (``training.companies``): the forms a name is
written in, and the forms left out because the corpora use them otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from reader.core.lang import rules_for
from training.companies import EXTRA_SUFFIXES, forms, listed_companies


def test_a_name_is_listed_as_written_without_its_legal_form_and_uncamelled() -> None:
    suffixes = rules_for("en").legal_forms | EXTRA_SUFFIXES
    assert forms(("Veltrix", "Corporation"), suffixes) == [
        ("Veltrix", "Corporation"), ("Veltrix",)]
    assert forms(("Brandt", "&", "Sons", "Holdings", ",", "Inc."), suffixes) == [
        ("Brandt", "&", "Sons", "Holdings", ",", "Inc."), ("Brandt", "&", "Sons")]
    assert forms(("The", "Quill", "Factory"), suffixes) == [
        ("The", "Quill", "Factory"), ("Quill", "Factory")]
    assert forms(("KroneWerk",), suffixes) == [("KroneWerk",), ("Kronewerk",)]
    assert forms(("ACME",), suffixes) == [("ACME",)]


def _corpus(tmp_path: Path) -> Path:
    nlp = spacy.blank("en")
    sentences = [  # (words, entities as (start, end, label))
        (["He", "met", "Dunmore", "in", "Paris", "."], [(2, 3, "PER")]),
        (["Dunmore", "smiled", "at", "Dunmore", "."], [(0, 1, "PER"), (3, 4, "PER")]),
        (["She", "works", "at", "Veltrix", "."], [(3, 4, "ORG")]),
        (["Tom", "Brisk", "met", "Ann", "Brisk", "."], [(0, 2, "PER"), (3, 5, "PER")]),
        (["Ann", "Lee", "left", "."], [(0, 2, "PER")]),
        (["They", "went", "to", "Mexico", "City", "and", "the", "City", "."],
         [(3, 5, "LOC")]),
    ]
    docs = []
    for words, spans in sentences:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
        docs.append(doc)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    DocBin(docs=docs).to_disk(corpus / "labelled.spacy")
    raw = [" ".join(w) for w, _ in sentences] + ["the target was met", "a target , a goal"]
    (corpus / "raw.jsonl").write_text(
        "".join(json.dumps({"text": t}) + "\n" for t in raw), encoding="utf-8")
    return corpus


def test_forms_the_corpora_read_otherwise_are_left_out(tmp_path: Path) -> None:
    listed = ["Veltrix Inc.", "Dunmore Group", "Target Corporation", "City Holding Company",
              "Brisk Group", "Quillon", "Ann Quill Inc."]
    retyping, fill_only = listed_companies("en", _corpus(tmp_path), str.split, listed)
    assert {**retyping, **fill_only} == {
        ("Veltrix", "Inc."): "ORG", ("Veltrix",): "ORG",
        ("Dunmore", "Group"): "ORG",  # "Dunmore" alone is a person in the corpora
        ("Target", "Corporation"): "ORG",  # "target" is an ordinary word
        ("City", "Holding", "Company"): "ORG",  # "City" is used, never alone as a name
        ("Brisk", "Group"): "ORG",  # "Brisk" is a surname in the corpora
        ("Quillon",): "ORG",  # unknown to the corpora: listed
        ("Ann", "Quill", "Inc."): "ORG", ("Ann", "Quill"): "ORG",
    }
    # a name a person could have ("Ann" starts two people's names) only fills gaps
    assert set(fill_only) == {("Ann", "Quill", "Inc."), ("Ann", "Quill")}


def test_in_german_a_plain_word_must_be_known_as_a_name(tmp_path: Path) -> None:
    # German capitalises nouns: "Quillon" could be one ("das erste Match"); a camel-cased
    # name cannot, and "Veltrix" is labelled as a name in the corpora
    listed = ["Quillon", "Veltrix", "KroneWerk SE"]
    retyping, fill_only = listed_companies("de", _corpus(tmp_path), str.split, listed)
    assert fill_only == {} and retyping == {
        ("Veltrix",): "ORG", ("KroneWerk", "SE"): "ORG", ("KroneWerk",): "ORG",
        ("Kronewerk", "SE"): "ORG", ("Kronewerk",): "ORG"}
