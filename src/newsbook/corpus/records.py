"""The unit of corpus input: a `Record` (one article to read, plain data that pickles
to a worker process or a Dask task), and the Article it becomes."""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from newsbook.errors import InputError
from newsbook.lexicons import Resources, read_issue_catalogue
from newsbook.text.article import (
    Article,
    article_from_text,
    check_text,
    make_article,
    read_article,
)


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
    author: str = ""  # a wire record's <AUTHOR>, as `analyze` reads it
    format: str = "text"  # what held the text: "sgml" for a wire record

    def size(self) -> int:
        """About how much there is to analyse (characters, or a file's bytes), for cutting
        the input into partitions of similar work."""
        if self.text is not None:
            return len(self.text)
        if self.path is not None:
            try:
                return os.stat(self.path).st_size
            except OSError:
                return 0
        return 0


@functools.cache
def worker_resources(issues: str | None = None) -> Resources:
    """This process's Resources, loaded once (forked workers inherit the parent's; a
    Dask worker loads them for its first task); with `issues`, an issue catalogue added
    to the project's (loaded once per catalogue)."""
    if issues:
        return Resources.load().with_issues(read_issue_catalogue(Path(issues)))
    return Resources.load()


def record_article(record: Record) -> Article:
    """The record as an Article: its file read (with the sidecar), or its text checked.
    Raises InputError for a record that is not an article."""
    if record.error:
        raise InputError(record.error)
    if record.path is not None:
        article = read_article(record.path, published=record.published)
        return dataclasses.replace(article, article_id=record.article_id)
    text = record.text or ""
    if not text.strip():
        raise InputError("the article's text is empty")
    check_text(text, name="the article's text")
    if record.format != "text":  # a wire record's story, already read from its markup
        return make_article(
            text,
            article_id=record.article_id,
            headline=record.headline,
            source=record.source,
            published=record.published,
            published_origin="record",
            url=record.url,
            author=record.author,
            format=record.format,
        )
    # a table's text is read as its content says (a scraped page, Markdown), as a file is
    article = article_from_text(
        text, article_id=record.article_id, published=record.published, origin="record"
    )
    return dataclasses.replace(
        article,
        headline=record.headline or article.headline,
        source=record.source or article.source,
        url=record.url or article.url,
        author=record.author or article.author,
    )


def error_message(record: Record, error: BaseException) -> str:
    """The `errors` table's line for a record that could not be analysed: an InputError
    as it says, naming a file as INPUT names it (not as this machine does); anything
    else as an internal error."""
    if not isinstance(error, InputError):
        return f"internal error: {type(error).__name__}: {error}"
    message = str(error)
    if record.path is not None and record.path.endswith(record.origin):
        message = message.replace(record.path.removesuffix(record.origin), "")
    return message
