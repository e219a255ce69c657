"""Headlines in capitals: the parser reads a re-cased copy of the same length, every row
keeps the article's own text and offsets (invented articles)."""

import pytest

from newsbook.pipeline import analyze, read_layout
from newsbook.text.article import make_article
from newsbook.text.nlp import cased_vocabulary, parse_plan, parse_text, recase

CAPITALS_STORY = (
    "UNION SAYS VANTERPOOL WILL NOT SIGN HARBOUR DEAL\n\n"
    "The dockers' union said on Tuesday that Vanterpool would refuse the harbour deal.\n\n"
    'Aldo Vanterpool, the port\'s director, said: "We will not sign this deal."\n\n'
    "Levies on ships rose last year. Critics of Vanterpool's board said levies were too high.\n"
)


@pytest.fixture(scope="module")
def capitals(resources):
    article = make_article(CAPITALS_STORY, article_id="caps", published="2024-05-07")
    return article, analyze(article, resources)


def test_every_row_of_a_capitals_headline_story_keeps_the_articles_text(capitals):
    article, tables = capitals
    for name in ("sentences", "mentions", "quotes", "positions"):
        table = tables[name]
        texts = table["text"] if "text" in table else table["evidence"]
        for start, end, text in zip(table["start"], table["end"], texts, strict=True):
            assert article.text[int(start) : int(end)] == text, (name, text)
    headline = tables["sentences"][tables["sentences"]["section"] == "headline"]
    assert list(headline["text"]) == ["UNION SAYS VANTERPOOL WILL NOT SIGN HARBOUR DEAL"]


def test_a_name_in_a_capitals_headline_is_a_mention_of_the_bodys_person(capitals):
    _, tables = capitals
    mentions = tables["mentions"]
    headline = mentions[mentions["start"] < len("UNION SAYS VANTERPOOL WILL NOT SIGN HARBOUR DEAL")]
    entities = tables["entities"].set_index("entity_id")["name"]
    assert [entities[e] for e in headline["entity_id"]] == ["Aldo Vanterpool"]


def test_the_parser_reads_a_capitals_headline_recased_at_the_same_length(resources):
    article = make_article(CAPITALS_STORY, article_id="caps", published="2024-05-07")
    laid_out, blocks = read_layout(article, resources)
    pieces, texts = parse_plan(laid_out, blocks)
    headline = texts[0]
    assert pieces[0][1].section == "headline"
    assert headline == "Union says Vanterpool will not sign harbour deal"
    assert len(headline) == pieces[0][1].end - pieces[0][1].start
    body = [laid_out.text[p.start : p.end] for _, p in pieces if p.section == "body"]
    assert recase(headline.upper(), cased_vocabulary(body)) == headline


def test_ticker_symbols_are_blanked_for_the_parser():
    """ "Acme Corp <ACM.L> said": the parser sees the name and the verb, with every offset
    where it was; a company's name in angle brackets stays."""
    text = "Acme Corp <ACM.L> said\non Monday that <Borrow Holdings> would bid."
    parsed = parse_text(text)
    assert len(parsed) == len(text)
    assert (
        parsed
        == "Acme Corp " + " " * len("<ACM.L>") + " said on Monday that <Borrow Holdings> would bid."
    )
