"""The ``reader`` command line: opening the app and the non-interactive commands."""
