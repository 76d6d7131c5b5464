"""Named-entity mentions from a spaCy pipeline, cleaned by general rules.

The text is cut into blocks at blank lines (paragraphs), so no entity ever spans a
paragraph break; over-long paragraphs are cut further at line ends. Each entity span the
pipeline finds (a name it broke in two joined again: "Vereinigten Staaten von" +
"Amerika") is then normalised to PER/LOC/ORG/MISC and cleaned: surrounding punctuation
and lowercase words pulled into a name are trimmed ("Kim Jong-un von mir"),
an administrative noun in front of a place name is left out ("Region Kursk" -> "Kursk"),
a name that ends in a legal form is an organisation ("Apple Inc.", "Volkswagen AG"),
names are cut at a line break unless the text is hard-wrapped prose, and page furniture
(shouted labels such as "WERBUNG", a credit such as "AP Photo" trailing a caption) is
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

from reader.core.clipped import clipped_names
from reader.core.lang import rules_for
from reader.core.model import Label, Mention
from reader.core.names import starts_with_admin_noun

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

LABEL_MAP: dict[str, Label] = {
    "PER": "PER", "PERSON": "PER",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}
PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
MAX_BLOCK = 5_000  # characters handed to the pipeline at once
WRAPPED_LINE = 50  # a line at least this long before a newline is hard-wrapped prose
SENTENCE_END = ".!?:;\"'“”„«»)"


def blocks(text: str, max_len: int = MAX_BLOCK) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank paragraph, cut further when longer than ``max_len``."""
    pos = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        yield from _cut(text, pos, match.start(), max_len)
        pos = match.end()
    yield from _cut(text, pos, len(text), max_len)


