"""An article and what every reader of one shares: decoding bytes, checking they are
text, the sidecar's metadata, dates.

For plain text the article's `text` is the file exactly as decoded; nothing is cut out
of it. Page furniture (site banners, archive stamps, wire sign-offs) is found and
skipped, so every offset in every table points into the original text. For a web page
or a wire record the text is the story the reader extracted from the markup
(`newsbook.text.article.read_article` decides which, from the content).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from newsbook.errors import InputError

LEGACY_ENCODINGS = ("cp1252", "iso-8859-15", "cp1251", "koi8-r")
MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Article:
    """One article: its exact text and what is known about it."""

    article_id: str
    text: str
    headline: str = ""
    source: str = ""
    published: dt.date | None = None
    url: str = ""
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default_factory=tuple)
    author: str = ""
    format: str = "text"  # what the content is, whatever the file name: text | html | sgml
    dateline: str = ""  # the place a wire story's dateline gives
    published_origin: str = ""  # where `published` came from: option, sidecar, page, ...
    language: str = ""  # what the text is written in (a code of data/lexicons/languages.yml)
    # what the file held beside the story (a page's menus, a record's codes), each piece
    # with whether the reader kept it: chapter 1 shows them
    pieces: tuple[Piece, ...] = ()

    def with_published(self, date: dt.date, origin: str) -> Article:
        """The article with a publication date found in its own layout (a timestamp
        line): the unknown-date warning goes."""
        kept = tuple(w for w in self.warnings if w != UNKNOWN_DATE)
        return replace(self, published=date, published_origin=origin, warnings=kept)


@dataclass(frozen=True)
class Piece:
    """A piece of the file's content as a reader met it: the element it stood in
    (`p`, `td`, `title`, `TOPICS`...), its text, and whether it is in the story."""

    element: str
    text: str
    kept: bool


# Files users save articles as that newsbook does not read: named in the error, so the
# user knows what to convert (checked before the text test: a small PDF may hold no NUL).
BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx, an OpenDocument or EPUB file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc)"),
    (b"{\\rtf", "a Rich Text (RTF) document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)

UNKNOWN_DATE = (
    "The publication date is unknown: relative dates such as 'Monday' or "
    "'last year' stay unresolved. Give it with --published YYYY-MM-DD or a sidecar."
)


def article_id_for(path: Path) -> str:
    """A file-system and URL safe id from the file's stem."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._").lower()
    return slug or "article"


def parse_date(value: object, *, what: str) -> dt.date | None:
    """A date from YAML or the command line; a clear error when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            f"{what} {str(value)!r} is not a date: give it as YYYY-MM-DD, e.g. 2010-03-02"
        ) from None


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_day(value: object) -> str:
    """A date a page or a file's metadata gives (a date, a date-time, or text holding an
    ISO date) as YYYY-MM-DD, or "" where it holds no real date ("2019-02-30")."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = ISO_DATE.search(str(value or ""))
    if not match:
        return ""
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return ""


def names_of(value: object) -> str:
    """A person or organisation as metadata gives it (a name, a mapping with a `name`, or
    a list of them) as names joined by ` | `."""
    if isinstance(value, list):
        return " | ".join(n for n in (names_of(v) for v in value) if n)
    if isinstance(value, dict):
        return " ".join(str(value.get("name") or "").split())
    return " ".join(str(value or "").split())


def decode(data: bytes, *, name: str) -> tuple[str, str]:
    """Text and encoding of a file's bytes: UTF-8 (with or without BOM), UTF-16, or a
    legacy single-byte encoding that yields plausible text."""
    if not data:
        raise InputError(f"{name} is empty: give a file with the article's text")
    if not data.strip():
        raise InputError(f"{name} holds only white space: give a file with the article's text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(f"{name} has a UTF-16 mark but is not valid UTF-16") from None
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(
                f"{name} is {kind}, not text: save the article's text (or its web page) and give that"
            )
    if b"\x00" in data:
        raise InputError(f"{name} looks like a binary file (it holds NUL bytes): give plain text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    raise InputError(
        f"{name} cannot be decoded as UTF-8 or a common legacy encoding: re-save it as UTF-8"
    )


def _plausible(text: str) -> bool:
    """Legacy decoders accept almost any bytes; real prose is mostly letters and spaces."""
    controls = sum(
        1 for c in text if (ord(c) < 32 and c not in "\r\n\t\f") or 0x7F <= ord(c) < 0xA0
    )
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    return controls == 0 and letters >= 0.7 * len(text)


def check_text(text: str, *, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name} holds only white space: give a file with the article's text")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name} looks like a binary file (control characters): give plain text")


def read_sidecar(path: Path) -> dict:
    """The metadata beside an article, `STEM.yml`, or {} when there is none."""
    sidecar = path.with_suffix(".yml")
    if not sidecar.exists():
        return {}
    try:
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{sidecar} is not valid YAML ({first}): fix or remove it") from None
    except ValueError as error:  # YAML reads 2001-02-30 as a date and fails
        raise InputError(f"{sidecar} holds an impossible date ({error}): fix it") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(f"{sidecar} must hold keys (headline, source, published, url)")
    return meta


def read_text_file(path: str | Path) -> tuple[str, str]:
    """The decoded text and encoding of an article file, checked: InputError for a
    missing, folder, huge, unreadable, empty, binary or undecodable file."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path to the article")
    if path.is_dir():
        raise InputError(f"{path} is a folder: give one article file (or use `corpus`)")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path} is larger than {MAX_BYTES // 1_000_000} MB: is it an article?")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"{path} cannot be read ({error.strerror}): check its permissions"
        ) from None
    text, encoding = decode(data, name=str(path))
    check_text(text, name=str(path))
    return text, encoding


def make_article(
    text: str,
    *,
    article_id: str,
    headline: str = "",
    source: str = "",
    published: str | dt.date | None = None,
    published_origin: str = "",
    url: str = "",
    author: str = "",
    encoding: str = "utf-8",
    format: str = "text",
    pieces: tuple[Piece, ...] = (),
) -> Article:
    """An Article from text already in memory (the corpus reader's entry point);
    `published_origin` says where its date came from, `format` what the file was."""
    date = parse_date(published, what="publication date")
    warnings = [UNKNOWN_DATE] if date is None else []
    return Article(
        article_id=article_id,
        text=text,
        headline=headline,
        source=source,
        published=date,
        published_origin=published_origin if date else "",
        url=url,
        author=author,
        encoding=encoding,
        warnings=tuple(warnings),
        format=format,
        pieces=pieces,
    )
