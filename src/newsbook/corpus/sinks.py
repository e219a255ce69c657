"""Sinks: each table's rows appended, in the corpus's fixed schema, to one CSV or
Parquet file, and read back in chunks."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from newsbook.schema import conform

Schema = dict[str, dict[str, str]]  # table -> column -> kind (see newsbook.schema)

ROWS_PER_FLUSH = 20_000  # rows buffered per table before a CSV append or a Parquet row group


class TableSink:
    """Appends conformed rows to one file per table, buffering up to ROWS_PER_FLUSH rows."""

    def __init__(self, folder: Path, schema: Schema, fmt: str) -> None:
        self.folder, self.schema, self.format = folder, schema, fmt
        self.buffers: dict[str, list[pd.DataFrame]] = defaultdict(list)
        self.buffered: Counter[str] = Counter()
        self.writers: dict[str, object] = {}
        for name, columns in schema.items():
            self.writers[name] = open_writer(folder / f"{name}.{fmt}", columns, fmt)

    def append(self, name: str, table: pd.DataFrame) -> None:
        if not len(table):
            return
        if list(table.columns) != list(self.schema[name]):
            table = conform(table, self.schema[name])
        self.buffers[name].append(table)
        self.buffered[name] += len(table)
        if self.buffered[name] >= ROWS_PER_FLUSH:
            self.flush(name)

    def flush(self, name: str) -> None:
        if self.buffers[name]:
            self.writers[name].write(pd.concat(self.buffers[name], ignore_index=True))
        self.buffers[name], self.buffered[name] = [], 0

    def close(self) -> None:
        for name in self.schema:
            self.flush(name)
            self.writers[name].close()


class _CsvWriter:
    def __init__(self, path: Path, columns: dict[str, str]) -> None:
        self.handle = open(path, "w", encoding="utf-8", newline="")
        csv.writer(self.handle, lineterminator="\n").writerow(columns)

    def write(self, table: pd.DataFrame) -> None:
        table.to_csv(self.handle, header=False, index=False, lineterminator="\n")

    def close(self) -> None:
        self.handle.close()


class _ParquetWriter:
    def __init__(self, path: Path, columns: dict[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
        self.schema = pa.schema([(c, types[kind]) for c, kind in columns.items()])
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, table: pd.DataFrame) -> None:
        import pyarrow as pa

        arrays = [pa.array(table[f.name].tolist(), type=f.type) for f in self.schema]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


def open_writer(path: Path, columns: dict[str, str], fmt: str):
    return _CsvWriter(path, columns) if fmt == "csv" else _ParquetWriter(path, columns)


def read_chunks(path: Path, fmt: str) -> Iterator[pd.DataFrame]:
    """A staged table back, in chunks, with the values as written."""
    if fmt == "csv":
        yield from pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=ROWS_PER_FLUSH)
        return
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=ROWS_PER_FLUSH):
        yield batch.to_pandas()
