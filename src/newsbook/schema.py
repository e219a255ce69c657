"""Every table newsbook writes: its columns, their kinds and its row order.

This is `../shared/CONTRACT.md` as code, plus the extra columns the README lists. The
stages build their tables with these columns, the CSV and Parquet writers type them
from here, the corpus appends every article's rows to one fixed schema, and the
chapters read them by these names. A column's kind is one of `str`, `int`, `float`
and `bool`; missing values are written as empty text, -1 (whole numbers), NaN and
false.
"""

from __future__ import annotations

import collections
import functools
import math
from dataclasses import dataclass

import pandas as pd

KINDS = ("str", "int", "float", "bool")


@dataclass(frozen=True)
class Table:
    """One table: `columns` (name -> kind, in order) and `order`, the columns its rows
    are sorted by within one article (`article_id` first in a corpus)."""

    name: str
    columns: dict[str, str]
    order: tuple[str, ...]
    row: str  # what one row is, for the README and the chapters

    @property
    def names(self) -> list[str]:
        return list(self.columns)


def _table(table: str, row: str, order: tuple[str, ...], /, **columns: str) -> Table:
    for column, kind in columns.items():
        if kind not in KINDS:
            raise ValueError(f"{table}.{column}: unknown kind {kind!r}")
    return Table(table, dict(columns), order, row)


STR, INT, BOOL = "str", "int", "bool"

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        _table(
            "article",
            "article",
            ("article_id",),
            article_id=STR,
            headline=STR,
            published=STR,
            source=STR,
            n_sentences=INT,
            n_words=INT,
            url=STR,
            encoding=STR,
            n_paragraphs=INT,
            warnings=STR,
            format=STR,
            author=STR,
            dateline=STR,
            published_origin=STR,
            language=STR,
        ),
        _table(
            "blocks",
            "paragraph-like block of the page (headline, byline, dateline, body, table, furniture)",
            ("start",),
            article_id=STR,
            paragraph_id=INT,
            start=INT,
            end=INT,
            section=STR,
            kind=STR,
            text=STR,
        ),
        _table(
            "pieces",
            "piece of the file's content beside the story (a page's menus, a record's codes)",
            ("piece_id",),
            article_id=STR,
            piece_id=INT,
            element=STR,
            text=STR,
            kept=BOOL,
        ),
        _table(
            "sentences",
            "sentence of the headline or body",
            ("sentence_id",),
            article_id=STR,
            sentence_id=INT,
            paragraph_id=INT,
            start=INT,
            end=INT,
            text=STR,
            section=STR,
        ),
        _table(
            "mentions",
            "entity mention",
            ("start", "end"),
            article_id=STR,
            mention_id=STR,
            entity_id=STR,
            sentence_id=INT,
            start=INT,
            end=INT,
            text=STR,
            type=STR,
            kind=STR,
            role=STR,
            resolution=STR,
        ),
        _table(
            "entities",
            "real-world entity (after alias resolution)",
            ("first_start",),
            article_id=STR,
            entity_id=STR,
            name=STR,
            type=STR,
            aliases=STR,
            role=STR,
            affiliation=STR,
            n_mentions=INT,
            first_start=INT,
            first_sentence_id=INT,
        ),
        _table(
            "quotes",
            "direct quotation or reported statement",
            ("start", "end"),
            article_id=STR,
            quote_id=STR,
            sentence_id=INT,
            start=INT,
            end=INT,
            text=STR,
            kind=STR,
            speaker_id=STR,
            speaker=STR,
            cue=STR,
            status=STR,
        ),
        _table(
            "positions",
            "actor's stance on an issue, with its evidence",
            ("sentence_id", "actor_id", "issue_id"),
            article_id=STR,
            position_id=STR,
            actor_id=STR,
            actor=STR,
            issue_id=STR,
            issue=STR,
            stance=STR,
            sentence_id=INT,
            evidence=STR,
            cue=STR,
            source=STR,
            hedged=BOOL,
            start=INT,
            end=INT,
            machine_stance=STR,
            issue_source=STR,
            issue_pattern=STR,
            target=STR,
        ),
        _table(
            "issues",
            "issue the article's positions are on (catalogued, an analyst's or discovered)",
            ("first_sentence_id", "issue_id"),
            article_id=STR,
            issue_id=STR,
            issue=STR,
            issue_source=STR,
            pattern=STR,
            terms=STR,
            n_positions=INT,
            n_actors=INT,
            first_sentence_id=INT,
        ),
        _table(
            "claims",
            "statement the article sets against other evidence",
            ("sentence_id",),
            article_id=STR,
            claim_id=STR,
            quote_id=STR,
            sentence_id=INT,
            start=INT,
            end=INT,
            text=STR,
            speaker_id=STR,
            speaker=STR,
            marker=STR,
            counter_sentence_id=INT,
            counter_start=INT,
            counter_end=INT,
            counter_text=STR,
        ),
        _table(
            "issue_candidates",
            "noun phrase stance cues point at (an issue an analyst may adopt)",
            ("n_cues", "candidate"),
            article_id=STR,
            candidate=STR,
            pattern=STR,
            n_cues=INT,
            cues=STR,
            sentence_id=INT,
            start=INT,
            end=INT,
            evidence=STR,
        ),
        _table(
            "timex",
            "temporal expression",
            ("start", "end"),
            article_id=STR,
            timex_id=STR,
            sentence_id=INT,
            start=INT,
            end=INT,
            text=STR,
            value=STR,
            granularity=STR,
            relative=BOOL,
            tense=STR,
        ),
        _table(
            "events",
            "dated event of the timeline",
            ("sentence_id",),
            article_id=STR,
            event_id=STR,
            date=STR,
            granularity=STR,
            timex_id=STR,
            predicate=STR,
            actors=STR,
            modality=STR,
            sentence_id=INT,
            evidence=STR,
            start=INT,
            end=INT,
        ),
        _table(
            "texts",
            "article's text, which every row's offsets point into (corpus only)",
            ("article_id",),
            article_id=STR,
            text=STR,
        ),
        _table(
            "errors",
            "article that could not be analysed (corpus only)",
            ("article_id",),
            article_id=STR,
            error=STR,
            origin=STR,
        ),
    )
}

