"""Corrections a reader makes to an analysis, and how they apply to a document.

A correction names entities by a name they go by (any variant), not by an id, so it
still applies when the article is analysed again. Corrections apply in the order they were
made: hide an entity that is not one, change its type, merge it into another, split a
variant off into an entity of its own. The app and ``reader annotate`` both use
:func:`apply`, so they always agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Literal

from reader.core.model import LABEL_NAMES, LABELS, Document, Entity, Label

Kind = Literal["hide", "relabel", "merge", "split"]
KINDS: tuple[Kind, ...] = ("hide", "relabel", "merge", "split")


@dataclass(frozen=True)
class Correction:
    """One correction: ``kind`` applied to the entity called ``name``; ``value`` is the
    new label (relabel), the entity to merge into (merge) or the variant to split off."""

    kind: Kind
    name: str
    value: str = ""

    def to_json(self) -> str:
        """The correction as a JSON object (how the library stores it)."""
        return json.dumps({"kind": self.kind, "name": self.name, "value": self.value},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> Correction | None:
        """A stored correction, or None when it is not one this version understands."""
        try:
            raw = json.loads(data)
            kind = next(k for k in KINDS if k == raw["kind"])
            return cls(kind, str(raw["name"]), str(raw.get("value", "")))
        except (ValueError, KeyError, TypeError, StopIteration):
            return None

    def describe(self) -> str:
        """The correction in words, for a notice or a list."""
        if self.kind == "hide":
            return f"{self.name} is not an entity"
        if self.kind == "relabel":
            label = next((lab for lab in LABELS if lab == self.value), None)
            return f"{self.name} is one of {LABEL_NAMES[label] if label else self.value}"
        if self.kind == "merge":
            return f"{self.name} is {self.value}"
        return f"{self.value} is not {self.name}"


def find(entities: list[Entity], name: str) -> Entity | None:
    """The entity called ``name``, else the one that has ``name`` as a variant."""
    exact = next((e for e in entities if e.name == name), None)
    if exact is not None:
        return exact
    return next((e for e in entities if name in e.variants), None)


def _label(value: str) -> Label | None:
    return next((lab for lab in LABELS if lab == value), None)


def apply_one(entities: list[Entity], c: Correction) -> list[Entity]:
    """``entities`` with correction ``c`` applied (a correction whose entity is not there
    changes nothing)."""
    target = find(entities, c.name)
    if target is None:
        return entities
    rest = [e for e in entities if e is not target]
    if c.kind == "hide":
        return rest
    if c.kind == "relabel":
        label = _label(c.value)
        if label is None:
            return entities
        changed = replace(target, label=label,
                          mentions=[replace(m, label=label) for m in target.mentions])
        return [changed if e is target else e for e in entities]
    if c.kind == "merge":
        into = find(rest, c.value)
        if into is None:
            return entities
        variants = into.variants + [v for v in target.variants if v not in into.variants]
        merged = replace(into, variants=variants,
                         mentions=sorted(into.mentions + [replace(m, label=into.label)
                                                          for m in target.mentions]))
        return [merged if e is into else e for e in rest]
    # split: the mentions written as ``value`` become an entity of their own
    moved = [m for m in target.mentions if m.text == c.value]
    kept = [m for m in target.mentions if m.text != c.value]
    if not moved or not kept:
        return entities
    left = replace(target, variants=[v for v in target.variants if v != c.value],
                   mentions=kept)
    split = Entity(id=f"{target.id}\x1fsplit\x1f{c.value}", name=c.value, label=target.label,
                   variants=[c.value], mentions=moved)
    return [*(left if e is target else e for e in entities), split]


def apply(document: Document, corrections: list[Correction]) -> Document:
    """The document as the reader corrected it: every correction applied in order, the
    entities sorted again (most mentioned first)."""
    if not corrections:
        return document
    entities = list(document.entities)
    for c in corrections:
        entities = apply_one(entities, c)
    entities.sort(key=lambda e: (-e.count, e.name.casefold()))
    return replace(document, entities=entities)
