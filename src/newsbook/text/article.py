"""Reading an article file, whatever it holds: the content decides, not the name.

Plain text is read as it is (the file as decoded is the text); a web page is read for
its story and metadata (`webpage`); Markdown for its words, its markup blanked
(`markdown`); one wire-service SGML record is one article (`sgml`;
a file of several belongs to `corpus`). A sidecar `STEM.yml` and `--published` add to
or win over what the file says about itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from newsbook.errors import InputError
from newsbook.text.document import (
    UNKNOWN_DATE,
    Article,
    Piece,
    article_id_for,
    check_text,
    decode,
    make_article,
    parse_date,
    read_sidecar,
    read_text_file,
)
from newsbook.text.formats import detect_format
from newsbook.text.markdown import read_markdown
from newsbook.text.sgml import read_record, wire_article

__all__ = [
    "UNKNOWN_DATE",
    "Article",
    "Piece",
    "article_id_for",
    "check_text",
    "decode",
    "make_article",
    "parse_date",
    "read_article",
    "read_sidecar",
]


def read_article(path: str | Path, *, published: str | dt.date | None = None) -> Article:
    """Read one article file and its sidecar. `published` wins over the sidecar's date,
    which wins over the date the page or record gives.

    Raises InputError for a missing, empty, binary or undecodable file, a bad date, a
    page with no text or a file of several wire records.
    """
    path = Path(path)
    text, encoding = read_text_file(path)
    meta = read_sidecar(path)
    given = published not in (None, "")
    date, origin = (published, "option") if given else (meta.get("published"), "sidecar")
    article_id = article_id_for(path)
    found = detect_format(text)
    if found == "sgml":
        story = read_record(text, name=str(path), article_id=article_id)
        article = wire_article(story, published=date, origin=origin)
    elif found == "html":
        # imported here: trafilatura and htmldate take a tenth of a second to import, and
        # a corpus of text records never reads a page
        from newsbook.text.webpage import read_page

        page = read_page(text)
        if not page.text.strip():
            raise InputError(f"{path} is a web page with no text to read: give the article's page")
        check_text(page.text, name=str(path))
        article = make_article(
            page.text,
            article_id=article_id,
            headline=page.headline,
            source=page.site,
            published=date or page.published or None,
            published_origin=origin if date else "page",
            url=page.url,
            author=page.author,
            format="html",
            pieces=page.pieces,
        )
    elif found == "markdown":
        page = read_markdown(text)
        article = make_article(
            page.text,
            article_id=article_id,
            headline=page.headline,
            published=date or page.published or None,
            published_origin=origin if date else "page",
            author=page.author,
            format="markdown",
        )
    else:
        article = make_article(
            text,
            article_id=article_id,
            published=date,
            published_origin=origin,
        )
    return _with_sidecar(article, meta, encoding)


def _with_sidecar(article: Article, meta: dict, encoding: str) -> Article:
    """The sidecar's headline, source, url and author win over the file's own."""
    return replace(
        article,
        headline=str(meta.get("headline") or article.headline),
        source=str(meta.get("source") or article.source),
        url=str(meta.get("url") or article.url),
        author=str(meta.get("author") or article.author),
        encoding=encoding,
    )
