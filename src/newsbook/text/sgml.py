"""Wire-service SGML (Reuters-21578): one `<REUTERS>` record is one story.

A story's text is its `TITLE`, a blank line and its `BODY`; for `analyze` (one record,
`read_record`) the `DATELINE` opens the body as a reader sees it ("WASHINGTON, March 18 -
The Norland Harbour Board ..."). `published` comes from `<DATE>`, the author from
`<AUTHOR>`. Plain data out, so the corpus readers and the
one-article reader (`read_record`) share it.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsbook.errors import InputError
from newsbook.text.calendar_names import MONTH_NUMBERS
from newsbook.text.document import Article, article_id_for, make_article


@dataclass(frozen=True)
class WireStory:
    """One record's story: `origin` says where it was read ("reut2-000.sgm #7")."""

    article_id: str
    origin: str
    text: str
    headline: str
    source: str
    published: str | None  # YYYY-MM-DD as the record gives it (checked by make_article)
    author: str = ""  # from <AUTHOR>, without "By"


SGML_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL | re.IGNORECASE)


SGML_ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


SGML_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})")


def _sgml_element(body: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", body, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else ""


def _sgml_text(raw: str) -> str:
    """Element content as text: entities resolved, control characters (the wire's end
    mark `&#3;`) dropped."""
    text = html.unescape(raw)
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32)


BYLINE_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def sgml_story(
    attributes: str, body: str, *, origin: str, with_dateline: bool = False
) -> WireStory:
    """One `<REUTERS>` record: text is `TITLE`, a blank line and `BODY` (with
    `with_dateline`, `DATELINE` and `BODY`: what `analyze` reads; the corpus keeps the
    layout of the project's Reuters texts); `published` from `<DATE>`, `author` from
    `<AUTHOR>`."""
    attrs = {k.upper(): v for k, v in SGML_ATTRIBUTE.findall(attributes)}
    newid = attrs.get("NEWID", "")
    article_id = f"reuters-{newid}" if newid else article_id_for(Path(origin.replace("#", "")))
    title = " ".join(_sgml_text(_sgml_element(body, "TITLE")).split())
    text_body = _sgml_text(_sgml_element(body, "BODY")).strip("\n")
    if not text_body.strip():  # a BRIEF or UNPROC story: the TEXT element is all there is
        text_element = _sgml_element(body, "TEXT")
        text_body = _sgml_text(re.sub(r"<[^>]+>", "", text_element)).strip("\n")
        title = "" if title and text_body.strip().startswith(title) else title
    dateline = " ".join(_sgml_text(_sgml_element(body, "DATELINE")).split())
    if with_dateline and dateline and text_body.strip():
        text_body = f"{dateline} {text_body.lstrip()}"
    text = f"{title}\n\n{text_body}" if title else text_body
    author = BYLINE_BY.sub("", " ".join(_sgml_text(_sgml_element(body, "AUTHOR")).split()))
    date = SGML_DATE.search(_sgml_element(body, "DATE"))
    published = None
    if date and date.group(2).lower() in MONTH_NUMBERS:
        day, month, year = (
            int(date.group(1)),
            MONTH_NUMBERS[date.group(2).lower()],
            int(date.group(3)),
        )
        published = f"{year:04d}-{month:02d}-{day:02d}"  # an impossible date: an errors row
    source = "Reuters" + (f" (Reuters-21578, newid {newid})" if newid else "")
    return WireStory(article_id, origin, text, title, source, published, author)


def read_record(text: str, *, name: str, article_id: str) -> WireStory:
    """The one `<REUTERS>` record of a file given to `analyze`; a file of several is an
    InputError telling the user to read it with `corpus`."""
    records = SGML_RECORD.findall(text)
    if not records:
        raise InputError(
            f"{name} opens like a wire-service SGML record but holds no whole "
            "<REUTERS> ... </REUTERS> record: check the file"
        )
    if len(records) > 1:
        raise InputError(
            f"{name} holds {len(records)} wire records; `analyze` reads one article: "
            f"use `newsbook corpus {name}` for a file of many"
        )
    story = sgml_story(*records[0], origin=name, with_dateline=True)
    return dataclasses.replace(story, article_id=article_id)


def wire_article(story: WireStory, *, published: str | None = None, origin: str = "") -> Article:
    """An Article from a wire record: `published` (a date given by the user, with its
    `origin`) wins over the record's `<DATE>`."""
    return make_article(
        story.text,
        article_id=story.article_id,
        headline=story.headline,
        source=story.source,
        published=published or story.published,
        published_origin=origin if published else "record",
        author=story.author,
        format="sgml",
    )


def iter_sgml_stories(path: Path, *, origin: str) -> Iterator[WireStory]:
    """The stories of a wire-service SGML file, read a record at a time."""
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
                    yield sgml_story(match.group(1), match.group(2), origin=f"{origin} #{count}")


def _decode_sgml_line(line: bytes) -> str:
    """Reuters-21578 is ASCII with a few stray bytes; those are read as cp1252/latin-1."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")
