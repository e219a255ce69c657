"""One article in, every table out: the stages in order, each a function of the
tables before it. `analyze` is pure (no files written), so the corpus runner can call it
per article in worker processes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from newsbook.lexicons import Resources
from newsbook.output import replace_folder, staging_folder
from newsbook.schema import csv_ready, frame
from newsbook.stages.claims import extract_claims
from newsbook.stages.entities import extract_entities
from newsbook.stages.events import build_timeline
from newsbook.stages.positions import extract_positions, issue_candidates
from newsbook.stages.quotes import extract_quotes
from newsbook.stages.timex import extract_timex, load_time_lexicon
from newsbook.text.article import Article
from newsbook.text.layout import blocks_table, headline_text, layout
from newsbook.text.nlp import parse_blocks, sentences_table


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
    }
    return frame("article", [row])


def analyze(article: Article, resources: Resources) -> dict[str, pd.DataFrame]:
    """Every table of the contract for one article, plus `blocks` (the page's layout)."""
    blocks = layout(article, furniture=list(resources.furniture))
    parsed = parse_blocks(article, blocks, resources.nlp)
    sentences = sentences_table(article, parsed)
    mentions, entities = extract_entities(article, parsed, sentences, resources)
    quotes = extract_quotes(article, parsed, sentences, mentions, entities, resources)
    time_lexicon = load_time_lexicon(resources.lexicon_dir)
    timex = extract_timex(article, parsed, sentences, lexicon=time_lexicon)
    events = build_timeline(article, parsed, timex, mentions, entities, lexicon=time_lexicon)
    positions = extract_positions(
        article,
        parsed,
        sentences,
        quotes,
        mentions,
        entities,
        resources,
        annotations_dir=resources.annotations_dir,
    )
    claims = extract_claims(article, parsed, sentences, quotes, mentions, entities, resources)
    candidates = issue_candidates(article, parsed, sentences, resources)
    block_rows = blocks_table(article, blocks)
    return {
        "article": article_table(article, block_rows, sentences, headline_text(article, blocks)),
        "blocks": block_rows,
        "sentences": sentences,
        "mentions": mentions,
        "entities": entities,
        "quotes": quotes,
        "positions": positions,
        "claims": claims,
        "issue_candidates": candidates,
        "timex": timex,
        "events": events,
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
