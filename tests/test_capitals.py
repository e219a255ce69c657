"""Headlines in capitals: the parser reads a re-cased copy of the same length, every row
keeps the article's own text and offsets (invented articles)."""

import pytest

from newsbook.pipeline import analyze, language, read_layout
from newsbook.text.article import make_article
from newsbook.text.nlp import (
    cased_vocabulary,
    is_title_case,
    parse_blocks,
    parse_plan,
    parse_text,
    recase,
    recase_title,
)

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


def _parse_of(text: str, resources):
    """The article's parse, block by block, as the stages get it."""
    article = make_article(text, article_id="t", published="1987-03-05")
    laid_out, blocks = read_layout(article, resources)
    nlp = language(resources)
    return laid_out, parse_blocks(laid_out, blocks, nlp, verbs=resources.stance_verbs)


def test_a_ticker_is_read_past_and_kept_as_blanks(resources):
    """ "Gencorp <GY> rejects": the parser reads "Gencorp rejects" (a run of blanks is a
    token it hangs into the clause, often as the subject's head); the Doc keeps the
    blanks, so every offset is the text's."""
    text = "GENCORP <GY> REJECTS BID\n\nGencorp Inc <GY> said it rejected the bid.\n"
    laid_out, parsed = _parse_of(text, resources)
    for block in parsed:
        spelled = parse_text(laid_out.text[block.block.start : block.block.end])
        assert block.doc.text.casefold() == spelled.casefold()  # (the headline re-cased)
    body = next(b.doc for b in parsed if b.block.section == "body")
    said = next(t for t in body if t.lower_ == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Inc"]
    blanks = [t for t in body if t.is_space]
    assert blanks and all(t.ent_iob_ == "O" and t.head.i == t.i - 1 for t in blanks)
    assert [(e.text, e.label_) for e in body.ents][:1] == [("Gencorp Inc", "ORG")]


def test_a_headline_in_headlinese_is_read_with_its_verb(resources):
    """ "Gencorp rejects unsolicited takeover bid": articles dropped, the parser takes
    "unsolicited" for the verb; read with "the" after the verb, it takes "rejects", whose
    subject and object are then the company and the bid (the added word left out)."""
    text = (
        "GENCORP <GY> REJECTS UNSOLICITED TAKEOVER BID\n\n"
        "Gencorp Inc said its board rejected the unsolicited takeover bid.\n"
    )
    _, parsed = _parse_of(text, resources)
    headline = next(b.doc for b in parsed if b.block.section == "headline")
    verb = next(t for t in headline if t.lower_ == "rejects")
    assert verb.dep_ == "ROOT" and verb.pos_ == "VERB"
    assert [c.text for c in verb.children if c.dep_ in {"nsubj", "dobj"}] == ["Gencorp", "bid"]
    assert "the" not in [t.lower_ for t in headline]


def test_a_headline_the_parser_reads_whole_is_left_as_it_is(resources):
    """A headline whose verb the parser already takes is parsed once, as it is."""
    text = "Reagan says Volcker will not serve new term\n\nReagan said Volcker would go.\n"
    _, parsed = _parse_of(text, resources)
    headline = next(b.doc for b in parsed if b.block.section == "headline")
    assert [t.text for t in headline if t.dep_ == "ROOT"] == ["says"]


@pytest.mark.parametrize(
    ("headline", "read"),
    [
        (
            "Councillors Reject Slievemore Wind Farm as Developer Weighs Appeal",
            "Councillors reject Slievemore wind farm as developer weighs appeal",
        ),
        ("School Board Backs Cuts Over NHS Protests", "School board backs cuts over NHS protests"),
    ],
)
def test_a_title_case_headline_is_re_cased_from_the_story(headline, read):
    """Words the story writes in lower case, or never writes, go lower case; its names
    (written capitalised in the story), acronyms and the first word keep their capital;
    the length is kept."""
    body = "Slievemore residents said the wind farm and the school board would go."
    assert is_title_case(headline) and not is_title_case(read)
    assert recase_title(headline, cased_vocabulary([body])) == read
    assert len(read) == len(headline)


@pytest.mark.parametrize(
    ("headline", "subject"),
    [
        ("U.S. housing starts rose 4.4 pct in March", "starts"),
        ("EC states attack plan to penalise farmers", "states"),
        ("Taiwan protests block Du Pont plant", "protests"),
        ("Reagan says Volcker will not serve new term", "Volcker"),
    ],
)
def test_a_plural_before_a_verb_is_not_read_as_the_verb(resources, headline, subject):
    """A plural before a verb ("starts rose", "states attack", "protests block") is its
    subject; only a word of the lexicon's verbs of a side, with no verb after it, is tried
    as the verb (a verb of speech, "says", the parser reads)."""
    _, parsed = _parse_of(f"{headline}\n\nThe story went on.\n", resources)
    headline_doc = next(b.doc for b in parsed if b.block.section == "headline")
    plain = language(resources)(headline_doc.text)
    assert [t.dep_ for t in headline_doc] == [t.dep_ for t in plain]
    assert subject not in [t.text for t in headline_doc if t.dep_ == "ROOT"]


def test_an_entity_read_across_a_ticker_ends_at_its_blanks(resources):
    """ "COBANCO INC <CBCO> YEAR NET": the parser, reading past the ticker, may run the name
    into the next word; the entity stops at the blanks, and the rest is no entity."""
    text = "COBANCO INC <CBCO> YEAR NET\n\nCobanco Inc said its net rose.\n"
    tables = analyze(make_article(text, article_id="t", published="1987-03-05"), resources)
    names = set(tables["entities"]["name"])
    assert not {"year", "YEAR", "Year"} & names, names
    assert any(name.casefold() == "cobanco inc" for name in names), names


def test_a_gazetteer_name_keeps_its_id_across_blanks(resources):
    """A run of blanks in the text ("pact,  Tass") makes the parse a projected one: the
    gazetteer's id for the name it matched is kept ("INF treaty" is the INF Treaty)."""
    text = "Moscow said it would keep to the INF treaty,  Tass reported on Monday.\n"
    tables = analyze(make_article(text, article_id="t", published="1987-03-05"), resources)
    assert "inf-treaty" in set(tables["entities"]["entity_id"]), tables["entities"]


def test_a_gazetteer_name_in_a_title_case_headline_keeps_its_capitals(resources):
    """ "... Breaching Intermediate-Range Nuclear Forces Treaty": the story may name it
    otherwise; the headline's words of a gazetteer name are not re-cased."""
    text = (
        "Moscow Warns Washington Against Breaching Intermediate-Range Nuclear Forces Treaty\n\n"
        "Moscow said on Monday that the 1987 treaty must stand.\n"
    )
    tables = analyze(make_article(text, article_id="t", published="1988-03-05"), resources)
    mentions = tables["mentions"]
    assert "inf-treaty" in set(mentions[mentions["sentence_id"] == 0]["entity_id"]), mentions
