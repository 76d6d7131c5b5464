"""Development tools that are not part of reader proper: a MediaWiki stand-in to try
lookups (and to test and benchmark them) without Wikipedia."""
