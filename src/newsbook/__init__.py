"""newsbook: from the raw text of news articles to entity, quote, position and timeline
tables with provenance, compiled into a reproducible book."""

from newsbook import source as _source

__version__ = "0.1.0"

_source.read()  # before any other module of the package is imported: see source.py
