"""Many articles in, the contract's tables out: `python -m newsbook corpus INPUT`.

The run streams. Records are read lazily from INPUT (a folder of `.txt` articles with
optional `.yml` sidecars and wire-service `.sgm` files, or a CSV/JSONL/Parquet table with
one article a row), each is analysed by the pure function `analyze_record` on an
executor (in process, or a multiprocessing pool; a Dask bag can map the same function),
and the rows are appended, in input order, to one file per table in a staging folder
beside `--out`, which replaces `--out` only when the run has finished. `entities` gets
`corpus_entity_id` in a second pass over its staged file, from `link_entities`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import gzip
import html
import json
import math
import multiprocessing
import os
import re
import shutil
import signal
import sys
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pandas as pd

from newsbook import config
from newsbook.article import article_id_for, check_text, make_article, read_article
from newsbook.errors import InputError
from newsbook.output import check_replaceable, replace_folder, staging_folder
from newsbook.pipeline import TABLES, analyze
from newsbook.resources import Resources

FORMATS = ("csv", "parquet")
TABULAR_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
ARTICLE_SUFFIXES = (".txt",)
SGML_SUFFIXES = (".sgm", ".sgml")
RECORD_FIELDS = ("text", "article_id", "published", "headline", "source", "url")

ERROR_COLUMNS = ["article_id", "error", "origin"]
# A column's type comes from the stages' own output (see corpus_schema); these names are
# typed even when the probe article leaves their table empty. Anything else is a string.
INT_COLUMNS = frozenset(
    {
        "sentence_id",
        "paragraph_id",
        "start",
        "end",
        "n_sentences",
        "n_words",
        "n_paragraphs",
        "n_mentions",
        "first_start",
        "first_sentence_id",
    }
)
BOOL_COLUMNS = frozenset({"relative", "hedged"})
ROWS_PER_FLUSH = 20_000  # rows buffered per table before a CSV append or a Parquet row group
# A short made-up article that gives most tables rows, so their columns and types can be
# read from the stages themselves (the stages are being tuned; the corpus follows them).
PROBE_TEXT = (
    "Ministers agree to talks\n\n"
    "Defense Minister Anna Berg of Norland said on Monday that the treaty would be "
    'signed in Geneva next month. "We support the treaty," Berg told reporters.\n\n'
    "Officials in Oslo said last year that the missile talks would go on."
)
PROBE_PUBLISHED = "2010-03-02"

Schema = dict[str, dict[str, str]]  # table -> column -> int | float | bool | str


def corpus_schema(resources: Resources | None = None) -> Schema:
    """The fixed columns and types of every corpus output table: the tables of `analyze`
    (as the stages build them today, read from a probe article), `entities` with
    `corpus_entity_id` after `entity_id`, and `errors`. Computed once per process for
    the default resources."""
    return _probe_schema() if resources is None else _schema_from(resources)


@functools.cache
def _probe_schema() -> Schema:
    return _schema_from(worker_resources())


def _schema_from(resources: Resources) -> Schema:
    probe = make_article(PROBE_TEXT, article_id="probe", published=PROBE_PUBLISHED)
    tables = analyze(probe, resources)
    schema = {name: _column_kinds(tables[name]) for name in TABLES}
    entities = list(schema["entities"].items())
    at = [c for c, _ in entities].index("entity_id") + 1 if "entity_id" in schema["entities"] else 1
    schema["entities"] = dict(entities[:at] + [("corpus_entity_id", "str")] + entities[at:])
    schema["errors"] = dict.fromkeys(ERROR_COLUMNS, "str")
    return schema


def staged_schema(schema: Schema) -> Schema:
    """The tables as the first pass writes them: `entities` without `corpus_entity_id`."""
    entities = {c: k for c, k in schema["entities"].items() if c != "corpus_entity_id"}
    return dict(schema, entities=entities)


def _whole_number_name(column: str) -> bool:
    """Offsets, ids of sentences and counts are whole numbers even in an empty table."""
    return (
        column in INT_COLUMNS
        or column.endswith(("_start", "_end", "_sentence_id"))
        or column.startswith("n_")
    )


def _column_kinds(table: pd.DataFrame) -> dict[str, str]:
    kinds = {}
    for column, dtype in table.dtypes.items():
        if _whole_number_name(column) or pd.api.types.is_integer_dtype(dtype):
            kinds[column] = "int"
        elif column in BOOL_COLUMNS or pd.api.types.is_bool_dtype(dtype):
            kinds[column] = "bool"
        elif pd.api.types.is_float_dtype(dtype) and len(table):
            kinds[column] = "float"
        else:
            kinds[column] = "str"
    return kinds


def conform(table: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """`table` with exactly `columns` (name -> kind), in order and typed, so every
    article's rows (empty tables included) append to one fixed schema. Works on plain
    lists: per-column pandas operations cost more than the analysis on short tables."""
    n = len(table)
    out = {}
    for column, kind in columns.items():
        values = table[column].tolist() if column in table.columns else [None] * n
        if kind == "int":
            out[column] = pd.Series([_as_int(v) for v in values], dtype="int64")
        elif kind == "float":
            out[column] = pd.Series([_as_float(v) for v in values], dtype="float64")
        elif kind == "bool":
            out[column] = pd.Series([v is True or str(v) == "True" for v in values], dtype=bool)
        else:
            out[column] = pd.Series([_as_str(v) for v in values], dtype=object)
    return pd.DataFrame(out, columns=list(columns))


def _missing(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _as_int(value: object) -> int:
    return -1 if _missing(value) else int(value)


def _as_float(value: object) -> float:
    return math.nan if _missing(value) else float(value)


def _as_str(value: object) -> str:
    return "" if _missing(value) else str(value)


# --- records: what a reader yields and a worker analyses ---------------------------------


@dataclass(frozen=True)
class Record:
    """One article to analyse: either a file (`path`, read by the worker, with its
    sidecar) or text already read (`text` and metadata). Plain data, so it pickles to a
    worker process or a Dask task. `error` marks a record the reader could not read."""

    article_id: str
    origin: str  # where it came from, relative to INPUT: "a.txt", "row 3", "reut2-000.sgm #7"
    path: str | None = None
    text: str | None = None
    headline: str = ""
    source: str = ""
    published: str | None = None
    url: str = ""
    error: str = ""


@dataclass(frozen=True)
class Result:
    """What `analyze_record` returns: the tables of one article (in the corpus's fixed
    columns and types), or why there are none."""

    article_id: str
    origin: str
    tables: dict[str, pd.DataFrame] | None
    error: str = ""
    warnings: tuple[str, ...] = ()


@functools.cache
def worker_resources() -> Resources:
    """This process's Resources, loaded once (a pool's initializer calls it)."""
    return Resources.load()


def analyze_record(record: Record, resources: Resources | None = None) -> Result:
    """The unit of work: one record in, its tables (or an error) out. Pure apart from
    reading the record's own file; a bad article is an error, never an exception."""
    if record.error:
        return Result(record.article_id, record.origin, None, record.error)
    try:
        if record.path is not None:
            article = read_article(record.path, published=record.published)
            article = dataclasses.replace(article, article_id=record.article_id)
        else:
            text = record.text or ""
            if not text.strip():
                raise InputError("the article's text is empty")
            check_text(text, name="the article's text")
            article = make_article(
                text,
                article_id=record.article_id,
                headline=record.headline,
                source=record.source,
                published=record.published,
                url=record.url,
            )
        tables = analyze(article, resources or worker_resources())
    except InputError as error:
        message = str(error)
        if record.path is not None and record.path.endswith(record.origin):
            # name the file (or its sidecar) as INPUT names it, not as this machine does
            message = message.replace(record.path.removesuffix(record.origin), "")
        return Result(record.article_id, record.origin, None, message)
    except Exception as error:  # noqa: BLE001 - one article's failure must not end the run
        return Result(
            record.article_id,
            record.origin,
            None,
            f"internal error: {type(error).__name__}: {error}",
        )
    schema = staged_schema(corpus_schema())
    return Result(
        article.article_id,
        record.origin,
        {name: conform(tables[name], schema[name]) for name in TABLES},
        warnings=article.warnings,
    )


