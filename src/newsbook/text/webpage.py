"""Reading a saved web page: the story extracted from the markup (trafilatura) and the
page's metadata (headline, date, author, site) from JSON-LD, `<meta>`, `<time>`,
`<title>` and the visible byline and date line.

The article's text is the headline, a blank line, then the story's paragraphs separated
by blank lines; a line break inside a paragraph (a single `<br>`) stays a line break.
Every piece of visible text the page held is listed with whether the story kept it, so
chapter 1 can show what was dropped. Nothing depends on the day the page is read: the
extractor's own `filedate` is never used and date search runs between fixed bounds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import htmldate
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import use_config

from newsbook.text.document import Piece, iso_day, names_of

# htmldate looks for dates only between these: fixed, so the run date never matters
# (its defaults are 1995 and today, which would hide an archive page from 1987)
EARLIEST_DATE = "1800-01-01"
LATEST_DATE = "2199-12-31"
# A pull quote repeats a few words of the story; a block quotation longer than this is
# the story's own text, kept even if it repeats.
PULL_QUOTE_WORDS = 60
# Pieces of the page are looked for in the story near where the last one was found: a
# window this much longer than the piece keeps the search linear on a long page.
SEARCH_WINDOW = 20_000

TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—:»]|::|\|\|)\s+")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table "
    "tbody td tfoot th thead title tr ul".split()
)
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$", re.IGNORECASE)
MONTH_NUMBERS = {
    name.lower(): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}
DAY_NAMES = "|".join(calendar.day_name) + "|" + "|".join(calendar.day_abbr)
MONTH_NAMES = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
DATE_LINE = re.compile(
    rf"^(?:(?:{DAY_NAMES}),?\s+)?(?:(?P<m1>{MONTH_NAMES})\.?\s+(?P<d1>\d{{1,2}}),?\s+"
    rf"(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\.?\s+(?P<m2>{MONTH_NAMES})\.?,?\s+(?P<y2>\d{{4}}))$",
    re.IGNORECASE,
)
ARTICLE_TYPES = re.compile(r"Article|Posting|Report", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """A web page as newsbook reads it."""

    text: str  # headline, blank line, paragraphs
    headline: str
    published: str  # YYYY-MM-DD, or empty
    author: str
    site: str
    url: str
    pieces: tuple[Piece, ...]


def read_page(markup: str) -> Page:
    """The story and metadata of a web page (see the module docstring)."""
    markup = XML_DECLARATION.sub("", markup, count=1)
    tree = _tree(markup)
    meta = _metadata(tree) if tree is not None else {}
    pieces = list(_visible_pieces(tree)) if tree is not None else []
    title_parts = [p for p in TITLE_SEPARATORS.split(meta.get("title", "")) if p.strip()]
    headline = (
        meta.get("ld:headline")
        or meta.get("og:title")
        or meta.get("h1")
        or max(title_parts, key=len, default="")
    )
    site = (
        meta.get("og:site_name")
        or meta.get("ld:publisher")
        or next((p for p in title_parts if p != headline and len(title_parts) > 1), "")
    )
    paragraphs = _story_paragraphs(markup)
    if not paragraphs:  # the extractor found no story: the page's own visible text
        paragraphs = [p.text for p in pieces if p.element != "title"]
    headline = " ".join(headline.split())
    if paragraphs and " ".join(paragraphs[0].split()) == headline:
        paragraphs = paragraphs[1:]
    text = "\n\n".join([headline, *paragraphs] if headline else paragraphs)
    return Page(
        text=text,
        headline=headline,
        published=(
            meta.get("ld:date") or _meta_date(markup) or meta.get("time") or visible_date(pieces)
        ),
        author=meta.get("ld:author") or meta.get("author") or _byline(pieces),
        site=" ".join(site.split()),
        url=meta.get("url", ""),
        pieces=tuple(_mark_kept(pieces, text)),
    )


def _tree(markup: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None


def _trafilatura_config():  # noqa: ANN202 - a ConfigParser
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal alarm in worker processes
    return config


def _story_paragraphs(markup: str) -> list[str]:
    """The story's paragraphs as trafilatura finds them (its XML keeps paragraphs and
    line breaks apart); a pull quote that repeats the story is left out."""
    try:
        xml = trafilatura.extract(
            markup,
            output_format="xml",
            include_comments=False,
            include_tables=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
            config=_trafilatura_config(),
        )
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return []
    if not xml:
        return []
    try:
        main = lxml.etree.fromstring(xml.encode("utf-8")).find("main")
    except lxml.etree.XMLSyntaxError:
        return []
    if main is None:
        return []
    paragraphs: list[str] = []
    told = ""  # the story so far, white space collapsed (pull quotes repeat it)
    for element in main.iter("p", "head", "item", "cell", "code"):
        if any(a.tag in {"p", "item", "head"} for a in element.iterancestors()):
            continue
        text = _element_text(element)
        if not text:
            continue
        flat = _flat(text)
        in_quote = any(a.tag == "quote" for a in element.iterancestors())
        if in_quote and len(flat.split()) <= PULL_QUOTE_WORDS and _unquoted(flat) in told:
            continue
        paragraphs.append(text)
        told += " " + _unquoted(flat)
    return paragraphs


def _element_text(element: lxml.etree._Element) -> str:
    """A paragraph's text: a line break (`<lb/>`) that ends a sentence before a capital
    starts a new paragraph; any other stays a line break inside it."""
    parts: list[str] = [element.text or ""]
    for child in element.iterdescendants():
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(child.text or "")
        parts.append(child.tail or "")
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in "".join(parts).split("\n")]
    text = ""
    for line in lines:
        if not line:
            continue
        if not text:
            text = line
        elif re.search(r"[.!?][\"'”’)]?$", text) and re.match(r"[\"'“‘(]?[A-Z0-9]", line):
            text += "\n\n" + line
        else:
            text += "\n" + line
    return text


def _flat(text: str) -> str:
    return " ".join(text.split())


def _unquoted(text: str) -> str:
    """The words alone (a pull quote drops or changes the quotation's punctuation)."""
    return " " + _flat(re.sub(r"[^\w\s]", " ", text)).casefold() + " "


def _visible_pieces(tree: lxml.html.HtmlElement) -> Iterator[Piece]:
    """The page's visible text, one piece per run of text between block boundaries
    (and line breaks), with the block element it stood in; not yet marked kept."""
    title = tree.find(".//title")
    if title is not None and _flat(title.text_content()):
        yield Piece("title", _flat(title.text_content()), False)
    body = tree.find("body")
    if body is None:
        return
    buffer: list[str] = []
    blocks: list[str] = ["body"]

    def flush() -> Iterator[Piece]:
        text = _flat("".join(buffer).replace("\xa0", " "))
        buffer.clear()
        if text:
            yield Piece(blocks[-1], text, False)

    def walk(element: lxml.html.HtmlElement) -> Iterator[Piece]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag.lower() not in INVISIBLE_TAGS:
            is_block = tag.lower() in BLOCK_TAGS
            if is_block or tag.lower() == "br":
                yield from flush()
            if is_block:
                blocks.append(tag.lower())
            buffer.append(element.text or "")
            for child in element:
                yield from walk(child)
            if is_block:
                yield from flush()
                blocks.pop()
        buffer.append(element.tail or "")

    for child in body:
        yield from walk(child)
    yield from flush()


def _mark_kept(pieces: list[Piece], text: str) -> Iterator[Piece]:
    """Each piece marked kept when the story holds it, looked for in order."""
    story = _flat(text)
    position = 0
    for piece in pieces:
        found = story.find(piece.text, position, position + len(piece.text) + SEARCH_WINDOW)
        if found >= 0:
            position = found + len(piece.text)
        yield Piece(piece.element, piece.text, found >= 0)


def _metadata(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """What the page says about itself: JSON-LD (ld:*), `<meta>`, `<title>`, the first
    `<h1>`, `<time datetime>` and the canonical link."""
    found: dict[str, str] = {}
    for item in _json_ld(tree):
        types = item.get("@type")
        types = " ".join(types) if isinstance(types, list) else str(types or "")
        if not ARTICLE_TYPES.search(types):
            continue
        found.setdefault("ld:headline", _flat(str(item.get("headline") or "")))
        found.setdefault("ld:date", iso_day(str(item.get("datePublished") or "")))
        found.setdefault("ld:author", names_of(item.get("author")))
        found.setdefault("ld:publisher", names_of(item.get("publisher")))
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = _flat(element.get("content") or "")
        if key and value:
            found.setdefault(key, value)
    if "og:url" in found:
        found["url"] = found["og:url"]
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            found.setdefault("url", link.get("href"))
    title = tree.find(".//title")
    if title is not None:
        found["title"] = _flat(title.text_content())
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is not None and _flat(h1.text_content()):
        found["h1"] = _flat(h1.text_content())
    for time in tree.iter("time"):
        day = iso_day(time.get("datetime") or "")
        if day:
            found.setdefault("time", day)
            break
    return {k: v for k, v in found.items() if v}


def _json_ld(tree: lxml.html.HtmlElement) -> Iterator[dict]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _meta_date(markup: str) -> str:
    """The date in the page's own metadata, as htmldate reads it (meta tags, URL),
    without its guesses from the text, between fixed bounds."""
    try:
        found = htmldate.find_date(
            markup,
            extensive_search=False,
            original_date=True,
            min_date=EARLIEST_DATE,
            max_date=LATEST_DATE,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return ""
    return iso_day(found or "")


def visible_date(pieces: list[Piece] | tuple[Piece, ...]) -> str:
    """The first piece that is only a date ("Thursday, March 6, 1997"): a page's date line."""
    for piece in pieces:
        match = DATE_LINE.match(piece.text)
        if not match:
            continue
        month = MONTH_NUMBERS[(match["m1"] or match["m2"]).lower()]
        day, year = int(match["d1"] or match["d2"]), int(match["y1"] or match["y2"])
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return ""


def _byline(pieces: list[Piece]) -> str:
    for piece in pieces:
        match = BYLINE.match(piece.text)
        if match:
            return match.group(1)
    return ""
