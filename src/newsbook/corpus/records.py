"""The unit of corpus work: a `Record` (one article to read, plain data that pickles to
a worker) in, a `Result` (its tables in the corpus's fixed schema, or why there are
none) out."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsbook.errors import InputError
from newsbook.lexicons import Resources, read_issue_catalogue
from newsbook.pipeline import analyze
from newsbook.schema import ARTICLE_TABLES, TABLES, conform
from newsbook.text.article import check_text, make_article, read_article


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
    issues: str | None = None  # an issue catalogue (.yml) added to the project's


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
def worker_resources(issues: str | None = None) -> Resources:
    """This process's Resources, loaded once (a pool's initializer calls it); with
    `issues`, an issue catalogue added to the project's (loaded once per catalogue)."""
    if issues:
        return Resources.load().with_issues(read_issue_catalogue(Path(issues)))
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
                published_origin="record",
                url=record.url,
            )
        if record.issues:
            resources = worker_resources(record.issues)
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
    return Result(
        article.article_id,
        record.origin,
        {name: conform(tables[name], TABLES[name].columns) for name in ARTICLE_TABLES},
        warnings=article.warnings,
    )
