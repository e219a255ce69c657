"""Part II's book layer: the corpus computed once and cached, its parameters checked,
every list and chart of the chapters built from hand-made tables (and from a corpus with
no positions at all), article pages with the evidence marked, and the command line."""

import json
import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from newsbook import config
from newsbook.book import corpus as corpus_module
from newsbook.book import corpus_charts
from newsbook.book.build import PART_ONE, PART_TWO, part_toc
from newsbook.book.corpus import DEFAULT_CORPUS, CorpusSource, corpus_folder, corpus_tables
from newsbook.book.corpus_trust import shifted, unresolved_list
from newsbook.book.debate import CorpusBook, book_for
from newsbook.book.pages import Span, article_page, evidence_href, marked_text, page_name
from newsbook.book.parameters import ParameterError, notebook_parameters
from newsbook.cli import main
from newsbook.corpus.debate import BASE_TABLES, CorpusDB
from newsbook.errors import InputError
from tests.test_debate import entity, frame, position, tables

STORIES = [
    ("s1", "2010-03-01", "DAM TALKS", "Norland said on Monday it supports the river dam.\n"),
    ("s2", "2010-03-09", "FISH", "Sudmark opposes the river dam, Minister Lev Okon said.\n"),
    ("s3", "2010-04-20", "WEATHER", "It rained in Norland on Tuesday.\n"),
]
CATALOGUE = "issues:\n  - id: dam\n    label: The river dam\n    patterns: ['\\bdam\\b']\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "stories.csv"
    table = pd.DataFrame(STORIES, columns=["article_id", "published", "headline", "text"])
    table.to_csv(path, index=False)
    return path


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    return tmp_path / "cache"


def test_a_corpus_is_computed_once_with_its_selection_and_texts(
    corpus, cache, tmp_path, monkeypatch
):
    rule = tmp_path / "rule.yml"
    rule.write_text("pattern: 'dam'\n", encoding="utf-8")
    issues = tmp_path / "issues.yml"
    issues.write_text(CATALOGUE, encoding="utf-8")
    source = CorpusSource.from_parameters(str(corpus), str(rule), "2010-03-01", "", str(issues))
    files = corpus_tables(source)
    selection = json.loads((corpus_folder(source) / "selection.json").read_text())
    assert (selection["read"], selection["filtered_out"], selection["analysed"]) == (3, 1, 2)
    texts = pd.read_parquet(files["texts"]).set_index("article_id")["text"]
    assert dict(texts) == {s[0]: s[3] for s in STORIES[:2]}
    quotes = pd.read_parquet(files["quotes"])
    for row in quotes.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    positions = pd.read_parquet(files["positions"])
    assert set(positions["issue_id"]) == {"dam"}  # the ISSUES catalogue was used

    # a second call reads the cache: no corpus run
    def run_again(*args, **options):
        raise RuntimeError("ran again")

    monkeypatch.setattr(corpus_module, "run_corpus", run_again)
    assert corpus_tables(source) == files
    assert len(list((cache / "corpus").iterdir())) == 2  # the folder and its lock
    # another date range is another corpus
    with pytest.raises(RuntimeError, match="ran again"):
        corpus_tables(CorpusSource.from_parameters(str(corpus), str(rule), "2010-03-02"))


@pytest.mark.parametrize(
    ("parameters", "error", "message"),
    [
        ({"date_from": "2010-13-01"}, ParameterError, "FROM '2010-13-01' is not a date"),
        ({"date_to": "March"}, ParameterError, "TO 'March' is not a date"),
        ({"date_from": "2010-03-02", "date_to": "2010-03-01"}, InputError, "is after TO"),
        ({"corpus": "no/such/corpus.csv"}, InputError, "does not exist"),
        ({"rule": "no/such/rule.yml"}, InputError, "cannot be read"),
        ({"issues": "no/such/issues.yml"}, InputError, "not found"),
    ],
)
def test_bad_parameters_stop_a_chapter_in_one_line(corpus, parameters, error, message):
    arguments = {"corpus": str(corpus), **parameters}
    with pytest.raises(error, match=message):
        CorpusSource.from_parameters(
            arguments["corpus"],
            arguments.get("rule", ""),
            arguments.get("date_from", ""),
            arguments.get("date_to", ""),
            arguments.get("issues", ""),
        )


def hand_made_book(positions=None, *, empty: bool = False) -> CorpusBook:
    made = tables() if positions is None else tables(positions)
    if empty:  # a corpus whose FILTER kept nothing
        made = {name: table.head(0) for name, table in made.items()}
    source = CorpusSource(corpus=config.ROOT / DEFAULT_CORPUS)
    selection = {"read": 5, "filtered_out": 0, "duplicates": 0, "outside_dates": 0,
                 "undated": 0, "analysed": 5, "failed": 0, "warnings": []}  # fmt: skip
    return CorpusBook(source, CorpusDB(made), selection)


