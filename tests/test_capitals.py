"""Headlines in capitals: the parser reads a re-cased copy of the same length, every row
keeps the article's own text and offsets (invented articles)."""

import pytest

from newsbook.pipeline import analyze
from newsbook.text.article import make_article
from newsbook.text.nlp import cased_vocabulary, recase


def test_a_name_the_body_writes_only_with_a_possessive_keeps_its_capital():
    vocabulary = cased_vocabulary(["Allies of Delacroix' coalition met. Delacroix's aides left."])
    assert recase("PARTY SAYS DELACROIX WILL RESIGN", vocabulary) == (
        "Party says Delacroix will resign"
    )


def test_a_name_at_a_sentence_end_keeps_its_capital():
    vocabulary = cased_vocabulary(["The harbour deal was signed by Marrowby."])
    assert recase("UNION BACKS MARROWBY DEAL", vocabulary) == "Union backs Marrowby deal"


def test_a_word_capitalised_only_where_a_sentence_starts_is_no_name():
    vocabulary = cased_vocabulary(["Levies rose in March. Levies fell in April. They cut levies."])
    assert recase("COUNCIL CUTS HARBOUR LEVIES", vocabulary) == "Council cuts harbour levies"


def test_initials_the_body_never_writes_stay_in_capitals():
    vocabulary = cased_vocabulary(["The talks on the fishing quota stalled on Monday."])
    assert recase("QUOTA TALKS WITH U.K. STALL", vocabulary) == "Quota talks with U.K. stall"


def test_a_possessive_keeps_the_words_length_and_a_lower_case_ending():
    vocabulary = cased_vocabulary(["Senator Okafor said the plan was sound."])
    recased = recase("OKAFOR'S PLAN WINS BACKING", vocabulary)
    assert recased == "Okafor's plan wins backing"
    assert len(recased) == len("OKAFOR'S PLAN WINS BACKING")


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
