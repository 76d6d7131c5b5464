"""English: an ordinary word that starts a sentence is not a name on its own
(``reader.core.nouns`` for English, its word list from ``training.lexicon``)."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from reader.core.nouns import CommonNouns
from tests.fakes import ruler_nlp
from training.lexicon import ordinary_words
from training.usage import Usage


def _nlp(model_names: list[tuple[str, str]]) -> Language:
    nlp = ruler_nlp(model_names, "en")
    rule = nlp.add_pipe("reader_common_nouns", name="common_nouns")
    assert isinstance(rule, CommonNouns)
    rule.add(["Barrels", "Tankers"])
    return nlp


def _ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_an_ordinary_word_starting_a_sentence_is_not_a_name(tmp_path: Path) -> None:
    nlp = _nlp([("ORG", "Barrels"), ("ORG", "Tankers"), ("LOC", "Oslo"),
                ("ORG", "Tankers Ltd")])
    assert _ents(nlp, "Barrels piled up in Oslo.") == [("Oslo", "LOC")]
    assert _ents(nlp, 'He said: "Tankers are late."') == []
    assert _ents(nlp, "Oil rose.\n\nBarrels piled up.") == []
    # a verb of saying makes it a speaker
    assert _ents(nlp, "Tankers said it would sail.") == [("Tankers", "ORG")]
    # in mid-sentence a capital says it is a name; several words are never removed
    assert _ents(nlp, "They chartered Tankers for a year.") == [("Tankers", "ORG")]
    assert _ents(nlp, "Tankers Ltd grew.") == [("Tankers Ltd", "ORG")]
    nlp.to_disk(tmp_path / "pipeline")
    assert _ents(spacy.load(tmp_path / "pipeline"), "Barrels piled up in Oslo.") == [
        ("Oslo", "LOC")]


def test_ordinary_words_are_those_written_in_lowercase_and_rarely_names(
        tmp_path: Path) -> None:
    vocab = spacy.blank("en").vocab
    docs = []
    for text, spans in [("He met Baker in Oslo .", [(2, 3, "PER"), (4, 5, "LOC")]),
                         ("Then Baker left .", [(1, 2, "PER")])]:
        doc = Doc(vocab, words=text.split())
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
        docs.append(doc)
    DocBin(docs=docs).to_disk(tmp_path / "labelled.spacy")
    raw = ["the baker baked bread", "a tanker , two tankers , more tankers",
           "bread and more bread and a baker"]
    (tmp_path / "raw.jsonl").write_text(
        "".join(json.dumps({"text": t}) + "\n" for t in raw), encoding="utf-8")
    words = ordinary_words(Usage("en", tmp_path), min_lowercase=2, max_named=0.1)
    # "Tankers" counts "tankers" and "tanker"; "Baker" is a name in mid-sentence
    assert "Tankers" in words and "Bread" in words
    assert "Baker" not in words and "Oslo" not in words
