"""Quotation marks paired into the spans they enclose (`pair_quotes`), within one
paragraph: a mark left open at the paragraph's end closes there (`open`), so an
unbalanced mark never swallows the article.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = {'"': '"', "“": "”", "«": "»", "„": "“"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # of the content, block-relative
    end: int
    status: str  # closed | open


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Content spans between quotation marks; a mark still open at the end of the text
    closes there (`open`). Straight marks alternate; a straight mark inside a word
    (That"s) is treated as an apostrophe."""
    spans: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING and not _inside_word(text, i):
            closing = OPENING[char]
            j = i + 1
            while j < len(text) and not (text[j] == closing and not _inside_word(text, j)):
                j += 1
            if j < len(text):
                spans.append(QuoteSpan(i + 1, j, "closed"))
                i = j + 1
                continue
            spans.append(QuoteSpan(i + 1, len(text), "open"))
            break
        i += 1
    return [s for s in spans if text[s.start : s.end].strip()]


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
