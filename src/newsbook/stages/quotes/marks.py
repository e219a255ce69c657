"""Quotation marks paired into the spans they enclose (`pair_quotes`), within one
paragraph: a mark left open at the paragraph's end closes there (`open`), so an
unbalanced mark never swallows the article.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = {'"': '"', "“": "”", "«": "»", "„": "“", "‘": "’"}
# the single closing marks are also apostrophes ("it’s", "the miners’ leader")
APOSTROPHES = {"’", "'"}
STRAIGHT_SINGLE = "'"  # no key of OPENING: most straight single marks are apostrophes


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # of the content, block-relative
    end: int
    status: str  # closed | open


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Content spans between quotation marks; a mark still open at the end of the text
    closes there (`open`). Straight marks alternate; a straight mark inside a word
    (That"s) is treated as an apostrophe, and so is a straight single mark that no
    other closes."""
    spans: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == STRAIGHT_SINGLE and _opens_single(text, i):
            # 'painful but unavoidable': British copy typed with straight marks; closed
            # within the paragraph or no quotation at all (an apostrophe: 'tis, '90s)
            j = _closing(text, i, STRAIGHT_SINGLE)
            if j < len(text):
                spans.append(QuoteSpan(i + 1, j, "closed"))
                i = j + 1
                continue
        if char in OPENING and not _inside_word(text, i):
            j = _closing(text, i, OPENING[char])
            if j < len(text):
                spans.append(QuoteSpan(i + 1, j, "closed"))
                i = j + 1
                continue
            spans.append(QuoteSpan(i + 1, len(text), "open"))
            break
        i += 1
    return [s for s in spans if text[s.start : s.end].strip()]


def _closing(text: str, opening: int, mark: str) -> int:
    """Where the mark that closes the one at `opening` stands (the text's length: none)."""
    j = opening + 1
    while j < len(text) and not (text[j] == mark and _closes(text, j)):
        j += 1
    return j


def _closes(text: str, i: int) -> bool:
    """Whether a closing mark closes: not one inside a word ("That"s", "O’Neill"), nor,
    for the single mark British copy quotes with, a plural's apostrophe ("‘the miners’
    leader’"): after an "s" it closes only before punctuation or the end."""
    if _inside_word(text, i):
        return False
    if text[i] not in APOSTROPHES or text[i - 1 : i] not in {"s", "S"}:
        return True
    following = text[i + 1 : i + 2]
    return not following or not (following.isspace() or following.isalnum())


def _opens_single(text: str, i: int) -> bool:
    """A straight single mark opening a quotation: at the start or after a space or an
    opening bracket, before a letter."""
    before = text[i - 1 : i]
    return (not before or before.isspace() or before in "([") and text[i + 1 : i + 2].isalpha()


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
