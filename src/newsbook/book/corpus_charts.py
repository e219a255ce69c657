"""Part II's charts, built from the aggregated tables of `newsbook.book.debate` (never
from rows: a page stays light however large the corpus), drawn offline by the
renderer of `newsbook.book.charts`. A mark with an `href` opens the rows it rests on:
a list further down the page, or the article's text at the row's evidence.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from newsbook.book.charts import MODALITY_COLOURS, STANCE_COLOURS_MIXED, WIDTH, _empty
from newsbook.book.tables import row_anchor
from newsbook.stages.events import date_interval

MAX_SOURCES = 8  # sources coloured apart; the rest are drawn as "other sources"
# The matrix chart's rows and columns at most: ten issues of 48 pixels and the actors'
# names fit the page's width.
MATRIX_ACTORS, MATRIX_ISSUES = 25, 10
WINDOW_ROWS = 20  # actor-issue rows of the moving-window chart, the most active first
NETWORK_HEIGHT = 440
CHART_EVENTS = 40  # merged events drawn on the timeline, the most reported first
FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
SPAN_MARGIN_DAYS = 31  # the timeline shows a month either side of the coverage
KIND_COLOURS = alt.Scale(domain=["agreement", "conflict"], range=["#1a9850", "#d73027"])
NORMALISATIONS = ["raw", "jaccard", "cosine"]


def all_periods(first: str, last: str, period: str) -> list[str]:
    """Every period start (YYYY-MM-DD) from the one holding `first` to the one holding
    `last`: weeks start on Monday, months on the 1st (DuckDB's `date_trunc`)."""
    if not first:
        return []
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if period == "week":
        day -= dt.timedelta(days=day.weekday())
        step = []
        while day <= end:
            step.append(day.isoformat())
            day += dt.timedelta(days=7)
        return step
    months = []
    day = day.replace(day=1)
    while day <= end:
        months.append(day.isoformat())
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def _period_axis(periods: list[str]) -> alt.X:
    """Periods in order on x, the empty ones too (a gap in the coverage shows)."""
    return alt.X(
        "period:O", sort=periods, scale=alt.Scale(domain=periods), title=None,
        axis=alt.Axis(labelAngle=-45),
    )  # fmt: skip


def articles_chart(per_period: pd.DataFrame, periods: list[str]) -> alt.Chart:
    """Articles per period, stacked by source; a bar opens the period's articles."""
    if per_period.empty:
        return _empty("No dated article")
    top = per_period.groupby("source")["articles"].sum().sort_values(ascending=False)
    keep = set(top.index[:MAX_SOURCES])
    data = per_period.assign(
        source=per_period["source"].where(per_period["source"].isin(keep), "other sources")
    )
    data = data.groupby(["period", "source"], as_index=False)["articles"].sum()
    data["href"] = "#" + data["period"].map(lambda p: row_anchor("period", p))
    return (
        alt.Chart(data, title="Articles per period (a bar opens its articles)")
        .mark_bar()
        .encode(
            x=_period_axis(periods),
            y=alt.Y("sum(articles):Q", title="articles"),
            color=alt.Color("source:N", legend=alt.Legend(orient="bottom", title=None)),
            tooltip=["period", "source", "articles"],
            href="href:N",
        )  # fmt: skip
        .properties(width=WIDTH - 60, height=220)
    )


def actors_chart(presence: pd.DataFrame) -> alt.Chart:
    """The most present actors: articles naming them, coloured by type."""
    if presence.empty:
        return _empty("No people, organisations or states found")
    data = presence.assign(href="#" + presence["actor_id"].map(lambda a: row_anchor("actor", a)))
    return (
        alt.Chart(data, title="Articles naming each actor (a bar opens them)")
        .mark_bar()
        .encode(
            y=alt.Y("actor:N", sort=list(data["actor"]), title=None),
            x=alt.X("articles:Q"),
            color=alt.Color("type:N", legend=alt.Legend(orient="bottom", title=None)),
            tooltip=["actor", "type", "articles", "mentions", "first_seen", "last_seen"],
            href="href:N",
        )
        .properties(width=WIDTH - 200, height=alt.Step(20))
    )


def presence_chart(presence: pd.DataFrame, periods: list[str]) -> alt.Chart:
    """Each actor's presence per period: articles naming it, or their share of the
    period's articles (chosen under the chart)."""
    if presence.empty:
        return _empty("No dated article names an actor")
    order = list(presence.groupby("actor")["articles"].sum().sort_values(ascending=False).index)
    measure = alt.param(
        name="measure",
        value="articles",
        bind=alt.binding_select(options=["articles", "share"], name="count as "),
    )
    return (
        alt.Chart(presence, title="Presence over time: articles, or share of the period's articles")
        .transform_fold(["articles", "share"], as_=["measure", "value"])
        .transform_filter("datum.measure == measure")
        .mark_rect()
        .encode(
            x=_period_axis(periods),
            y=alt.Y("actor:N", sort=order, title=None),
            color=alt.Color(
                "value:Q",
                title=None,
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["period", "actor", "articles", "all_articles", "share"],
        )  # fmt: skip
        .add_params(measure)
        .properties(width=WIDTH - 200, height=alt.Step(18))
    )


def network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    title: str,
    node_colour: str,
    edge_colour: str | None = None,
    select_normalisation: bool = False,
) -> alt.LayerChart | alt.Chart:
    """A node-link drawing from placed nodes (`id, label, x, y`) and edges (`x, y, x2,
    y2, weight`): edge width is the weight; with `select_normalisation`, the edges are
    long by `normalisation` and a menu under the chart chooses which one is drawn."""
    if nodes.empty or edges.empty:
        return _empty("No two actors to link")
    hidden = alt.Axis(domain=False, ticks=False, labels=False, grid=False, title=None)
    x, y = alt.X("x:Q", axis=hidden), alt.Y("y:Q", axis=hidden)
    lines = alt.Chart(edges).mark_rule(opacity=0.6)
    tooltip = [c for c in ["actor_a", "actor_b", "kind", "normalisation", "weight", "articles",
                           "sentences", "issues"] if c in edges.columns]  # fmt: skip
    if select_normalisation:
        choice = alt.param(
            name="normalisation",
            value="jaccard",
            bind=alt.binding_select(options=NORMALISATIONS, name="normalisation "),
        )
        lines = lines.add_params(choice).transform_filter("datum.normalisation == normalisation")
    colour = (
        alt.Color(
            f"{edge_colour}:N", scale=KIND_COLOURS, legend=alt.Legend(orient="bottom", title=None)
        )
        if edge_colour
        else alt.value("#9e9e9e")
    )
    # conflict dashed, so that it shows where it runs beside agreement
    dash = (
        alt.StrokeDash(f"{edge_colour}:N", scale=alt.Scale(domain=["agreement", "conflict"],
                                                           range=[[1, 0], [6, 3]]), legend=None)
        if edge_colour
        else alt.value([1, 0])
    )  # fmt: skip
    lines = lines.encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.5, 7]), legend=None),
        color=colour, strokeDash=dash, tooltip=tooltip,
    )  # fmt: skip
    node_tooltip = [c for c in ["label", "type", "articles", "mentions", "coalition", "size",
                                "cohesion"] if c in nodes.columns]  # fmt: skip
    size = (
        alt.Size("articles:Q", scale=alt.Scale(range=[60, 500]), legend=None)
        if "articles" in nodes.columns
        else alt.value(160)
    )
    points = alt.Chart(nodes).mark_circle(opacity=1, stroke="white").encode(
        x=x, y=y, size=size,
        color=alt.Color(f"{node_colour}:N", legend=alt.Legend(orient="bottom")),
        tooltip=node_tooltip,
    )  # fmt: skip
    labels = alt.Chart(nodes).mark_text(dy=-13, fontSize=11).encode(x=x, y=y, text="label:N")
    return (
        alt.layer(lines, points, labels, title=title)
        .resolve_scale(color="independent", size="independent")
        .properties(width=WIDTH - 40, height=NETWORK_HEIGHT)
        .configure_view(stroke=None)
    )


