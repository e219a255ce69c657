"""Readers: the records of a corpus INPUT, read lazily, in a fixed order: a folder of
article files (each read as its content says: text, a saved page or wire-service SGML
records) or a CSV/JSONL/Parquet table with one article a row. A row's own problem
becomes its record's error; only a bad INPUT as a whole raises."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pandas as pd

from newsbook.corpus.records import Record
from newsbook.errors import InputError
from newsbook.text.article import article_id_for
from newsbook.text.formats import HEAD_CHARS, detect_format
from newsbook.text.sgml import iter_sgml_stories

TABULAR_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
SIDECAR_SUFFIXES = (".yml", ".yaml")  # STEM.yml gives STEM's date, headline, ...
RECORD_FIELDS = ("text", "article_id", "published", "headline", "source", "url")


def parse_columns(spec: str) -> dict[str, str]:
    """`--columns text=body,published=date` as {field: input column}; InputError for an
    unknown field, a field named twice or an item without `=`."""
    mapping: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        field, sep, column = (part.strip() for part in item.partition("="))
        if not sep or not field or not column:
            raise InputError(f"--columns: {item!r} is not FIELD=COLUMN (e.g. text=body)")
        if field not in RECORD_FIELDS:
            raise InputError(
                f"--columns: {field!r} is not a field; the fields are {', '.join(RECORD_FIELDS)}"
            )
        if field in mapping:
            raise InputError(f"--columns: {field!r} is given twice")
        mapping[field] = column
    return mapping


def read_records(input_path: Path, *, columns: dict[str, str] | None = None) -> Iterator[Record]:
    """Records of INPUT in a fixed order, read lazily. `columns` maps a record field to
    the table's own column for it (`{"text": "body"}`); an unmapped field is read from
    the column of its own name. Raises InputError at once (before any record) for a
    missing, unreadable or unknown input or a table without its text column."""
    input_path = Path(input_path)
    columns = dict(columns or {})
    if not input_path.exists():
        raise InputError(f"{input_path} does not exist: give a folder or a CSV/JSONL/Parquet file")
    if columns and (input_path.is_dir() or _tabular_kind(input_path) is None):
        raise InputError(f"--columns is for a table (CSV, JSONL, Parquet); {input_path} is not one")
    if input_path.is_dir():
        files = _folder_files(input_path)
        if not files:
            raise InputError(
                f"{input_path} holds no article files (only hidden files or sidecars): check the folder"
            )
        return _folder_records(input_path, files)
    kind = _tabular_kind(input_path)
    if kind is None and _holds_wire_records(input_path):
        _check_readable(input_path)
        return _sgml_records(input_path, origin=input_path.name)
    if kind is None:
        raise InputError(
            f"{input_path} is not a corpus input: give a folder, or a .csv, .jsonl or .parquet "
            "file with one article a row (use `analyze` for one article)"
        )
    _check_readable(input_path)
    if kind == "csv":
        return _csv_records(input_path, columns)
    if kind == "jsonl":
        return _jsonl_records(input_path, columns)
    return _parquet_records(input_path, columns)


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
    """Every file under `folder` but hidden ones and sidecars, sorted by relative path:
    the content of each decides how it is read (a page, wire records, text), so a saved
    page named `.html` or a story with no suffix is read too, and a file that holds no
    text becomes an error row rather than being passed over."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in SIDECAR_SUFFIXES:
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _folder_records(folder: Path, files: list[Path]) -> Iterator[Record]:
    for path in files:
        origin = path.relative_to(folder).as_posix()
        if _holds_wire_records(path):
            yield from _sgml_records(path, origin=origin)
        else:
            yield Record(article_id=article_id_for(path), origin=origin, path=str(path))


