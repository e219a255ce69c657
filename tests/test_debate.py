"""The corpus book's aggregations (DuckDB SQL of newsbook.corpus.debate) and networks
(newsbook.corpus.networks) on small hand-made tables: every expected row worked out by
hand."""

import math

import duckdb
import networkx as nx
import pandas as pd
import pytest

from newsbook.corpus.debate import BASE_TABLES, OPTIONAL_COLUMNS, CorpusDB, render, sql_literal
from newsbook.corpus.networks import circle_layout, coalitions, stance_similarity, write_graphml
from newsbook.schema import TABLES, corpus_columns

DATES = {"a1": "2010-03-01", "a2": "2010-03-08", "a3": "2010-03-15", "a4": "2010-03-22", "a5": ""}


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table of the corpus schema from a few rows (other columns empty)."""
    columns = corpus_columns(name) if name in TABLES else {"article_id": "str", "text": "str"}
    defaults = {"str": "", "int": 0, "float": 0.0, "bool": False}
    full = [{c: row.get(c, defaults[kind]) for c, kind in columns.items()} for row in rows]
    return pd.DataFrame(full, columns=list(columns)).astype(
        {
            c: {"str": "object", "int": "int64", "float": "float64", "bool": "bool"}[k]
            for c, k in columns.items()
        }
    )


def entity(article: str, entity_id: str, corpus_id: str, name: str, kind: str = "PERSON") -> dict:
    return {"article_id": article, "entity_id": entity_id, "corpus_entity_id": corpus_id,
            "name": name, "type": kind, "n_mentions": 1}  # fmt: skip


def position(
    article: str, pid: str, actor_id: str, actor: str, issue: str, stance: str, start: int
) -> dict:
    return {"article_id": article, "position_id": pid, "actor_id": actor_id, "actor": actor,
            "issue_id": issue, "issue": issue.upper(), "stance": stance, "source": "auto",
            "start": start, "end": start + 10, "hedged": stance == "neutral",
            "evidence": f"{actor} on {issue}"}  # fmt: skip


# Ana Berg (a, as "Ana Berg" and "Berg"), Lev Okon (b) and Norland (c) on issues x and y:
# a supports x in a1 and a2 (twice in a1) and opposes y in a3; b supports x in a1 and
# opposes y in a4; c opposes x in a2, and in a5 (undated) both supports and opposes y.
POSITIONS = [
    position("a1", "p1", "ana-berg", "Ana Berg", "x", "support", 0),
    position("a1", "p2", "ana-berg", "Ana Berg", "x", "support", 20),
    position("a1", "p3", "lev-okon", "Lev Okon", "x", "support", 40),
    position("a2", "p1", "berg", "Berg", "x", "support", 0),
    position("a2", "p2", "norland", "Norland", "x", "oppose", 20),
    position("a3", "p1", "ana-berg", "Ana Berg", "y", "oppose", 0),
    position("a4", "p1", "lev-okon", "Lev Okon", "y", "oppose", 0),
    position("a4", "p2", "the-panel", "the panel", "y", "neutral", 20),
    position("a5", "p1", "norland", "Norland", "y", "support", 0),
    position("a5", "p2", "norland", "Norland", "y", "oppose", 20),
]
ENTITIES = [
    entity("a1", "ana-berg", "person:ana-berg", "Ana Berg"),
    entity("a1", "lev-okon", "person:lev-okon", "Lev Okon"),
    entity("a2", "berg", "person:ana-berg", "Berg"),
    entity("a2", "norland", "gpe:norland", "Norland", "GPE"),
    entity("a3", "ana-berg", "person:ana-berg", "Ana Berg"),
    entity("a4", "lev-okon", "person:lev-okon", "Lev Okon"),
    entity("a5", "norland", "gpe:norland", "Norland", "GPE"),
]
EVENTS = [  # a1 and a2 report Berg meeting Okon on one day, by other names
    {"article_id": "a1", "event_id": "e1", "date": "2010-02-26", "granularity": "day",
     "predicate": "meet", "actors": "Ana Berg | Lev Okon", "modality": "scheduled", "start": 0, "end": 9},
    {"article_id": "a2", "event_id": "e1", "date": "2010-02-26", "granularity": "day",
     "predicate": "meet", "actors": "Berg", "modality": "occurred", "start": 0, "end": 9},
    {"article_id": "a3", "event_id": "e1", "date": "2010-02-26", "granularity": "day",
     "predicate": "sign", "actors": "Ana Berg", "modality": "occurred", "start": 0, "end": 9},
    {"article_id": "a4", "event_id": "e1", "date": "", "granularity": "",
     "predicate": "vote", "actors": "", "modality": "scheduled", "start": 0, "end": 9},
]  # fmt: skip
ENTITIES.append(entity("a2", "lev-okon", "person:lev-okon", "Lev Okon"))
EVENTS[1]["actors"] = "Berg | Lev Okon"


def tables(positions: list[dict] = POSITIONS, *, issue_source: bool = False) -> dict:
    found = {name: frame(name, []) for name in BASE_TABLES}
    found["article"] = frame(
        "article", [{"article_id": a, "published": d, "source": "Wire"} for a, d in DATES.items()]
    )
    found["entities"] = frame("entities", ENTITIES)
    found["positions"] = frame("positions", positions)
    if issue_source:
        found["positions"]["issue_source"] = [
            "discovered" if p["issue_id"] == "y" else "catalogue" for p in positions
        ]
    else:  # a corpus written before discovered issues: no issue_source, pattern, target
        found["positions"] = found["positions"].drop(columns=list(OPTIONAL_COLUMNS["positions"]))
    found["events"] = frame("events", EVENTS)
    found["quotes"] = frame("quotes", [
        {"article_id": "a1", "quote_id": "q1", "kind": "direct", "speaker_id": "ana-berg", "speaker": "Ana Berg"},
        {"article_id": "a2", "quote_id": "q1", "kind": "reported", "speaker_id": "berg", "speaker": "Berg"},
        {"article_id": "a3", "quote_id": "q1", "kind": "reported", "speaker_id": "", "speaker": "Officials"},
        {"article_id": "a4", "quote_id": "q1", "kind": "reported", "speaker_id": "", "speaker": "officials"},
    ])  # fmt: skip
    found["timex"] = frame("timex", [{"article_id": "a1", "timex_id": "t1", "value": ""}])
    return found


@pytest.fixture(scope="module")
def db() -> CorpusDB:
    return CorpusDB(tables())


def rows(table: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(r) for r in table[columns].itertuples(index=False)]


def test_statements_carry_corpus_wide_actors_and_their_dates(db):
    statements = db.table("statements")
    assert len(statements) == len(POSITIONS)
    by_id = statements.set_index("statement_id")
    assert by_id.loc["a2/p1", ["actor_id", "actor", "date"]].tolist() == [
        "person:ana-berg",
        "Ana Berg",
        "2010-03-08",
    ]
    assert by_id.loc["a4/p2", ["actor_id", "actor"]].tolist() == ["unlinked:the-panel", "the panel"]
    # before discovered issues, every issue is the catalogue's
    assert set(statements["issue_source"]) == {"catalogue"}
    assert list(statements.columns[:4]) == ["statement_id", "actor_id", "actor", "actor_type"]


def test_issue_source_is_read_when_the_positions_have_it():
    statements = CorpusDB(tables(issue_source=True)).table("statements")
    assert dict(zip(statements["issue_id"], statements["issue_source"], strict=True)) == {
        "x": "catalogue",
        "y": "discovered",
    }


@pytest.mark.parametrize(
    ("actor_id", "issue_id", "expected"),
    [
        # actor, issue: support, oppose, mixed, neutral, articles, statements, stance
        ("person:ana-berg", "x", (2, 0, 0, 0, 2, 3, "support")),  # two sentences of a1 count once
        ("person:ana-berg", "y", (0, 1, 0, 0, 1, 1, "oppose")),
        ("gpe:norland", "y", (0, 0, 1, 0, 1, 2, "mixed")),  # one article, both sides
        ("gpe:norland", "x", (0, 1, 0, 0, 1, 1, "oppose")),
        ("unlinked:the-panel", "y", (0, 0, 0, 1, 1, 1, "neutral")),
    ],
)
def test_the_stance_matrix_counts_articles_not_sentences(db, actor_id, issue_id, expected):
    matrix = db.query("stance_matrix", min_statements=1).set_index(["actor_id", "issue_id"])
    columns = ["support", "oppose", "mixed", "neutral", "articles", "statements", "stance"]
    assert tuple(matrix.loc[(actor_id, issue_id), columns]) == expected


# Profiles (articles per issue and side): Berg x+ 2, y- 1 (total 3, norm sqrt 5); Okon
# x+ 1, y- 1 (total 2, norm sqrt 2); Norland x- 1, y+ 1, y- 1 (total 3, norm sqrt 3).
NETWORK = [
    (
        "person:ana-berg",
        "person:lev-okon",
        "agreement",
        2,
        round(2 / 3, 3),
        round(3 / math.sqrt(10), 3),
    ),
    (
        "gpe:norland",
        "person:ana-berg",
        "agreement",
        1,
        round(1 / 5, 3),
        round(1 / math.sqrt(15), 3),
    ),
    ("gpe:norland", "person:lev-okon", "agreement", 1, round(1 / 4, 3), round(1 / math.sqrt(6), 3)),
    ("gpe:norland", "person:ana-berg", "conflict", 2, round(2 / 4, 3), round(3 / math.sqrt(15), 3)),
    ("gpe:norland", "person:lev-okon", "conflict", 2, round(2 / 3, 3), round(2 / math.sqrt(6), 3)),
]


def test_agreement_and_conflict_with_each_normalisation(db):
    network = db.query("actor_network")
    assert rows(network, ["a", "b", "kind", "raw", "jaccard", "cosine"]) == NETWORK
    assert (
        network.set_index(["a", "b", "kind"]).loc[
            ("gpe:norland", "person:ana-berg", "conflict"), "issues"
        ]
        == "x | y"
    )


def test_a_change_of_position_is_dated(db):
    more = [*POSITIONS, position("a4", "p3", "ana-berg", "Ana Berg", "x", "oppose", 40)]
    more.append(
        position("a5", "p3", "ana-berg", "Ana Berg", "x", "support", 0)
    )  # undated: no change
    ENTITIES.append(entity("a4", "ana-berg", "person:ana-berg", "Ana Berg"))
    ENTITIES.append(entity("a5", "ana-berg", "person:ana-berg", "Ana Berg"))
    try:
        changes = CorpusDB(tables(more)).query("stance_changes")
    finally:
        del ENTITIES[-2:]
    assert rows(changes, ["actor_id", "issue_id", "before", "before_date", "before_article", "after", "after_date", "after_article"]) == [
        ("person:ana-berg", "x", "support", "2010-03-08", "a2", "oppose", "2010-03-22", "a4"),
    ]  # fmt: skip


def test_stances_fall_in_moving_windows(db):
    windows = db.query("stance_windows", window=14, step=7)
    berg_x = windows[(windows["actor_id"] == "person:ana-berg") & (windows["issue_id"] == "x")]
    # windows of 14 days every 7 from 2010-02-22: a1 (03-01) falls in two, a2 (03-08) in two
    assert rows(berg_x, ["window_start", "support", "oppose"]) == [
        ("2010-02-22", 1, 0),
        ("2010-03-01", 2, 0),
        ("2010-03-08", 1, 0),
    ]
    assert set(windows["actor_id"]) == {"person:ana-berg", "person:lev-okon", "gpe:norland"}


def test_reports_of_one_event_merge_with_their_sources(db):
    merged = db.query("merged_events")
    assert rows(merged, ["date", "predicate", "actor_key", "modality", "main_modality", "articles", "sources"]) == [
        ("2010-02-26", "meet", "person:ana-berg | person:lev-okon", "occurred | scheduled", "occurred", 2, "a1/e1 | a2/e1"),
        ("2010-02-26", "sign", "person:ana-berg", "occurred", "occurred", 1, "a3/e1"),
    ]  # fmt: skip
    assert merged["merged_id"].is_unique


def test_speakers_unnamed_ones_grouped_by_their_phrase(db):
    speakers = db.query("top_speakers", top=10)
    assert rows(
        speakers, ["speaker_id", "speaker", "named", "statements", "direct", "articles"]
    ) == [
        ("person:ana-berg", "Ana Berg", True, 2, 1, 2),
        ("unnamed:officials", "Officials", False, 2, 0, 2),  # one source, however written
    ]


def test_unresolved_rows_are_counted_by_kind(db):
    unresolved = db.query("unresolved")
    counts = {
        (t, w.split()[1]): (n, u)
        for t, w, n, u in rows(unresolved, ["table", "unresolved_when", "rows", "unresolved"])
    }
    assert counts[("quotes", "speaker")] == (4, 2)
    assert counts[("positions", "actor")] == (10, 1)
    assert counts[("timex", "expression")] == (1, 1)
    assert counts[("events", "event")] == (4, 1)
    assert counts[("article", "publication")] == (5, 1)


def test_the_sql_shown_is_the_sql_run():
    assert sql_literal("it's") == "'it''s'"
    assert sql_literal(("PERSON", "ORG")) == "('PERSON', 'ORG')"
    assert render("SELECT $top, $types", top=3, types=("A",)) == "SELECT 3, ('A')"
    with pytest.raises(KeyError, match=r"\$period"):
        render("SELECT $period")


def test_the_exported_views_rebuild_the_statements(tmp_path, db):
    files = {}
    for name, table in tables().items():
        files[name] = f"{name}.parquet"
        table.to_parquet(tmp_path / files[name], index=False)
    (tmp_path / "views.sql").write_text(db.views_sql(files))
    connection = duckdb.connect()
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        connection.execute((tmp_path / "views.sql").read_text())
        again = connection.execute("SELECT * FROM statements").df()
    finally:
        os.chdir(here)
    assert again.drop(columns=["hedged"]).equals(db.table("statements").drop(columns=["hedged"]))


def test_coalitions_join_actors_that_agree_more_than_they_conflict():
    network = pd.DataFrame(
        [
            ("a", "b", "agreement", 3),
            ("a", "c", "conflict", 2),
            ("b", "c", "conflict", 1),
            ("b", "c", "agreement", 1),
            ("c", "d", "agreement", 1),
        ],
        columns=["a", "b", "kind", "raw"],
    )
    assert stance_similarity(network) == {
        ("a", "b"): 1.0,
        ("a", "c"): -1.0,
        ("b", "c"): 0.0,
        ("c", "d"): 1.0,
    }
    groups = coalitions(network, {"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"})
    assert rows(groups, ["actor_id", "coalition", "size"]) == [
        ("a", 1, 2), ("b", 1, 2), ("c", 2, 2), ("d", 2, 2), ("e", 3, 1),
    ]  # fmt: skip
    assert groups.set_index("actor_id").loc["a", "cohesion"] == 1.0


def test_layouts_and_graphml_are_deterministic(tmp_path):
    assert circle_layout(["a", "b", "c", "d"]) == {
        "a": (1.0, 0.0),
        "b": (0.0, 1.0),
        "c": (-1.0, 0.0),
        "d": (-0.0, -1.0),
    }
    nodes = pd.DataFrame({"id": ["b", "a"], "label": ["B", "A"], "size": [2, 1]})
    edges = pd.DataFrame(
        {"a": ["a", "a"], "b": ["b", "b"], "kind": ["conflict", "agreement"], "raw": [1, 2]}
    )
    first = write_graphml(tmp_path / "one.graphml", nodes, edges).read_bytes()
    second = write_graphml(
        tmp_path / "two.graphml", nodes.iloc[::-1], edges.iloc[::-1]
    ).read_bytes()
    assert first == second
    graph = nx.read_graphml(tmp_path / "one.graphml")
    assert graph.nodes["a"] == {"label": "A", "size": 1}
    assert sorted(d["kind"] for _, _, d in graph.edges(data=True)) == ["agreement", "conflict"]


def test_an_unlinked_actor_written_two_ways_is_one_node():
    more = [
        *POSITIONS,
        position("a1", "p9", "the-panel", "the Panel", "x", "oppose", 60),
        position("a2", "p9", "the-panel", "the panel", "x", "oppose", 60),
    ]
    network = CorpusDB(tables(more)).query("actor_network")
    panel = network[(network["a"] == "unlinked:the-panel") | (network["b"] == "unlinked:the-panel")]
    assert not panel.duplicated(subset=["a", "b", "kind"]).any()
    assert set(panel["kind"]) == {"agreement", "conflict"}
