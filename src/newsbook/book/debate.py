"""What Part II's chapters call: the corpus's aggregations (DuckDB queries of
`newsbook.corpus.debate`, run with the book's parameters, their SQL shown), the lists of
rows each number rests on, with links to the articles' pages, and the networks.

A chapter does `cb = book.corpus_book(CORPUS, FILTER, FROM, TO, ISSUES)`, then
`cb.query(name)` for a table, `cb.sql(name)` for the SQL behind it and one of the `*_list`
methods for the rows, each linked to its evidence.

A page stays light however large the corpus: charts draw aggregates, and the lists a
number links to hold a bounded number of rows for each thing linked (a period, an
actor, a cell of the matrix); every row is in the exports. A link is written only where
its target is listed.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from dataclasses import dataclass, field

import IPython.display
import pandas as pd

from newsbook.book.corpus import CorpusSource, corpus_folder, corpus_tables
from newsbook.book.corpus_charts import all_periods, charted_cells, timeline_events
from newsbook.book.pages import evidence_href, export_href
from newsbook.book.tables import anchored_table, row_anchor
from newsbook.corpus.debate import ACTOR_TYPES, CorpusDB
from newsbook.corpus.networks import circle_layout, coalitions, drawn, spring_layout
from newsbook.schema import CORPUS_TABLES

# Bars per week while a corpus spans up to half a year (26 bars read well); a longer
# corpus is counted per month.
WEEKLY_UP_TO_DAYS = 183
TOP_ACTORS = 15  # actors in the presence charts: more labels than this stop being read
NETWORK_ACTORS = 25  # nodes of a network chart, the most present (or sided) first
# Actors clustered into coalitions: the most often sided; average linkage takes time
# growing with the cube of their number.
COALITION_ACTORS = 60
TOP_SPEAKERS = 12  # speakers whose statements are charted and listed
MIN_STATEMENTS = 1  # an actor-issue cell needs this many statements to be shown
# Moving windows of four weeks, advancing two: a wire's weekly rhythm is smoothed, and
# each statement falls in two windows. Past a year of coverage, a quarter advancing six
# weeks keeps the number of windows readable.
WINDOW_DAYS, STEP_DAYS = 28, 14
LONG_WINDOW_DAYS, LONG_STEP_DAYS, LONG_CORPUS_DAYS = 91, 42, 366
# Rows a list shows for each thing a link points at, and rows of a list nothing links
# into; the exports hold every row.
ROWS_PER_ANCHOR = 20
LISTED_ROWS = 300
LISTED_CELLS = 100  # matrix cells whose statements are listed (besides those charted)
ROWS_PER_CELL = 3  # statements listed per cell: a cell's link shows what it rests on
TEXT_PREVIEW = 160  # characters of a statement a chart's tooltip carries
CHART_ROWS = 500  # rows a chart of statements draws before it counts them per week or month
# Queries run with other limits than the book's TOP_ACTORS.
QUERY_PARAMETERS = {
    "top_speakers": {"top": TOP_SPEAKERS},
    "statements_per_period": {"top": TOP_SPEAKERS},
    "speaker_statements": {"top": TOP_SPEAKERS},
    "cooccurrence": {"top": NETWORK_ACTORS},
}
EXPORTS = [
    ("statements.csv", "the tidy statements table (one row per statement), CSV"),
    ("statements.parquet", "the same, Parquet"),
    ("actor-network.graphml", "agreement and conflict between actors (raw, jaccard, cosine)"),
    ("actor-issue.graphml", "the two-mode actor-by-issue network (support, oppose, mixed, neutral)"),
    ("cooccurrence.graphml", "actors named in the same sentence"),
    ("views.sql", "DuckDB views over the Parquet files (run it in their folder)"),
    ("queries.sql", "every query of these chapters, as it ran"),
    ("article.parquet", f"{', '.join(CORPUS_TABLES)}: every table of the corpus command, "
     "Parquet, each in its file (texts: the articles' texts, which the offsets point into)"),
]  # fmt: skip


NONE = "None in this corpus."  # what an empty list shows
EXPORTS_SECTION = "11-corpus.html#exports-and-the-duckdb-recipe"  # from a corpus chapter


def _preview(text: str) -> str:
    """A row's text as a list shows it: one line, at most TEXT_PREVIEW characters (its
    link opens the whole of it in the article)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= TEXT_PREVIEW else flat[: TEXT_PREVIEW - 1] + "…"