def speakers_chart(speakers: pd.DataFrame) -> alt.Chart:
    """The top speakers' statements, direct and reported; a bar opens them."""
    if speakers.empty:
        return _empty("No statements found")
    data = speakers[["speaker_id", "speaker", "articles", "direct", "reported"]].melt(
        id_vars=["speaker_id", "speaker", "articles"],
        value_vars=["direct", "reported"],
        var_name="kind",
        value_name="statements",
    )
    data["href"] = "#" + data["speaker_id"].map(lambda s: row_anchor("speaker", s))
    return (
        alt.Chart(data, title="Statements by speaker (a bar opens them)")
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", sort=list(speakers["speaker"]), title=None),
            x=alt.X("sum(statements):Q", title="statements"),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["direct", "reported"]),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=["speaker", "kind", "statements", "articles"],
            href="href:N",
        )  # fmt: skip
        .properties(width=WIDTH - 200, height=alt.Step(20))
    )


def speaker_timeline_chart(statements: pd.DataFrame) -> alt.Chart:
    """Each top speaker's statements over time, a mark per speaker, day and kind
    (sized by how many); the menu under the chart keeps one speaker; a mark opens the
    first of them in its article."""
    data = statements[statements["date"] != ""]
    if data.empty:
        return _empty("No dated statement")
    speakers = list(dict.fromkeys(data["speaker"]))
    choice = alt.param(
        name="speaker",
        value="all",
        bind=alt.binding_select(options=["all", *speakers], name="speaker "),
    )
    columns = ["speaker", "date", "kind", "preview", "article_id", "href"]
    return (
        alt.Chart(data[columns], title="Statements over time (a mark opens its article)")
        .mark_point(filled=True, size=70, opacity=0.75)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("speaker:N", sort=speakers, title=None),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["direct", "reported"]),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=["speaker", "date", "kind", "preview", "article_id"],
            href="href:N",
        )  # fmt: skip
        .add_params(choice)
        .transform_filter("speaker == 'all' || datum.speaker == speaker")
        .properties(width=WIDTH - 200, height=alt.Step(22))
    )


