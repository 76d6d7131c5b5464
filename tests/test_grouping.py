"""Variants of one name become one entity; different people stay apart."""

from __future__ import annotations

from reader.core.grouping import group
from reader.core.model import Label, Mention


def _mentions(*items: tuple[str, Label]) -> list[Mention]:
    out, pos = [], 0
    for text, label in items:
        out.append(Mention(pos, pos + len(text), text, label))
        pos += len(text) + 10
    return out


def _names(*items: tuple[str, Label]) -> dict[str, tuple[str, int, list[str]]]:
    return {e.name: (e.label, e.count, e.variants) for e in group(_mentions(*items))}


def test_surname_joins_full_name() -> None:
    got = _names(("Wladimir Putin", "PER"), ("Putin", "PER"), ("Putin", "PER"))
    assert got == {"Wladimir Putin": ("PER", 3, ["Wladimir Putin", "Putin"])}


def test_family_name_first_joins_full_name() -> None:
    got = _names(("Kim Jong-un", "PER"), ("Kim", "PER"), ("Xi", "PER"), ("Xi Jinping", "PER"))
    assert set(got) == {"Kim Jong-un", "Xi Jinping"}
    assert got["Kim Jong-un"][1] == 2


def test_shared_surname_is_not_merged() -> None:
    got = _names(("Donald Trump", "PER"), ("Melania Trump", "PER"), ("Trump", "PER"))
    assert set(got) == {"Donald Trump", "Melania Trump", "Trump"}


def test_german_genitive_joins_base_form_and_name_is_uninflected() -> None:
    got = _names(("Russlands", "LOC"), ("Russland", "LOC"), ("Zweiten Weltkriegs", "MISC"),
                 ("Zweiten Weltkrieg", "MISC"), ("Putins", "PER"), ("Wladimir Putin", "PER"))
    assert got["Russland"] == ("LOC", 2, ["Russlands", "Russland"])
    assert got["Zweiter Weltkrieg"][1] == 2
    assert got["Wladimir Putin"][1] == 2
    assert len(got) == 3


def test_genitive_without_base_form_is_kept() -> None:
    assert set(_names(("Paris", "LOC"), ("Chinas", "LOC"))) == {"Paris", "Chinas"}


def test_majority_label_and_case_insensitive_key() -> None:
    got = _names(("Peking", "LOC"), ("Peking", "LOC"), ("PEKING", "ORG"))
    assert got == {"Peking": ("LOC", 3, ["Peking", "PEKING"])}


def test_order_is_most_mentioned_first() -> None:
    entities = group(_mentions(("Kiew", "LOC"), ("Moskau", "LOC"), ("Moskau", "LOC")))
    assert [e.name for e in entities] == ["Moskau", "Kiew"]
    assert [m.start for m in entities[0].mentions] == sorted(m.start for m in entities[0].mentions)


def test_name_seen_only_in_the_genitive_is_shown_as_the_name_itself() -> None:
    mentions = [Mention(0, 6, "Chinas", "LOC", "China"), Mention(40, 46, "Chinas", "LOC", "China"),
                Mention(60, 65, "Paris", "LOC")]
    got = {e.name: (e.label, e.count, e.variants) for e in group(mentions)}
    assert got == {"China": ("LOC", 2, ["Chinas"]), "Paris": ("LOC", 1, ["Paris"])}


def test_base_form_is_not_used_once_the_text_has_the_name_itself() -> None:
    mentions = [Mention(0, 6, "Chinas", "LOC", "China"), Mention(40, 45, "China", "LOC")]
    got = {e.name: e.variants for e in group(mentions)}
    assert got == {"China": ["Chinas", "China"]}


def test_a_short_form_joins_the_one_name_there_is_until_a_second_one_appears() -> None:
    # Mentions in text order: "Sánchez" first stands for Pedro Sánchez (the only one);
    # once Ana Sánchez is named too, a bare "Sánchez" may mean either, so it stays apart
    got = _names(("Pedro Sánchez", "PER"), ("Sánchez", "PER"), ("Ana Sánchez", "PER"),
                 ("Sánchez", "PER"), ("Sánchez", "PER"))
    assert got["Pedro Sánchez"][1] == 2
    assert got["Ana Sánchez"][1] == 1
    assert got["Sánchez"][1] == 2


def test_a_short_form_before_its_name_still_joins_it() -> None:
    got = _names(("Scholz", "PER"), ("Olaf Scholz", "PER"), ("Scholz", "PER"))
    assert got == {"Olaf Scholz": ("PER", 3, ["Olaf Scholz", "Scholz"])}


def test_an_acronym_joins_the_expansion_named_first_and_later_ones_stay_apart() -> None:
    got = _names(("Associated Press", "ORG"), ("AP", "ORG"), ("Alternative Partei", "ORG"),
                 ("AP", "ORG"))
    assert got["Associated Press"][1] == 2 and got["AP"][1] == 1


def test_what_a_partial_analysis_showed_is_kept_when_more_text_comes() -> None:
    """Grouping the first mentions, then all of them: no mention moves to a smaller row."""
    items: list[tuple[str, Label]] = [
        ("Gerd Müller", "PER"), ("Müller", "PER"), ("Thomas Müller", "PER"), ("Müller", "PER"),
        ("Müllers", "PER"), ("IOC", "ORG"), ("Internationales Olympisches Komitee", "ORG"),
        ("IOC", "ORG")]
    mentions = _mentions(*items)
    for cut in range(1, len(mentions)):
        before = {m: e.count for e in group(mentions[:cut]) for m in e.mentions}
        after = {m: e.count for e in group(mentions) for m in e.mentions}
        assert all(after[m] >= count for m, count in before.items()), cut
