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

import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsbook import config
from newsbook.corpus.engines import make_executor
from newsbook.corpus.linking import link_entities
from newsbook.corpus.readers import cell_text, file_stem, read_records, unique_ids
from newsbook.corpus.records import Record, Result, worker_resources
from newsbook.corpus.sinks import TableSink, open_writer, read_chunks
from newsbook.errors import InputError
from newsbook.output import check_replaceable, replace_folder, staging_folder
from newsbook.schema import ARTICLE_TABLES, CORPUS_TABLES, TABLES, conform, corpus_columns

FORMATS = ("csv", "parquet")


@dataclass
class CorpusReport:
    out: Path
    n_articles: int = 0
    n_errors: int = 0
    n_undated: int = 0


def default_out(input_path: Path) -> Path:
    return config.BUILD_DIR / "corpus" / file_stem(Path(input_path))


def run_corpus(
    input_path: Path,
    out: Path | None = None,
    *,
    workers: int = 1,
    fmt: str = "csv",
    progress: Callable[[str], None] | None = None,
    warn: Callable[[str], None] | None = None,
    select: Callable[[Iterator[Record]], Iterator[Record]] | None = None,
) -> CorpusReport:
    """Analyse every article of INPUT and write the corpus tables to `out`, whole or not
    at all. Raises InputError for a bad INPUT as a whole. `select` maps the stream of
    records (ids made unique) to those to analyse (see corpus.selection)."""
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
    worker_resources()  # loaded here, once, so forked workers inherit them
    executor = make_executor(workers)  # forks before the sinks open files or threads
    staging = staging_folder(out)
    report = CorpusReport(out=out)
    try:
        staged = {name: TABLES[name].columns for name in CORPUS_TABLES}
        sink = TableSink(staging, staged, fmt)
        names: Counter[tuple[str, str, str]] = Counter()
        stream = unique_ids(records, warn)
        for result in executor.map(select(stream) if select else stream):
            _collect(result, sink, names, report)
            if progress and (report.n_articles + report.n_errors) % 25 == 0:
                progress(f"{report.n_articles} articles, {report.n_errors} errors")
        sink.close()
        executor.close()
        _add_corpus_ids(staging, fmt, corpus_columns("entities"), names)
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
    for name in ARTICLE_TABLES:
        sink.append(name, result.tables[name])
    entities = result.tables["entities"]
    names.update(
        zip(
            entities["name"].map(cell_text),
            entities["type"].map(cell_text),
            entities["aliases"].map(cell_text),
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
    writer = open_writer(staged, columns, fmt)
    try:
        for chunk in read_chunks(partial, fmt):
            chunk["corpus_entity_id"] = [
                ids[(cell_text(n), cell_text(t), cell_text(a))]
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
