"""One article in, every table out: the stages in order, each a function of the
tables before it. `analyze` is pure (no files written); `analyze_many` does the same for
a stream of articles, parsing them in batches (the corpus runner's entry point)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pandas as pd
from spacy.language import Language

from newsbook.lexicons import Resources
from newsbook.output import replace_folder, staging_folder
from newsbook.schema import csv_ready, frame
from newsbook.stages.claims import extract_claims
from newsbook.stages.context import ArticleContext
from newsbook.stages.entities import extract_entities
from newsbook.stages.events import build_timeline
from newsbook.stages.positions import extract_positions, issue_candidates
from newsbook.stages.quotes import extract_quotes
from newsbook.stages.timex import extract_timex
from newsbook.text.article import Article
from newsbook.text.layout import Block, blocks_table, headline_text, layout
from newsbook.text.nlp import ParsedBlock, make_nlp, parse_blocks, parse_many, sentences_table


def article_table(
    article: Article, blocks: pd.DataFrame, sentences: pd.DataFrame, headline: str
) -> pd.DataFrame:
    """The one-row `article` table."""
    sections = sentences["section"].tolist()
    body = [
        text
        for section, text in zip(sections, sentences["text"].tolist(), strict=True)
        if section == "body"
    ]
    row = {
        "article_id": article.article_id,
        "headline": headline,
        "published": article.published.isoformat() if article.published else "",
        "source": article.source,
        "n_sentences": len(body),
        "n_words": sum(len(text.split()) for text in body),
        "url": article.url,
        "encoding": article.encoding,
        "n_paragraphs": blocks["section"].tolist().count("body"),
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
    (("positions",), extract_positions),
    (("claims",), extract_claims),
    (("issue_candidates",), issue_candidates),
)


# Articles parsed together by `analyze_many`: enough blocks for full parser batches,
# few enough that a batch's tables (and the strings spaCy keeps for it) stay small.
ARTICLES_PER_BATCH = 32


def article_context(article: Article, resources: Resources) -> ArticleContext:
    """The article laid out (furniture skipped) and parsed: what every stage starts from."""
    blocks = layout(article, furniture=resources.furniture)
    return _context(article, resources, blocks, parse_blocks(article, blocks, _nlp(resources)))


def _nlp(resources: Resources) -> Language:
    return make_nlp(resources.entity_patterns)


def _context(
    article: Article, resources: Resources, blocks: list[Block], parsed: list[ParsedBlock]
) -> ArticleContext:
    context = ArticleContext(article, resources, tuple(parsed), sentences_table(article, parsed))
    return context.with_tables(blocks=blocks_table(article, blocks))


def analyze(article: Article, resources: Resources) -> dict[str, pd.DataFrame]:
    """Every table of the contract for one article, plus `blocks` (the page's layout)."""
    return _run_stages(article_context(article, resources))


def analyze_many(
    articles: Iterable[Article], resources: Resources, *, batch_size: int = ARTICLES_PER_BATCH
) -> Iterator[dict[str, pd.DataFrame] | Exception]:
    """`analyze` for each article, in order, parsing `batch_size` articles at a time
    through one `nlp.pipe`. An article whose analysis fails yields its exception instead
    of its tables, so one bad article does not end the stream. Each batch runs in a spaCy
    memory zone: the strings its parses add are freed afterwards, so memory stays flat
    over a long stream (the tables hold plain Python values, never a Doc)."""
    nlp = _nlp(resources)
    articles = iter(articles)
    while batch := list(itertools.islice(articles, batch_size)):
        with nlp.memory_zone():
            results = [
                _analysed(article, resources, parse)
                for article, parse in _parse(batch, resources, nlp)
            ]
        yield from results


def _parse(
    batch: list[Article], resources: Resources, nlp: Language
) -> list[tuple[Article, tuple[list[Block], list[ParsedBlock]] | Exception]]:
    """Each article's blocks and parse. When the batch fails (an article the parser
    rejects), each article is laid out and parsed alone again, so only that one fails."""
    try:
        laid_out = [layout(article, furniture=resources.furniture) for article in batch]
        parses = parse_many(list(zip(batch, laid_out, strict=True)), nlp)
        return [(a, (b, p)) for a, b, p in zip(batch, laid_out, parses, strict=True)]
    except Exception:  # noqa: BLE001 - find the article that failed, below
        pass
    alone: list[tuple[Article, tuple[list[Block], list[ParsedBlock]] | Exception]] = []
    for article in batch:
        try:
            blocks = layout(article, furniture=resources.furniture)
            alone.append((article, (blocks, parse_blocks(article, blocks, nlp))))
        except Exception as error:  # noqa: BLE001 - this article's failure, not the batch's
            alone.append((article, error))
    return alone


def _analysed(
    article: Article,
    resources: Resources,
    parse: tuple[list[Block], list[ParsedBlock]] | Exception,
) -> dict[str, pd.DataFrame] | Exception:
    if isinstance(parse, Exception):
        return parse
    try:
        return _run_stages(_context(article, resources, *parse))
    except Exception as error:  # noqa: BLE001 - one article's failure must not end the stream
        return error


def _run_stages(context: ArticleContext) -> dict[str, pd.DataFrame]:
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
