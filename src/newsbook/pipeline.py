"""One article in, every table out: the stages in order, each a function of the
tables before it. `analyze` is pure (no files written), so the corpus runner can call it
per article in worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
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
from newsbook.text.layout import blocks_table, headline_text, layout
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
    }
    return frame("article", [row])


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
    """The article laid out (furniture skipped) and parsed: what every stage starts from."""
    blocks = layout(article, furniture=resources.furniture)
    parsed = parse_blocks(article, blocks, make_nlp(resources.entity_patterns))
    context = ArticleContext(article, resources, tuple(parsed), sentences_table(article, parsed))
    return context.with_tables(blocks=blocks_table(article, blocks))


def analyze(article: Article, resources: Resources) -> dict[str, pd.DataFrame]:
    """Every table of the contract for one article, plus `blocks` (the page's layout)."""
    context = article_context(article, resources)
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
        "sentences": context.sentences,
        **{name: tables[name] for names, _ in STAGES for name in names},
    }


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> Path:
    """Write one CSV per table into `out`, whole or not at all (see `output`). True and
    false are written as the contract spells them, `true` and `false`."""
    out = Path(out)
    staging = staging_folder(out)
    try:
        for name, table in tables.items():
            csv_ready(table).to_csv(
                staging / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n"
            )
        replace_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out