def _holds_wire_records(path: Path) -> bool:
    """Whether a file opens as wire-service SGML, whatever its name (its records are
    articles of their own; any other file is one article)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_CHARS)
    except OSError:
        return False  # the worker's read reports it as the record's error
    return detect_format(head.decode("latin-1")) == "sgml"


def _sgml_records(path: Path, *, origin: str) -> Iterator[Record]:
    for story in iter_sgml_stories(path, origin=origin):
        yield Record(
            story.article_id,
            story.origin,
            text=story.text,
            headline=story.headline,
            source=story.source,
            published=story.published,
            author=story.author,
            format="sgml",
        )


def _row_record(row: dict, *, number: int, stem: str, origin: str) -> Record:
    """A record from one table row; a row's own problem becomes the record's error."""
    given = cell_text(row.get("article_id"))
    article_id = given or f"{stem}-{number}"
    text = row.get("text")
    if not isinstance(text, str):
        text = "" if cell_text(text) == "" else None
    if text is None:
        return Record(article_id, origin, error="the `text` value is not a string")
    try:
        published = _datecell_text(row.get("published"))
    except InputError as error:
        return Record(article_id, origin, error=str(error))
    return Record(
        article_id=article_id,
        origin=origin,
        text=text,
        headline=cell_text(row.get("headline")),
        source=cell_text(row.get("source")),
        published=published,
        url=cell_text(row.get("url")),
    )


def cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _datecell_text(value: object) -> str | None:
    """A table's `published` as YYYY-MM-DD: a date, a timestamp, or an ISO date-time
    (the time is dropped); anything else is left for make_article to reject."""
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = cell_text(value)
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


def file_stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name.removesuffix(suffix)
    return article_id_for(Path(name or "row"))


class ColumnMap:
    """A table's columns as record fields: each field read from its mapped column, or
    from the column of its own name when it is not mapped."""

    def __init__(self, names: Iterable[str], mapping: dict[str, str], path: Path) -> None:
        names = set(names)
        for field, column in mapping.items():
            if column not in names:
                raise InputError(
                    f"{path} has no `{column}` column (--columns {field}={column}); "
                    f"its columns: {', '.join(sorted(names))}"
                )
        self.source = {
            field: mapping.get(field, field)
            for field in RECORD_FIELDS
            if mapping.get(field, field) in names
        }
        if "text" not in self.source:
            raise InputError(
                f"{path} has no `text` column: one article a row needs `text` "
                "(optional: article_id, published, headline, source, url; "
                "--columns text=COLUMN names another)"
            )

    @property
    def columns(self) -> list[str]:
        """The input's columns to read, without repeats."""
        return list(dict.fromkeys(self.source.values()))

    def row(self, raw: dict) -> dict:
        return {field: raw.get(column) for field, column in self.source.items()}


def _csv_records(path: Path, mapping: dict[str, str]) -> Iterator[Record]:
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
    return _csv_rows(path, first, chunks, ColumnMap(first.columns, mapping, path))


def _csv_rows(
    path: Path, first: pd.DataFrame, chunks: Iterator[pd.DataFrame], columns: ColumnMap
) -> Iterator[Record]:
    stem, number = file_stem(path), 0
    for chunk in _chain_first(first, chunks, path):
        for row in chunk.to_dict("records"):
            number += 1
            yield _row_record(columns.row(row), number=number, stem=stem, origin=f"row {number}")


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


def _jsonl_records(path: Path, mapping: dict[str, str]) -> Iterator[Record]:
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
    ColumnMap(row.keys(), mapping, path)  # the first line must have the text (mapped) key
    return _jsonl_rows(path, first, lines, mapping)


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with _open_text(path) as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
    except (UnicodeDecodeError, OSError, EOFError) as error:
        raise InputError(f"{path} is not readable UTF-8 JSON lines ({error})") from None


def _jsonl_rows(
    path: Path, first: tuple[int, str], lines: Iterator[tuple[int, str]], mapping: dict[str, str]
) -> Iterator[Record]:
    stem = file_stem(path)

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
        # each line may have its own keys: a line without the text's key has no text
        row = {field: row.get(mapping.get(field, field)) for field in RECORD_FIELDS}
        yield _row_record(row, number=count, stem=stem, origin=origin)


def _parquet_records(path: Path, mapping: dict[str, str]) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install pyarrow") from None
    try:
        names = pq.read_schema(path).names
    except Exception as error:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise InputError(f"{path} is not a readable Parquet file ({error})") from None
    return _parquet_rows(path, ColumnMap(names, mapping, path))


def _parquet_rows(path: Path, columns: ColumnMap) -> Iterator[Record]:
    """Opened only when iterated, so a worker pool forks before pyarrow starts threads."""
    import pyarrow.parquet as pq

    stem, number = file_stem(path), 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1000, columns=columns.columns):
        for row in batch.to_pylist():
            number += 1
            yield _row_record(columns.row(row), number=number, stem=stem, origin=f"row {number}")


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
