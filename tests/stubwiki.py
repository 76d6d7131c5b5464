"""Moved to :mod:`reader.tools.stubwiki` (a development tool, not a test); this alias is kept
only for tests/test_cli.py until it imports the new place."""

from reader.tools.stubwiki import StubPage, StubWiki, sample_wiki, serve

__all__ = ["StubPage", "StubWiki", "sample_wiki", "serve"]
