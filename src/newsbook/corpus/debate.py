"""A debate across many articles: the corpus tables as one DuckDB database, and the
aggregations the corpus book shows, written as SQL a user can run again.

`CorpusDB` puts each corpus table (Parquet files or data frames) behind a view of its
name, adds the views every aggregation reads (`corpus_names`, `statements`,
`article_stances`, `sides`, `speeches`, `event_actors`), and runs the named queries of
`QUERIES` with their parameters written into the SQL as literals, so the text a page
shows is the text that ran. `views_sql` writes the same views over exported Parquet
files for a user's own DuckDB session.

Counting rules, as in discourse network analysis: a statement is one row of
`positions`; an actor's stance on an issue counts once per article (`article_stances`:
`mixed` where one article gives both sides), whatever number of sentences repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from newsbook.schema import CORPUS_TABLES

BASE_TABLES = CORPUS_TABLES  # the corpus command's tables, the texts among them

# Columns a corpus may lack (written before the stage that adds them): a view adds
# each with the value every row of such a corpus has.
OPTIONAL_COLUMNS = {
    # before discovered issues, every issue came from a catalogue (and had no adopting
    # pattern or target phrase of its own)
    "positions": {"issue_source": "'catalogue'", "issue_pattern": "''", "target": "''"},
}

ACTOR_TYPES = ("PERSON", "ORG", "GPE")  # people, organisations and states

# SQL functions the views use.
MACROS: dict[str, str] = {
    # a corpus-wide id, or, for a name no entity has, `prefix:` and the name as a key
    "id_or_name": """(corpus_id, prefix, name) AS