def _most_active(matrix: pd.DataFrame, column: str, count: int) -> list[str]:
    totals = matrix.groupby(column)["statements"].sum().reset_index()
    totals = totals.sort_values(["statements", column], ascending=[False, True])
    return list(totals[column].head(count))


def charted_cells(matrix: pd.DataFrame) -> pd.DataFrame:
    """The cells the matrix chart draws: the MATRIX_ACTORS actors and MATRIX_ISSUES
    issues with the most statements."""
    actors = _most_active(matrix, "actor_id", MATRIX_ACTORS)
    issues = _most_active(matrix, "issue_id", MATRIX_ISSUES)
    return matrix[matrix["actor_id"].isin(actors) & matrix["issue_id"].isin(issues)]


def stance_matrix_chart(matrix: pd.DataFrame) -> alt.Chart | alt.LayerChart:
    """Actor by issue: colour is the stance over all articles (mixed where articles
    differ or one gives both sides), the label its support/oppose counts; a cell opens
    its statements. At most MATRIX_ACTORS rows and MATRIX_ISSUES columns, the most
    active ones."""
    if matrix.empty:
        return _empty("No positions found")
    data = charted_cells(matrix)
    issues = list(data.groupby("issue")["statements"].sum().sort_values(ascending=False).index)
    actors = list(data.groupby("actor")["statements"].sum().sort_values(ascending=False).index)
    data = data.assign(counts=[_counts_label(row) for row in data.to_dict("records")])
    base = alt.Chart(data, title="Who stands where (a cell opens its statements)").encode(
        x=alt.X("issue:N", sort=issues, title=None, axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        y=alt.Y("actor:N", sort=actors, title=None),
        tooltip=["actor", "issue", "stance", "support", "oppose", "mixed", "neutral", "articles",
                 "statements"],
        href="href:N",
    )  # fmt: skip
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "stance:N", scale=STANCE_COLOURS_MIXED, legend=alt.Legend(orient="bottom", title=None)
        )
    )
    labels = base.mark_text(fontSize=9).encode(text="counts:N")
    return alt.layer(cells, labels).properties(width=alt.Step(48), height=alt.Step(24))


def _counts_label(cell: dict) -> str:
    """A matrix cell's label: articles supporting (+), opposing (−), giving both (±),
    or only neutral (○)."""
    parts = [f"{mark}{cell[column]}" for mark, column in
             (("+", "support"), ("−", "oppose"), ("±", "mixed")) if cell[column]]  # fmt: skip
    return " ".join(parts) or f"○{cell['neutral']}"


