"""Part II's data: a corpus's tables, computed once and read by every corpus chapter.

`corpus_book(CORPUS, FILTER, FROM, TO, ISSUES)` is what a chapter calls. The corpus
command (`newsbook.corpus.run.run_corpus`) analyses the articles that the FILTER rule
and the date range select, writing Parquet tables into `_build/cache/corpus/<key>/`,
where the key is the fingerprint of the input's bytes, the rule, the dates, the issue
catalogue, the lexicons and the package's source: the six chapters of a book read one
computation, and a second build with nothing changed computes nothing. The tables are
then queried through DuckDB (`newsbook.corpus.debate`), with the SQL shown.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from newsbook import cache, config
from newsbook.book.parameters import check_parameters, resolve_path
from newsbook.corpus.debate import BASE_TABLES
from newsbook.corpus.readers import file_stem
from newsbook.corpus.records import Record
from newsbook.corpus.run import run_corpus
from newsbook.corpus.selection import Selection, read_filter, select_records, with_issues
from newsbook.errors import InputError
from newsbook.lexicons import Resources, read_issue_catalogue

DEFAULT_CORPUS = "data/corpus/reuters-arms-control.csv"


@dataclass(frozen=True)
class CorpusSource:
    """A corpus as the chapters' parameters name it, paths resolved."""

    corpus: Path
    rule: Path | None = None
    date_from: str = ""
    date_to: str = ""
    issues: Path | None = None

    @classmethod
    def from_parameters(
        cls, corpus: str, rule: str = "", date_from: str = "", date_to: str = "", issues: str = ""
    ) -> CorpusSource:
        """Checked parameters in; a bad path, rule, catalogue or range is one InputError."""
        check_parameters(CORPUS=corpus, FILTER=rule, FROM=date_from, TO=date_to, ISSUES=issues)
        if date_from and date_to and date_from > date_to:
            raise InputError(f"FROM {date_from} is after TO {date_to}: no article could be in")
        path = resolve_path(corpus or DEFAULT_CORPUS)
        if not path.exists():
            raise InputError(f"corpus {corpus} does not exist: give a folder or a table")
        source = cls(
            corpus=path.resolve(),
            rule=resolve_path(rule).resolve() if rule else None,
            date_from=date_from,
            date_to=date_to,
            issues=resolve_path(issues).resolve() if issues else None,
        )
        if source.rule is not None:
            read_filter(source.rule)  # a bad rule stops here, in one line
        if source.issues is not None:
            read_issue_catalogue(source.issues)
        return source

    def key(self) -> str:
        """What the corpus tables depend on."""
        return cache.fingerprint(
            "corpus",
            self.corpus,
            self.rule if self.rule else "",
            self.date_from,
            self.date_to,
            self.issues if self.issues else "",
            Resources.load().fingerprint,
            cache.code_fingerprint(),
        )

    @property
    def name(self) -> str:
        return file_stem(self.corpus)

    @property
    def book_name(self) -> str:
        """The folder name of this corpus's book: the corpus, then what selects and
        codes it (`reuters-opec-from-1987-06-01`), so two selections are two books."""
        parts = [self.name]
        if self.rule:
            parts.append(f"filter-{file_stem(self.rule)}")
        parts += [f"from-{self.date_from}"] if self.date_from else []
        parts += [f"to-{self.date_to}"] if self.date_to else []
        if self.issues:
            parts.append(f"issues-{file_stem(self.issues)}")
        return "-".join(parts)

    def label(self, path: Path | None = None) -> str:
        """A path as a page shows it: from the project root when inside it, else its name
        (no absolute path of this machine in a page)."""
        path = path or self.corpus
        try:
            return path.relative_to(config.ROOT).as_posix()
        except ValueError:
            return path.name


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One process at a time computes a corpus (two chapters may ask at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def corpus_folder(source: CorpusSource) -> Path:
    """The folder of the corpus's tables (`tables/*.parquet`, the texts among them,
    `selection.json`), computed on the first call for these inputs."""
    target = config.CACHE_DIR / "corpus" / source.key()
    if (target / "selection.json").exists():
        return target
    with _locked(config.CACHE_DIR / "corpus" / f".{target.name}.lock"):
        if not (target / "selection.json").exists():
            _compute(source, target)
    return target


def _compute(source: CorpusSource, target: Path) -> None:
    staging = target.parent / f".{target.name}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    rule = read_filter(source.rule) if source.rule else None
    selection, warnings = Selection(), []

    def select(records: Iterator[Record]) -> Iterator[Record]:
        chosen = select_records(
            records,
            rule=rule,
            date_from=source.date_from,
            date_to=source.date_to,
            report=selection,
        )
        return with_issues(chosen, source.issues)

    try:
        report = run_corpus(
            source.corpus, staging / "tables", fmt="parquet", warn=warnings.append, select=select
        )
        summary = {
            **asdict(selection),
            "analysed": report.n_articles,
            "failed": report.n_errors,
            "warnings": warnings,
        }
        (staging / "selection.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def corpus_tables(source: CorpusSource) -> dict[str, Path]:
    """Table name -> its Parquet file, for every table a CorpusDB reads."""
    folder = corpus_folder(source)
    return {name: folder / "tables" / f"{name}.parquet" for name in BASE_TABLES}