def _links(prefix: str, pairs: pd.DataFrame) -> list[str]:
    """Evidence links of (article_id, row id) pairs."""
    return [evidence_href(a, prefix, r) for a, r in pairs.itertuples(index=False)]


@dataclass
class CorpusBook:
    """One corpus as the chapters see it."""

    source: CorpusSource
    db: CorpusDB
    selection: dict
    results: dict[str, pd.DataFrame] = field(default_factory=dict)

    # -- parameters and queries ------------------------------------------------------

    @functools.cached_property
    def span(self) -> tuple[str, str]:
        """The first and last publication dates ("" when none is known)."""
        row = self.db.run(
            "SELECT min(published), max(published) FROM article WHERE published <> ''"
        )
        first, last = row.iloc[0, 0], row.iloc[0, 1]
        return (first, last) if isinstance(first, str) and first else ("", "")

    @property
    def days(self) -> int:
        first, last = self.span
        if not first:
            return 0
        return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days + 1

    @property
    def period(self) -> str:
        return "week" if self.days <= WEEKLY_UP_TO_DAYS else "month"

    @property
    def periods(self) -> list[str]:
        """Every period (week or month) from the first article to the last."""
        return all_periods(*self.span, self.period)

    @property
    def parameters(self) -> dict[str, object]:
        long = self.days > LONG_CORPUS_DAYS
        return {
            "period": self.period,
            "types": ACTOR_TYPES,
            "top": TOP_ACTORS,
            "min_statements": MIN_STATEMENTS,
            "window": LONG_WINDOW_DAYS if long else WINDOW_DAYS,
            "step": LONG_STEP_DAYS if long else STEP_DAYS,
        }

    def _parameters(self, name: str, overrides: dict[str, object]) -> dict[str, object]:
        return {**self.parameters, **QUERY_PARAMETERS.get(name, {}), **overrides}

    def query(self, name: str, **overrides: object) -> pd.DataFrame:
        """A named query's rows (of `newsbook.corpus.debate.QUERIES`), computed once."""
        key = json.dumps([name, sorted(overrides.items())], default=str)
        if key not in self.results:
            self.results[key] = self.db.query(name, **self._parameters(name, overrides))
        return self.results[key].copy()

    def sql_text(self, name: str, **overrides: object) -> str:
        return self.db.sql(name, **self._parameters(name, overrides))

    def sql(self, name: str, **overrides: object) -> IPython.display.HTML:
        """The SQL of a query as it ran, folded (open it to copy it into DuckDB)."""
        return IPython.display.HTML(
            f'<details class="newsbook-sql"><summary>The SQL ({html.escape(name)})</summary>'
            f"<pre>{html.escape(self.sql_text(name, **overrides))}</pre></details>"
        )

    def listed(
        self,
        table: pd.DataFrame,
        columns: list[str],
        *,
        anchor: str | None = None,
        prefix: str = "",
        links: dict[str, str] | None = None,
        per_anchor: int = ROWS_PER_ANCHOR,
    ) -> IPython.display.HTML:
        """A linked table: with `anchor`, up to `per_anchor` rows for each of its
        values (each value's first row carries its id, so every link to it lands);
        without, the first LISTED_ROWS rows. A note says when rows were left out."""
        if table.empty:
            return IPython.display.HTML(f"<p>{NONE}</p>")
        if anchor:
            shown = table.groupby(anchor, sort=False).head(per_anchor)
            rule = f"up to {per_anchor} rows for each {anchor.replace('_', ' ')}"
        else:
            shown, rule = table.head(LISTED_ROWS), f"the first {LISTED_ROWS} rows"
        page = anchored_table(
            shown, columns, anchor=anchor, prefix=prefix, links=links, rows=len(shown)
        )
        if len(shown) == len(table):
            return page
        note = (
            f"<p>Shown: {rule}, {len(shown)} of {len(table)}. Every row is in the "
            f'<a href="{EXPORTS_SECTION}">exports</a>, where the SQL runs again.</p>'
        )
        return IPython.display.HTML(page.data + note)

    # -- the corpus --------------------------------------------------------------------

    def statement(self) -> str:
        """The corpus in one paragraph: what was read, from when to when."""
        s, (first, last) = self.selection, self.span
        chosen = []
        if self.source.rule:
            chosen.append(f"the rule {self.source.label(self.source.rule)}")
        if self.source.date_from or self.source.date_to:
            chosen.append(
                f"dates {self.source.date_from or '...'} to {self.source.date_to or '...'}"
            )
        how = f", chosen by {' and '.join(chosen)}" if chosen else ""
        when = f", published {first} to {last}" if first else ", none of them dated"
        issues = (
            f" Positions use the issue catalogue {self.source.label(self.source.issues)} "
            "besides the project's."
            if self.source.issues
            else ""
        )
        return (
            f"{s['analysed']} articles analysed from {self.source.label()}{how}{when}; "
            f"{s['failed']} could not be analysed.{issues}"
        )

    def selection_table(self) -> pd.DataFrame:
        s = self.selection
        steps = [
            ("records read from the input", s["read"]),
            ("left out by the FILTER rule", s["filtered_out"]),
            ("left out as re-sent copies", s["duplicates"]),
            ("left out as outside FROM..TO", s["outside_dates"]),
            ("left out for having no date while FROM or TO is given", s["undated"]),
            ("analysed", s["analysed"]),
            ("could not be analysed (see the errors below)", s["failed"]),
        ]
        return pd.DataFrame(steps, columns=["step", "articles"])

    def overview(self) -> IPython.display.Markdown:
        return IPython.display.Markdown(self.statement())

    def warnings(self) -> pd.DataFrame | IPython.display.Markdown:
        """The corpus command's warnings, or a line saying there were none."""
        warnings = self.selection.get("warnings", [])
        if not warnings:
            return IPython.display.Markdown("No warnings.")
        return pd.DataFrame({"warning": warnings}, dtype="object")

    def coverage(self) -> pd.DataFrame:
        """How much of the corpus has dates, quotations, positions, dated events."""
        row = self.query("coverage").iloc[0]
        total = max(int(row["articles"]), 1)
        measures = [
            ("has a publication date", "dated"),
            ("has at least one quotation or reported statement", "with_quotes"),
            ("has at least one position", "with_positions"),
            ("has at least one dated event", "with_dated_events"),
        ]
        return pd.DataFrame(
            [(what, int(row[c]), round(int(row[c]) / total, 3)) for what, c in measures],
            columns=["articles that", "articles", "share"],
        )

    def errors(self) -> pd.DataFrame | IPython.display.Markdown:
        """The articles that could not be analysed, or a line saying there were none."""
        errors = self.db.table("errors")
        return errors if len(errors) else IPython.display.Markdown("Every article was analysed.")

    def articles_list(self) -> IPython.display.HTML:
        """The articles, period by period (the chart's bars link to each period's
        first), each headline linking to the article's page."""
        articles = self.query("articles")
        articles["period"] = self._periods(articles["published"])
        articles["page"] = articles["article_id"].map(evidence_href)
        articles["headline"] = articles["headline"].where(
            articles["headline"] != "", "(no headline)"
        )
        columns = ["published", "source", "headline", "article_id", "n_sentences", "quotes",
                   "positions", "events"]  # fmt: skip
        return self.listed(
            articles, columns, anchor="period", prefix="period", links={"headline": "page"}
        )

    def _periods(self, dates: pd.Series) -> pd.Series:
        """Each date's period start (the `date_trunc` of the queries), as text."""
        parsed = pd.to_datetime(dates.where(dates != ""), errors="coerce")
        if self.period == "week":
            start = parsed - pd.to_timedelta(parsed.dt.day_of_week, unit="D")
        else:
            start = parsed.dt.to_period("M").dt.start_time
        return start.dt.strftime("%Y-%m-%d").fillna("undated")

    def exports_list(self) -> IPython.display.HTML:
        """Links to the exported files, with what each holds."""
        table = pd.DataFrame(EXPORTS, columns=["file", "what"])
        table["href"] = table["file"].map(export_href)
        return anchored_table(table, ["file", "what"], links={"file": "href"})

    # -- actors ------------------------------------------------------------------------

    def names(self) -> dict[str, str]:
        """Corpus-wide id -> display name, for every entity and statement actor."""
        frame = self.db.run(
            "SELECT corpus_entity_id AS id, name FROM corpus_names "
            "UNION SELECT DISTINCT actor_id, actor FROM statements ORDER BY id"
        )
        return dict(zip(frame["id"], frame["name"], strict=True))

    def actors_list(self) -> IPython.display.HTML:
        presence = self.query("actor_presence")
        presence["href"] = "#" + presence["actor_id"].map(lambda a: row_anchor("actor", a))
        columns = ["actor", "type", "articles", "mentions", "first_seen", "last_seen"]
        return anchored_table(presence, columns, links={"articles": "href"})

    def appearances_list(self) -> IPython.display.HTML:
        """Each of the most present actors' articles, its first mention linked."""
        top = self.sql_text("actor_presence")
        rows = self.db.run(
            "SELECT e.corpus_entity_id AS actor_id, n.name AS actor, a.published, a.headline, "
            'e.article_id, m.mention_id, m.sentence_id, m.start, m."end", m.text '
            "FROM entities e JOIN corpus_names n USING (corpus_entity_id) "
            "JOIN article a ON a.article_id = e.article_id "
            "JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.entity_id "
            f"AND m.start = e.first_start WHERE e.corpus_entity_id IN (SELECT actor_id FROM ({top})) "
            "ORDER BY e.corpus_entity_id, a.published, e.article_id, m.mention_id"
        )
        rows["href"] = _links("mention", rows[["article_id", "mention_id"]])
        columns = [
            "actor",
            "published",
            "headline",
            "text",
            "article_id",
            "sentence_id",
            "start",
            "end",
        ]
        return self.listed(rows, columns, anchor="actor_id", prefix="actor", links={"text": "href"})

    def cooccurrence_network(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Nodes (the most present actors) and edges (articles naming both in one
        sentence), placed by a seeded spring layout."""
        presence = self.query("actor_presence", top=NETWORK_ACTORS)
        pairs = self.query("cooccurrence")
        nodes = presence.rename(columns={"actor_id": "id", "actor": "label"})
        nodes = nodes[["id", "label", "type", "articles", "mentions"]]
        names = self.names()
        edges = pairs.assign(
            weight=pairs["articles"], actor_a=pairs["a"].map(names), actor_b=pairs["b"].map(names)
        )
        layout = spring_layout(
            list(nodes["id"]), list(zip(edges["a"], edges["b"], edges["weight"], strict=True))
        )
        return drawn(nodes, edges, layout)

    def cooccurrence_list(self) -> IPython.display.HTML:
        pairs = self.query("cooccurrence")
        names = self.names()
        pairs["actor_a"], pairs["actor_b"] = pairs["a"].map(names), pairs["b"].map(names)
        pairs["first"] = pairs["first_article"] + " #" + pairs["first_sentence"].astype(str)
        pairs["href"] = _links("s", pairs[["first_article", "first_sentence"]])
        columns = ["actor_a", "actor_b", "articles", "sentences", "first"]
        return self.listed(pairs, columns, links={"first": "href"})

    def roles_list(self) -> IPython.display.HTML:
        roles = self.query("actor_roles")
        roles["first"] = roles["first_article"]
        roles["href"] = _links("s", roles[["first_article", "first_sentence"]])
        columns = ["actor", "role", "affiliation", "articles", "first"]
        return self.listed(roles, columns, links={"first": "href"})

    # -- speakers ------------------------------------------------------------------------

    def speakers_list(self) -> IPython.display.HTML:
        speakers = self.query("top_speakers")
        speakers["href"] = "#" + speakers["speaker_id"].map(lambda s: row_anchor("speaker", s))
        columns = ["speaker", "named", "statements", "direct", "reported", "articles",
                   "first_date", "last_date"]  # fmt: skip
        return anchored_table(speakers, columns, links={"statements": "href"})

    def _speaker_rows(self) -> pd.DataFrame:
        rows = self.query("speaker_statements")
        rows["href"] = _links("quote", rows[["article_id", "quote_id"]])
        return rows

    def speaker_statements(self) -> pd.DataFrame:
        """The top speakers' statements for a chart: one row per speaker, day and kind
        (per week or month, `period`, when days would make more than CHART_ROWS rows),
        with how many and the first one (its preview and link)."""
        rows = self._speaker_rows()
        rows["preview"] = rows["text"].map(_preview)
        if len(rows.groupby(["speaker_id", "date", "kind"])) > CHART_ROWS:
            rows["date"] = self._periods(rows["date"]).replace("undated", "")
        grouped = rows.groupby(["speaker_id", "speaker", "date", "kind"], sort=False)
        first = grouped.first().reset_index()
        first["statements"] = grouped.size().to_numpy()
        return first[
            ["speaker_id", "speaker", "date", "kind", "statements", "preview", "article_id", "href"]
        ]

    def speaker_statements_list(self) -> IPython.display.HTML:
        rows = self._speaker_rows()
        columns = ["speaker", "date", "kind", "text", "article_id", "sentence_id", "start", "end"]
        return self.listed(
            rows, columns, anchor="speaker_id", prefix="speaker", links={"text": "href"}
        )

    # -- positions -----------------------------------------------------------------------

    @functools.cached_property
    def listed_cells(self) -> set[tuple[str, str]]:
        """The matrix cells whose statements the page lists: those charted and the
        LISTED_CELLS most active."""
        matrix = self.query("stance_matrix")
        cells = pd.concat([charted_cells(matrix), matrix.head(LISTED_CELLS)])
        return set(zip(cells["actor_id"], cells["issue_id"], strict=True))

    def cell_href(self, actor_id: str, issue_id: str) -> str:
        """The link to a cell's statements on the page ("" when they are not listed)."""
        if (actor_id, issue_id) not in self.listed_cells:
            return ""
        return "#" + row_anchor("cell", f"{actor_id}--{issue_id}")

    def stance_matrix(self) -> pd.DataFrame:
        """The actor-by-issue matrix, each cell with the link to its statements."""
        matrix = self.query("stance_matrix")
        matrix["href"] = [
            self.cell_href(a, i)
            for a, i in zip(matrix["actor_id"], matrix["issue_id"], strict=True)
        ]
        return matrix

    def issues_list(self) -> pd.DataFrame | IPython.display.Markdown:
        issues = self.query("issues")
        return issues if len(issues) else IPython.display.Markdown(NONE)

    def matrix_list(self) -> IPython.display.HTML:
        """The matrix as a table: each cell's counts, its statements a click away."""
        columns = ["actor", "issue", "stance", "support", "oppose", "mixed", "neutral",
                   "articles", "statements"]  # fmt: skip
        return self.listed(self.stance_matrix(), columns, links={"statements": "href"})

    def statements_list(self) -> IPython.display.HTML:
        """The statements of the listed cells, actor by actor and issue by issue (a
        cell's link lands on its first), each evidence linked to its article's page."""
        rows = self.db.run(
            "SELECT * FROM statements ORDER BY actor, issue, date, article_id, start, position_id"
        )
        keep = [
            (a, i) in self.listed_cells
            for a, i in zip(rows["actor_id"], rows["issue_id"], strict=True)
        ]
        rows = rows.loc[pd.Series(keep, index=rows.index, dtype=bool)].copy()
        rows["cell"] = rows["actor_id"] + "--" + rows["issue_id"]
        rows["evidence"] = rows["evidence"].map(_preview)
        rows["href"] = _links("position", rows[["article_id", "position_id"]])
        columns = ["actor", "issue", "stance", "date", "evidence", "cue", "hedged", "issue_source",
                   "article_id", "sentence_id", "start", "end"]  # fmt: skip
        return self.listed(
            rows,
            columns,
            anchor="cell",
            prefix="cell",
            links={"evidence": "href"},
            per_anchor=ROWS_PER_CELL,
        )

    def actor_network(self) -> pd.DataFrame:
        """Agreement and conflict edges with every normalisation (see the query)."""
        return self.query("actor_network")

    def most_sided(self, count: int) -> list[str]:
        """The `count` actors who took a side in the most articles."""
        frame = self.db.run(
            "SELECT actor_id FROM sides GROUP BY actor_id "
            f"ORDER BY sum(n) DESC, actor_id LIMIT {int(count)}"
        )
        return list(frame["actor_id"])

    def coalitions(self) -> pd.DataFrame:
        """The COALITION_ACTORS actors who took a side most often, among those sharing
        an issue with another actor, clustered."""
        network = self.actor_network()
        names = self.names()
        linked = set(network["a"]) | set(network["b"])
        members = [a for a in self.most_sided(COALITION_ACTORS) if a in linked]
        return coalitions(network, {m: names.get(m, m) for m in sorted(members)})

    def network_drawing(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The NETWORK_ACTORS actors who took a side most often, on a circle, coalition
        by coalition; edges long (one row per normalisation) so that a chart can
        select one."""
        drawn_actors = set(self.most_sided(NETWORK_ACTORS))
        nodes = self.coalitions().rename(columns={"actor_id": "id", "actor": "label"})
        nodes = nodes[nodes["id"].isin(drawn_actors)]
        layout = circle_layout(list(nodes.sort_values(["coalition", "label"])["id"]))
        long = self.actor_network().melt(
            id_vars=["a", "b", "actor_a", "actor_b", "kind", "issues"],
            value_vars=["raw", "jaccard", "cosine"],
            var_name="normalisation",
            value_name="weight",
        )
        return drawn(nodes, long, layout)

    def network_list(self) -> IPython.display.HTML:
        """The edges, each issue behind one linked to the first actor's statements."""
        network = self.actor_network()
        network["issues"] = [
            [(i, self.cell_href(a, i)) for i in issues.split(" | ")]
            for a, issues in zip(network["a"], network["issues"], strict=True)
        ]
        columns = ["actor_a", "actor_b", "kind", "raw", "jaccard", "cosine", "issues"]
        return self.listed(network, columns)

    def windows(self) -> pd.DataFrame:
        rows = self.query("stance_windows")
        rows["net"] = rows["support"] - rows["oppose"]
        rows["label"] = rows["actor"] + " · " + rows["issue"]
        return rows

    def changes_list(self) -> IPython.display.HTML:
        changes = self.query("stance_changes")
        changes["href"] = [
            self.cell_href(a, i)
            for a, i in zip(changes["actor_id"], changes["issue_id"], strict=True)
        ]
        columns = ["actor", "issue", "before", "before_date", "before_article", "after",
                   "after_date", "after_article"]  # fmt: skip
        return self.listed(
            changes, columns, links={"before_article": "href", "after_article": "href"}
        )

    # -- timeline ------------------------------------------------------------------------

    def merged_events(self) -> pd.DataFrame:
        """The merged events, each with its sources linked to their articles' pages."""
        events = self.query("merged_events")
        events["href"] = "#" + events["merged_id"].map(lambda m: row_anchor("merged", m))
        events["sources"] = [
            [
                (s, evidence_href(*s.rsplit("/", 1)[:1], "event", s.rsplit("/", 1)[1]))
                for s in sources.split(" | ")
            ]
            for sources in events["sources"]
        ]
        events["label"] = (
            events["date"] + " " + events["predicate"] + " " + events["actors"].str.slice(0, 40)
        )
        return events

    def timeline_statement(self) -> str:
        """How many event reports merged into how many events."""
        merged = self.query("merged_events")
        reports, shared = int(merged["reports"].sum()), int((merged["articles"] > 1).sum())
        undated = int(self.db.run("SELECT count(*) FROM events WHERE date = ''").iloc[0, 0])
        return (
            f"{reports} dated event reports make {len(merged)} events; {shared} of them are "
            f"reported by more than one article. {undated} reports have no date and are left out."
        )

    def events_list(self) -> IPython.display.HTML:
        """The events in date order: those the chart draws and the LISTED_ROWS most
        reported (all of them in a small corpus)."""
        events = self.merged_events()
        charted = set(timeline_events(events, self.span)["merged_id"])
        most = events.sort_values(["articles", "date"], ascending=[False, True]).head(LISTED_ROWS)
        keep = events["merged_id"].isin(charted | set(most["merged_id"]))
        columns = ["date", "predicate", "actors", "modality", "articles", "sources", "evidence"]
        page = anchored_table(
            events[keep], columns, anchor="merged_id", prefix="merged", rows=int(keep.sum())
        )
        if keep.all():
            return page
        note = (
            f"<p>Shown: {int(keep.sum())} of {len(events)} events; every one is in the "
            f'<a href="{EXPORTS_SECTION}">exports</a>.</p>'
        )
        return IPython.display.HTML(page.data + note)

    # -- trust ---------------------------------------------------------------------------

    def unresolved(self) -> IPython.display.HTML:
        """The share of each table's rows on an unresolved name or date; a count opens
        the rows (listed by `corpus_trust.unresolved_list`)."""
        rows = self.query("unresolved")
        rows["share"] = (rows["unresolved"] / rows["rows"].where(rows["rows"] > 0)).round(3)
        rows["href"] = [
            "#" + row_anchor("unresolved", kind) if kind and count else ""
            for kind, count in zip(rows["kind"], rows["unresolved"], strict=True)
        ]
        columns = ["table", "unresolved_when", "rows", "unresolved", "share"]
        return anchored_table(rows, columns, links={"unresolved": "href"})


@functools.lru_cache(maxsize=4)
def book_for(source: CorpusSource) -> CorpusBook:
    """The CorpusBook of a checked source, opened once per process."""
    tables = corpus_tables(source)
    selection = json.loads((corpus_folder(source) / "selection.json").read_text())
    return CorpusBook(source, CorpusDB(tables), selection)


def corpus_book(
    corpus: str = "", rule: str = "", date_from: str = "", date_to: str = "", issues: str = ""
) -> CorpusBook:
    """A corpus chapter's entry point: its parameters checked, the corpus computed once
    (see `newsbook.book.corpus`), its database opened once per kernel."""
    return book_for(CorpusSource.from_parameters(corpus, rule, date_from, date_to, issues))
