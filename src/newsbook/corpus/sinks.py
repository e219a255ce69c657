"""Sinks: the finished partitions' Parquet parts merged, in input order, into one CSV or
Parquet file per table. The files do not depend on how the input was partitioned: CSV
has no grouping, and Parquet row groups are cut as the corpus has always cut them."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsbook.corpus.partitions import ARROW_TYPES
from newsbook.schema import CORPUS_TABLES, corpus_columns

ROWS_PER_FLUSH = 20_000  # rows per Parquet row group of a corpus table


class CsvTable:
    """A CSV file: header row, UTF-8, `\\n` line ends, quoted only where needed."""

    def __init__(self, path: Path, columns: dict[str, str]) -> None:
        self.names = list(columns)
        self.handle = open(path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.writer.writerow(self.names)

    def write(self, table: pa.Table) -> None:
        self.writer.writerows(zip(*(table.column(c).to_pylist() for c in self.names), strict=True))

    def close(self) -> None:
        self.handle.close()


class ParquetTable:
    """A Parquet file with the table's fixed schema; each `write` is one row group."""

    def __init__(self, path: Path, columns: dict[str, str]) -> None:
        self.schema = pa.schema([(c, ARROW_TYPES[kind]) for c, kind in columns.items()])
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, table: pa.Table) -> None:
        self.writer.write_table(table.select(self.schema.names).combine_chunks())

    def close(self) -> None:
        self.writer.close()


def open_table(path: Path, columns: dict[str, str], fmt: str) -> CsvTable | ParquetTable:
    return CsvTable(path, columns) if fmt == "csv" else ParquetTable(path, columns)


class ArticleGroups:
    """Rows passed on in groups that end at the first article boundary where a group
    holds ROWS_PER_FLUSH rows or more (one article's rows are never split)."""

    def __init__(self, sink: CsvTable | ParquetTable) -> None:
        self.sink = sink
        self.pending: list[pa.Table] = []
        self.count = 0

    def add(self, table: pa.Table) -> None:
        ids = table.column("article_id").to_pylist()
        taken = 0
        for end in range(1, len(ids) + 1):
            at_boundary = end == len(ids) or ids[end] != ids[end - 1]
            if at_boundary and self.count + end - taken >= ROWS_PER_FLUSH:
                self.pending.append(table.slice(taken, end - taken))
                self.flush()
                taken = end
        if taken < len(ids):
            self.pending.append(table.slice(taken))
            self.count += len(ids) - taken

    def flush(self) -> None:
        if self.pending:
            self.sink.write(pa.concat_tables(self.pending))
        self.pending, self.count = [], 0


class FixedGroups(ArticleGroups):
    """Rows passed on in groups of exactly ROWS_PER_FLUSH (the last one shorter): the
    linked `entities` table is written in fixed chunks."""

    def add(self, table: pa.Table) -> None:
        while len(table):
            room = ROWS_PER_FLUSH - self.count
            self.pending.append(table.slice(0, room))
            self.count += min(room, len(table))
            table = table.slice(room)
            if self.count >= ROWS_PER_FLUSH:
                self.flush()


def merge_parts(
    folders: list[Path],
    out: Path,
    fmt: str,
    *,
    link: Callable[[pa.Table], pa.Table],
) -> None:
    """Every corpus table of the partitions in `folders` (in input order) into one file
    in `out`; `link` adds `corpus_entity_id` to a part's `entities`. One table at a time
    and one part at a time, so memory holds a part, not the corpus."""
    for name in CORPUS_TABLES:
        sink = open_table(out / f"{name}.{fmt}", corpus_columns(name), fmt)
        try:
            groups = FixedGroups(sink) if name == "entities" else ArticleGroups(sink)
            for folder in folders:
                table = pq.read_table(folder / f"{name}.parquet")
                groups.add(link(table) if name == "entities" else table)
            groups.flush()
        finally:
            sink.close()
