"""The page's layout: the article's text cut into paragraph-like blocks, each sorted
into headline, body or furniture (site banners, archive stamps, wire sign-offs).

Furniture is skipped, never cut out: every block keeps its offsets into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from newsbook.text.article import Article

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r?\n(?=[ \t]+\S)")


@dataclass(frozen=True)
class Block:
    """A paragraph-like block of the text with its place in the page."""

    start: int
    end: int
    section: str  # headline | body | furniture


def iter_raw_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraph-like blocks: split at blank lines and at indented new lines
    (the hard-wrapped wire layout), trimmed of surrounding white space."""
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, position, match.start())
        position = match.end()
    yield from _trimmed(text, position, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _looks_like_headline(block: str) -> bool:
    words = block.split()
    return 0 < len(words) <= 25 and "\n" not in block.strip() and not block.rstrip().endswith(".")


def layout(
    article: Article, *, furniture: list[re.Pattern[str]], max_furniture_words: int = 40
) -> list[Block]:
    """Sort the article's blocks into furniture, headline and body.

    The headline is the sidecar's headline where it is found in the text, else the first
    short, unpunctuated block before the story; furniture blocks match a pattern and are
    short.
    """
    text = article.text
    blocks = []
    for start, end in iter_raw_blocks(text):
        chunk = text[start:end]
        is_furniture = len(chunk.split()) <= max_furniture_words and any(
            pattern.search(chunk) for pattern in furniture
        )
        blocks.append(Block(start, end, "furniture" if is_furniture else "body"))
    headline_index = _headline_index(text, blocks, article.headline)
    if headline_index is not None:
        block = blocks[headline_index]
        blocks[headline_index] = Block(block.start, block.end, "headline")
    return blocks


def _headline_index(text: str, blocks: list[Block], headline: str) -> int | None:
    candidates = [i for i, b in enumerate(blocks) if b.section == "body"]
    if not candidates:
        return None
    wanted = " ".join(headline.split()).casefold()
    if wanted:
        for i in candidates:
            if " ".join(text[blocks[i].start : blocks[i].end].split()).casefold() == wanted:
                return i
    first = candidates[0]
    has_more = len(candidates) > 1
    if has_more and _looks_like_headline(text[blocks[first].start : blocks[first].end]):
        return first
    return None


def headline_text(article: Article, blocks: pd.DataFrame) -> str:
    """The headline as the page gives it (the `blocks` table's headline), else the
    sidecar's."""
    for section, text in zip(blocks["section"], blocks["text"], strict=True):
        if section == "headline":
            return " ".join(text.split())
    return article.headline


def blocks_table(article: Article, blocks: list[Block]) -> pd.DataFrame:
    """One row a block: `article_id, paragraph_id, start, end, section, text`.

    Paragraph ids count headline and body blocks in order (furniture gets -1)."""
    rows = []
    paragraph_id = 0
    for block in blocks:
        if block.section == "furniture":
            pid = -1
        else:
            pid = paragraph_id
            paragraph_id += 1
        rows.append(
            {
                "article_id": article.article_id,
                "paragraph_id": pid,
                "start": block.start,
                "end": block.end,
                "section": block.section,
                "text": article.text[block.start : block.end],
            }
        )
    return pd.DataFrame(
        rows, columns=["article_id", "paragraph_id", "start", "end", "section", "text"]
    )
