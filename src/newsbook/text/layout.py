"""The page's layout: the article's text cut into paragraph-like blocks, each sorted
into headline, byline, dateline, body, table or furniture.

Furniture (site banners, archive stamps, wire sign-offs, timestamp lines, page markers)
and figures tables are skipped, never cut out: every block keeps its offsets into the
text. A byline ("By Ellen Marsh") and a dateline ("LONDON, March 23 -") are blocks of
their own, read for their names but not the story's sentences, so the first sentence is
the story's; a timestamp line, the byline and the dateline give the article's date,
author and place (`layout_facts`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsbook.lexicons import LayoutLexicon
from newsbook.schema import Columns, column_lists
from newsbook.text.article import Article
from newsbook.text.calendar_names import MONTH_NUMBERS, alternation

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r?\n(?=[ \t]+\S)")
# Sections the parser reads; the others (furniture, table) are skipped by every stage.
# A byline and a dateline are read (the writer and the place are entities) but are not
# the story's sentences.
PARSED_SECTIONS = ("headline", "byline", "dateline", "body")
# A byline stands near the top of a page: this many blocks from the start at most.
BYLINE_BLOCKS = 6
# What follows a byline's name after a separator is short: a role, a desk, a date.
MAX_BYLINE_PART_WORDS = 8
# A figures row is short and mostly figures, units and abbreviations; a table has
# at least two rows (one figure-laden line in prose is prose).
MAX_ROW_WORDS = 14
MIN_ROW_FIGURE_SHARE = 0.5
MIN_TABLE_ROWS = 2
# Notes under a table run on in short blocks with figures ("1986 net includes ..."):
MAX_NOTE_LINES = 3
# A heading between a table's rows ("Six mths") is a few words without a full stop.
MAX_HEADING_WORDS = 3


@dataclass(frozen=True)
class Block:
    """A paragraph-like block of the text with its place in the page; `kind` says what
    furniture it is (timestamp, byline, page marker, furniture pattern) or is empty."""

    start: int
    end: int
    section: str  # headline | byline | dateline | body | table | furniture
    kind: str = ""


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
    article: Article,
    *,
    furniture: list[re.Pattern[str]] | tuple[re.Pattern[str], ...],
    cues: LayoutLexicon | None = None,
    max_furniture_words: int = 40,
) -> list[Block]:
    """Sort the article's blocks into furniture, headline, dateline, body and table.

    The headline is the sidecar's headline where it is found in the text, else the first
    short, unpunctuated block before the story; furniture blocks match a pattern and are
    short. With `cues` (data/lexicons/layout.yml), timestamp lines, bylines, page
    markers, the dateline and figures tables are found too.
    """
    text = article.text
    blocks = []
    for number, (start, end) in enumerate(iter_raw_blocks(text)):
        for piece_start, piece_end, kind in _split_lines(text, start, end, cues, number):
            chunk = text[piece_start:piece_end]
            if not kind and len(chunk.split()) <= max_furniture_words:
                if any(pattern.search(chunk) for pattern in furniture):
                    kind = "furniture pattern"
            section = "body" if not kind else "byline" if kind == "byline" else "furniture"
            blocks.append(Block(piece_start, piece_end, section, kind))
    headline_index = _headline_index(text, blocks, article.headline)
    if headline_index is not None:
        block = blocks[headline_index]
        blocks[headline_index] = Block(block.start, block.end, "headline")
    if cues is None:
        return blocks
    blocks = _split_dateline(text, blocks, cues)
    return _mark_tables(text, blocks, cues)


def _split_lines(
    text: str, start: int, end: int, cues: LayoutLexicon | None, number: int
) -> Iterator[tuple[int, int, str]]:
    """A block cut at its timestamp lines, bylines and page markers, each its own piece
    with its kind; the lines between stay together (kind empty)."""
    if cues is None:
        yield start, end, ""
        return
    run_start = None
    position = start
    lines = text[start:end].split("\n")
    # a byline stands alone; "by President Venn." wrapped from a sentence does not
    alone = len(lines) == 1 and number < BYLINE_BLOCKS
    for line in lines:
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        kind = _line_kind(line, cues, near_top=alone)
        if not kind:
            if run_start is None:
                run_start = line_start
            run_end = line_end
            continue
        if run_start is not None:
            yield from ((s, e, "") for s, e in _trimmed(text, run_start, run_end))
            run_start = None
        yield from ((s, e, kind) for s, e in _trimmed(text, line_start, line_end))
    if run_start is not None:
        yield from ((s, e, "") for s, e in _trimmed(text, run_start, run_end))


def _line_kind(line: str, cues: LayoutLexicon, *, near_top: bool) -> str:
    if any(p.match(line) for p in cues.timestamps):
        return "timestamp"
    if any(p.search(line) for p in cues.page_markers):
        return "page marker"
    if near_top and _byline_author(line, cues):
        return "byline"
    if near_top and any(p.match(line) for p in cues.date_lines):
        return "timestamp"
    return ""


def _byline_author(line: str, cues: LayoutLexicon) -> str:
    """The author a byline names ("By Ellen Marsh" -> "Ellen Marsh", and so for "By Ellen
    Marsh | Staff writer | March 3, 2019" and "By Ellen Marsh, Staff Writer"), or ""."""
    name, *rest = _byline_parts(line, cues)
    # "By Lena Varga, Staff Reporter": the comma sets off the writer's post
    name, comma, post = name.partition(",")
    if comma:
        rest = [post, *rest]
    if any(not 0 < len(part.split()) <= MAX_BYLINE_PART_WORDS for part in rest):
        return ""
    if comma and not re.match(r"\s*[A-Z]", post):
        return ""
    words = name.split()
    if not 2 <= len(words) <= 5 or words[0].lower() not in cues.byline_openers:
        return ""
    names = words[1:]
    ends_sentence = len(names[-1]) > 3 and names[-1].endswith(".")  # not "Jr." or an initial
    if all(re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in names) and not (
        names[-1].endswith(",") or ends_sentence
    ):
        return " ".join(names)
    return ""


def _byline_parts(line: str, cues: LayoutLexicon) -> list[str]:
    """A byline line cut at its separators: the name, then what follows (a date)."""
    if not cues.byline_separators:
        return [line]
    pattern = "|".join(re.escape(s) for s in cues.byline_separators)
    return [part for part in re.split(rf"\s+(?:{pattern})\s+", line) if part.strip()] or [line]


def _byline_date(line: str, cues: LayoutLexicon) -> dt.date | None:
    """The date a byline line gives after its author ("By Ellen Marsh | March 3, 2019")."""
    for part in _byline_parts(line, cues)[1:]:
        if date := _timestamp_date(part, cues):
            return date
    return None


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


@functools.lru_cache(maxsize=8)
def dateline_pattern(cues: LayoutLexicon) -> re.Pattern[str]:
    """A dateline at the start of a block: a place in capitals, optional region, date
    and agency, then a dash ("MILWAUKEE, WIS., March 2 -", "PARIS (Norpress) -",
    "BOISE —", "CHICAGO, Dec. 3 (AP)—The"); a place in mixed case only with a date or an
    agency."""
    months = alternation(MONTH_NUMBERS)
    agencies = "|".join(sorted(map(re.escape, cues.agencies), key=len, reverse=True))
    caps_place = r"[A-Z][A-Z.'’&-]+(?:\s+[A-Z][A-Z.'’&-]+)*"
    any_place = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
    region = r"(?:,\s*[A-Z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,3})"
    date = rf"(?:,?\s*(?i:{months})\.?\s+\d{{1,2}})"
    agency = rf"(?:\s*\((?i:{agencies})\))"
    dash = r"\s*(?:(?:--?|–|—)(?=\s|$)|—(?=[A-Z]))"  # ("(AP)—The": older copy's em dash)
    return re.compile(
        rf"^(?:(?P<place>{caps_place}){region}{{0,2}}?{date}?{agency}?{dash}"
        rf"|(?P<mixed>{any_place}){region}{{0,2}}?(?:{date}{agency}?|{agency}){dash})"
    )


def _split_dateline(text: str, blocks: list[Block], cues: LayoutLexicon) -> list[Block]:
    """The first body block's dateline made a block of its own."""
    first = next((i for i, b in enumerate(blocks) if b.section == "body"), None)
    if first is None:
        return blocks
    block = blocks[first]
    match = dateline_pattern(cues).match(text[block.start : block.end])
    if not match:
        return blocks
    end = block.start + match.end()
    dateline = Block(block.start, end, "dateline")
    rest = list(_trimmed(text, end, block.end))
    pieces = [dateline] + [Block(s, e, "body") for s, e in rest]
    return blocks[:first] + pieces + blocks[first + 1 :]


def _mark_tables(text: str, blocks: list[Block], cues: LayoutLexicon) -> list[Block]:
    """Runs of figures rows (with their headings and notes) made one table block."""
    rows = [b.section == "body" and _is_table_rows(text[b.start : b.end], cues) for b in blocks]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if not rows[i]:
            out.append(blocks[i])
            i += 1
            continue
        first, last, n_rows = i, i, 1
        j = i + 1
        while j < len(blocks) and blocks[j].section == "body":
            chunk = text[blocks[j].start : blocks[j].end]
            if rows[j]:
                last, n_rows = j, n_rows + 1
            elif not (_opens_note(chunk, cues) or _is_heading(chunk)):
                break
            j += 1
        if n_rows < MIN_TABLE_ROWS:
            out.append(blocks[i])
            i += 1
            continue
        # headings just before the rows ("Qtr ends March One"), notes just after
        while (
            out
            and out[-1].section == "body"
            and _opens_note(text[out[-1].start : out[-1].end], cues)
        ):
            first -= 1
            out.pop()
        in_notes = False
        k = last + 1
        while k < len(blocks) and blocks[k].section == "body":
            chunk = text[blocks[k].start : blocks[k].end]
            if _opens_note(chunk, cues):
                in_notes = True
            elif not (in_notes and re.search(r"\d", chunk) and chunk.count("\n") < MAX_NOTE_LINES):
                break
            last = k
            k += 1
        out.append(Block(blocks[first].start, blocks[last].end, "table"))
        i = last + 1
    return out


def _is_table_rows(chunk: str, cues: LayoutLexicon) -> bool:
    lines = [line for line in chunk.split("\n") if line.strip()]
    return bool(lines) and all(is_figures_row(line, cues) for line in lines)


def is_figures_row(line: str, cues: LayoutLexicon) -> bool:
    """A line of a figures table: few words, mostly figures, units and abbreviations,
    comparing two figures ("Shr 24 cts vs 1.20 dlrs", "Net 5.8 mln vs 20.2 mln")."""
    words = line.split()
    if not 2 <= len(words) <= MAX_ROW_WORDS:
        return False
    figures = sum(1 for w in words if re.search(r"\d", w))
    units = sum(1 for w in words if w.lower().strip(".,;:()") in cues.table_units)
    compares = any(w.lower().strip(".,") in {"vs", "versus"} for w in words)
    return (
        figures >= 1
        and (compares or figures >= 2)
        and (figures + units) / len(words) >= (MIN_ROW_FIGURE_SHARE)
    )


def _opens_note(chunk: str, cues: LayoutLexicon) -> bool:
    lowered = chunk.lstrip().lower()
    return any(
        lowered.startswith(opener) and not lowered[len(opener) : len(opener) + 1].isalpha()
        for opener in cues.table_note_openers
    )


def _is_heading(chunk: str) -> bool:
    words = chunk.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not chunk.rstrip().endswith(".")


@dataclass(frozen=True)
class LayoutFacts:
    """What the layout says about the article: the dateline's place, the date of a
    timestamp line, the author a byline names."""

    dateline: str = ""
    timestamp: dt.date | None = None
    author: str = ""


def layout_facts(text: str, blocks: list[Block], cues: LayoutLexicon) -> LayoutFacts:
    """The dateline place, timestamp date and byline author the blocks give."""
    dateline, timestamp, author = "", None, ""
    for block in blocks:
        chunk = text[block.start : block.end]
        if block.section == "dateline" and not dateline:
            match = dateline_pattern(cues).match(chunk)
            dateline = " ".join((match["place"] or match["mixed"] or "").split()) if match else ""
        elif block.kind == "timestamp" and timestamp is None:
            timestamp = _timestamp_date(chunk, cues)
        elif block.kind == "byline":
            author = author or _byline_author(chunk, cues)
            timestamp = timestamp or _byline_date(chunk, cues)
    return LayoutFacts(dateline, timestamp, author)


def _timestamp_date(line: str, cues: LayoutLexicon) -> dt.date | None:
    for pattern in (*cues.timestamps, *cues.date_lines):
        match = pattern.match(line)
        if not match:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else MONTH_NUMBERS.get(month.lower()[:3], 0)
        try:
            return dt.date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            return None
    return None


def headline_text(article: Article, blocks: Columns) -> str:
    """The headline as the page gives it (the `blocks` table's headline), else the
    sidecar's."""
    for section, text in zip(blocks["section"], blocks["text"], strict=True):
        if section == "headline":
            return " ".join(text.split())
    return article.headline


def blocks_table(article: Article, blocks: list[Block]) -> Columns:
    """One row a block: `article_id, paragraph_id, start, end, section, kind, text`.

    Paragraph ids count the parsed blocks (headline, dateline, body) in order, as the
    sentences table does; furniture and tables get -1."""
    rows = []
    paragraph_id = 0
    for block in blocks:
        if block.section not in PARSED_SECTIONS:
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
                "kind": block.kind,
                "text": article.text[block.start : block.end],
            }
        )
    return column_lists("blocks", rows)