# What `analyze` writes for one article, in this order (blocks are the layout chapter's).
ARTICLE_TABLES = (
    "article",
    "sentences",
    "mentions",
    "entities",
    "quotes",
    "positions",
    "issues",
    "claims",
    "issue_candidates",
    "timex",
    "events",
)
# What `corpus` writes: every article's tables, its text (what `analyze` writes as
# text.txt: a page's or a Markdown file's story, not its markup) and the errors.
CORPUS_TABLES = (*ARTICLE_TABLES, "texts", "errors")


def columns(name: str) -> list[str]:
    """The column names of a table, in order."""
    return TABLES[name].names


def corpus_columns(name: str) -> dict[str, str]:
    """A table's columns in corpus output: `entities` also has `corpus_entity_id`, right
    after `entity_id`."""
    kinds = TABLES[name].columns
    if name != "entities":
        return dict(kinds)
    items = list(kinds.items())
    at = [column for column, _ in items].index("entity_id") + 1
    return dict(items[:at] + [("corpus_entity_id", STR)] + items[at:])


# A table as the stages hand it on: each column's values as a list, in the table's
# column order. Building an article's DataFrame costs about a millisecond (pandas infers
# each column's kind), more than most stages spend on the article, so DataFrames are
# built only where a caller is given one: `analyze`, and a corpus partition's files.
Columns = dict[str, list]


def column_lists(name: str, rows: list[dict]) -> Columns:
    """A table's row dicts (each with every column of the table) as column lists."""
    return {column: [row[column] for row in rows] for column in columns(name)}


def columns_frame(name: str, table: Columns) -> pd.DataFrame:
    """The DataFrame of a table held as column lists: the same as `frame` of its rows."""
    return frame(name, list(zip(*(table[column] for column in columns(name)), strict=True)))


def frame_columns(table: pd.DataFrame) -> Columns:
    """A DataFrame's columns as lists (the values `tolist` gives)."""
    return {column: table[column].tolist() for column in table.columns}


def column_rows(table: Columns) -> list[tuple]:
    """A table's rows as named tuples, one field a column. The tuple class is made once
    for a set of columns: making it costs more than the rows of an article's table."""
    row = _row_type(tuple(table))
    return list(map(row._make, zip(*table.values(), strict=True)))


def n_rows(table: Columns) -> int:
    return len(next(iter(table.values()), []))


def frame(name: str, rows: list[dict] | list[tuple]) -> pd.DataFrame:
    """A table from row dicts (or tuples in column order), with exactly the table's
    columns in order. An empty one is a copy of the table's empty frame, made once (an
    article's tables are often empty, and building a frame costs more than copying
    one)."""
    if not rows:
        return _empty(name, pd.get_option("mode.string_storage")).copy()
    return pd.DataFrame(rows, columns=columns(name))


@functools.cache
def _empty(name: str, storage: str) -> pd.DataFrame:
    # `storage` (how text columns are held) is part of the key: the frame depends on it
    return pd.DataFrame([], columns=columns(name))


@functools.lru_cache(maxsize=64)
def _row_type(names: tuple[str, ...]) -> type:
    return collections.namedtuple("Row", names, rename=True)


def _missing(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _as_int(value: object) -> int:
    return -1 if _missing(value) else int(value)


def _as_float(value: object) -> float:
    return math.nan if _missing(value) else float(value)


def _as_bool(value: object) -> bool:
    return value is True or str(value).lower() == "true"


def _as_str(value: object) -> str:
    return "" if _missing(value) else str(value)


CONVERTERS = {"int": _as_int, "float": _as_float, "bool": _as_bool, "str": _as_str}
DTYPES = {"int": "int64", "float": "float64", "bool": bool, "str": object}


def conform(table: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """`table` with exactly `kinds`' columns (name -> kind), in order and typed, so
    every article's rows (empty tables included) append to one fixed schema. Works on
    plain lists: per-column pandas operations cost more than the analysis on short
    tables."""
    n = len(table)
    out = {}
    for column, kind in kinds.items():
        values = table[column].tolist() if column in table.columns else [None] * n
        convert = CONVERTERS[kind]
        out[column] = pd.Series([convert(v) for v in values], dtype=DTYPES[kind])
    return pd.DataFrame(out, columns=list(kinds))


def csv_ready(table: pd.DataFrame) -> pd.DataFrame:
    """Boolean columns as `true`/`false` (CONTRACT.md), everything else as it is."""
    flags = [name for name in table.columns if table[name].dtype == bool]
    if not flags:
        return table
    return table.assign(**{name: table[name].map({True: "true", False: "false"}) for name in flags})
