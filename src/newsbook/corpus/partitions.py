"""Partitions: the corpus cut into runs of consecutive records, each analysed on its own
by `analyze_partition`, the one task every engine runs (in this process, in a pool of
processes, on a Dask worker). A partition writes its tables as Parquet files into its
own folder under `parts/`, which appears (by one rename) only when it is complete: a run
that stops keeps the partitions it finished, and a rerun skips them.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsbook.corpus.records import Record, error_message, record_article, worker_resources
from newsbook.pipeline import analyze_many
from newsbook.schema import ARTICLE_TABLES, CONVERTERS, CORPUS_TABLES, TABLES, Columns, n_rows
from newsbook.text.article import Article

SUMMARY = "summary.json"
ROWS_PER_GROUP = 10_000  # rows of one table a partition buffers before writing them
UNDATED = "publication date is unknown"  # the warning make_article gives an undated article
# The stages' tables are short (an article's rows), and pandas' operations on short
# tables cost more than the analysis: with text columns held as Python strings rather
# than in pyarrow (the same `str` dtype, the same values) they cost half as much.
STRING_STORAGE = ("mode.string_storage", "python")
ARROW_TYPES = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}


@dataclass(frozen=True)
class Partition:
    """Consecutive records of the input; `index` is its place in the input's order."""

    index: int
    records: tuple[Record, ...]

    @property
    def name(self) -> str:
        return f"{self.index:06d}"


@dataclass(frozen=True)
class PartSummary:
    """What a finished partition holds (also written beside its tables)."""

    index: int
    n_records: int
    n_articles: int
    n_errors: int
    n_undated: int


def cut(records: Iterable[Record], *, max_bytes: int) -> Iterator[Partition]:
    """Consecutive records in partitions of about `max_bytes` of text each. The cut
    depends on the records alone, so the same input always gives the same partitions."""
    batch: list[Record] = []
    size = index = 0
    for record in records:
        batch.append(record)
        size += record.size()
        if size >= max_bytes:
            yield Partition(index, tuple(batch))
            batch, size, index = [], 0, index + 1
    if batch:
        yield Partition(index, tuple(batch))


def part_folder(parts: Path, index: int) -> Path:
    return Path(parts) / f"{index:06d}"