CHART_CALLS = [
    lambda cb: corpus_charts.articles_chart(cb.query("articles_per_period"), cb.periods),
    lambda cb: corpus_charts.actors_chart(cb.query("actor_presence")),
    lambda cb: corpus_charts.presence_chart(cb.query("actor_presence_over_time"), cb.periods),
    lambda cb: corpus_charts.network_chart(
        *cb.cooccurrence_network(), title="t", node_colour="type"
    ),
    lambda cb: corpus_charts.speakers_chart(cb.query("top_speakers")),
    lambda cb: corpus_charts.speaker_timeline_chart(cb.speaker_statements()),
    lambda cb: corpus_charts.stance_matrix_chart(cb.stance_matrix()),
    lambda cb: corpus_charts.network_chart(
        *cb.network_drawing(),
        title="t",
        node_colour="coalition",
        edge_colour="kind",
        select_normalisation=True,
    ),
    lambda cb: corpus_charts.windows_chart(cb.windows()),
    lambda cb: corpus_charts.events_per_month_chart(cb.merged_events()),
    lambda cb: corpus_charts.merged_timeline_chart(cb.merged_events(), cb.span),
]
LIST_CALLS = ["articles_list", "actors_list", "appearances_list", "cooccurrence_list", "roles_list",
              "speakers_list", "speaker_statements_list", "matrix_list", "statements_list",
              "network_list", "changes_list", "events_list", "exports_list"]  # fmt: skip


@pytest.mark.parametrize(
    ("positions", "empty"),
    [(None, False), ([], False), (None, True)],
    ids=["hand-made", "no positions", "no articles"],
)
def test_every_chart_and_list_of_the_chapters_builds(positions, empty):
    cb = hand_made_book(positions, empty=empty)
    for call in CHART_CALLS:
        chart = call(cb)
        assert isinstance(chart, alt.TopLevelMixin)
        chart.to_dict()  # a valid vega-lite spec
    for name in LIST_CALLS:
        page = getattr(cb, name)().data
        assert (
            page.startswith('<div class="newsbook-table"') or page == "<p>None in this corpus.</p>"
        ), name
    columns = ["actor_id", "actor", "coalition", "size", "cohesion"]
    assert cb.coalitions().columns.tolist() == columns
    if positions == [] or empty:
        assert cb.statements_list().data == "<p>None in this corpus.</p>"
    for name in ("coverage", "selection_table", "timeline_statement"):
        getattr(cb, name)()
    unresolved = cb.unresolved().data
    listed = unresolved_list(cb).data
    for anchor in re.findall(r'href="#([^"]+)"', unresolved):  # each count opens its rows
        assert f'id="{anchor}"' in listed


def test_a_matrix_cell_links_to_its_first_statement():
    cb = hand_made_book()
    matrix = cb.stance_matrix().set_index(["actor_id", "issue_id"])
    href = matrix.loc[("gpe:norland", "y"), "href"]
    assert href == "#cell-gpe-norland--y"
    page = cb.statements_list().data
    assert page.count(f'id="{href[1:]}"') == 1
    assert 'href="../../corpus/articles/a5.html#position-p1"' in page


def test_lists_hold_a_bounded_number_of_rows_per_link(monkeypatch):
    from newsbook.book import debate

    monkeypatch.setattr(debate, "ROWS_PER_CELL", 1)
    page = hand_made_book().statements_list().data
    assert page.count("<tr id=") == page.count("<tr") - 1  # one row (the header aside) per cell
    assert "Shown: up to 1 rows for each cell" in page


def test_each_selection_of_a_corpus_is_a_book_of_its_own(corpus, tmp_path):
    rule = tmp_path / "arms.yml"
    rule.write_text("pattern: 'dam'\n", encoding="utf-8")
    assert CorpusSource.from_parameters(str(corpus)).book_name == "stories"
    chosen = CorpusSource.from_parameters(str(corpus), str(rule), "2010-03-01", "2010-03-31")
    assert chosen.book_name == "stories-filter-arms-from-2010-03-01-to-2010-03-31"


def test_evidence_links_and_page_names_are_safe():
    assert page_name("reuters-1574") == "reuters-1574.html"
    odd = page_name("../a b")
    assert re.fullmatch(r"a-b-[0-9a-f]{8}\.html", odd) and odd != page_name("a-b")
    assert (
        evidence_href("reuters-1", "quote", "q1") == "../../corpus/articles/reuters-1.html#quote-q1"
    )


def test_the_article_page_marks_each_span_and_escapes_the_text():
    text = "Berg said: <b>no</b> & more."
    spans = [Span(0, 28, "s-0", "s"), Span(11, 20, "quote-q1", "q q-direct", 'said "no"')]
    html = marked_text(text, spans)
    assert '<a class="anchor" id="quote-q1"></a>' in html
    assert (
        '<span class="q q-direct s" data-ids="s-0 quote-q1" title="said &quot;no&quot;">&lt;b&gt;no&lt;/b&gt;</span>'
        in html
    )
    assert "<b>" not in html
    page = article_page({"article_id": "x", "headline": "<script>alert(1)</script>"}, text, spans)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_corpus_rows_move_by_the_head_the_corpus_left_out():
    table = pd.DataFrame({"start": [0, 5, -1], "end": [4, 9, -1], "first_start": [0, 2, 3]})
    moved = shifted(table, 10)
    assert moved.to_dict("list") == {
        "start": [10, 15, -1],
        "end": [14, 19, -1],
        "first_start": [10, 12, 13],
    }


