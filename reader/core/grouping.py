"""Grouping mentions into entities: variants of one name become one entity.

Merging is conservative and explainable (the name rules are in ``reader.core.names`` and
``reader.core.lang``):

1. Mentions with the same group key are one entity: case, quotes and dashes aside, without
   a title before a name ("Dr. Merkel" = "Merkel"), a legal form after it ("Apple Inc." =
   "Apple"), a possessive ("Trump's" = "Trump"), dots in an acronym ("U.S." = "US"), and
   German declension ("Deutschen Bahn" = "Deutsche Bahn").
2. A genitive ("Russlands", "Zweiten Weltkriegs") joins the base form when that occurs.
3. An acronym joins the one multi-word name in the document whose initials it spells
   ("DB" = "Deutsche Bahn", "US" = "United States"); a clipped word joins the one
   organisation whose first word it begins ("Fed" = "Federal Reserve").
4. A one-word person name ("Putin", "Putins") joins the one multi-word person whose first or
   last word it is; when several people share it, it stays on its own.

An entity's type is decided by its mentions' votes, not its first mention: each mention
counts once, a mention with a title before it ("Dr. Merkel") counts twice for a person, and
a tie goes to the type of the longest mention.  The entity is shown by its fullest name in
base form: the longest variant, ties broken by frequency, with German declension undone
("Kalten Krieges" -> "Kalter Krieg").  A name the text only has in the genitive is shown as
the name itself ("Chinas" -> "China") when the pipeline knows that name (``Mention.base``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from operator import attrgetter

from reader.core.lang import rules_for
from reader.core.model import LABELS, Entity, Label, Mention
from reader.core.names import (
    acronym,
    base_name,
    core_words,
    group_key,
    has_title,
    initials,
    words_of,
)

_START: Callable[[Mention], int] = attrgetter("start")
_BASE: Callable[[Mention], str] = attrgetter("base")
_POSITION: Callable[[Mention], tuple[int, int]] = attrgetter("start", "end")
Form = tuple[str, Label]  # a mention's text and type


class _Group:
    """Mentions that name one entity, kept per form: a book repeats each name thousands
    of times, and votes, forms and first positions are read per form."""

    def __init__(self, key: str, lang: str) -> None:
        self.key = key
        self.lang = lang
        self.by_form: dict[Form, list[Mention]] = {}
        self._label: Label | None = None

    @property
    def mentions(self) -> list[Mention]:
        """Every mention, form by form."""
        return [m for ms in self.by_form.values() for m in ms]

    @property
    def label(self) -> Label:
        if self._label is None:
            self._label = self._vote()
        return self._label

    def _vote(self) -> Label:
        votes: Counter[Label] = Counter()
        for (text, label), ms in self.by_form.items():
            titled = has_title(text, self.lang)
            votes["PER" if titled else label] += len(ms) * (2 if titled else 1)
        most = max(len(text) for text, _ in self.by_form)
        longest = min((min(map(_START, ms)), label) for (text, label), ms
                      in self.by_form.items() if len(text) == most)[1]
        return max(LABELS, key=lambda lab: (votes[lab], lab == longest, -LABELS.index(lab)))

    @property
    def forms(self) -> set[str]:
        """The distinct texts of the group's mentions."""
        return {text for text, _ in self.by_form}

    @property
    def words(self) -> int:
        return max(len(core_words(f, self.lang)) for f in self.forms)

    @property
    def first(self) -> int:
        """Where the text first names it."""
        return min(min(map(_START, ms)) for ms in self.by_form.values())

    def add(self, form: Form, mentions: list[Mention]) -> None:
        self.by_form.setdefault(form, []).extend(mentions)
        self._label = None

    def absorb(self, other: _Group) -> None:
        for form, ms in other.by_form.items():
            self.add(form, ms)

    def split_off(self, before: int) -> _Group:
        """Its mentions before offset ``before``, taken out as a group of their own."""
        part = _Group(self.key, self.lang)
        kept: dict[Form, list[Mention]] = {}
        for form, ms in self.by_form.items():
            early = [m for m in ms if m.start < before]
            if early:
                part.by_form[form] = early
            if len(early) < len(ms):
                kept[form] = [m for m in ms if m.start >= before]
        self.by_form = kept
        self._label = None
        return part


def _join(groups: dict[str, _Group], short: _Group, owners: list[_Group]) -> None:
    """A short form (acronym, clipped word, surname) joins the longer name it stands for
    when that name is the only one it can stand for where the text first has both. Its
    mentions from where a second such name appears stay apart (unsure which one is
    meant). Decided by positions alone, so what a partial analysis shows (the text up to
    some point) is never undone when more of the text comes."""
    owners = sorted((o for o in owners if o is not short), key=lambda o: o.first)
    if not owners:
        return
    decided = max(short.first, owners[0].first)
    second = owners[1].first if len(owners) > 1 else None
    if second is not None and second <= decided:
        return  # two names it may stand for before the text had both: unsure
    if second is None or all(m.start < second for m in short.mentions):
        owners[0].absorb(groups.pop(short.key))
    else:
        owners[0].absorb(short.split_off(second))


