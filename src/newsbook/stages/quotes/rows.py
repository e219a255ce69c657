"""What the statement finders share: the paragraph they read (`Paragraph`, with its
neighbours and its quotation marks paired) and the row they make of a statement
(`_row`: offsets into the article's text, speaker, cue, status).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsbook.lexicons import SpeechLexicon
from newsbook.stages.quotes.cues import _cue_text
from newsbook.stages.quotes.marks import QuoteSpan
from newsbook.stages.quotes.speakers import Speaker
from newsbook.text.article import Article
from newsbook.text.nlp import (
    ParsedBlock,
)

UNATTRIBUTED = "(unattributed)"  # "It has been reported that ...": no source at all


@dataclass(frozen=True)
class Paragraph:
    """One parsed paragraph with its neighbours (where a set-off quotation's speaker is
    named) and its quotation marks paired."""

    item: ParsedBlock
    previous: ParsedBlock | None
    following: ParsedBlock | None
    direct: list[QuoteSpan]
    sentences: list[Span]

    @property
    def base(self) -> int:
        return self.item.block.start


def _row_text(article: Article, base: int, start: int, end: int) -> dict:
    text = article.text[base + start : base + end]
    stripped = len(text) - len(text.rstrip())
    return {
        "article_id": article.article_id,
        "start": base + start,
        "end": base + end - stripped,
        "text": text.rstrip(),
    }


def _row(
    article: Article,
    base: int,
    start: int,
    end: int,
    kind: str,
    speaker: Speaker,
    cue: Token | None,
    status: str,
    lexicon: SpeechLexicon,
) -> dict:
    return {
        **_row_text(article, base, start, end),
        "kind": kind,
        "speaker_id": speaker.entity_id,
        "speaker": speaker.phrase or UNATTRIBUTED,
        "speaker_head": speaker.head,
        "cue": _cue_text(cue, lexicon),
        "status": status,
    }