coalesce(nullif(corpus_id, ''),
         prefix || ':' || trim(regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g'), '-'))""",
}

# The views every aggregation reads, in the order they are created.
VIEWS: dict[str, str] = {
    "corpus_names": """
-- one display name per corpus-wide entity: its fullest name (most words), then the
-- one its articles use most
SELECT corpus_entity_id,
       first(name ORDER BY length(name) - length(replace(name, ' ', '')) DESC, n DESC,
                           length(name) DESC, name) AS name,
       first(type ORDER BY n DESC, type) AS type
FROM (SELECT corpus_entity_id, name, type, count(*) AS n
      FROM entities WHERE corpus_entity_id <> '' GROUP BY ALL)
GROUP BY corpus_entity_id""",
    "actor_articles": """
-- each corpus-wide entity: the articles naming it, its mentions, first and last seen
SELECT e.corpus_entity_id AS actor_id, n.name AS actor, n.type,
       count(DISTINCT e.article_id) AS articles, CAST(sum(e.n_mentions) AS BIGINT) AS mentions,
       min(a.published) FILTER (WHERE a.published <> '') AS first_seen,
       max(a.published) FILTER (WHERE a.published <> '') AS last_seen
FROM entities e
JOIN corpus_names n ON n.corpus_entity_id = e.corpus_entity_id
JOIN article a ON a.article_id = e.article_id
GROUP BY ALL""",
    "statements": """
-- the tidy statements table: one row per position, with the actor's corpus-wide id
SELECT p.article_id || '/' || p.position_id AS statement_id,
       id_or_name(e.corpus_entity_id, 'unlinked', p.actor) AS actor_id,
       coalesce(n.name, p.actor) AS actor,
       coalesce(n.type, '') AS actor_type,
       p.issue_id, p.issue, p.issue_source, p.issue_pattern, p.target, p.stance, p.hedged,
       a.published AS date, p.article_id, a.headline, a.source,
       p.source AS coded_by, p.sentence_id, p.start, p."end", p.evidence, p.cue,
       p.position_id
FROM positions p
JOIN article a ON a.article_id = p.article_id
LEFT JOIN entities e ON e.article_id = p.article_id AND e.entity_id = p.actor_id
LEFT JOIN corpus_names n ON n.corpus_entity_id = e.corpus_entity_id
ORDER BY date, p.article_id, p.start, p.position_id""",
    "article_stances": """
-- an actor's stance on an issue in one article (mixed: the article gives both sides)
SELECT actor_id, min(actor) AS actor, issue_id, min(issue) AS issue, article_id,
       TRY_CAST(nullif(min(date), '') AS DATE) AS date,
       CASE WHEN bool_or(stance = 'support') AND bool_or(stance = 'oppose') THEN 'mixed'
            WHEN bool_or(stance = 'support') THEN 'support'
            WHEN bool_or(stance = 'oppose') THEN 'oppose'
            ELSE 'neutral' END AS stance,
       count(*) AS n_statements
FROM statements
GROUP BY actor_id, issue_id, article_id""",
    "sides": """
-- articles in which an actor took a side on an issue (a mixed article counts for both)
SELECT actor_id, issue_id, side, count(*) AS n
FROM (SELECT actor_id, issue_id,
             unnest(CASE stance WHEN 'mixed' THEN ['support', 'oppose']
                                WHEN 'neutral' THEN []::VARCHAR[]
                                ELSE [stance] END) AS side
      FROM article_stances)
GROUP BY ALL""",
    "speeches": """
-- every quotation and reported statement with its speaker's corpus-wide id
SELECT q.article_id, q.quote_id, q.kind, q.text, q.sentence_id, q.start, q."end",
       a.published AS date, a.source, a.headline,
       id_or_name(e.corpus_entity_id, 'unnamed', q.speaker) AS speaker_id,
       coalesce(n.name, q.speaker) AS speaker,
       e.corpus_entity_id IS NOT NULL AND e.corpus_entity_id <> '' AS named
FROM quotes q
JOIN article a ON a.article_id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_id
LEFT JOIN corpus_names n ON n.corpus_entity_id = e.corpus_entity_id
ORDER BY date, q.article_id, q.start, q.quote_id""",
    "event_actors": """
-- each event's actors as corpus-wide ids (names no entity of the article has: unlinked)
SELECT x.article_id, x.event_id,
       string_agg(x.actor_id, ' | ' ORDER BY x.actor_id) AS actor_key,
       string_agg(x.actor, ' | ' ORDER BY x.actor) AS actors
FROM (SELECT DISTINCT v.article_id, v.event_id,
             id_or_name(e.corpus_entity_id, 'unlinked', v.name) AS actor_id,
             coalesce(n.name, v.name) AS actor
      FROM (SELECT article_id, event_id, trim(unnest(string_split(actors, ' | '))) AS name
            FROM events WHERE actors <> '') v
      LEFT JOIN entities e ON e.article_id = v.article_id AND e.name = v.name
      LEFT JOIN corpus_names n ON n.corpus_entity_id = e.corpus_entity_id) x
GROUP BY x.article_id, x.event_id""",
}

QUERIES: dict[str, str] = {
    "articles_per_period": """
SELECT date_trunc($period, CAST(published AS DATE)) AS period,
       coalesce(nullif(source, ''), '(no source)') AS source,
       count(*) AS articles
FROM article
WHERE published <> ''
GROUP BY ALL
ORDER BY period, source""",
    "coverage": """
SELECT count(*) AS articles,
       count(*) FILTER (WHERE published <> '') AS dated,
       count(*) FILTER (WHERE article_id IN (SELECT article_id FROM quotes)) AS with_quotes,
       count(*) FILTER (WHERE article_id IN (SELECT article_id FROM positions)) AS with_positions,
       count(*) FILTER (WHERE article_id IN (SELECT article_id FROM events WHERE date <> ''))
           AS with_dated_events,
       (SELECT count(*) FROM errors) AS failed
FROM article""",
    "articles": """
SELECT a.article_id, a.published, a.source, a.headline, a.n_sentences, a.n_words,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS quotes,
       (SELECT count(*) FROM positions p WHERE p.article_id = a.article_id) AS positions,
       (SELECT count(*) FROM events v WHERE v.article_id = a.article_id) AS events
FROM article a
ORDER BY a.published, a.article_id""",
    "actor_presence": """
-- the most present people, organisations and states: articles naming them, mentions
SELECT * FROM actor_articles
WHERE type IN $types
ORDER BY articles DESC, mentions DESC, actor_id
LIMIT $top""",
    "actor_presence_over_time": """
-- articles naming each of the most present actors, per period, beside all articles
WITH top AS (
  SELECT actor_id FROM actor_articles WHERE type IN $types
  ORDER BY articles DESC, mentions DESC, actor_id LIMIT $top),
periods AS (
  SELECT date_trunc($period, CAST(published AS DATE)) AS period, count(*) AS all_articles
  FROM article WHERE published <> '' GROUP BY ALL)
SELECT date_trunc($period, CAST(a.published AS DATE)) AS period, t.actor_id, n.name AS actor,
       count(DISTINCT e.article_id) AS articles, p.all_articles,
       round(count(DISTINCT e.article_id) / p.all_articles, 3) AS share
FROM entities e
JOIN top t ON t.actor_id = e.corpus_entity_id
JOIN corpus_names n ON n.corpus_entity_id = e.corpus_entity_id
JOIN article a ON a.article_id = e.article_id AND a.published <> ''
JOIN periods p ON p.period = date_trunc($period, CAST(a.published AS DATE))
GROUP BY 1, t.actor_id, n.name, p.all_articles
ORDER BY period, articles DESC, t.actor_id""",
    "cooccurrence": """
-- pairs of the most present actors named in one sentence: one count per article
WITH top AS (
  SELECT actor_id FROM actor_articles WHERE type IN $types
  ORDER BY articles DESC, mentions DESC, actor_id LIMIT $top),
named AS (
  SELECT DISTINCT m.article_id, m.sentence_id, e.corpus_entity_id AS actor_id
  FROM mentions m
  JOIN entities e ON e.article_id = m.article_id AND e.entity_id = m.entity_id
  JOIN top t ON t.actor_id = e.corpus_entity_id)
SELECT x.actor_id AS a, y.actor_id AS b,
       count(DISTINCT x.article_id) AS articles, count(*) AS sentences,
       first(x.article_id ORDER BY x.article_id, x.sentence_id) AS first_article,
       first(x.sentence_id ORDER BY x.article_id, x.sentence_id) AS first_sentence
FROM named x JOIN named y
  ON x.article_id = y.article_id AND x.sentence_id = y.sentence_id AND x.actor_id < y.actor_id
GROUP BY ALL
ORDER BY articles DESC, sentences DESC, a, b""",
    "actor_roles": """
-- the titles the articles give each actor, and whom they say it belongs to
SELECT e.corpus_entity_id AS actor_id, n.name AS actor, e.role,
       e.affiliation, count(DISTINCT e.article_id) AS articles,
       first(e.article_id ORDER BY a.published, e.article_id, e.first_sentence_id)
           AS first_article,
       first(e.first_sentence_id ORDER BY a.published, e.article_id, e.first_sentence_id)
           AS first_sentence
FROM entities e
JOIN corpus_names n ON n.corpus_entity_id = e.corpus_entity_id
JOIN article a ON a.article_id = e.article_id
WHERE e.role <> '' AND n.type IN $types
GROUP BY ALL
ORDER BY articles DESC, actor, e.role, e.affiliation""",
    "top_speakers": """
-- who is quoted most: statements (direct and reported) and the articles they are in
SELECT speaker_id, min(speaker) AS speaker, bool_or(named) AS named,
       count(*) AS statements,
       count(*) FILTER (WHERE kind = 'direct') AS direct,
       count(*) FILTER (WHERE kind = 'reported') AS reported,
       count(DISTINCT article_id) AS articles,
       min(date) FILTER (WHERE date <> '') AS first_date,
       max(date) FILTER (WHERE date <> '') AS last_date
FROM speeches
GROUP BY speaker_id
ORDER BY statements DESC, articles DESC, speaker_id
LIMIT $top""",
    "statements_per_period": """
-- each of the top speakers' statements per period
WITH top AS (
  SELECT speaker_id FROM speeches GROUP BY speaker_id
  ORDER BY count(*) DESC, count(DISTINCT article_id) DESC, speaker_id LIMIT $top)
SELECT date_trunc($period, CAST(s.date AS DATE)) AS period, s.speaker_id,
       min(s.speaker) AS speaker, s.kind, count(*) AS statements
FROM speeches s JOIN top USING (speaker_id)
WHERE s.date <> ''
GROUP BY period, s.speaker_id, s.kind
ORDER BY period, s.speaker_id, s.kind""",
    "speaker_statements": """
-- the statements of the top speakers, each with its article and offsets
WITH top AS (
  SELECT speaker_id FROM speeches GROUP BY speaker_id
  ORDER BY count(*) DESC, count(DISTINCT article_id) DESC, speaker_id LIMIT $top)
SELECT s.speaker_id, s.speaker, s.date, s.kind, s.text, s.article_id, s.quote_id,
       s.sentence_id, s.start, s."end", s.headline
FROM speeches s JOIN top USING (speaker_id)
ORDER BY s.speaker_id, s.date, s.article_id, s.start, s.quote_id""",
    "stance_matrix": """
-- the actor-by-issue matrix: articles in which each actor supports, opposes, gives both
-- sides of (mixed) or only mentions (neutral) each issue
SELECT actor_id, min(actor) AS actor, issue_id, min(issue) AS issue,
       count(*) FILTER (WHERE stance = 'support') AS support,
       count(*) FILTER (WHERE stance = 'oppose') AS oppose,
       count(*) FILTER (WHERE stance = 'mixed') AS mixed,
       count(*) FILTER (WHERE stance = 'neutral') AS neutral,
       count(*) AS articles, CAST(sum(n_statements) AS BIGINT) AS statements,
       CASE WHEN count(*) FILTER (WHERE stance = 'mixed') > 0
              OR (count(*) FILTER (WHERE stance = 'support') > 0
                  AND count(*) FILTER (WHERE stance = 'oppose') > 0) THEN 'mixed'
            WHEN count(*) FILTER (WHERE stance = 'support') > 0 THEN 'support'
            WHEN count(*) FILTER (WHERE stance = 'oppose') > 0 THEN 'oppose'
            ELSE 'neutral' END AS stance
FROM article_stances
GROUP BY actor_id, issue_id
HAVING sum(n_statements) >= $min_statements
ORDER BY articles DESC, actor, issue""",
    "issues": """
-- the issues of the statements, where they come from, and how many actors took a side
SELECT issue_id, min(issue) AS issue, min(issue_source) AS issue_source,
       min(issue_pattern) AS pattern,
       count(*) AS statements, count(DISTINCT article_id) AS articles,
       count(DISTINCT actor_id) AS actors,
       count(*) FILTER (WHERE stance = 'support') AS support,
       count(*) FILTER (WHERE stance = 'oppose') AS oppose
FROM statements
GROUP BY issue_id
ORDER BY statements DESC, issue_id""",
    "actor_network": """
-- agreement (same side of one issue) and conflict (opposite sides) between actors.
-- An actor's profile counts, per issue and side, the articles taking that side; raw is
-- the sum over issues of the smaller of the two actors' counts, jaccard divides it by
-- the sum of the larger ones (their union), cosine is the profiles' cosine; for
-- conflict one profile has its sides swapped.
WITH totals AS (
  SELECT actor_id, sum(n) AS total, sqrt(sum(n * n)) AS norm FROM sides GROUP BY actor_id),
pairs AS (
  SELECT x.actor_id AS a, y.actor_id AS b,
         CASE WHEN x.side = y.side THEN 'agreement' ELSE 'conflict' END AS kind,
         x.issue_id, least(x.n, y.n) AS shared, x.n * y.n AS product
  FROM sides x JOIN sides y ON x.issue_id = y.issue_id AND x.actor_id < y.actor_id)
SELECT p.a, min(sa.actor) AS actor_a, p.b, min(sb.actor) AS actor_b, p.kind,
       CAST(sum(p.shared) AS BIGINT) AS raw,
       round(sum(p.shared) / (ta.total + tb.total - sum(p.shared)), 3) AS jaccard,
       round(sum(p.product) / (ta.norm * tb.norm), 3) AS cosine,
       string_agg(DISTINCT p.issue_id, ' | ' ORDER BY p.issue_id) AS issues
FROM pairs p
JOIN totals ta ON ta.actor_id = p.a
JOIN totals tb ON tb.actor_id = p.b
JOIN (SELECT actor_id, min(actor) AS actor FROM article_stances GROUP BY actor_id) sa
  ON sa.actor_id = p.a
JOIN (SELECT actor_id, min(actor) AS actor FROM article_stances GROUP BY actor_id) sb
  ON sb.actor_id = p.b
GROUP BY p.a, p.b, p.kind, ta.total, tb.total, ta.norm, tb.norm
ORDER BY p.kind, raw DESC, p.a, p.b""",
    "stance_windows": """
-- sided stances in moving windows: articles supporting and opposing, per actor and issue
WITH bounds AS (
  SELECT min(date) AS first_day, max(date) AS last_day
  FROM article_stances WHERE date IS NOT NULL AND stance <> 'neutral'),
windows AS (
  SELECT CAST(unnest(range(CAST(first_day AS TIMESTAMP) - INTERVAL ($window - $step) DAY,
                           CAST(last_day AS TIMESTAMP) + INTERVAL 1 DAY,
                           INTERVAL ($step) DAY)) AS DATE) AS window_start
  FROM bounds)
SELECT w.window_start, w.window_start + INTERVAL ($window - 1) DAY AS window_end,
       s.actor_id, min(s.actor) AS actor, s.issue_id, min(s.issue) AS issue,
       count(*) FILTER (WHERE s.stance IN ('support', 'mixed')) AS support,
       count(*) FILTER (WHERE s.stance IN ('oppose', 'mixed')) AS oppose
FROM windows w
JOIN article_stances s
  ON s.date >= w.window_start AND s.date < w.window_start + INTERVAL ($window) DAY
WHERE s.stance <> 'neutral'
GROUP BY w.window_start, s.actor_id, s.issue_id
ORDER BY s.actor_id, s.issue_id, w.window_start""",
    "stance_changes": """
-- who changed position, and when: a dated stance unlike the actor's previous one
WITH sided AS (
  SELECT *, lag(stance) OVER w AS before, lag(date) OVER w AS before_date,
         lag(article_id) OVER w AS before_article
  FROM article_stances
  WHERE stance <> 'neutral' AND date IS NOT NULL
  WINDOW w AS (PARTITION BY actor_id, issue_id ORDER BY date, article_id))
SELECT actor_id, actor, issue_id, issue, before, before_date, before_article,
       stance AS after, date AS after_date, article_id AS after_article
FROM sided
WHERE before IS NOT NULL AND before <> stance
ORDER BY after_date, actor, issue""",
    "merged_events": """
-- the events of all articles, merged where stories report the same date, predicate
-- and actors; each with the articles that report it
WITH reports AS (
  SELECT v.article_id, v.event_id, v.date, v.granularity, v.predicate, v.modality,
         v.sentence_id, v.start, v."end", v.evidence,
         coalesce(x.actor_key, '') AS actor_key, coalesce(x.actors, '') AS actors
  FROM events v LEFT JOIN event_actors x USING (article_id, event_id)
  WHERE v.date <> '')
SELECT substr(md5(date || '/' || predicate || '/' || actor_key), 1, 12) AS merged_id,
       date, first(granularity ORDER BY article_id, event_id) AS granularity, predicate,
       first(actors ORDER BY article_id, event_id) AS actors, actor_key,
       string_agg(DISTINCT modality, ' | ' ORDER BY modality) AS modality,
       -- the most definite modality any report gives
       CASE WHEN bool_or(modality = 'occurred') THEN 'occurred'
            WHEN bool_or(modality = 'ongoing') THEN 'ongoing'
            WHEN bool_or(modality = 'scheduled') THEN 'scheduled'
            ELSE 'hypothetical' END AS main_modality,
       count(DISTINCT article_id) AS articles, count(*) AS reports,
       string_agg(article_id || '/' || event_id, ' | ' ORDER BY article_id, event_id) AS sources,
       first(evidence ORDER BY article_id, event_id) AS evidence
FROM reports
GROUP BY date, predicate, actor_key
ORDER BY date, articles DESC, predicate, actor_key""",
    "unresolved": """
-- rows that rest on a name or a date the tables could not resolve (`kind`: the rows'
-- prefix in the book's lists, empty where they are not listed)
SELECT 'mentions' AS "table", 'mention' AS kind,
       'a mention of no entity, or a description left unresolved' AS unresolved_when,
       count(*) AS "rows",
       count(*) FILTER (WHERE entity_id = '' OR resolution LIKE 'unresolved%') AS unresolved
FROM mentions
UNION ALL
SELECT 'quotes', 'quote', 'the speaker is no named entity ("officials said")', count(*),
       count(*) FILTER (WHERE speaker_id = '') FROM quotes
UNION ALL
SELECT 'positions', 'position', 'the actor is no entity of its article', count(*),
       count(*) FILTER (WHERE actor_id LIKE 'unlinked:%') FROM statements
UNION ALL
SELECT 'events', '', 'an actor is no entity of its article', count(*),
       count(*) FILTER (WHERE actor_key LIKE '%unlinked:%')
FROM events LEFT JOIN event_actors USING (article_id, event_id)
UNION ALL
SELECT 'timex', 'timex', 'the expression has no value (no date to resolve it against)', count(*),
       count(*) FILTER (WHERE value = '') FROM timex
UNION ALL
SELECT 'events', 'event', 'the event has no date', count(*), count(*) FILTER (WHERE date = '')
FROM events
UNION ALL
SELECT 'article', '', 'the publication date is unknown', count(*),
       count(*) FILTER (WHERE published = '') FROM article""",
}

PARAMETER = re.compile(r"\$([a-z_]+)")


def sql_literal(value: object) -> str:
    """A Python value as a DuckDB literal: text quoted, numbers as they are, a tuple or
    list as a parenthesised list (for IN)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "(" + ", ".join(sql_literal(v) for v in value) + ")"
    return "'" + str(value).replace("'", "''") + "'"


def render(sql: str, **parameters: object) -> str:
    """`sql` with each `$name` replaced by the literal of `parameters[name]`."""

    def literal(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parameters:
            raise KeyError(f"the query needs the parameter ${name}")
        return sql_literal(parameters[name])

    return PARAMETER.sub(literal, sql).strip()


class CorpusDB:
    """The corpus tables behind DuckDB views, and the book's queries over them.

    `tables` maps a table name to a Parquet file or a data frame; a missing base table
    is an empty one of no rows only if given as such (the corpus command writes all)."""

    def __init__(self, tables: Mapping[str, Path | pd.DataFrame]) -> None:
        self.connection = duckdb.connect()
        self.extras: dict[str, str] = {}  # table -> the optional columns its view adds
        missing = [name for name in BASE_TABLES if name not in tables]
        if missing:
            raise KeyError(f"CorpusDB needs the table {missing[0]}")
        for name in BASE_TABLES:
            source = tables[name]
            if isinstance(source, pd.DataFrame):
                self.connection.register(f"_{name}", source)
                relation = f"_{name}"
            else:
                relation = f"read_parquet({sql_literal(str(source))})"
            self._view(name, relation)
        for name, sql in MACROS.items():
            self.connection.execute(f"CREATE MACRO {name}{sql}")
        for name, sql in VIEWS.items():
            self.connection.execute(f"CREATE VIEW {name} AS {sql}")

    def _view(self, name: str, relation: str) -> None:
        columns = {
            row[0]
            for row in self.connection.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()
        }
        extra = "".join(
            f", {value} AS {column}"
            for column, value in OPTIONAL_COLUMNS.get(name, {}).items()
            if column not in columns
        )
        self.extras[name] = extra
        self.connection.execute(f"CREATE VIEW {name} AS SELECT *{extra} FROM {relation}")

    def sql(self, name: str, **parameters: object) -> str:
        """The SQL of a named query (of QUERIES, or a view of VIEWS), as it runs."""
        return render(QUERIES.get(name) or VIEWS[name], **parameters)

    def query(self, name: str, **parameters: object) -> pd.DataFrame:
        """A named query's rows."""
        return self.run(self.sql(name, **parameters))

    def run(self, sql: str) -> pd.DataFrame:
        """Any SQL over the views, as a data frame (dates as YYYY-MM-DD text)."""
        frame = self.connection.execute(sql).df()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d").fillna("")
        return frame

    def table(self, name: str) -> pd.DataFrame:
        """A whole view, in its stored order."""
        return self.run(f"SELECT * FROM {name}")

    def views_sql(self, files: Mapping[str, str]) -> str:
        """The SQL that rebuilds these views in a user's DuckDB session: a view over each
        exported Parquet file (`files`: table -> file name, read from the current
        folder), then the derived views."""
        lines = [
            "-- newsbook's corpus tables as DuckDB views. Run it in the folder of the Parquet",
            "-- files: duckdb -init views.sql, or duckdb.sql(open('views.sql').read()) in Python",
        ]
        for name in BASE_TABLES:
            extra = self.extras.get(name, "")
            lines.append(
                f"CREATE VIEW {name} AS SELECT *{extra} FROM read_parquet('{files[name]}');"
            )
        lines += [f"CREATE MACRO {name}{sql};" for name, sql in MACROS.items()]
        lines += [f"CREATE VIEW {name} AS {sql.strip()};" for name, sql in VIEWS.items()]
        return "\n".join(lines) + "\n"

    def close(self) -> None:
        self.connection.close()
