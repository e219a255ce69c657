"""Writing a corpus book's pages outside the chapters (see `newsbook.book.pages`):
after the HTML build, `<html>/corpus/articles/` (one page per article) and
`<html>/corpus/exports/` (the tables as Parquet, the statements table, the networks as
GraphML, the DuckDB views and queries), whole or not at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from newsbook.book.debate import NETWORK_ACTORS, CorpusBook
from newsbook.book.pages import ARTICLES, CORPUS_SITE, EXPORTS, article_page, page_name, spans_of
from newsbook.corpus.debate import BASE_TABLES, QUERIES
from newsbook.corpus.networks import write_graphml
from newsbook.output import MARKER

MARKED_TABLES = ("sentences", "mentions", "quotes", "positions", "timex", "events")


def write_article_pages(cb: CorpusBook, folder: Path) -> int:
    """One page per analysed article, its rows' spans marked; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = cb.db.table("texts")
    text_of = dict(zip(texts["article_id"], texts["text"], strict=True))
    grouped = {name: dict(tuple(cb.db.table(name).groupby("article_id"))) for name in MARKED_TABLES}
    articles = cb.db.table("article").to_dict("records")
    for article in articles:
        article_id = article["article_id"]
        rows = {name: grouped[name].get(article_id) for name in MARKED_TABLES}
        page = article_page(article, text_of.get(article_id, ""), spans_of(rows))
        (folder / page_name(article_id)).write_text(page, encoding="utf-8")
    return len(articles)


def write_exports(cb: CorpusBook, folder: Path, tables: dict[str, Path]) -> None:
    """The corpus's tables, the statements table and the networks, for other tools."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name in BASE_TABLES:
        files[name] = f"{name}.parquet"
        shutil.copyfile(tables[name], folder / files[name])
    statements = cb.db.table("statements")
    statements.to_parquet(folder / "statements.parquet", index=False)
    statements.to_csv(folder / "statements.csv", index=False, lineterminator="\n")
    _write_networks(cb, folder)
    (folder / "views.sql").write_text(cb.db.views_sql(files), encoding="utf-8")
    queries = [f"-- {name}\n{cb.sql_text(name)};\n" for name in QUERIES]
    (folder / "queries.sql").write_text(
        "-- every query of the corpus chapters, as it ran (after views.sql)\n\n"
        + "\n".join(queries),
        encoding="utf-8",
    )


def _write_networks(cb: CorpusBook, folder: Path) -> None:
    network, groups = cb.actor_network(), cb.coalitions()
    nodes = groups.rename(columns={"actor_id": "id", "actor": "label"})
    write_graphml(
        folder / "actor-network.graphml", nodes, network.drop(columns=["actor_a", "actor_b"])
    )
    matrix = cb.stance_matrix().drop(columns=["href"])
    actors = (
        matrix[["actor_id", "actor"]]
        .drop_duplicates()
        .rename(columns={"actor_id": "id", "actor": "label"})
    )
    issues = matrix[["issue_id", "issue"]].drop_duplicates()
    issue_nodes = pd.DataFrame({"id": "issue:" + issues["issue_id"], "label": issues["issue"]})
    two_mode = pd.concat([actors.assign(part="actor"), issue_nodes.assign(part="issue")])
    edges = matrix.rename(columns={"actor_id": "a"}).assign(b="issue:" + matrix["issue_id"])
    write_graphml(folder / "actor-issue.graphml", two_mode, edges.drop(columns=["actor", "issue"]))
    presence = cb.query("actor_presence", top=NETWORK_ACTORS)
    pairs = cb.query("cooccurrence", top=NETWORK_ACTORS)
    write_graphml(
        folder / "cooccurrence.graphml",
        presence.rename(columns={"actor_id": "id", "actor": "label"}),
        pairs,
    )


def write_corpus_site(cb: CorpusBook, html: Path, tables: dict[str, Path]) -> Path:
    """`<html>/corpus/` with the article pages and the exports, replaced whole."""
    target = html / CORPUS_SITE
    staging = html / f".{CORPUS_SITE}-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text("written by newsbook; replaced by its next build\n")
    write_article_pages(cb, staging / Path(ARTICLES).name)
    write_exports(cb, staging / Path(EXPORTS).name, tables)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target