def test_each_book_has_its_part_of_the_table_of_contents():
    one, two = part_toc(PART_ONE), part_toc(PART_TWO)
    assert one["root"] == "chapters/00-summary" and "parts" not in one
    assert two["root"] == "chapters/corpus/11-corpus"
    assert [c["file"] for c in two["chapters"]][-1] == "chapters/corpus/16-trust"


def test_the_corpus_chapters_declare_the_same_default_corpus():
    for notebook in sorted((config.CHAPTERS_DIR / "corpus").glob("*.ipynb")):
        assert {"CORPUS", "FILTER", "FROM", "TO", "ISSUES"} <= notebook_parameters(notebook)
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        source = next(
            "".join(c["source"]) for c in cells if "parameters" in c["metadata"].get("tags", [])
        )
        assert f'CORPUS = "{DEFAULT_CORPUS}"' in source, notebook.name


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["book", "--filter", "rule.yml"], "--filter needs --corpus"),
        (["book", "--from", "2010-01-01"], "--from needs --corpus"),
        (["book", "a.txt", "--corpus", "x.csv"], "leave out ARTICLE"),
        (["book", "--corpus", "no/such.csv"], "does not exist"),
        (["book", "--corpus", DEFAULT_CORPUS, "--from", "2010-02-30"], "is not a date"),
    ],
)
def test_the_book_command_refuses_a_bad_corpus_in_one_line(capsys, argv, message):
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error and error.count("\n") == 1


def test_the_default_corpus_book_opens_once_per_process():
    source = CorpusSource.from_parameters(DEFAULT_CORPUS)
    assert book_for(source) is book_for(CorpusSource.from_parameters(DEFAULT_CORPUS))


def large_tables(articles: int = 2000, actors: int = 80, issues: int = 60) -> dict:
    """A corpus of `articles` articles, each with five statements of its actors on its
    issues, five quotations and three events (invented, deterministic)."""
    ids = [f"n{i}" for i in range(articles)]
    dates = [f"2010-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(articles)]
    made = {name: frame(name, []) for name in BASE_TABLES}
    made["article"] = frame("article", [{"article_id": a, "published": d, "source": f"Wire {i % 11}",
                                         "headline": f"Story {i}"} for i, (a, d) in enumerate(zip(ids, dates, strict=True))])  # fmt: skip
    people = [entity(a, f"p{k}", f"person:p{(i + k) % actors}", f"Person {(i + k) % actors}")
              for i, a in enumerate(ids) for k in range(3)]  # fmt: skip
    made["entities"] = frame("entities", people)
    made["mentions"] = frame("mentions", [{"article_id": e["article_id"], "mention_id": f"m{k}",
                                           "entity_id": e["entity_id"], "sentence_id": k % 2,
                                           "start": 10 * k, "end": 10 * k + 6, "text": e["name"]}
                                          for k, e in enumerate(people)])  # fmt: skip
    made["positions"] = frame("positions", [
        position(a, f"q{k}", f"p{k % 3}", "x", f"issue-{(i * 7 + k) % issues}", ("support", "oppose")[(i + k) % 2], 20 * k)
        for i, a in enumerate(ids) for k in range(5)])  # fmt: skip
    made["quotes"] = frame("quotes", [{"article_id": a, "quote_id": f"q{k}", "kind": "direct",
                                       "speaker_id": f"p{k % 3}", "text": "words " * 20, "start": k, "end": k + 100}
                                      for a in ids for k in range(5)])  # fmt: skip
    made["events"] = frame("events", [{"article_id": a, "event_id": f"e{k}", "date": d, "granularity": "day",
                                       "predicate": f"act{k}", "actors": f"Person {(i + k) % actors}",
                                       "modality": "occurred", "evidence": "An event. " * 8}
                                      for i, (a, d) in enumerate(zip(ids, dates, strict=True)) for k in range(3)])  # fmt: skip
    return made


def test_pages_stay_light_with_thousands_of_rows_behind_them():
    source = CorpusSource(corpus=config.ROOT / DEFAULT_CORPUS)
    cb = CorpusBook(source, CorpusDB(large_tables()), {"warnings": []})
    assert len(cb.db.table("statements")) == 10_000
    for name in LIST_CALLS:
        size = len(getattr(cb, name)().data)
        assert size < 500_000, f"{name}: {size} bytes"
    for call in CHART_CALLS:
        size = len(json.dumps(call(cb).to_dict()))
        assert size < 300_000, f"a chart of {size} bytes"
