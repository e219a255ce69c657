"""Many articles in, the contract's tables out: `python -m newsbook corpus INPUT`.

The run streams. Records are read lazily from INPUT (a folder of `.txt` articles with
optional `.yml` sidecars and wire-service `.sgm` files, or a CSV/JSONL/Parquet table
with one article a row, its columns renamed by `--columns`) and cut into partitions of
consecutive records. An engine (this process, a pool of processes, a Dask cluster) runs
`analyze_partition` on each: the partition's articles are parsed in batches and its
tables written as Parquet parts into `.OUT.unfinished/parts/`, beside `--out`. When
every partition is done, `entities` are linked across the corpus (`corpus_entity_id`)
and the parts merged, in input order, into one CSV or Parquet file per table in a
staging folder, which replaces `--out` in one rename. A run that stops (Ctrl-C, a dead
worker, a full disk) leaves `--out` as it was and keeps its finished partitions: the
same command again skips them and ends with the same bytes as a run never stopped.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsbook import cache, config
from newsbook.corpus.engines import ENGINES, WorkerLost, make_engine
from newsbook.corpus.linking import link_entities
from newsbook.corpus.partitions import PartSummary, cut, part_folder, read_summary
from newsbook.corpus.progress import Progress
from newsbook.corpus.readers import cell_text, file_stem, parse_columns, read_records, unique_ids
from newsbook.corpus.records import Record, worker_resources
from newsbook.corpus.sinks import merge_parts
from newsbook.errors import InputError
from newsbook.output import MARKER, check_replaceable, replace_folder, staging_folder
from newsbook.schema import corpus_columns
from newsbook.text.nlp import MODEL

FORMATS = ("csv", "parquet")
# Partition size: about PARTITIONS of them (dozens per worker on a few cores, so the work
# balances, progress shows and a stopped run loses little), each large enough that a
# task's overhead is nothing next to its analysis (~1 s of work per 30 KB of news text),
# and at most a few MB. The size depends on the input alone, so a stopped run resumes
# with any number of workers or either engine.
PARTITIONS = 64
PARTITION_MIN_BYTES = 32_000
PARTITION_MAX_BYTES = 4_000_000
ENTITY_KEY = ("name", "type", "aliases")


@dataclass
class CorpusReport:
    out: Path
    n_articles: int = 0
    n_errors: int = 0
    n_undated: int = 0
    n_partitions: int = 0
    n_resumed: int = 0  # partitions an earlier, stopped run had finished


def default_out(input_path: Path) -> Path:
    return config.BUILD_DIR / "corpus" / file_stem(Path(input_path))


def partition_bytes(total_bytes: int) -> int:
    """The partition size for an input of `total_bytes` of text."""
    return int(min(PARTITION_MAX_BYTES, max(PARTITION_MIN_BYTES, total_bytes / PARTITIONS)))


def run_corpus(
    input_path: Path,
    out: Path | None = None,
    *,
    workers: int = 1,
    fmt: str = "csv",
    engine: str = "local",
    scheduler: str | None = None,
    columns: dict[str, str] | None = None,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
    select: Callable[[Iterator[Record]], Iterator[Record]] | None = None,
    partition_size: int | None = None,
) -> CorpusReport:
    """Analyse every article of INPUT and write the corpus tables to `out`, whole or not
    at all; resume an earlier run of the same command that stopped. `progress` shows it
    on stderr; `select` maps the stream of records (ids made unique) to those to analyse
    (see corpus.selection; the progress total counts the records before it; a resumed
    run cannot tell one `select` from another, so each selection needs its own `out`,
    as the corpus book's staging folders are); `partition_size` (bytes of text) overrides the automatic one. Raises InputError for
    a bad INPUT or option, and when the run stops on a dead worker or a full disk (its
    finished part kept)."""
    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if engine not in ENGINES:
        raise InputError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    warn = warn or (lambda message: print(f"warning: {message}", file=sys.stderr))
    input_path = Path(input_path)
    out = Path(out) if out is not None else default_out(input_path)
    resolved_in, resolved_out = input_path.resolve(), out.resolve()
    if resolved_out == resolved_in or resolved_out in resolved_in.parents:
        raise InputError(f"--out {out} would hold INPUT {input_path}: give another folder")
    check_replaceable(out)
    survey = read_records(input_path, columns=columns)  # a bad INPUT raises here, first
    # the engine before the survey: a pool forks before this process reads the input
    # (with pyarrow's threads, for Parquet)
    runner = make_engine(engine, workers, scheduler)
    report = CorpusReport(out=out)
    bar = None
    try:
        n_records, n_bytes = _survey(survey)
        size = partition_size or partition_bytes(n_bytes)
        state = RunState(out, _run_key(input_path, columns, size))
        finished = state.open(warn)
        if progress:
            resumed = sum(s.n_records for s in finished.values())
            bar = Progress(n_records, resumed=resumed)
            warn = _through(bar, warn)
        records = unique_ids(read_records(input_path, columns=columns), warn)
        if select is not None:
            records = select(records)
        summaries: dict[int, PartSummary] = dict(finished)
        todo = (p for p in cut(records, max_bytes=size) if p.index not in finished)
        for summary in runner.run(todo, state.parts, bar or (lambda n: None)):
            summaries[summary.index] = summary
        runner.close()
        if bar is not None:
            bar.close()
        report.n_resumed = len(finished)
        _merge(state, summaries, out, fmt, report)
        state.remove()
    except KeyboardInterrupt:
        runner.close()
        raise KeyboardInterrupt(
            f"interrupted: {out} is unchanged; the finished part is kept, and the same "
            "command resumes from it"
        ) from None
    except OSError as error:
        runner.close()
        raise InputError(
            f"stopped: {error.strerror or error} ({error.filename or out}); {out} is unchanged "
            "and the finished part is kept: the same command resumes from it"
        ) from None
    except WorkerLost as error:
        runner.close()
        raise WorkerLost(
            f"{error}: {out} is unchanged and the finished part is kept; the same command "
            "resumes from it"
        ) from None
    except BaseException:
        runner.close()
        raise
    if report.n_undated:
        warn(
            f"{report.n_undated} articles have no publication date: their relative dates "
            "stay unresolved (see the `warnings` column of `article`)"
        )
    return report


def _survey(records: Iterable[Record]) -> tuple[int, int]:
    """How many records INPUT holds and about how many bytes of text: a first, cheap
    pass, for the progress bar's total and the partition size."""
    n = size = 0
    for record in records:
        n += 1
        size += record.size()
    return n, size


def _through(bar: Progress, warn: Callable[[str], None]) -> Callable[[str], None]:
    def note(message: str) -> None:
        if bar.live:
            bar.note(f"warning: {message}")
        else:
            warn(message)

    return note


def _merge(
    state: RunState, summaries: dict[int, PartSummary], out: Path, fmt: str, report: CorpusReport
) -> None:
    """The parts, linked and merged into a staging folder that then replaces `out`."""
    indices = sorted(summaries)
    if indices != list(range(len(indices))):
        raise RuntimeError(
            f"partitions missing from the run: {sorted(set(range(max(indices) + 1)) - set(indices))}"
        )
    for summary in summaries.values():
        report.n_articles += summary.n_articles
        report.n_errors += summary.n_errors
        report.n_undated += summary.n_undated
    report.n_partitions = len(indices)
    folders = [part_folder(state.parts, i) for i in indices]
    staging = staging_folder(out)
    try:
        merge_parts(folders, staging, fmt, link=_linker(folders))
        replace_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _linker(folders: list[Path]) -> Callable[[pa.Table], pa.Table]:
    """`corpus_entity_id` for a part's `entities`, from the links of the corpus's distinct
    (name, type, aliases), holding those, not the rows, in memory."""
    names: Counter[tuple[str, str, str]] = Counter()
    for folder in folders:
        table = pq.read_table(folder / "entities.parquet", columns=list(ENTITY_KEY))
        names.update(_keys(table))
    distinct = pd.DataFrame(
        [(n, t, a, w) for (n, t, a), w in sorted(names.items())],
        columns=[*ENTITY_KEY, "weight"],
    )
    linked = link_entities(distinct, country_aliases=worker_resources().country_aliases)
    ids = dict(
        zip(
            zip(*(linked[c] for c in ENTITY_KEY), strict=True),
            linked["corpus_entity_id"],
            strict=True,
        )
    )
    at = list(corpus_columns("entities")).index("corpus_entity_id")

    def link(table: pa.Table) -> pa.Table:
        column = pa.array([ids[key] for key in _keys(table)], type=pa.string())
        return table.add_column(at, "corpus_entity_id", column)

    return link


def _keys(table: pa.Table) -> Iterable[tuple[str, str, str]]:
    return zip(*(map(cell_text, table.column(c).to_pylist()) for c in ENTITY_KEY), strict=True)


class RunState:
    """An unfinished run beside `out`: `.NAME.unfinished/` with `run.json` (what the run
    is: INPUT's bytes, the options that shape the parts, the code and data) and `parts/`.
    A folder for another run (other input, code or options) is discarded."""

    def __init__(self, out: Path, key: str) -> None:
        self.folder = out.parent / f".{out.name}.unfinished"
        self.parts = self.folder / "parts"
        self.key = key

    def open(self, warn: Callable[[str], None]) -> dict[int, PartSummary]:
        """The partitions an earlier run of the same command finished, by index."""
        if self.folder.exists():
            if not (self.folder / MARKER).exists():
                raise InputError(
                    f"{self.folder} is in the way and newsbook did not write it: move it"
                )
            if self._recorded_key() != self.key:
                warn(f"an unfinished run in {self.folder} was for other input or code: discarded")
                shutil.rmtree(self.folder)
        try:
            self.parts.mkdir(parents=True, exist_ok=True)
            (self.folder / MARKER).write_text("written by newsbook; removed when its run ends\n")
            (self.folder / "run.json").write_text(json.dumps({"key": self.key}), encoding="utf-8")
        except OSError as error:
            raise InputError(
                f"{self.folder} cannot be written ({error.strerror or error})"
            ) from None
        finished = {}
        for folder in sorted(self.parts.iterdir()):
            if folder.name.startswith("."):  # a partition stopped mid-way
                shutil.rmtree(folder, ignore_errors=True)
            elif (summary := read_summary(folder)) is not None:
                finished[summary.index] = summary
        return finished

    def _recorded_key(self) -> str | None:
        try:
            return json.loads((self.folder / "run.json").read_text(encoding="utf-8"))["key"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _run_key(input_path: Path, columns: dict[str, str] | None, size: int) -> str:
    """What a run's parts depend on: INPUT's bytes (every file of a folder), the column
    mapping, the partition size, the package's code, its data files and the model."""
    return cache.fingerprint(
        _input_digest(input_path),
        sorted((columns or {}).items()),
        size,
        cache.code_fingerprint(),
        config.LEXICON_DIR,
        config.ISSUES_FILE,
        config.ANNOTATION_DIR,
        MODEL,
    )


def _input_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, or of a folder's relative paths and file bytes, read in
    blocks (a corpus can be larger than memory)."""
    digest = hashlib.sha256()
    if path.is_file():
        files = [(path, "")]
    else:
        found = sorted(p for p in path.rglob("*") if p.is_file())
        files = [(file, file.relative_to(path).as_posix()) for file in found]
    for file, name in files:
        digest.update(name.encode("utf-8") + b"\x00")
        with open(file, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def run_corpus_command(
    input_path: Path,
    out: Path | None,
    workers: int,
    fmt: str,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    columns: str | None = None,
) -> Path:
    """The `corpus` command: the run, with progress and a summary on stderr."""
    report = run_corpus(
        input_path,
        out,
        workers=workers,
        fmt=fmt,
        engine=engine,
        scheduler=scheduler,
        columns=parse_columns(columns) if columns else None,
        progress=True,
    )
    if report.n_resumed:
        print(
            f"corpus: resumed: {report.n_resumed} of {report.n_partitions} partitions were "
            "finished by an earlier run",
            file=sys.stderr,
        )
    print(
        f"corpus: {report.n_articles} articles analysed, {report.n_errors} could not be "
        f"(see errors.{fmt})",
        file=sys.stderr,
    )
    return report.out
