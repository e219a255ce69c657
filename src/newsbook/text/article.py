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
    "article_from_text",
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
    article = article_from_text(
        text, article_id=article_id_for(path), published=date, origin=origin, name=str(path)
    )
    return _with_sidecar(article, meta, encoding)


def article_from_text(
    text: str,
    *,
    article_id: str,
    published: str | dt.date | None = None,
    origin: str = "",
    name: str = "the article's text",
) -> Article:
    """An Article from a text as its content says to read it: a wire record, a web page,
    Markdown or plain text. `published` (from `origin`) wins over the date the record or
    page gives; `name` names the text in an error.

    Raises InputError for a page with no text or a text of several wire records.
    """
    found = detect_format(text)
    if found == "sgml":
        story = read_record(text, name=name, article_id=article_id)
        return wire_article(story, published=published, origin=origin)
    if found == "html":
        # imported here: trafilatura and htmldate take a tenth of a second to import, and
        # a corpus of text records never reads a page
        from newsbook.text.webpage import read_page

        page = read_page(text)
        if not page.text.strip():
            raise InputError(f"{name} is a web page with no text to read: give the article's page")
        check_text(page.text, name=name)
        return make_article(
            page.text,
            article_id=article_id,
            headline=page.headline,
            source=page.site,
            published=published or page.published or None,
            published_origin=origin if published else "page",
            url=page.url,
            author=page.author,
            format="html",
            pieces=page.pieces,
        )
    if found == "markdown":
        story = read_markdown(text)
        return make_article(
            story.text,
            article_id=article_id,
            headline=story.headline,
            published=published or story.published or None,
            published_origin=origin if published else "page",
            author=story.author,
            format="markdown",
        )
    return make_article(text, article_id=article_id, published=published, published_origin=origin)


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
