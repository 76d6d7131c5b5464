"""The MediaWiki API as reader uses it: where it is by default and how many titles one
query takes. No network code here, so settings and prefetch planning can import it at
start-up without httpx or wikipedia-api (:mod:`reader.wiki.client` is imported on the
first lookup)."""

from __future__ import annotations

DEFAULT_API = "https://{lang}.wikipedia.org/w/api.php"
MAX_TITLES = 50  # titles one query may ask for
