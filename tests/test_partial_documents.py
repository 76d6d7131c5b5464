"""Partial documents of a long text are truthful: a row once shown stays, counts only grow,
and the consistency pass (missed occurrences added, runs of names split) holds in every
partial document as in the last one."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reader.core.analysis import Analyzer
from reader.core.consistency import LOOK_BACK_ALWAYS, Consistency
from reader.core.model import Mention

NAMES = {"Moskau": "LOC", "Nordkorea": "LOC", "Moskau Nordkorea": "PER", "Scholz": "PER"}


def _model() -> Any:
    """A blank German pipeline whose NER finds the names above, but "Scholz" only in a
    paragraph that says "sagte" (a model that misses most of his mentions)."""
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    def finder(doc: Doc) -> Doc:
        spans: list[Span] = []
        for name, label in sorted(NAMES.items(), key=lambda kv: -len(kv[0])):
            if name == "Scholz" and "sagte" not in doc.text:
                continue
            for m in re.finditer(rf"\b{name}\b", doc.text):
                span = doc.char_span(m.start(), m.end(), label=label)
                if span is not None and not any(s.start < span.end and span.start < s.end
                                                for s in spans):
                    spans.append(span)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    if "test_partial_finder" not in Language.factories:
        Language.component("test_partial_finder", func=finder)
    nlp = spacy.blank("de")
    nlp.add_pipe("test_partial_finder")
    return nlp


def _book() -> str:
    """Over LOOK_BACK_ALWAYS characters: Moskau and Nordkorea alone first, Scholz missed
    in most paragraphs, and the run "Moskau Nordkorea" only in the last paragraph."""
    paragraphs = ["Moskau und Nordkorea verhandeln."]
    for i in range(8_000):
        paragraphs.append(f"Absatz {i}: Scholz sagte etwas." if i % 10 == 0
                          else f"Absatz {i}: Danach kam Scholz wieder zu Wort, lange.")
    paragraphs.append("Dann hat Moskau Nordkorea geholfen.")
    text = "\n\n".join(paragraphs) + "\n"
    assert len(text) > LOOK_BACK_ALWAYS * 1.3
    return text


def test_partial_documents_only_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.core.analysis.SLOW_BUILD", 60.0)  # every partial document
    text = _book()
    analyzer = Analyzer("de")
    analyzer._nlp = _model()  # (in process: no pipeline on disk needed)
    shown: dict[str, tuple[str, int]] = {}
    updates = 0
    for progress in analyzer.stream(text, batch_chars=4_000, in_process=True):
        updates += 1
        rows = {e.id: (e.name, e.count) for e in progress.document.entities}
        for entity_id, (name, count) in shown.items():
            assert entity_id in rows, f"{name} disappeared at {progress.done:.0%}"
            assert rows[entity_id][1] >= count, f"{name} shrank at {progress.done:.0%}"
        shown = rows
    assert updates > 50  # (the test saw partial documents of the whole text)
    final = {name: count for name, count in shown.values()}
    assert final["Scholz"] == text.count("Scholz")  # every mention, missed ones too
    assert "Moskau Nordkorea" not in final  # the run is split
    assert final["Moskau"] == 2 and final["Nordkorea"] == 2


def _block(text: str, start: int, found: list[tuple[str, str]]) -> list[Mention]:
    """The mentions of ``found`` names at their first place in ``text`` from ``start``."""
    out = []
    for name, label in found:
        at = text.index(name, start)
        out.append(Mention(at, at + len(name), name, label))  # type: ignore[arg-type]
    return out


def test_a_name_found_late_is_added_where_it_was_missed_before() -> None:
    text = "Die Kanzlerin Merkel kam.\n\nDann sprach Merkel in Paris."
    consistency = Consistency(text)
    consistency.add([], 25)  # the model missed her in the first paragraph
    assert consistency.mentions() == []
    second = text.index("Dann")
    consistency.add(_block(text, second, [("Merkel", "PER"), ("Paris", "LOC")]), len(text))
    assert [(m.start, m.text) for m in consistency.mentions()] == [
        (14, "Merkel"), (text.index("Merkel", second), "Merkel"),
        (text.index("Paris"), "Paris")]


def test_a_run_is_split_only_by_names_found_before_or_beside_it() -> None:
    text = "Moskau Nordkorea half.\n\nMoskau und Nordkorea."
    consistency = Consistency(text)
    consistency.add([Mention(0, 16, "Moskau Nordkorea", "PER")], 22)
    consistency.add(_block(text, 24, [("Moskau", "LOC"), ("Nordkorea", "LOC")]), len(text),
                    last=True)
    # shown as one name before the others were known: it stays one (no row vanishes)
    assert [m.text for m in consistency.mentions()] == ["Moskau Nordkorea", "Moskau",
                                                        "Nordkorea"]


@pytest.mark.parametrize("blocks", [1, 3])
def test_a_long_text_finds_late_names_in_earlier_text_by_the_end(blocks: int) -> None:
    filler = "Ein Satz ohne Namen, nur Worte. " * 2_000  # 64,000 characters a paragraph
    paragraphs = [f"{filler}Tusk." for _ in range(6)] + ["Donald Tusk sagte, Tusk komme."]
    text = "\n\n".join(paragraphs)
    assert len(text) > LOOK_BACK_ALWAYS
    last = text.rindex("Tusk")
    consistency = Consistency(text)
    cuts = [len(text) * (i + 1) // blocks for i in range(blocks)]
    for i, cut in enumerate(cuts):
        found = [Mention(last, last + 4, "Tusk", "PER")] if i == blocks - 1 else []
        consistency.add(found, cut, last=i == blocks - 1)
    assert sum(m.text == "Tusk" for m in consistency.mentions()) == 8


def test_in_a_long_text_a_name_learned_late_is_found_before_it_at_once() -> None:
    filler = "Ein Satz ohne Namen, nur Worte. " * 5_000  # 160,000 characters a paragraph
    text = "\n\n".join([f"{filler}Tusk kam.", f"{filler}Merkel sprach.", f"{filler}Tusk ging.",
                        "Donald Tusk."])
    ends = [m.start() + 2 for m in re.finditer("\n\n", text)] + [len(text)]
    merkel, tusk = text.index("Merkel"), text.index("Tusk ging")
    consistency = Consistency(text)
    consistency.add([], ends[0])  # the model missed Tusk here
    consistency.add([Mention(merkel, merkel + 6, "Merkel", "PER")], ends[1])
    assert ends[1] > LOOK_BACK_ALWAYS  # (past where every block looks back anyway)
    consistency.add([Mention(tusk, tusk + 4, "Tusk", "PER")], ends[2])
    # the partial document after the third block already has the first block's Tusk
    assert [m.text for m in consistency.mentions()] == ["Tusk", "Merkel", "Tusk"]


def test_capitalised_words_from_the_analysing_process_give_the_same_mentions() -> None:
    from reader.core.consistency import capitalised_words

    text = ("Ursula von der Leyen traf Scholz.\n\nDann sprach von der Leyen mit Scholz "
            "und Scholz-Anhängern.\n\nScholz ging; von der Leyen blieb.")
    cuts = [m.start() + 2 for m in re.finditer("\n\n", text)] + [len(text)]
    found = [[Mention(6, 19, "von der Leyen", "PER")],
             [Mention(text.index("Scholz", 40), text.index("Scholz", 40) + 6, "Scholz", "PER")],
             []]
    scanned, given = Consistency(text), Consistency(text)
    start = 0
    for mentions, cut in zip(found, cuts, strict=True):
        scanned.add(mentions, cut, last=cut == len(text))
        given.add(mentions, cut, last=cut == len(text),
                  words=capitalised_words(text, [(start, cut)]))
        start = cut
    assert given.mentions() == scanned.mentions()
    # every Scholz but the one in "Scholz-Anhängern", every "von der Leyen"
    assert [m.text for m in given.mentions()] == ["von der Leyen", "Scholz", "von der Leyen",
                                                  "Scholz", "Scholz", "von der Leyen"]
