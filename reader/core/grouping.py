"""Grouping mentions into entities: variants of one name become one entity.

Merging is conservative and explainable:

1. Mentions with the same normalised key (case, quotes, dashes, whitespace) are one entity;
   its label is the most frequent label among them.
2. An inflected form (German genitive "-s"/"-es": "Russlands", "Zweiten Weltkriegs") joins
   the base form when that base form occurs too.
3. A one-word person name ("Putin", "Kim", also inflected: "Putins") joins the one
   multi-word person whose first or last word it is; when several people share it, it
   stays on its own.

The entity is shown by its fullest name: the longest variant, ties broken by frequency.
A name the text only has in the genitive is shown as the name itself ("Chinas" ->
"China") when the pipeline knows that name (``Mention.base``, from the bundled gazetteer).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from reader.core.model import LABELS, Entity, Label, Mention

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "‐": "-", "‑": "-", "—": "-"})
_SPACE = re.compile(r"\s+")
GENITIVE = ("es", "s", "'s", "'")


def key_of(name: str) -> str:
    """Normalised comparison key of a name."""
    name = unicodedata.normalize("NFC", name).translate(_QUOTES)
    return _SPACE.sub(" ", name).strip().casefold()


class _Group:
    def __init__(self, key: str) -> None:
        self.key = key
        self.mentions: list[Mention] = []

    @property
    def label(self) -> Label:
        counts = Counter(m.label for m in self.mentions)
        return max(LABELS, key=lambda lab: (counts[lab], -LABELS.index(lab)))

    def absorb(self, other: _Group) -> None:
        self.mentions.extend(other.mentions)


def _base_form(key: str, keys: set[str]) -> str | None:
    """The uninflected key when ``key`` is a genitive of another key present."""
    for suffix in GENITIVE:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            base = key[: -len(suffix)]
            if base in keys:
                return base
    return None


def group(mentions: Iterable[Mention]) -> list[Entity]:
    """Entities from mentions, most mentioned first."""
    groups: dict[str, _Group] = {}
    for m in mentions:
        k = key_of(m.text)
        groups.setdefault(k, _Group(k)).mentions.append(m)

    # 2. inflected forms join their base form (longest keys first, so chains resolve)
    for k in sorted(groups, key=len, reverse=True):
        base = _base_form(k, set(groups) - {k})
        if base is not None and groups[base].label == groups[k].label:
            groups[base].absorb(groups.pop(k))

    # 3. single-word person names join the one person whose first or last word they are
    people = [g for g in groups.values() if g.label == "PER"]
    by_word: dict[str, list[_Group]] = defaultdict(list)
    for g in people:
        words = g.key.split(" ")
        if len(words) > 1:
            for w in {words[0], words[-1]}:
                by_word[w].append(g)
    for g in people:
        if " " in g.key:
            continue
        forms = [g.key] + [g.key[: -len(s)] for s in GENITIVE if g.key.endswith(s)]
        for form in forms:  # "Putins" also joins "Wladimir Putin"
            owners = by_word.get(form, [])
            if len(owners) == 1:
                owners[0].absorb(groups.pop(g.key))
                break
            if owners:
                break

    entities = [_entity(g) for g in groups.values()]
    entities.sort(key=lambda e: (-e.count, e.name.casefold()))
    return entities


def _entity(g: _Group) -> Entity:
    mentions = sorted(g.mentions)
    counts = Counter(m.text for m in mentions)
    variants = sorted(counts, key=lambda v: (-len(v), -counts[v], v))
    # shown by the fullest uninflected form: a variant of the group's own key
    own = [v for v in variants if key_of(v) == g.key]
    name = _SPACE.sub(" ", (own or variants)[0])
    bases = {m.base for m in mentions}
    if len(bases) == 1 and "" not in bases:  # only ever seen as a genitive: "Chinas"
        name = bases.pop()
    return Entity(id=g.key, name=name, label=g.label, variants=variants, mentions=mentions)