def _base_key(key: str, keys: set[str], lang: str) -> str | None:
    """The uninflected key when ``key`` is a genitive of another key present."""
    for suffix in rules_for(lang).genitive:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            base = key[: -len(suffix)]
            if base in keys:
                return base
    return None


def _merge_genitives(groups: dict[str, _Group], lang: str) -> None:
    keys = set(groups)
    for k in sorted(groups, key=len, reverse=True):  # longest first, so chains resolve
        keys.discard(k)
        base = _base_key(k, keys, lang)
        keys.add(k)
        if base is not None and base in groups and groups[base].label == groups[k].label:
            groups[base].absorb(groups.pop(k))
            keys.discard(k)


def _merge_short_forms(groups: dict[str, _Group], lang: str) -> None:
    """Acronyms and clipped words join the one longer name they stand for."""
    long = [g for g in groups.values() if g.words > 1 and g.label != "PER"]
    by_initials: dict[str, list[_Group]] = defaultdict(list)
    firsts: list[tuple[str, int]] = []  # (first core word of a form, index into long)
    for i, o in enumerate(long):
        for f in o.forms:
            owners = by_initials[initials(f, lang)]
            if o not in owners:
                owners.append(o)
            firsts.append((core_words(f, lang)[0], i))
    firsts.sort()
    first_words = [w for w, _ in firsts]
    for k in list(groups):
        g = groups[k]
        if g.words != 1 or g.label == "PER":
            continue
        text = core_words(next(iter(g.by_form))[0], lang)[0]
        letters = acronym(text)
        if letters is not None:
            owners = by_initials.get(letters, [])
        elif text[:1].isupper() and len(text) >= 3 and text.isalpha():
            owners = []  # longer names whose first word starts with this one
            for j in range(bisect_left(first_words, text), len(firsts)):
                word, i = firsts[j]
                if not word.startswith(text):
                    break
                if word != text and long[i].label == g.label and long[i] not in owners:
                    owners.append(long[i])
        else:
            continue
        _join(groups, g, owners)


def _merge_surnames(groups: dict[str, _Group], lang: str) -> None:
    people = [g for g in groups.values() if g.label == "PER"]
    by_word: dict[str, list[_Group]] = defaultdict(list)
    for g in people:
        words = g.key.split(" ")
        if len(words) > 1:
            for w in {words[0], words[-1]}:
                by_word[w].append(g)
    genitive = rules_for(lang).genitive
    for g in people:
        if " " in g.key:
            continue
        forms = [g.key] + [g.key[: -len(s)] for s in genitive if g.key.endswith(s)]
        # "Putins" also joins "Wladimir Putin"; "Andreas" may be "Andrea"'s or a name
        owners = list({id(o): o for form in forms for o in by_word.get(form, [])}.values())
        if owners:
            _join(groups, g, owners)


def group(mentions: Iterable[Mention], lang: str = "de") -> list[Entity]:
    """Entities from mentions in a text of language ``lang``, most mentioned first."""
    by_form: dict[Form, list[Mention]] = defaultdict(list)
    for m in mentions:  # a book repeats its names thousands of times
        by_form[m.text, m.label].append(m)
    groups: dict[str, _Group] = {}
    for form, ms in by_form.items():
        k = group_key(form[0], form[1], lang)
        group_ = groups.get(k)
        if group_ is None:
            group_ = groups[k] = _Group(k, lang)
        group_.add(form, ms)
    _merge_genitives(groups, lang)
    _merge_short_forms(groups, lang)
    _merge_surnames(groups, lang)
    entities = [_entity(g) for g in groups.values()]
    entities.sort(key=lambda e: (-e.count, e.name.casefold()))
    return entities


def _entity(g: _Group) -> Entity:
    mentions = sorted(g.mentions, key=_POSITION)
    label = g.label
    counts: Counter[str] = Counter()
    for (text, _), ms in g.by_form.items():
        counts[text] += len(ms)
    variants = sorted(counts, key=lambda v: (-len(v), -counts[v], v))
    # shown by the fullest form of the group's own key, in base form, without a title
    # (a title is how the text refers to a person, not part of the name)
    own = [v for v in variants if group_key(v, label, g.lang) == g.key] or variants
    shown = [v for v in own if not has_title(v, g.lang)] or own
    name = " ".join(words_of(base_name(shown[0], label, g.lang)))
    if has_title(name, g.lang):
        name = " ".join(core_words(name, g.lang))
    bases = set(map(_BASE, mentions))
    if len(bases) == 1 and "" not in bases:  # only ever seen as a genitive: "Chinas"
        name = base_name(bases.pop(), label, g.lang)
    return Entity(id=g.key, name=name, label=label, variants=variants,
                  mentions=mentions)