# --- readers --------------------------------------------------------------------------


def read_records(input_path: Path) -> Iterator[Record]:
    """Records of INPUT in a fixed order, read lazily. Raises InputError at once (before
    any record) for a missing, unreadable or unknown input or a table without `text`."""
    input_path = Path(input_path)
    if not input_path.exists():
        raise InputError(f"{input_path} does not exist: give a folder or a CSV/JSONL/Parquet file")
    if input_path.is_dir():
        files = _folder_files(input_path)
        if not files:
            raise InputError(
                f"{input_path} holds no articles (.txt) or wire files (.sgm): check the folder"
            )
        return _folder_records(input_path, files)
    kind = _tabular_kind(input_path)
    if kind is None and input_path.suffix.lower() in SGML_SUFFIXES:
        _check_readable(input_path)
        return iter_sgml_records(input_path, origin=input_path.name)
    if kind is None:
        raise InputError(
            f"{input_path} is not a corpus input: give a folder, or a .csv, .jsonl or .parquet "
            "file with one article a row (use `analyze` for one article)"
        )
    _check_readable(input_path)
    if kind == "csv":
        return _csv_records(input_path)
    if kind == "jsonl":
        return _jsonl_records(input_path)
    return _parquet_records(input_path)


def _tabular_kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return TABULAR_SUFFIXES.get(suffixes[-1]) if suffixes else None


