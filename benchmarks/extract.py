"""How fast a web page's article is extracted: a 200 KB news page, best of a few runs.

    python -m benchmarks.extract [--kb 200] [--repeats 5]

The page is built here, like a real news page: a large inline script and style, a menu of
hundreds of links, a cookie banner, the article (German prose from the sample article,
via :mod:`benchmarks.bigtext`), a box of teasers and a footer. The figure is the time of
:func:`reader.core.sources.html.html_source` (decode, parse, remove what is hidden,
trafilatura), the step a saved page or a fetched one goes through before analysis.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from benchmarks import bigtext


def news_page(target_kb: int = 200) -> bytes:
    """A news page of about ``target_kb`` KB: a fifth article text, the rest clutter."""
    article = bigtext.build(target_kb * 1024 // 5).split("\n\n")
    paragraphs = "\n".join(f"<p>{p}</p>" for p in article)
    menu = "".join(f'<li><a href="/ressort/{i}">Ressort {i}</a></li>' for i in range(400))
    teasers = "".join(f'<li><a href="/artikel/{i}"><img src="/t/{i}.jpg" alt="">Meistgelesen'
                      f" Nummer {i}: Ein Bericht aus Berlin</a></li>" for i in range(150))
    script = "var config = " + json.dumps({f"k{i}": "x" * 60 for i in range(300)}) + ";"
    head = f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Putin dankt Kim | Tagesblatt</title><meta property="og:site_name" content="Tagesblatt">
<meta name="author" content="Anna Schmidt"><style>{"a{color:red}" * 500}</style>
<script>{script}</script></head><body>
<div class="cookie-banner"><p>Wir verwenden Cookies.</p><button>OK</button></div>
<header><nav><ul>{menu}</ul></nav></header><main><article><h1>Putin dankt Kim</h1>
{paragraphs}</article><aside><h2>Meistgelesen</h2><ol>{teasers}</ol></aside></main>"""
    filler = "<footer>" + "<p>Impressum · Datenschutz · Kontakt</p>" * 10 + "</footer>"
    page = head + filler
    pad = max(0, target_kb * 1024 - len(page.encode()) - 40)
    return (page + f"<script>/*{'.' * pad}*/</script></body></html>").encode("utf-8")


def extraction(target_kb: int = 200, repeats: int = 5) -> dict[str, Any]:
    """Seconds to extract the article of a ``target_kb`` KB page (best and median)."""
    from reader.core.sources.html import html_source

    page = news_page(target_kb)
    html_source("warm-up.html", page)  # imports and trafilatura's first-call set-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        source = html_source("page.html", page)
        times.append(time.perf_counter() - start)
    times.sort()
    return {"page_kb": round(len(page) / 1024), "article_kb": round(len(source.text) / 1024),
            "extract_best_s": round(times[0], 3),
            "extract_median_s": round(times[len(times) // 2], 3)}


def main() -> None:
    """Print the extraction figure as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=200, help="page size in KB (default 200)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args()
    print(json.dumps(extraction(args.kb, args.repeats)))


if __name__ == "__main__":
    main()
