"""Linking accuracy: do names resolve to the right Wikipedia page in their article's context?

    python -m benchmarks.linking

Four short articles written for this test (German and English, in
``benchmarks/linking_articles/``), and the German sample article, each mention marked
with its type and the page it means, resolved against the MediaWiki stand-in's pages
(``reader.tools.stubpages``), which hold
the traps: ambiguous surnames ("Scholz", "Ferguson"), cities and regions of one name
("Kursk", "Lincoln County", "Davenport"), companies and people or things sharing a name
("Ford", "Apple", "Jordan"), the agency behind "AP Photo". The mentions are given (this
measures linking, not recognition); they are grouped into entities as the app groups them,
and each entity is looked up with the context the app gives it.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from reader.core.grouping import group
from reader.core.model import Document, Label, Mention

ARTICLES = Path(__file__).resolve().parent / "linking_articles"
# per article: surface form → (type, the page it means)
GOLD: dict[str, tuple[str, dict[str, tuple[Label, str]]]] = {
    "de-ford-saarlouis.txt": ("de", {
        "Ford": ("ORG", "Ford Motor Company"), "Saarlouis": ("LOC", "Saarlouis"),
        "Köln": ("LOC", "Köln"), "IG Metall": ("ORG", "IG Metall"),
        "Anke Rehlinger": ("PER", "Anke Rehlinger"), "Saarland": ("LOC", "Saarland"),
        "Scholz": ("PER", "Olaf Scholz"), "Berlin": ("LOC", "Berlin"),
        "Valencia": ("LOC", "Valencia"), "Dearborn": ("LOC", "Dearborn"),
        "Michigan": ("LOC", "Michigan"), "Europa": ("LOC", "Europa"),
    }),
    "de-kursk-stadt.txt": ("de", {
        "Kursk": ("LOC", "Kursk (Stadt)"), "Ukraine": ("LOC", "Ukraine"),
        "Moskau": ("LOC", "Moskau"), "Belgorod": ("LOC", "Belgorod"),
        "Zweiten Weltkrieg": ("MISC", "Zweiter Weltkrieg"),
        "Putin": ("PER", "Wladimir Putin"), "Reuters": ("ORG", "Reuters"),
        "Selenskyj": ("PER", "Wolodymyr Selenskyj"),
    }),
    "en-apple-jordan.txt": ("en", {
        "Apple": ("ORG", "Apple Inc."), "Amman": ("LOC", "Amman"),
        "Middle East": ("LOC", "Middle East"), "Tim Cook": ("PER", "Tim Cook"),
        "Jordan": ("LOC", "Jordan"), "Abdali": ("LOC", "Abdali"),
        "Jordan Gateway": ("LOC", "Jordan Gateway"),
        "Abdullah II": ("PER", "Abdullah II of Jordan"),
        "Jordan News Agency": ("ORG", "Jordan News Agency"), "Dubai": ("LOC", "Dubai"),
        "Abu Dhabi": ("LOC", "Abu Dhabi"),
        "United Arab Emirates": ("LOC", "United Arab Emirates"),
        "Cupertino": ("LOC", "Cupertino, California"), "Israel": ("LOC", "Israel"),
        "Syria": ("LOC", "Syria"), "Saudi Arabia": ("LOC", "Saudi Arabia"),
        "AP": ("ORG", "Associated Press"),
    }),
    "en-washington-lincoln.txt": ("en", {
        "Washington State": ("LOC", "Washington (state)"),
        "Washington, D.C.": ("LOC", "Washington, D.C."),
        "Lincoln County": ("LOC", "Lincoln County, Washington"),
        "Davenport": ("LOC", "Davenport, Washington"),
        "Spokane River": ("LOC", "Spokane River"), "Bob Ferguson": ("PER",
                                                                    "Bob Ferguson (politician)"),
        "Biden": ("PER", "Joe Biden"), "White House": ("ORG", "White House"),
        "Seattle": ("LOC", "Seattle"), "Bruce Harrell": ("PER", "Bruce Harrell"),
        "Associated Press": ("ORG", "Associated Press"), "Amtrak": ("ORG", "Amtrak"),
        "Portland": ("LOC", "Portland, Oregon"), "Oregon": ("LOC", "Oregon"),
    }),
    # the sample article (not written for this set): the three cases
    "../../sample_articles/article-de-putin-kim-beijing.txt": ("de", {
        "Wladimir Putin": ("PER", "Wladimir Putin"), "Kim Jong-un": ("PER", "Kim Jong-un"),
        "Xi Jinping": ("PER", "Xi Jinping"), "Donald Trump": ("PER", "Donald Trump"),
        "Shehbaz Sharif": ("PER", "Shehbaz Sharif"), "Russland": ("LOC", "Russland"),
        "Nordkorea": ("LOC", "Nordkorea"), "Peking": ("LOC", "Peking"),
        "Moskau": ("LOC", "Moskau"), "Kursk": ("LOC", "Oblast Kursk"),
        "Staatlichen Gästehaus Diaoyutai": ("LOC", "Staatliches Gästehaus Diaoyutai"),
        "AP": ("ORG", "Associated Press"), "Kalten Krieges": ("MISC", "Kalter Krieg"),
    }),
}
# other surface forms of a marked name: the governor's surname, an inflected form
ALIASES = {"en-washington-lincoln.txt": {"Ferguson": "Bob Ferguson"},
           "../../sample_articles/article-de-putin-kim-beijing.txt": {
               "Putin": "Wladimir Putin", "Russlands": "Russland", "Kim": "Kim Jong-un"}}


def mentions(text: str, gold: dict[str, tuple[Label, str]],
             aliases: dict[str, str]) -> list[Mention]:
    """Every whole-word occurrence of each surface form, longest first, not overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for surface in sorted([*gold, *aliases], key=len, reverse=True):
        label = gold[aliases.get(surface, surface)][0]
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?![\w])", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), surface, label))
    return sorted(found)