def _cut(text: str, start: int, end: int, max_len: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_len:
        cut = text.rfind("\n", start + max_len // 2, start + max_len)
        if cut < 0:
            cut = text.rfind(". ", start + max_len // 2, start + max_len)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", start, start + max_len)
        if cut <= start:
            cut = start + max_len
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _is_word_start(span: Span, i: int) -> bool:
    """True when token ``i`` of the doc starts a whitespace-separated word."""
    return i == 0 or bool(span.doc[i - 1].whitespace_)


def _trim(span: Span) -> tuple[int, int] | None:
    """Token bounds of the span without surrounding punctuation and lowercase words."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].is_lower):
        start += 1
    while end > start:
        tok = doc[end - 1]
        punct = tok.is_punct and tok.text not in ")]"
        if punct or tok.is_space or (tok.is_lower and _is_word_start(span, end - 1)):
            end -= 1
        else:
            break
    if (LABEL_MAP.get(span.label_) == "LOC"
            and starts_with_admin_noun([t.text for t in doc[start: start + 2]], doc.lang_)):
        start += 1  # "Region Kursk" -> "Kursk" (see reader.core.names)
    return (start, end) if end > start else None


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start: len(text) if line_end < 0 else line_end]


def _cut_at_newline(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep a name across a newline only in hard-wrapped prose; else keep its longer part."""
    nl = text.find("\n", start, end)
    if nl < 0:
        return start, end
    line_start = text.rfind("\n", 0, nl) + 1
    if nl - line_start >= WRAPPED_LINE and "\n" not in text[nl + 1: end]:
        return start, end
    head, tail = (start, nl), (nl + 1, end)
    if "\n" in text[tail[0]: tail[1]]:
        tail = (tail[0], text.find("\n", tail[0], end))
    best = max(head, tail, key=lambda r: r[1] - r[0])
    s, e = best
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_furniture(text: str, start: int, end: int, block_end: int) -> bool:
    """Page furniture rather than a name in running text."""
    name = text[start:end]
    line = _line_of(text, start, end).strip()
    is_sentence = line[-1:] in SENTENCE_END if line else False
    letters = [c for c in name if c.isalpha()]
    # a shouted label ("WERBUNG", "ANZEIGE") on a line that is not a sentence
    shouted = len(letters) >= 5 and all(c.isupper() for c in letters) and " " not in name
    if shouted and not is_sentence:
        return True
    # a credit trailing a caption: the block ends in this name, after a full stop (of
    # whatever type the model gives it: "AP Photo" has been read as a person)
    if text[end:block_end].strip() == "":
        before = text[:start].rstrip()
        if before.endswith((".", "!", "?")) and "\n" not in text[len(before): start]:
            return True
    return False


def joined(ents: Iterable[Span]) -> list[Span]:
    """Entity spans with a name the model broke in two put back together: a span ending
    in a lowercase word directly followed by a span of the same label is one name
    ("Vereinigten Staaten von" + "Amerika")."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.label == ent.label
                and prev.doc[prev.end - 1].is_lower):
            merged = prev.doc[prev.start: ent.end]
            merged.label_ = ent.label_
            out[-1] = merged
        else:
            out.append(ent)
    return out


def clean(span: Span, text: str, offset: int, block_end: int,
          base_of: Callable[[str], str] | None = None,
          legal_forms: frozenset[str] = frozenset()) -> Mention | None:
    """A :class:`Mention` for a spaCy entity span, or None if it is not a usable name.
    ``base_of`` gives the name a genitive stands for (the bundled gazetteer's); a name
    that ends in one of the language's ``legal_forms`` ("Apple Inc.") is an organisation,
    whatever type the model gave it."""
    label = LABEL_MAP.get(span.label_)
    if label is None:
        return None
    bounds = _trim(span)
    if bounds is None:
        return None
    doc = span.doc
    start = offset + doc[bounds[0]].idx
    last = doc[bounds[1] - 1]
    end = offset + last.idx + len(last.text)
    start, end = _cut_at_newline(text, start, end)
    if end <= start or not any(c.isalpha() for c in text[start:end]):
        return None
    if _is_furniture(text, start, end, block_end):
        return None
    name = text[start:end]
    if label != "ORG" and " " in name and name.rsplit(" ", 1)[1] in legal_forms:
        label = "ORG"
    return Mention(start, end, name, label, base_of(name) if base_of else "")


def base_forms(nlp: Language) -> Callable[[str], str] | None:
    """The bundled gazetteer's ``base_of`` (the name a genitive stands for), if any."""
    gazetteer = nlp.get_pipe("gazetteer") if "gazetteer" in nlp.pipe_names else None
    return getattr(gazetteer, "base_of", None)


def mentions_in(nlp: Language, text: str, batch: Iterable[tuple[int, int]],
                base_of: Callable[[str], str] | None) -> list[Mention]:
    """The mentions in one batch of blocks of ``text``, handed to the pipeline together,
    with the clipped names each block has (:mod:`reader.core.clipped`)."""
    spans = list(batch)
    rules = rules_for(nlp.lang)
    # newlines inside a block read as spaces to the model (same length, same offsets)
    texts = (text[s:e].replace("\n", " ") for s, e in spans)
    found: list[Mention] = []
    for (s, e), doc in zip(spans, nlp.pipe(texts, batch_size=64), strict=True):
        block: list[Mention] = []
        for ent in joined(doc.ents):
            mention = clean(ent, text, s, e, base_of, rules.legal_forms)
            if mention is not None:
                block.append(mention)
        clipped = clipped_names(text, s, e, block, rules.articles)
        found += sorted(block + clipped, key=attrgetter("start")) if clipped else block
    return found


def extract(nlp: Language, text: str,
            batch_chars: int = 50_000) -> Iterator[tuple[list[Mention], int]]:
    """Mentions in ``text``, yielded in batches of blocks as the analysis proceeds, each
    with the offset up to which the text has been analysed."""
    base_of = base_forms(nlp)
    for batch in _batches(blocks(text), batch_chars):
        yield mentions_in(nlp, text, batch, base_of), batch[-1][1]


def _batches(spans: Iterable[tuple[int, int]], batch_chars: int) -> Iterator[list[tuple[int, int]]]:
    batch: list[tuple[int, int]] = []
    size = 0
    for span in spans:
        batch.append(span)
        size += span[1] - span[0]
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
