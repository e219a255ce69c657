"""One article in, every table out: the stages in order, each a function of the
tables before it. `analyze` is pure (no files written); `analyze_many` does the same for
a stream of articles, parsing them in batches (the corpus runner's entry point)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
from spacy.language import Language

from newsbook.lexicons import Resources
from newsbook.output import replace_folder, staging_folder
from newsbook.schema import Columns, column_lists, columns_frame, csv_ready
from newsbook.stages.claims import claims_columns
from newsbook.stages.context import ArticleContext
from newsbook.stages.entities import entity_columns
from newsbook.stages.events import timeline_columns
from newsbook.stages.issues import issues_columns
from newsbook.stages.positions import candidate_columns, positions_columns
from newsbook.stages.quotes import quotes_columns
from newsbook.stages.timex import timex_columns
from newsbook.stages.voice import writer_columns
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
from newsbook.text.nlp import ParsedBlock, make_nlp, parse_blocks, parse_many, sentences_table


def article_table(article: Article, blocks: Columns, sentences: Columns, headline: str) -> Columns:
    """The one-row `article` table."""
    body = [
        text
        for section, text in zip(sentences["section"], sentences["text"], strict=True)
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
        "n_paragraphs": blocks["section"].count("body"),
        "warnings": " | ".join(article.warnings),
        "format": article.format,
        "author": article.author,
        "dateline": article.dateline,
        "published_origin": article.published_origin,
        "language": article.language,
    }
    return column_lists("article", [row])


def pieces_table(article: Article) -> Columns:
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
    return column_lists("pieces", rows)


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


# The stages in order: each takes the context and returns the tables it names (as
# column lists); the context then holds them for the stages after it.
STAGES: tuple[tuple[tuple[str, ...], Callable[[ArticleContext], object]], ...] = (
    (("mentions", "entities"), entity_columns),
    (("quotes",), quotes_columns),
    (("timex",), timex_columns),
    (("events",), timeline_columns),
    (("mentions", "entities"), writer_columns),
    (("positions",), positions_columns),
    (("issues",), issues_columns),
    (("claims",), claims_columns),
    (("issue_candidates",), candidate_columns),
)


# Articles parsed together by `analyze_many`: enough blocks for full parser batches,
# few enough that a batch's tables (and the strings spaCy keeps for it) stay small.
ARTICLES_PER_BATCH = 32


def article_context(article: Article, resources: Resources) -> ArticleContext:
    """The article laid out (furniture and tables skipped) and parsed: what every stage
    starts from. Its `article` holds what the layout told (see `read_layout`)."""
    article, blocks = read_layout(article, resources)
    parsed = parse_blocks(article, blocks, language(resources), verbs=resources.stance_verbs)
    return _context(article, resources, blocks, parsed)


def language(resources: Resources) -> Language:
    """The spaCy pipeline the articles are parsed with, for these resources."""
    return make_nlp(resources.entity_patterns, resources.dotted_titles)


def _context(
    article: Article, resources: Resources, blocks: list[Block], parsed: list[ParsedBlock]
) -> ArticleContext:
    context = ArticleContext(article, resources, tuple(parsed), sentences_table(article, parsed))
    return context.with_tables(blocks=blocks_table(article, blocks))


def analyze(article: Article, resources: Resources) -> dict[str, pd.DataFrame]:
    """Every table of the contract for one article, plus `blocks` (the page's layout)
    and `pieces` (what the file held beside the story)."""
    tables = _run_stages(article_context(article, resources))
    return {name: columns_frame(name, table) for name, table in tables.items()}


def analyze_many(
    articles: Iterable[Article], resources: Resources, *, batch_size: int = ARTICLES_PER_BATCH
) -> Iterator[dict[str, Columns] | Exception]:
    """`analyze` for each article, in order, its tables as column lists (see
    `schema.Columns`: the corpus writer builds one table a partition), parsing
    `batch_size` articles at a time through one `nlp.pipe`. An article whose analysis fails yields its exception instead
    of its tables, so one bad article does not end the stream. Each batch runs in a spaCy
    memory zone: the strings its parses add are freed afterwards, so memory stays flat
    over a long stream (the tables hold plain Python values, never a Doc)."""
    nlp = language(resources)
    articles = iter(articles)
    while batch := list(itertools.islice(articles, batch_size)):
        with nlp.memory_zone():
            results = [_analysed(resources, parse) for parse in _parse(batch, resources, nlp)]
        yield from results


Parse = tuple[Article, list[Block], list[ParsedBlock]]


def _parse(batch: list[Article], resources: Resources, nlp: Language) -> list[Parse | Exception]:
    """Each article (with what its layout told), its blocks and its parse. When the
    batch fails (an article the parser rejects), each article is laid out and parsed
    alone again, so only that one fails."""
    try:
        laid_out = [read_layout(article, resources) for article in batch]
        parses = parse_many(laid_out, nlp, verbs=resources.stance_verbs)
        return [(a, b, p) for (a, b), p in zip(laid_out, parses, strict=True)]
    except Exception:  # noqa: BLE001 - find the article that failed, below
        pass
    alone: list[Parse | Exception] = []
    for article in batch:
        try:
            article, blocks = read_layout(article, resources)
            alone.append(
                (article, blocks, parse_blocks(article, blocks, nlp, verbs=resources.stance_verbs))
            )
        except Exception as error:  # noqa: BLE001 - this article's failure, not the batch's
            alone.append(error)
    return alone


def _analysed(resources: Resources, parse: Parse | Exception) -> dict[str, Columns] | Exception:
    if isinstance(parse, Exception):
        return parse
    try:
        return _run_stages(_context(parse[0], resources, parse[1], parse[2]))
    except Exception as error:  # noqa: BLE001 - one article's failure must not end the stream
        return error


def _run_stages(context: ArticleContext) -> dict[str, Columns]:
    article = context.article
    if article.language in ("", context.resources.languages.reads):
        for names, stage in STAGES:
            made = stage(context)
            context = context.with_tables(
                **dict(zip(names, made if len(names) > 1 else (made,), strict=True))
            )
    else:
        # the parser reads one language: in another its entities, quotes and dates are
        # noise, so the article keeps its layout and sentences, and its warning says why
        context = context.with_tables(
            **{n: column_lists(n, []) for names, _ in STAGES for n in names}
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
