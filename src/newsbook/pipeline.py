"""One article in, every table out: the stages in order, each a function of the
tables before it. `analyze` is pure (no files written), so the corpus runner can call it
per article in worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from newsbook.lexicons import Resources
from newsbook.output import replace_folder, staging_folder
from newsbook.schema import csv_ready, frame
from newsbook.stages.claims import extract_claims
from newsbook.stages.context import ArticleContext
from newsbook.stages.entities import extract_entities
from newsbook.stages.events import build_timeline
from newsbook.stages.issues import extract_issues
from newsbook.stages.positions import extract_positions, issue_candidates
from newsbook.stages.quotes import extract_quotes
from newsbook.stages.timex import extract_timex
from newsbook.stages.voice import add_publication
from newsbook.text.article import Article
from newsbook.text.language import language_of
from newsbook.text.layout import (
    PARSED_SECTIONS,
    Block,
    blocks_table,
    headline_text,
    layout,
    layout_facts,
)
from newsbook.text.nlp import make_nlp, parse_blocks, sentences_table


def article_table(
    article: Article, blocks: pd.DataFrame, sentences: pd.DataFrame, headline: str
) -> pd.DataFrame:
    """The one-row `article` table."""
    body = sentences[sentences["section"] == "body"]
    row = {
        "article_id": article.article_id,
        "headline": headline,
        "published": article.published.isoformat() if article.published else "",
        "source": article.source,
        "n_sentences": len(body),
        "n_words": int(body["text"].str.split().str.len().sum()) if len(body) else 0,
        "url": article.url,
        "encoding": article.encoding,
        "n_paragraphs": int((blocks["section"] == "body").sum()),
        "warnings": " | ".join(article.warnings),
        "format": article.format,
        "author": article.author,
        "dateline": article.dateline,
        "published_origin": article.published_origin,
        "language": article.language,
    }
    return frame("article", [row])


def pieces_table(article: Article) -> pd.DataFrame:
    """One row a piece of the file beside the story (a web page's visible text, a wire
    record's elements) with whether the story kept it; empty for plain text."""
    rows = [
        {
            "article_id": article.article_id,
            "piece_id": i,
            "element": piece.element,
            "text": piece.text,
            "kept": piece.kept,
        }
        for i, piece in enumerate(article.pieces)
    ]
    return frame("pieces", rows)


def read_layout(article: Article, resources: Resources) -> tuple[Article, list[Block]]:
    """The article's blocks, and the article with what its layout and words tell: the
    dateline's place, the date of a timestamp line (when no other date is known), the
    byline's author, its language (a warning when it is not the one the parser reads)."""
    blocks = layout(article, furniture=resources.furniture, cues=resources.layout)
    facts = layout_facts(article.text, blocks, resources.layout)
    if article.published is None and facts.timestamp is not None:
        article = article.with_published(facts.timestamp, "timestamp")
    body = (article.text[b.start : b.end] for b in blocks if b.section in PARSED_SECTIONS)
    language, warning = language_of(body, resources.languages)
    return (
        replace(
            article,
            dateline=article.dateline or facts.dateline,
            author=article.author or facts.author,
            language=language,
            warnings=article.warnings + ((warning,) if warning else ()),
        ),
        blocks,
    )


# The stages in order: each takes the context and returns the tables it names; the
# context then holds them for the stages after it.
STAGES: tuple[tuple[tuple[str, ...], Callable[[ArticleContext], object]], ...] = (
    (("mentions", "entities"), extract_entities),
    (("quotes",), extract_quotes),
    (("timex",), extract_timex),
    (("events",), build_timeline),
    (("entities",), add_publication),
    (("positions",), extract_positions),
    (("issues",), extract_issues),
    (("claims",), extract_claims),
    (("issue_candidates",), issue_candidates),
)


def article_context(article: Article, resources: Resources) -> ArticleContext:
    """The article laid out (furniture and tables skipped) and parsed: what every stage
    starts from. Its `article` holds what the layout told (see `read_layout`)."""
    article, blocks = read_layout(article, resources)
    parsed = parse_blocks(article, blocks, make_nlp(resources.entity_patterns))
    context = ArticleContext(article, resources, tuple(parsed), sentences_table(article, parsed))
    return context.with_tables(blocks=blocks_table(article, blocks))


def analyze(article: Article, resources: Resources) -> dict[str, pd.DataFrame]:
    """Every table of the contract for one article, plus `blocks` (the page's layout)
    and `pieces` (what the file held beside the story)."""
    context = article_context(article, resources)
    article = context.article
    for names, stage in STAGES:
        made = stage(context)
        context = context.with_tables(
            **dict(zip(names, made if len(names) > 1 else (made,), strict=True))
        )
    tables = context.tables
    headline = headline_text(article, tables["blocks"])
    return {
        "article": article_table(article, tables["blocks"], context.sentences, headline),
        "blocks": tables["blocks"],
        "pieces": pieces_table(article),
        "sentences": context.sentences,
        **{name: tables[name] for names, _ in STAGES for name in names},
    }


def write_tables(tables: dict[str, pd.DataFrame], out: Path, *, text: str | None = None) -> Path:
    """Write one CSV per table into `out`, whole or not at all (see `output`), and the
    article's text as `text.txt` (UTF-8): every row's offsets point into it. True and
    false are written as the contract spells them, `true` and `false`."""
    out = Path(out)
    staging = staging_folder(out)
    try:
        for name, table in tables.items():
            csv_ready(table).to_csv(
                staging / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n"
            )
        if text is not None:
            # newline="" keeps the text's own line ends, so offsets hold byte for byte
            with open(staging / "text.txt", "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        replace_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out
