"""The stages: each a function from an article's parse and the tables before it to
its own table (entities, quotes, positions, claims, timex, events)."""
