"""newsbook: from the raw text of news articles to entity, quote, position and timeline
tables with provenance, compiled into a reproducible book."""

__version__ = "0.1.0"