def read_summary(folder: Path) -> PartSummary | None:
    """The summary of a finished partition's folder, or None when it is not one."""
    try:
        return PartSummary(**json.loads((Path(folder) / SUMMARY).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def analyze_partition(
    partition: Partition, parts: str | Path, *, progress: Callable[[int], None] | None = None
) -> PartSummary:
    """Analyse a partition's records and write its tables to `parts/NNNNNN/`, whole or not
    at all. Plain data in (the records), plain data out (the summary): nothing of spaCy's
    travels, and the model is loaded once per process (`worker_resources`, `make_nlp`).
    A partition already written (a task run twice) is not analysed again. `progress` is
    called with 1 after each record."""
    done = part_folder(Path(parts), partition.index)
    finished = read_summary(done)
    if finished is not None:
        return finished
    with pd.option_context(*STRING_STORAGE):
        return _analyze_partition(partition, Path(parts), done, progress)


def _analyze_partition(
    partition: Partition, parts: Path, done: Path, progress: Callable[[int], None] | None
) -> PartSummary:
    items: list[tuple[Record, Article | str]] = []
    for record in partition.records:
        try:
            items.append((record, record_article(record)))
        except Exception as error:  # noqa: BLE001 - one record's problem is its error row
            items.append((record, error_message(record, error)))
    results = _analyzed([(r, a) for r, a in items if isinstance(a, Article)])
    staging = Path(tempfile.mkdtemp(prefix=f".{partition.name}-", dir=parts))
    try:
        counts = {"n_articles": 0, "n_errors": 0, "n_undated": 0}
        with PartWriter(staging) as writer:
            for record, item in items:
                outcome = next(results) if isinstance(item, Article) else item
                if isinstance(outcome, dict):
                    writer.add_article(outcome, item)
                    counts["n_articles"] += 1
                    counts["n_undated"] += any(UNDATED in w for w in item.warnings)
                else:  # the reader's message, or the analysis's exception
                    message = outcome if isinstance(outcome, str) else None
                    writer.add_error(record, message or error_message(record, outcome))
                    counts["n_errors"] += 1
                if progress is not None:
                    progress(1)
        summary = PartSummary(partition.index, len(partition.records), **counts)
        (staging / SUMMARY).write_text(json.dumps(asdict(summary)), encoding="utf-8")
        _commit(staging, done)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary


def _analyzed(
    articles: list[tuple[Record, Article]],
) -> Iterator[dict[str, Columns] | Exception]:
    """`analyze_many` over the articles, in order, each run of articles that share an
    issue catalogue (`Record.issues`) with its own Resources."""
    for issues, run in itertools.groupby(articles, key=lambda pair: pair[0].issues):
        yield from analyze_many((article for _, article in run), worker_resources(issues))


def _commit(staging: Path, done: Path) -> None:
    """`staging` becomes `done` in one rename; when another run of the same task got
    there first, its folder (the same tables) stays."""
    try:
        os.rename(staging, done)
    except OSError:
        if read_summary(done) is None:
            raise
        shutil.rmtree(staging, ignore_errors=True)


class PartWriter:
    """One Parquet file per corpus table, in the corpus's fixed schema (before linking:
    `entities` has no `corpus_entity_id` yet), its kinds set from `schema` (nothing
    inferred). An article's tables come as column lists (`schema.Columns`), converted
    the way `schema.conform` converts them: per-article DataFrames would cost more than
    the analysis on short tables."""

    def __init__(self, folder: Path) -> None:
        self.kinds = {name: TABLES[name].columns for name in CORPUS_TABLES}
        self.types = {
            name: [ARROW_TYPES[kind] for kind in kinds.values()]
            for name, kinds in self.kinds.items()
        }
        self.schemas = {
            name: pa.schema(list(zip(kinds, self.types[name], strict=True)))
            for name, kinds in self.kinds.items()
        }
        self.writers = {
            name: pq.ParquetWriter(folder / f"{name}.parquet", self.schemas[name])
            for name in CORPUS_TABLES
        }
        self.columns: dict[str, list[list]] = {
            name: [[] for _ in kinds] for name, kinds in self.kinds.items()
        }

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            for name in CORPUS_TABLES:
                self.flush(name)
        for writer in self.writers.values():
            writer.close()

    def add_article(self, tables: dict[str, Columns], article: Article) -> None:
        """An article's tables, and its text (what their offsets point into)."""
        for name in ARTICLE_TABLES:
            self.add(name, tables[name])
        self.add("texts", {"article_id": [article.article_id], "text": [article.text]})

    def add_error(self, record: Record, message: str) -> None:
        row = {"article_id": record.article_id, "error": message, "origin": record.origin}
        for column, values in zip(self.kinds["errors"], self.columns["errors"], strict=True):
            values.append(row[column])

    def add(self, name: str, table: Columns) -> None:
        n = n_rows(table)
        if not n:
            return
        for (column, kind), values in zip(
            self.kinds[name].items(), self.columns[name], strict=True
        ):
            given = table.get(column)
            convert = CONVERTERS[kind]
            values.extend(map(convert, given) if given is not None else [convert(None)] * n)
        if len(self.columns[name][0]) >= ROWS_PER_GROUP:
            self.flush(name)

    def flush(self, name: str) -> None:
        columns = self.columns[name]
        if not columns[0]:
            return
        arrays = [
            pa.array(values, type=t) for values, t in zip(columns, self.types[name], strict=True)
        ]
        self.writers[name].write_table(pa.Table.from_arrays(arrays, schema=self.schemas[name]))
        self.columns[name] = [[] for _ in columns]
