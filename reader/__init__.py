"""reader: a terminal reading assistant that highlights and explains named entities."""

__version__ = "0.1.0"