async def _evaluate() -> dict[str, Any]:
    from reader.tools.stubpages import demo_wiki
    from reader.wiki.cache import Cache
    from reader.wiki.client import WikiClient
    from reader.wiki.context import LookupContext
    from reader.wiki.model import LookupFailed
    from reader.wiki.service import LookupService

    wiki = demo_wiki()
    right = total = entities = entities_right = 0
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        service = LookupService(WikiClient("https://{lang}.wiki.test/w/api.php",
                                           transport=wiki.transport()), Cache(Path(tmp)))
        for name, (lang, gold) in GOLD.items():
            aliases = ALIASES.get(name, {})
            text = (ARTICLES / name).read_text(encoding="utf-8")
            doc = Document(text, lang, "gold", group(mentions(text, gold, aliases), lang))
            for entity in doc.entities:
                try:
                    bg = await service.lookup(entity.name, lang, LookupContext.of(doc, entity))
                    title = bg.title if bg.status == "found" else f"<{bg.status}>"
                except LookupFailed as exc:
                    title = f"<failed: {exc.message}>"
                entities += 1
                ok_all = True
                for m in entity.mentions:
                    want = gold[aliases.get(m.text, m.text)][1]
                    total += 1
                    if title == want:
                        right += 1
                    else:
                        ok_all = False
                        errors.append(f"{name}: {m.text!r} → {title!r}, want {want!r}")
                entities_right += ok_all
    return {"articles": len(GOLD), "written": len(GOLD) - 1, "mentions": total,
            "mentions_right": right,
            "entities": entities, "entities_right": entities_right,
            "accuracy": round(right / total, 4) if total else 0.0,
            "requests": len(wiki.requests), "errors": sorted(set(errors))}


def linking() -> dict[str, Any]:
    """The linking test set's accuracy: mentions linked to the right page (and entities
    with every mention right), with the wrong ones listed."""
    return asyncio.run(_evaluate())


def main() -> int:
    """Print the accuracy and every wrong link."""
    result = linking()
    print(f"linking: {result['mentions_right']}/{result['mentions']} mentions right "
          f"({result['accuracy']:.1%}), {result['entities_right']}/{result['entities']} "
          f"entities, {result['articles']} articles, {result['requests']} requests")
    for error in result["errors"]:
        print(f"  wrong: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