def windows_chart(windows: pd.DataFrame) -> alt.Chart:
    """Stances in moving windows: per actor and issue, articles supporting minus
    articles opposing, window by window."""
    if windows.empty:
        return _empty("No dated stance")
    activity = windows.groupby("label")[["support", "oppose"]].sum().sum(axis=1)
    rows = list(activity.sort_values(ascending=False).index[:WINDOW_ROWS])
    data = windows[windows["label"].isin(rows)]
    return (
        alt.Chart(data, title="Support minus opposition, window by window")
        .mark_rect()
        .encode(
            x=alt.X("window_start:O", title="window start", axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("label:N", sort=rows, title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "net:Q",
                title="support − oppose",
                scale=alt.Scale(scheme="redyellowgreen", domainMid=0),
            ),
            tooltip=["actor", "issue", "window_start", "window_end", "support", "oppose", "net"],
        )  # fmt: skip
        .properties(width=alt.Step(26), height=alt.Step(20))
    )


def events_per_month_chart(merged: pd.DataFrame) -> alt.Chart:
    """Merged events per month of their date, by modality (the whole timeline at a
    glance; years and decades are left out, as they have no month)."""
    data = merged[merged["granularity"].isin(["day", "week", "month"])].copy()
    if data.empty:
        return _empty("No event dated to a month or closer")
    spans = [date_interval(d) for d in data["date"]]
    data["month"] = [span[0].strftime("%Y-%m-01") if span else "" for span in spans]
    data = data[data["month"] != ""]
    counts = data.groupby(["month", "main_modality"], as_index=False).size()
    counts = counts.rename(columns={"size": "events", "main_modality": "modality"})
    return (
        alt.Chart(counts, title="Events per month of their date")
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title=None),
            y=alt.Y("sum(events):Q", title="events"),
            color=alt.Color(
                "modality:N", scale=MODALITY_COLOURS, legend=alt.Legend(orient="bottom", title=None)
            ),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), "modality", "events"],
        )  # fmt: skip
        .properties(width=WIDTH - 60, height=200)
    )


def timeline_events(
    merged: pd.DataFrame, span: tuple[str, str], *, top: int = CHART_EVENTS
) -> pd.DataFrame:
    """The events the timeline chart draws: dated within the coverage (`span`, the
    first and last publication dates, widened by SPAN_MARGIN_DAYS), `top` of them, the
    most reported of each month first, in date order, each with its `start` and `end`
    days."""
    first, last = span
    rows = []
    if first:
        low = dt.date.fromisoformat(first) - dt.timedelta(days=SPAN_MARGIN_DAYS)
        high = dt.date.fromisoformat(last) + dt.timedelta(days=SPAN_MARGIN_DAYS)
        for row in merged.to_dict("records"):
            interval = date_interval(row["date"])
            if interval is not None and interval[0] >= low and interval[1] <= high:
                end = interval[1] + dt.timedelta(days=1)
                rows.append({**row, "start": interval[0].isoformat(), "end": end.isoformat()})
    frame = pd.DataFrame(rows, columns=[*merged.columns, "start", "end"])
    # spread over the coverage: each month's most reported event first (the finer its
    # date the better), then each month's second, and so on
    frame["_fineness"] = frame["granularity"].map(FINENESS).fillna(len(FINENESS))
    frame = frame.sort_values(
        ["articles", "_fineness", "start", "label"], ascending=[False, True, True, True]
    )
    frame["_rank"] = frame.groupby(frame["start"].str.slice(0, 7)).cumcount()
    frame = frame.sort_values(["_rank", "articles", "start"], ascending=[True, False, True]).head(
        top
    )
    return (
        frame.drop(columns=["_fineness", "_rank"])
        .sort_values(["start", "label"])
        .reset_index(drop=True)
    )


def merged_timeline_chart(merged: pd.DataFrame, span: tuple[str, str]) -> alt.Chart:
    """The events of `timeline_events` on one time axis: a day a point, a longer date
    a bar, the size the articles reporting it; a mark opens the event's sources. Older
    and later events are in the list."""
    frame = timeline_events(merged, span)
    if frame.empty:
        return _empty("No event is dated within the coverage")
    low = (dt.date.fromisoformat(span[0]) - dt.timedelta(days=SPAN_MARGIN_DAYS)).isoformat()
    high = (dt.date.fromisoformat(span[1]) + dt.timedelta(days=SPAN_MARGIN_DAYS)).isoformat()
    columns = ["label", "date", "start", "end", "granularity", "predicate", "actors", "main_modality",
               "modality", "articles", "evidence", "href"]  # fmt: skip
    base = alt.Chart(frame[columns], title=f"Events from {low} to {high}").encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(type="utc", domain=[low, high])),
        y=alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("main_modality:N", scale=MODALITY_COLOURS, title=None,
                        legend=alt.Legend(orient="bottom")),
        tooltip=["date", "predicate", "actors", "modality", "articles", "evidence"],
        href="href:N",
    )  # fmt: skip
    spans = base.transform_filter(alt.datum.granularity != "day").mark_bar(size=10, clip=True)
    days = base.transform_filter(alt.datum.granularity == "day").mark_point(
        filled=True, shape="diamond", clip=True
    )
    layers = [spans.encode(x2="end:T"), days.encode(size=alt.Size("articles:Q", legend=None))]
    chart = alt.layer(*layers).properties(width=WIDTH - 260, height=alt.Step(20))
    return chart.interactive(bind_y=False)
