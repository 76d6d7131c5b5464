"""The training recipe on tiny stand-in corpora: label conventions, the learned gazetteer
and the subword vectors (no model is trained here)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, DocBin

from training import gazetteer
from training.corpora import CORPORA, as_misc, misc_words, read_corpus
from training.prepare import prepare
from training.vectors import build_vectors


def test_panx_place_names_follow_germeval_convention(tmp_path: Path) -> None:
    panx = tmp_path / "de" / "panx"
    panx.mkdir(parents=True)
    (panx / "train-de.tsv").write_text(
        "im\tO\nLandkreis\tB-LOC\nHarburg\tI-LOC\n\n"
        "Land\tB-LOC\nder\tI-LOC\nBerge\tI-LOC\n\n"
        "Angela\tB-PER\nMerkel\tI-PER\n\n"
        "die\tO\ndeutschen\tB-LOC\nMeister\tO\n", encoding="utf-8")
    (panx / "dev-de.tsv").write_text("", encoding="utf-8")
    assert list(read_corpus(CORPORA["panx-de"], tmp_path)) == [
        (["im", "Landkreis", "Harburg"], ["O", "O", "B-LOC"]),
        (["Land", "der", "Berge"], ["B-LOC", "I-LOC", "I-LOC"]),  # "der" is no name
        (["Angela", "Merkel"], ["B-PER", "I-PER"]),
        (["die", "deutschen", "Meister"], ["O", "O", "O"]),  # an adjective is no place
    ]


def test_europeana_ocr_punctuation_is_split_off_so_sentences_end(tmp_path: Path) -> None:
    enp = tmp_path / "de" / "europeana"
    enp.mkdir(parents=True)
    # OCR tokens as the corpus has them, with punctuation stuck to the words
    lines = ["Er O", "kam O", "aus O", "( O", "Wien, B-LOC", "nach O", "Dr. O", "Müller B-PER",
             ". O", "Dann O", "reiste O", "er O", "über O", "Maia B-LOC", "bassa. I-LOC"]
    for name in ("lft", "onb", "sbb"):
        text = "\n".join(lines) + "\n" if name == "lft" else ""
        (enp / f"enp_DE.{name}.bio").write_text(text, encoding="utf-8")
    assert list(read_corpus(CORPORA["europeana"], tmp_path)) == [
        (["Er", "kam", "aus", "(", "Wien", ",", "nach", "Dr.", "Müller", "."],
         ["O", "O", "O", "O", "B-LOC", "O", "O", "O", "B-PER", "O"]),
        (["Dann", "reiste", "er", "über", "Maia", "bassa", "."],
         ["O", "O", "O", "O", "B-LOC", "I-LOC", "O"]),
    ]


def _corpus(tmp_path: Path) -> Path:
    nlp = spacy.blank("de")
    labelled = [
        (["Die", "Stadt", "Pjöngjang", "liegt", "im", "Norden"], [None, None, "LOC"]),
        (["In", "Essen", "regnet", "es"], [None, "LOC"]),
    ]
    docs = []
    for words, labels in labelled:
        tags = [f"B-{lab}" if lab else "O" for lab in labels] + ["O"] * (len(words) - len(labels))
        docs.append(Doc(nlp.vocab, words=words, ents=tags))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    DocBin(docs=docs).to_disk(corpus / "labelled.spacy")
    raw = [" ".join(w) for w, _ in labelled] + ["Wir", "Essen gehen wir später"] * 4
    (corpus / "raw.jsonl").write_text(
        "".join(json.dumps({"text": t}) + "\n" for t in raw), encoding="utf-8")
    return corpus


def test_gazetteer_keeps_reliable_names_and_their_type_wins(tmp_path: Path) -> None:
    names = gazetteer.learn("de", corpus=_corpus(tmp_path))
    # "Essen" is unlabelled in most of its occurrences, so it is not a reliable name
    assert names == {("Pjöngjang",): "LOC"}
    model = spacy.blank("de")
    stand_in = model.add_pipe("entity_ruler", name="ner")  # the statistical NER's place
    stand_in.add_patterns([{"label": "ORG", "pattern": "Moskau"}])  # type: ignore[attr-defined]
    model.to_disk(tmp_path / "model")
    names[("Moskau",)] = "LOC"
    nlp = spacy.load(gazetteer.add_to(tmp_path / "model", tmp_path / "out", names))
    doc = nlp("Moskau und Pjöngjang verhandeln.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Moskau", "LOC"), ("Pjöngjang", "LOC")]


def test_the_gazetteer_learns_from_sentences_beyond_a_corpus_cap(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for corpus in CORPORA.values():  # the raw text reads every German corpus
        for rel in corpus.files:
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).touch()
    (data / "de" / "germeval2014" / "NER-de-test.tsv").write_text(
        "1\tEs\tO\tO\n2\tregnet\tO\tO\n", encoding="utf-8")
    (data / "de" / "panx" / "train-de.tsv").write_text("".join(
        f"{w}\tB-LOC\nliegt\tO\nim\tO\nNorden\tO\n\n" for w in ("Pjöngjang", "Kaesŏng", "Wŏnsan")),
        encoding="utf-8")
    (data / "de" / "panx" / "dev-de.tsv").write_text("", encoding="utf-8")
    mixture = {"heldout": "germeval", "train": {"panx-de": {"max": 1, "repeat": 2}}}
    prepare("de", data, tmp_path / "corpus", mixture=mixture)
    nlp = spacy.blank("de")

    def texts(split: str) -> list[str]:
        path = tmp_path / "corpus" / "de" / f"{split}.spacy"
        return sorted(d.text for d in DocBin().from_disk(path).get_docs(nlp.vocab))

    assert len(texts("train")) == 2 and len(set(texts("train"))) == 1  # capped, upsampled
    assert len(texts("labelled")) == 3  # each usable sentence once
    names = gazetteer.learn("de", corpus=tmp_path / "corpus" / "de")
    assert set(names) == {("Pjöngjang",), ("Kaesŏng",), ("Wŏnsan",)}


def test_genitive_bases_are_names_clearly_more_common_than_their_s_form(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    sentences = ([(["China"], "LOC")] * 5 + [(["Chinas"], "LOC")] * 2
                 + [(["Hans"], "PER")] * 6 + [(["Han"], "PER")] * 3
                 + [(["Paris"], "LOC")] * 5 + [(["Peking"], "LOC")] * 2)
    docs = [Doc(nlp.vocab, words=[*words, "x", str(i)], ents=[f"B-{label}", "O", "O"])
            for i, (words, label) in enumerate(sentences)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    DocBin(docs=docs).to_disk(corpus / "labelled.spacy")
    # "Han" is rarer than "Hans", "Paris" ends in s, "Peking" is seen too rarely
    assert gazetteer.genitive_bases("de", corpus=corpus) == ["China"]


def test_subword_vectors_cover_unseen_words_and_are_reproducible(tmp_path: Path) -> None:
    raw = tmp_path / "raw.jsonl"
    sentences = ["Der Präsident reiste nach Moskau und Peking .",
                 "Die Regierung in Berlin beriet über den Haushalt ."] * 50
    raw.write_text("".join(json.dumps({"text": s}) + "\n" for s in sentences), encoding="utf-8")
    options = {"dim": 8, "bucket": 500, "epoch": 2, "min_count": 1}
    first = spacy.load(build_vectors("de", tmp_path / "a", options, raw=raw))
    second = spacy.load(build_vectors("de", tmp_path / "b", options, raw=raw))
    assert first.vocab.vectors.mode == "floret"
    unseen = np.asarray(first.vocab["Pjöngjang"].vector)
    assert unseen.shape == (8,) and float(np.abs(unseen).sum()) > 0
    assert np.array_equal(np.asarray(first.vocab.vectors.data),
                          np.asarray(second.vocab.vectors.data))


def test_the_model_card_shows_the_evaluation_as_make_evaluate_prints_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from training import card
    from training.evaluate import format_table

    (tmp_path / "corpus" / "de").mkdir(parents=True)
    (tmp_path / "corpus" / "de" / "stats.json").write_text('{"germeval": {"sentences": 7}}')
    (tmp_path / "mixtures.json").write_text(json.dumps(
        {"de": {"train": {"germeval": {}}, "notes": "A note."}}))
    monkeypatch.setattr(card, "HERE", tmp_path)
    score = {"p": 0.75, "r": 0.5, "f": 0.6}
    result = {"lang": "de", "corpus": "germeval", "sentences": 3, "tokens": 40,
              "model": "reader/models/de", "per_label": {"PER": score}, "overall": score}
    card.write_card("de", tmp_path, [result])
    text = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"```\n{format_table(result)}\n```" in text
    assert "  PER     0.750  0.500  0.600" in text
    assert "| germeval |" in text and "A note." in text


def test_redocred_nationalities_are_trained_as_misc_like_the_other_corpora() -> None:
    crossner = [(["the", "Canadian", "writer"], ["O", "B-MISC", "O"]),
                (["a", "Canadian", "band"], ["O", "B-MISC", "O"]),
                (["in", "Canadian", "waters"], ["O", "B-LOC", "O"]),  # 2 of 3: not enough
                (["Lutheran", "and", "Lutheran"], ["B-MISC", "O", "B-MISC"]),
                (["Iris", "and", "Iris"], ["B-MISC", "O", "B-MISC"])]
    assert misc_words(crossner) == {"Lutheran", "Iris"}
    assert misc_words(crossner, min_share=0.6) == {"Canadian", "Lutheran", "Iris"}
    tokens = ["Iris", ",", "a", "Lutheran", "pastor", ",", "left", "the", "Lutheran",
              "Church"]
    tags = ["B-PER", "O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "I-ORG"]
    # a one-word place or organisation becomes MISC; a person, or a longer name, stays
    assert as_misc(tokens, tags, {"Iris", "Lutheran"}) == [
        "B-PER", "O", "O", "B-MISC", "O", "O", "O", "O", "B-ORG", "I-ORG"]


def test_only_the_training_part_of_redocred_is_relabelled(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for corpus in CORPORA.values():
        for rel in corpus.files:
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).write_text("[]" if rel.endswith(".json") else "", encoding="utf-8")
    (data / "en" / "crossner" / "music" / "train.txt").write_text(
        "a\tO\nFinnish\tB-misc\nsinger\tO\n\n" * 2, encoding="utf-8")
    docs = [{"sents": [["A", "Finnish", "poet", "number", str(i), "."]],
             "vertexSet": [[{"sent_id": 0, "pos": [1, 2], "type": "LOC"}]]}
            for i in range(20)]
    (data / "en" / "redocred" / "dev_revised.json").write_text(json.dumps(docs))
    mixture = {"heldout": "redocred", "train": {"redocred": {}}}
    prepare("en", data, tmp_path / "corpus", mixture=mixture)
    nlp = spacy.blank("en")

    def labels(split: str) -> set[str]:
        path = tmp_path / "corpus" / "en" / f"{split}.spacy"
        return {e.label_ for d in DocBin().from_disk(path).get_docs(nlp.vocab) for e in d.ents}

    assert labels("train") == {"MISC"}
    assert labels("test-redocred") == {"LOC"}  # the held-out gold data as given
