"""The summary page: every sentence rests on rows that exist, hostile text comes out
escaped, and an article with nothing found (or no date) still gets a page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from newsbook import config
from newsbook.book.summary import (
    CHAPTER_PAGES,
    MAX_LINKS_PER_CLAUSE,
    _capitalise,
    cast,
    cast_html,
    claims_html,
    contested_claims,
    facts,
    facts_html,
    findings,
    findings_html,
    key_statements,
    load_words,
    stance_summary,
    statements_html,
    timeline_note,
    trust,
    trust_html,
    trust_statement,
)
from newsbook.book.tables import anchored_table, chapter_tables, row_anchor
from newsbook.pipeline import analyze
from newsbook.text.article import make_article
from tests.articles import SEED_ARTICLE

# Which table and id column each link prefix points into.
TARGETS = {
    "entity": ("entities", "entity_id"),
    "mention": ("mentions", "mention_id"),
    "quote": ("quotes", "quote_id"),
    "position": ("positions", "position_id"),
    "claim": ("claims", "claim_id"),
    "event": ("events", "event_id"),
}

TEXT = (
    "Ministers Clash Over Dam\n\n"
    'Energy Minister Lena Ortiz said on Monday the Rio Verde dam must be built. "We will '
    'build the Rio Verde dam this year, whatever the cost," Ortiz told reporters in Quito.\n\n'
    "Environment Minister Paulo Reyes said the government opposes the dam. "
    '"The dam would flood three villages and we will not allow it," Reyes said.\n\n'
    "The World Bank said it would decide on funding on June 3."
)


@pytest.fixture(scope="module")
def analysed(resources) -> dict[str, pd.DataFrame]:
    return analyze(make_article(TEXT, article_id="dam", published="2024-05-29"), resources)


@pytest.fixture
def tables(analysed) -> dict[str, pd.DataFrame]:
    """The analysed tables plus positions and a claim written here, so the stance and
    claim sentences are tested whatever the issue catalogue finds in this text."""
    tables = {name: table.copy() for name, table in analysed.items()}
    ids = dict(zip(tables["entities"]["name"], tables["entities"]["entity_id"], strict=True))
    ortiz, reyes = ids["Lena Ortiz"], ids["Paulo Reyes"]
    rows = [  # position_id, actor_id, issue_id, stance, sentence_id
        ("p1", ortiz, "dam", "support", 1),
        ("p2", reyes, "dam", "oppose", 3),
        ("p3", reyes, "funding", "support", 3),
        ("p4", reyes, "funding", "oppose", 4),
        ("p5", ortiz, "funding", "neutral", 2),
        ("p6", ortiz, "dam", "neutral", 2),
    ]
    names = {ortiz: "Lena Ortiz", reyes: "Paulo Reyes"}
    tables["positions"] = pd.DataFrame(
        [
            {
                "position_id": pid,
                "actor_id": actor,
                "actor": names[actor],
                "issue_id": issue,
                "issue": {"dam": "Building the dam", "funding": "World Bank funding"}[issue],
                "stance": stance,
                "sentence_id": sentence,
                "start": tables["sentences"].set_index("sentence_id").loc[sentence, "start"],
                "end": tables["sentences"].set_index("sentence_id").loc[sentence, "end"],
            }
            for pid, actor, issue, stance, sentence in rows
        ]
    )
    tables["claims"] = pd.DataFrame(
        [
            {
                "claim_id": "c1",
                "sentence_id": 3,
                "start": 0,
                "text": "The dam would flood three villages",
                "speaker_id": reyes,
                "speaker": "Reyes",
                "counter_sentence_id": 4,
                "counter_text": "Engineers disagree.",
            }
        ]
    )
    return tables


def empty_tables(tables: dict[str, pd.DataFrame], *, published: str = "") -> dict:
    """The same tables with no rows (and, optionally, no publication date)."""
    emptied = {name: table.iloc[0:0] for name, table in tables.items()}
    article = tables["article"].copy()
    article["published"] = published
    emptied["article"] = article
    return emptied


def row_ids(tables: dict, prefix: str) -> set[str]:
    name, column = TARGETS[prefix]
    table = tables.get(name)
    return set() if table is None else {row_anchor(prefix, v) for v in table[column]}


def assert_links_resolve(links, tables) -> None:
    for link in links:
        page, _, anchor = link.partition("#")
        prefix = anchor.split("-", 1)[0]
        assert page == CHAPTER_PAGES[prefix], link
        assert anchor in row_ids(tables, prefix), f"{link} points at no row"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [value for name, value in attrs if name == "href"]


def parse(fragment: str) -> Links:
    parser = Links()
    parser.feed(fragment)
    return parser


def test_every_sentence_claim_links_to_existing_rows(tables):
    found = findings(tables)
    assert len(found) >= 3
    claims = [clause for clauses in found["clauses"] for clause in clauses]
    assert any(c.evidence for c in claims)
    for clause in claims:
        assert_links_resolve(clause.evidence, tables)
    # the rendered links are exactly the evidence, so the page cannot link elsewhere
    rendered = parse(findings_html(found)).hrefs
    assert rendered == [link for clause in claims for link in clause.evidence]


def test_actor_sentences_are_filled_from_their_rows(tables):
    found = findings(tables)
    actors = found[found["topic"] == "actor"]
    assert len(actors)
    entities = tables["entities"]
    for _, row in actors.iterrows():
        # the subject is an entity of the table, the quoted count its direct quotations
        assert any(str(name) in row["subject"] for name in entities["name"]), row["subject"]
        for clause in row["clauses"]:
            match = re.search(r"is quoted (once|twice|(\d+) times)", clause.text)
            if match:
                count = {"once": 1, "twice": 2}.get(match.group(1)) or int(match.group(2))
                assert len(clause.evidence) == min(count, MAX_LINKS_PER_CLAUSE)
                assert all("#quote-" in link for link in clause.evidence)
            if clause.text.startswith(("supports", "opposes")):
                ids = {link.rsplit("-", 1)[-1] for link in clause.evidence}
                stances = tables["positions"].set_index("position_id").loc[list(ids), "stance"]
                said = {"supports": "support", "opposes": "oppose"}[clause.text.split()[0]]
                assert set(stances) == {said}


def test_stances_and_claims_in_sentences(tables):
    sentences = " ".join(findings(tables)["sentence"])
    assert "Energy Minister Lena Ortiz is quoted once and supports building the dam." in sentences
    assert "opposes building the dam" in sentences
    assert "is recorded both for and against World Bank funding" in sentences
    assert (
        "neutral" not in sentences and "World Bank funding" not in sentences.split("Ortiz")[1][:60]
    )
    assert "A claim by" in sentences and "Paulo Reyes is contested" in sentences
    matrix = stance_summary(tables).set_index(["actor", "issue"])["stance"]
    assert matrix[("Paulo Reyes", "World Bank funding")] == "mixed"
    assert matrix[("Lena Ortiz", "World Bank funding")] == "neutral"
    assert matrix[("Lena Ortiz", "Building the dam")] == "support"  # neutral takes no side


def test_default_article_links_resolve():
    tables = chapter_tables(str(SEED_ARTICLE.relative_to(config.ROOT)))
    found = findings(tables)
    links = [link for evidence in found["evidence"] for link in evidence]
    assert len(links) >= 5
    assert_links_resolve(links, tables)
    assert_links_resolve(key_statements(tables)["link"], tables)
    assert_links_resolve(contested_claims(tables)["link"], tables)


def test_most_named_only_when_one_entity_leads(tables):
    def lead(counts):
        tied = {name: table.copy() for name, table in tables.items()}
        tied["entities"] = tied["entities"].head(len(counts)).assign(n_mentions=counts)
        found = findings(tied)
        return [s for s in found["sentence"] if "most often" in s]

    assert len(lead([3, 1, 1])) == 1 and lead([3, 1, 1])[0].endswith("3 times.")
    assert lead([2, 2, 1]) == [] and lead([1, 1, 1]) == []


def test_key_statements_direct_first_and_linked(tables):
    statements = key_statements(tables)
    assert 3 <= len(statements) <= 5
    kinds = list(statements["kind"])
    assert kinds == sorted(kinds, key=lambda k: k != "direct")
    assert_links_resolve(statements["link"], tables)
    quotes = tables["quotes"].set_index("quote_id")
    for _, row in statements.iterrows():
        assert quotes.loc[row["quote_id"], "text"] == row["text"]


def test_cast_links_every_entity_once(tables):
    shown = cast(tables)
    assert sorted(shown["entity_id"]) == sorted(tables["entities"]["entity_id"])
    assert_links_resolve(shown["link"], tables)
    assert shown["group"].iloc[0] == "People"


def test_hostile_names_come_out_escaped(tables):
    hostile = {name: table.copy() for name, table in tables.items()}
    script = "<script>alert(1)</script>"
    entities = hostile["entities"]
    person = entities.index[entities["type"] == "PERSON"][0]
    entities.loc[person, ["name", "role"]] = [script, '"><img src=x onerror=alert(2)>']
    hostile["quotes"].loc[:, "text"] = script
    hostile["article"].loc[:, "headline"] = script
    fragments = [
        facts_html(facts(hostile)),
        findings_html(findings(hostile)),
        cast_html(cast(hostile)),
        statements_html(key_statements(hostile, limit=5)),
        claims_html(contested_claims(hostile)),
    ]
    page = "".join(fragments)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page and "<img" not in page
    assert set(parse(page).tags) <= {
        "dl",
        "dt",
        "dd",
        "ul",
        "ol",
        "li",
        "p",
        "div",
        "strong",
        "a",
        "sup",
    }


def test_anchored_table_escapes_and_sanitises_ids():
    table = pd.DataFrame(
        {"id": ["a b", "<x>", "a b"], "name": ["<script>alert(1)</script>", None, "ok"]}
    )
    page = anchored_table(table, ["name"], anchor="id", prefix="entity").data
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert re.findall(r'id="([^"]*)"', page) == ["entity-a-b", "entity--x-"]  # unique ids
    assert "nan" not in page and "None" not in page
    assert page == anchored_table(table, ["name"], anchor="id", prefix="entity").data


def test_empty_tables_give_plain_sentences_and_no_claims(tables):
    empty = empty_tables(tables)
    found = findings(empty)
    assert len(found)
    assert all(not clause.evidence for clauses in found["clauses"] for clause in clauses)
    words = load_words()["sentences"]
    sentences = set(found["sentence"])
    for key in ("no_entities", "no_statements", "no_positions", "no_events", "no_published"):
        assert _capitalise(words[key]) + "." in sentences or words[key] in sentences
    assert key_statements(empty).empty and cast(empty).empty
    assert stance_summary(empty).empty and contested_claims(empty).empty
    for fragment in (
        cast_html(cast(empty)),
        statements_html(key_statements(empty)),
        claims_html(contested_claims(empty)),
    ):
        assert fragment.startswith("<p>") and "href" not in fragment


def test_missing_tables_are_read_as_empty(tables):
    partial = {"article": tables["article"]}
    assert len(findings(partial))
    assert contested_claims(partial).empty
    assert key_statements({}).empty


def test_missing_publication_date_shows_unknown(tables):
    shown = facts(empty_tables(tables)).set_index("fact")["value"]
    assert shown["published"] == "unknown"
    assert "unknown" in timeline_note(empty_tables(tables))
    assert facts(tables).set_index("fact").loc["published", "value"] == "2024-05-29"


def test_trust_without_gold_says_so(tables, tmp_path: Path):
    statement = trust_statement(tables, text=TEXT, gold_dir=tmp_path)
    assert "No gold" in statement and "dam.yml" in str(statement)
    assert str(tmp_path.parent) not in statement  # no path of this machine
    assert trust(tables, text=TEXT, gold_dir=tmp_path).empty


def test_trust_scores_against_gold(tables, tmp_path: Path):
    (tmp_path / "dam.yml").write_text(
        "article_id: dam\nentities:\n"
        "  - {id: lena-ortiz, name: Lena Ortiz, type: PERSON, aliases: [Ortiz]}\n"
        "  - {id: nobody, name: Someone Absent, type: PERSON}\n",
        encoding="utf-8",
    )
    scored = trust(tables, text=TEXT, gold_dir=tmp_path).set_index("stage")
    assert scored.loc["entities", "recall"] == "0.50"  # one of two gold entities found
    assert scored.loc["entities", "result"].startswith("1 of 2 right")
    html = trust_html(scored.reset_index(), "x")
    assert 'id="trust-entities"' in html


def test_bad_gold_is_one_sentence_not_a_crash(tables, tmp_path: Path):
    (tmp_path / "dam.yml").write_text(
        "article_id: dam\nmentions:\n  - {text: Nowhere In Text, entity: x}\n", encoding="utf-8"
    )
    statement = trust_statement(tables, text=TEXT, gold_dir=tmp_path)
    assert "does not fit" in statement
    assert trust(tables, text=TEXT, gold_dir=tmp_path).empty
