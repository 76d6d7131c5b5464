"""The document model: mentions, entities and the analysed document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Label = Literal["PER", "LOC", "ORG", "MISC"]
LABELS: tuple[Label, ...] = ("PER", "LOC", "ORG", "MISC")
LABEL_NAMES: dict[Label, str] = {
    "PER": "People",
    "LOC": "Places",
    "ORG": "Organisations",
    "MISC": "Other",
}


@dataclass(frozen=True, order=True, slots=True)  # a book has 10⁵ of them
class Mention:
    """One occurrence of a name: character offsets into the original text."""

    start: int
    end: int
    text: str
    label: Label
    # the name itself when ``text`` is its German genitive ("Chinas" -> "China"), else ""
    base: str = field(default="", compare=False)


@dataclass
class Entity:
    """One real-world thing, with every variant of its name found in the text."""

    id: str
    name: str
    label: Label
    variants: list[str]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass
class Document:
    """An analysed text: its language, the pipeline used, and its entities."""

    text: str
    language: str
    pipeline: str
    entities: list[Entity]

    def by_label(self, label: Label) -> list[Entity]:
        """Entities of one label, most mentioned first."""
        return [e for e in self.entities if e.label == label]