def _check_readable(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as error:
        raise InputError(
            f"{path} cannot be read ({error.strerror}): check its permissions"
        ) from None


def _folder_files(folder: Path) -> list[Path]:
    """Article and wire files under `folder`, sorted by relative path; hidden ones skipped."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES + SGML_SUFFIXES:
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _folder_records(folder: Path, files: list[Path]) -> Iterator[Record]:
    for path in files:
        origin = path.relative_to(folder).as_posix()
        if path.suffix.lower() in SGML_SUFFIXES:
            yield from iter_sgml_records(path, origin=origin)
        else:
            yield Record(article_id=article_id_for(path), origin=origin, path=str(path))


def _row_record(row: dict, *, number: int, stem: str, origin: str) -> Record:
    """A record from one table row; a row's own problem becomes the record's error."""
    given = _cell(row.get("article_id"))
    article_id = given or f"{stem}-{number}"
    text = row.get("text")
    if not isinstance(text, str):
        text = "" if _cell(text) == "" else None
    if text is None:
        return Record(article_id, origin, error="the `text` value is not a string")
    try:
        published = _date_cell(row.get("published"))
    except InputError as error:
        return Record(article_id, origin, error=str(error))
    return Record(
        article_id=article_id,
        origin=origin,
        text=text,
        headline=_cell(row.get("headline")),
        source=_cell(row.get("source")),
        published=published,
        url=_cell(row.get("url")),
    )


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _date_cell(value: object) -> str | None:
    """A table's `published` as YYYY-MM-DD: a date, a timestamp, or an ISO date-time
    (the time is dropped); anything else is left for make_article to reject."""
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _cell(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return text


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name.removesuffix(suffix)
    return article_id_for(Path(name or "row"))


def _require_text(columns: Iterable[str], path: Path) -> None:
    if "text" not in set(columns):
        raise InputError(
            f"{path} has no `text` column: one article a row needs `text` "
            "(optional: article_id, published, headline, source, url)"
        )


def _csv_records(path: Path) -> Iterator[Record]:
    try:
        chunks = pd.read_csv(
            path, dtype=str, keep_default_na=False, chunksize=1000, encoding="utf-8-sig"
        )
        first = next(chunks, None)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{path} is not a readable UTF-8 CSV file ({reason})") from None
    if first is None:
        raise InputError(f"{path} has no rows")
    _require_text(first.columns, path)
    return _csv_rows(path, first, chunks)


def _csv_rows(path: Path, first: pd.DataFrame, chunks: Iterator[pd.DataFrame]) -> Iterator[Record]:
    stem, number = _stem(path), 0
    for chunk in _chain_first(first, chunks, path):
        for row in chunk.to_dict("records"):
            number += 1
            yield _row_record(row, number=number, stem=stem, origin=f"row {number}")


def _chain_first(
    first: pd.DataFrame, chunks: Iterator[pd.DataFrame], path: Path
) -> Iterator[pd.DataFrame]:
    yield first
    try:
        yield from chunks
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{path} is not a readable UTF-8 CSV file ({reason})") from None


def _open_text(path: Path):
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="strict")
    return open(path, encoding="utf-8-sig")


def _jsonl_records(path: Path) -> Iterator[Record]:
    lines = _jsonl_lines(path)
    first = next(lines, None)
    if first is None:
        raise InputError(f"{path} has no rows")
    number, line = first
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        raise InputError(f"{path} line {number} is not JSON: give one JSON object a line") from None
    if not isinstance(row, dict):
        raise InputError(f"{path} line {number} is not a JSON object")
    _require_text(row.keys(), path)
    return _jsonl_rows(path, first, lines)


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with _open_text(path) as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
    except (UnicodeDecodeError, OSError, EOFError) as error:
        raise InputError(f"{path} is not readable UTF-8 JSON lines ({error})") from None


def _jsonl_rows(
    path: Path, first: tuple[int, str], lines: Iterator[tuple[int, str]]
) -> Iterator[Record]:
    stem = _stem(path)

    def all_lines() -> Iterator[tuple[int, str]]:
        yield first
        yield from lines

    for count, (number, line) in enumerate(all_lines(), start=1):
        origin = f"line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Record(f"{stem}-{count}", origin, error=f"not JSON ({error.msg})")
            continue
        if not isinstance(row, dict):
            yield Record(f"{stem}-{count}", origin, error="not a JSON object")
            continue
        yield _row_record(row, number=count, stem=stem, origin=origin)


def _parquet_records(path: Path) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install pyarrow") from None
    try:
        names = pq.read_schema(path).names
    except Exception as error:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise InputError(f"{path} is not a readable Parquet file ({error})") from None
    _require_text(names, path)
    wanted = [name for name in RECORD_FIELDS if name in names]
    return _parquet_rows(path, wanted)


def _parquet_rows(path: Path, wanted: list[str]) -> Iterator[Record]:
    """Opened only when iterated, so a worker pool forks before pyarrow starts threads."""
    import pyarrow.parquet as pq

    stem, number = _stem(path), 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1000, columns=wanted):
        for row in batch.to_pylist():
            number += 1
            yield _row_record(row, number=number, stem=stem, origin=f"row {number}")


# --- wire-service SGML (Reuters-21578) --------------------------------------------------

SGML_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL | re.IGNORECASE)
SGML_ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
SGML_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})")
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _sgml_element(body: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", body, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else ""


def _sgml_text(raw: str) -> str:
    """Element content as text: entities resolved, control characters (the wire's end
    mark `&#3;`) dropped."""
    text = html.unescape(raw)
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32)


def sgml_record(attributes: str, body: str, *, origin: str) -> Record:
    """One `<REUTERS>` record: text is `TITLE`, a blank line, `BODY` (the layout of the
    project's own Reuters articles); `published` from `<DATE>`."""
    attrs = {k.upper(): v for k, v in SGML_ATTRIBUTE.findall(attributes)}
    newid = attrs.get("NEWID", "")
    article_id = f"reuters-{newid}" if newid else article_id_for(Path(origin.replace("#", "")))
    title = " ".join(_sgml_text(_sgml_element(body, "TITLE")).split())
    text_body = _sgml_text(_sgml_element(body, "BODY")).strip("\n")
    if not text_body.strip():  # a BRIEF or UNPROC story: the TEXT element is all there is
        text_element = _sgml_element(body, "TEXT")
        text_body = _sgml_text(re.sub(r"<[^>]+>", "", text_element)).strip("\n")
        title = "" if title and text_body.strip().startswith(title) else title
    text = f"{title}\n\n{text_body}" if title else text_body
    date = SGML_DATE.search(_sgml_element(body, "DATE"))
    published = None
    if date and date.group(2).lower() in MONTHS:
        day, month, year = int(date.group(1)), MONTHS[date.group(2).lower()], int(date.group(3))
        published = f"{year:04d}-{month:02d}-{day:02d}"  # an impossible date: an errors row
    source = "Reuters" + (f" (Reuters-21578, newid {newid})" if newid else "")
    return Record(article_id, origin, text=text, headline=title, source=source, published=published)


def iter_sgml_records(path: Path, *, origin: str) -> Iterator[Record]:
    """The records of a wire-service SGML file, read a record at a time."""
    buffer: list[str] = []
    count = 0
    with open(path, "rb") as handle:
        for raw_line in handle:
            line = _decode_sgml_line(raw_line)
            if buffer or re.match(r"\s*<REUTERS\b", line, re.IGNORECASE):
                buffer.append(line)
            if buffer and re.search(r"</REUTERS>", line, re.IGNORECASE):
                match = SGML_RECORD.search("".join(buffer))
                buffer = []
                if match:
                    count += 1
                    yield sgml_record(match.group(1), match.group(2), origin=f"{origin} #{count}")


def _decode_sgml_line(line: bytes) -> str:
    """Reuters-21578 is ASCII with a few stray bytes; those are read as cp1252/latin-1."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


# --- ids ---------------------------------------------------------------------------------


def unique_ids(records: Iterable[Record], warn: Callable[[str], None]) -> Iterator[Record]:
    """Records with unique article ids: a clashing id gets `-2`, `-3`... (the first keeps
    it), in input order, so the same input always gives the same ids."""
    seen: set[str] = set()
    renamed = 0
    for record in records:
        article_id = record.article_id
        if article_id in seen:
            suffix = 2
            while f"{article_id}-{suffix}" in seen:
                suffix += 1
            new_id = f"{article_id}-{suffix}"
            renamed += 1
            if renamed <= 5:
                warn(f"article id {article_id!r} ({record.origin}) is taken: renamed {new_id!r}")
            record = dataclasses.replace(record, article_id=new_id)
        seen.add(record.article_id)
        yield record
    if renamed > 5:
        warn(f"{renamed} article ids clashed in all and were renamed with a -N suffix")


# --- executors ---------------------------------------------------------------------------


class Executor(Protocol):
    """Maps `analyze_record` over records, yielding results in input order."""

    def map(self, records: Iterable[Record]) -> Iterator[Result]: ...

    def close(self) -> None: ...


class InProcessExecutor:
    """One process: the records are analysed here, one after another."""

    def __init__(self) -> None:
        self.resources = worker_resources()

    def map(self, records: Iterable[Record]) -> Iterator[Result]:
        for record in records:
            yield analyze_record(record, self.resources)

    def close(self) -> None:
        pass


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool and cleans up,
    # the workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_resources()


class ProcessPoolExecutor:
    """N worker processes, each with its own Resources; `imap` keeps input order. At most
    `in_flight` records are read ahead of the results taken, so a large input is never
    held in memory (Pool.imap alone would read all of it into its task queue)."""

    def __init__(self, workers: int, *, chunksize: int = 4) -> None:
        # Fork before any reader or writer starts threads. Forked workers inherit the
        # parent's Resources and schema (loaded once); under spawn the initializer loads them.
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.pool = context.Pool(workers, initializer=_init_worker)
        self.chunksize = chunksize
        self.in_flight = workers * chunksize * 4
        self.stopped = threading.Event()
        self.closed = False

    def map(self, records: Iterable[Record]) -> Iterator[Result]:
        window = threading.Semaphore(self.in_flight)

        def feed() -> Iterator[Record]:
            for record in records:
                while not window.acquire(timeout=0.1):
                    if self.stopped.is_set():
                        return
                yield record

        for result in self.pool.imap(analyze_record, feed(), chunksize=self.chunksize):
            window.release()
            yield result

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.stopped.set()
            self.pool.terminate()
            self.pool.join()


def make_executor(workers: int) -> Executor:
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    return InProcessExecutor() if workers == 1 else ProcessPoolExecutor(workers)


# --- sinks -------------------------------------------------------------------------------


class TableSink:
    """Appends conformed rows to one file per table, buffering up to ROWS_PER_FLUSH rows."""

    def __init__(self, folder: Path, schema: Schema, fmt: str) -> None:
        self.folder, self.schema, self.format = folder, schema, fmt
        self.buffers: dict[str, list[pd.DataFrame]] = defaultdict(list)
        self.buffered: Counter[str] = Counter()
        self.writers: dict[str, object] = {}
        for name, columns in schema.items():
            self.writers[name] = _open_writer(folder / f"{name}.{fmt}", columns, fmt)

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


def _open_writer(path: Path, columns: dict[str, str], fmt: str):
    return _CsvWriter(path, columns) if fmt == "csv" else _ParquetWriter(path, columns)


def _read_chunks(path: Path, fmt: str) -> Iterator[pd.DataFrame]:
    """A staged table back, in chunks, with the values as written."""
    if fmt == "csv":
        yield from pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=ROWS_PER_FLUSH)
        return
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=ROWS_PER_FLUSH):
        yield batch.to_pandas()


# --- corpus-wide entities ----------------------------------------------------------------


def name_key(name: str) -> str:
    """A name as a comparable key: case, accents, periods and apostrophes dropped,
    other punctuation and spaces as `-` ("Anna K. Berg" -> "anna-k-berg")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[.'’]", "", text)
    return re.sub(r"[\W_]+", "-", text).strip("-")


def _split_aliases(value: object) -> list[str]:
    return [a.strip() for a in _cell(value).split("|") if a.strip()]


def link_entities(
    entities: pd.DataFrame, *, country_aliases: dict[str, str] | None = None
) -> pd.DataFrame:
    """`entities` with `corpus_entity_id`: one id for one real-world entity across articles.

    Reads `name, type, aliases` (and `weight`, a row count, when given). The key is the
    type and the normalised name; GPE names and aliases go through the places lexicon
    (`country_aliases`: lower-cased alias -> country). People with the same first and
    last name are one unless their middle names or initials differ; a surname alone joins
    the one full name in the corpus that ends with it, and stays apart when several do.
    Other types (not GPE) join the one entity of their type that lists them as an alias.
    Deterministic: the ids do not depend on the order of the rows.
    """
    for column in ("name", "type", "aliases"):
        if column not in entities.columns:
            raise ValueError(f"link_entities needs a `{column}` column")
    country_aliases = country_aliases or {}
    weights = entities["weight"] if "weight" in entities.columns else pd.Series(1, entities.index)
    keys: list[tuple[str, str]] = []
    display: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    alias_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, kind, aliases, weight in zip(
        entities["name"], entities["type"], entities["aliases"], weights, strict=True
    ):
        name, kind, alias_list = _cell(name), _cell(kind), _split_aliases(aliases)
        if kind == "GPE":
            country = next(
                (
                    country_aliases[form.lower()]
                    for form in [name, *alias_list]
                    if form.lower() in country_aliases
                ),
                None,
            )
            name = country or name
        key = (kind, name_key(name) or name)
        keys.append(key)
        display[key][name] += int(weight)
        alias_keys[key].update(name_key(a) for a in alias_list)
    parent = _person_clusters(display) | _alias_clusters(display, alias_keys)
    cluster_of = {key: parent.get(key, key) for key in display}
    members: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, root in cluster_of.items():
        members[root].append(key)
    ids = {}
    for root, keys_in in members.items():
        names = Counter()
        for key in keys_in:
            names.update(display[key])
        best = max(names, key=lambda n: (len(n.split()), names[n], len(n), _reverse(n)))
        ids[root] = f"{root[0].lower()}:{name_key(best) or best}"
    out = entities.copy()
    out["corpus_entity_id"] = [ids[cluster_of[key]] for key in keys]
    return out


def _reverse(text: str) -> tuple[int, ...]:
    """A sort key that prefers the alphabetically first text under max()."""
    return tuple(-ord(c) for c in text)


def _person_clusters(
    display: dict[tuple[str, str], Counter[str]],
) -> dict[tuple[str, str], tuple[str, str]]:
    """Key -> the key of its cluster, for people."""
    full: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    singles = []
    for key in sorted(display):
        if key[0] != "PERSON":
            continue
        tokens = key[1].split("-")
        if len(tokens) >= 2:
            full[(tokens[0], tokens[-1])].append(key)
        else:
            singles.append(key)
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    clusters_by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for (_, last), keys in full.items():
        middles = {key: key[1].split("-")[1:-1] for key in keys}
        distinct = {tuple(m) for m in middles.values() if m}
        if len(distinct) <= 1:  # "Anna Berg" and "Anna K. Berg": one person
            root = max(keys, key=lambda k: (len(k[1]), _reverse(k[1])))
            for key in keys:
                parent[key] = root
            clusters_by_surname[last].add(root)
        else:  # "John A. Smith" and "John B. Smith": the bare name stays apart
            for key in keys:
                if middles[key]:
                    clusters_by_surname[last].add(key)
    for key in singles:
        candidates = clusters_by_surname.get(key[1], set())
        if len(candidates) == 1:
            parent[key] = next(iter(candidates))
    return parent


def _alias_clusters(
    display: dict[tuple[str, str], Counter[str]], alias_keys: dict[tuple[str, str], set[str]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Key -> the one entity of its type that lists it as an alias ("Times" -> "New York
    Times"), for types other than PERSON (by name, above) and GPE (by the lexicon: a
    capital listed as a state's alias is still a city when it does not act)."""
    listed_by: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, aliases in alias_keys.items():
        if key[0] in {"PERSON", "GPE"}:
            continue
        for alias in aliases:
            if alias and alias != key[1]:
                listed_by[(key[0], alias)].add(key)
    parent = {}
    for key in display:
        owners = listed_by.get(key, set())
        if len(owners) == 1:
            owner = next(iter(owners))
            if owner not in listed_by or len(listed_by[owner]) != 1:  # no chains
                parent[key] = owner
    return parent


# --- the run -----------------------------------------------------------------------------


@dataclass
class CorpusReport:
    out: Path
    n_articles: int = 0
    n_errors: int = 0
    n_undated: int = 0


def default_out(input_path: Path) -> Path:
    return config.BUILD_DIR / "corpus" / _stem(Path(input_path))


def run_corpus(
    input_path: Path,
    out: Path | None = None,
    *,
    workers: int = 1,
    fmt: str = "csv",
    progress: Callable[[str], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> CorpusReport:
    """Analyse every article of INPUT and write the corpus tables to `out`, whole or not
    at all. Raises InputError for a bad INPUT as a whole."""
    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        _require_pyarrow()
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    warn = warn or (lambda message: print(f"warning: {message}", file=sys.stderr))
    input_path = Path(input_path)
    out = Path(out) if out is not None else default_out(input_path)
    resolved_in, resolved_out = input_path.resolve(), out.resolve()
    if resolved_out == resolved_in or resolved_out in resolved_in.parents:
        raise InputError(f"--out {out} would hold INPUT {input_path}: give another folder")
    check_replaceable(out)
    records = read_records(input_path)  # raises before anything is created
    schema = corpus_schema()  # loads the Resources here, so forked workers have them
    executor = make_executor(workers)  # forks before the sinks open files or threads
    staging = staging_folder(out)
    report = CorpusReport(out=out)
    try:
        sink = TableSink(staging, staged_schema(schema), fmt)
        names: Counter[tuple[str, str, str]] = Counter()
        for result in executor.map(unique_ids(records, warn)):
            _collect(result, sink, names, report)
            if progress and (report.n_articles + report.n_errors) % 25 == 0:
                progress(f"{report.n_articles} articles, {report.n_errors} errors")
        sink.close()
        executor.close()
        _add_corpus_ids(staging, fmt, schema["entities"], names)
        replace_folder(staging, out)
    except BaseException:
        executor.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if report.n_undated:
        warn(
            f"{report.n_undated} articles have no publication date: their relative dates "
            "stay unresolved (see the `warnings` column of `article`)"
        )
    return report


def _require_pyarrow() -> None:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise InputError("--format parquet needs pyarrow: pip install pyarrow") from None


def _collect(result: Result, sink: TableSink, names: Counter, report: CorpusReport) -> None:
    if result.tables is None:
        report.n_errors += 1
        sink.append(
            "errors",
            pd.DataFrame(
                [{"article_id": result.article_id, "error": result.error, "origin": result.origin}]
            ),
        )
        return
    report.n_articles += 1
    report.n_undated += any("publication date is unknown" in w for w in result.warnings)
    for name in TABLES:
        sink.append(name, result.tables[name])
    entities = result.tables["entities"]
    names.update(
        zip(
            entities["name"].map(_cell),
            entities["type"].map(_cell),
            entities["aliases"].map(_cell),
            strict=True,
        )
    )


def _add_corpus_ids(
    staging: Path, fmt: str, columns: dict[str, str], names: Counter[tuple[str, str, str]]
) -> None:
    """Second pass over the staged `entities`: add `corpus_entity_id` from the links of
    the corpus's distinct (name, type, aliases), holding those, not the rows, in memory."""
    distinct = pd.DataFrame(
        [(n, t, a, w) for (n, t, a), w in sorted(names.items())],
        columns=["name", "type", "aliases", "weight"],
    )
    linked = link_entities(distinct, country_aliases=worker_resources().country_aliases)
    ids = dict(
        zip(
            zip(linked["name"], linked["type"], linked["aliases"], strict=True),
            linked["corpus_entity_id"],
            strict=True,
        )
    )
    staged = staging / f"entities.{fmt}"
    partial = staging / f".entities-unlinked.{fmt}"
    os.replace(staged, partial)
    writer = _open_writer(staged, columns, fmt)
    try:
        for chunk in _read_chunks(partial, fmt):
            chunk["corpus_entity_id"] = [
                ids[(_cell(n), _cell(t), _cell(a))]
                for n, t, a in zip(chunk["name"], chunk["type"], chunk["aliases"], strict=True)
            ]
            writer.write(conform(chunk, columns))
    finally:
        writer.close()
    partial.unlink()


def run_corpus_command(input_path: Path, out: Path | None, workers: int, fmt: str) -> Path:
    """The `corpus` command: the run, with a progress line and a summary on stderr."""
    live = sys.stderr.isatty()

    def progress(message: str) -> None:
        if live:
            print(f"\rcorpus: {message}", end="", file=sys.stderr, flush=True)

    def warn(message: str) -> None:
        if live:
            print("\r", end="", file=sys.stderr)
        print(f"warning: {message}", file=sys.stderr)

    report = run_corpus(input_path, out, workers=workers, fmt=fmt, progress=progress, warn=warn)
    if live:
        print("\r", end="", file=sys.stderr)
    print(
        f"corpus: {report.n_articles} articles analysed, {report.n_errors} could not be "
        f"(see errors.{fmt})",
        file=sys.stderr,
    )
    return report.out
