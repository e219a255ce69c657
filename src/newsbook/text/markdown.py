"""A Markdown article (a post saved from a blog or a CMS, notes written in Markdown)
read for its words, as a web page is: the markup is taken out and the text that is left
is the article's text, written beside the tables as `text.txt` (every offset points
into it).

Heading marks, emphasis marks, link targets, images, block quotes, list bullets, rules
and code fences go; a link keeps its words; line breaks stay, so paragraphs stay
paragraphs. A YAML front matter block gives the headline, date and author, as a page's
metadata does. Blanking the markup to spaces instead would keep the file's offsets, but
the parser reads "Ann Lee                    , the mayor" worse than "Ann Lee, the mayor".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from newsbook.text.document import iso_day, names_of

FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
ATX_HEADING = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<title>.*?)[ \t#]*$", re.M)
LINK = re.compile(r"(?<!!)\[(?P<keep>[^\]\n]+)\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
STRONG = re.compile(r"(?<![\w*])\*\*(?P<keep>\S(?:[^*\n]*?\S)?)\*\*(?![\w*])")
STRONG_UNDERSCORE = re.compile(r"(?<![\w_])__(?P<keep>\S(?:[^_\n]*?\S)?)__(?![\w_])")
EMPHASIS = re.compile(r"(?<![\w*])\*(?P<keep>[^\s*](?:[^*\n]*?[^\s*])?)\*(?![\w*])")
EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?P<keep>[^\s_](?:[^_\n]*?[^\s_])?)_(?![\w_])")
CODE = re.compile(r"`(?P<keep>[^`\n]+)`")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
LINE_MARKS = re.compile(
    r"^(?:[ \t]{0,3}(?:>[ \t]?)+|[ \t]*[-*+][ \t]+(?=\S)|[ \t]{0,3}#{1,6}[ \t]+)", re.M
)
RULE_OR_FENCE = re.compile(r"^[ \t]{0,3}(?:(?:[-*_][ \t]*){3,}|`{3,}.*|~{3,}.*|=+|-+)[ \t]*$", re.M)
# Markup that prose does not write: a link with a target, a heading line, strong words.
# One alone may be chance (a "# 1" list, a pasted link); two make a Markdown file.
SIGNS = (LINK, ATX_HEADING, STRONG, STRONG_UNDERSCORE)
MIN_SIGNS = 2
# The markup: each pattern's match is taken out, except its group `keep`.
MARKUP = (IMAGE, LINK, AUTOLINK, REFERENCE, STRONG, STRONG_UNDERSCORE, EMPHASIS,
           EMPHASIS_UNDERSCORE, CODE, LINE_MARKS, RULE_OR_FENCE)  # fmt: skip


@dataclass(frozen=True)
class MarkdownPage:
    """The article's text with the markup taken out, and what its front matter or first
    heading says of it."""

    text: str
    headline: str = ""
    published: str = ""
    author: str = ""


def looks_like_markdown(head: str) -> bool:
    """True for a text that opens with a YAML front matter block or writes Markdown's
    links, headings or strong words at least MIN_SIGNS times."""
    if _front_matter(head)[0]:
        return True
    signs = 0
    for pattern in SIGNS:
        signs += sum(1 for _ in pattern.finditer(head))
        if signs >= MIN_SIGNS:
            return True
    return False


def read_markdown(text: str) -> MarkdownPage:
    """The Markdown article read for its words (see the module's docstring)."""
    meta, body_start = _front_matter(text)
    words = _without(text, [(0, body_start), *_markup(text, body_start)])
    headline = str(meta.get("title") or meta.get("headline") or _first_heading(text))
    return MarkdownPage(
        text=words,
        headline=" ".join(_without(headline, _markup(headline)).split()),
        published=iso_day(meta.get("date") or meta.get("published")),
        author=names_of(meta.get("author") or meta.get("authors")),
    )


def _markup(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The spans of markup in the text from `start` on, to take out."""
    spans = []
    for pattern in MARKUP:
        for found in pattern.finditer(text, start):
            keep = found.span("keep") if "keep" in pattern.groupindex else (found.end(),) * 2
            spans += [(found.start(), keep[0]), (keep[1], found.end())]
    return spans


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans taken out, its line breaks kept."""
    out = []
    position = 0
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if start > position:
            out.append(text[position:start])
        if end > position:
            out.append("".join(c for c in text[max(start, position) : end] if c == "\n"))
            position = end
    out.append(text[position:])
    return "".join(out)


def _front_matter(text: str) -> tuple[dict, int]:
    """The front matter's keys and where the body after it starts, or ({}, 0) where there
    is none or it is not a YAML mapping."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match["body"])
    except (yaml.YAMLError, ValueError):  # ValueError: a date YAML reads and no calendar has
        return {}, 0
    return (meta, match.end()) if isinstance(meta, dict) and meta else ({}, 0)


def _first_heading(text: str) -> str:
    """The first heading of level one, or ""."""
    for found in ATX_HEADING.finditer(text):
        if len(found["marks"]) == 1:
            return found["title"]
    return ""
