"""Every chart of the book, built from tables, and an Altair renderer that draws them
with no network: the page loads vega from the book's own `_static/`, and the chart's
HTML carries no random id, so notebook outputs are byte-stable."""

from __future__ import annotations

import html
import json
from pathlib import Path

import altair as alt
import pandas as pd

from newsbook.stages.events import timeline_frame

RENDERER = "newsbook"
BUNDLE_NAME = "vega-bundle.js"
WIDTH = 620


def _vl_version() -> str:
    return "v" + ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def chart_html(spec: dict) -> str:
    """HTML that draws a Vega-Lite spec with the global `vegaEmbed` into the element
    just before its script: no element id, no CDN."""
    # Article text sits in the spec's data. Inside <script>, "<!--" followed by "<script"
    # makes the HTML parser skip the closing tag and swallow the rest of the page, so no
    # raw <, > or & may appear: JSON's \u escapes decode to the very same strings.
    payload = (
        json.dumps(spec, sort_keys=True, ensure_ascii=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return (
        '<div class="newsbook-chart"></div>\n'
        "<script>(function (el) {\n"
        "  if (window.vegaEmbed) { vegaEmbed(el, " + payload + ', {"actions": false}); }\n'
        "  else { el.textContent = \"The chart needs the book's vega bundle (_static/"
        + BUNDLE_NAME
        + ')."; }\n'
        "})(document.currentScript.previousElementSibling);</script>"
    )


def _render(spec: dict, **_: object) -> dict:
    return {"text/html": chart_html(spec), "text/plain": html.escape("<Altair chart>")}


def use_offline_renderer() -> None:
    """Make Altair output charts as offline, id-free HTML."""
    alt.renderers.register(RENDERER, _render)
    alt.renderers.enable(RENDERER)
    alt.data_transformers.disable_max_rows()


def write_bundle(static_dir: Path) -> Path:
    """Write vega, vega-lite and vega-embed (from the vl-convert wheel) into
    `static_dir`, wrapped in a function scope so its `_` does not clash with Sphinx's.
    The bundle's first line names the versions; a bundle of the same versions is kept
    (making one takes seconds)."""
    import vl_convert

    target = static_dir / BUNDLE_NAME
    header = f"/* vega bundle: vl-convert {vl_convert.__version__}, vega-lite {_vl_version()} */\n"
    if target.exists():
        with target.open(encoding="utf-8") as handle:
            if handle.readline() == header:
                return target
    static_dir.mkdir(parents=True, exist_ok=True)
    bundle = vl_convert.javascript_bundle(vl_version=_vl_version())
    target.write_text(header + "(function () {\n" + bundle + "\n})();\n", encoding="utf-8")
    return target


def _empty(message: str) -> alt.Chart:
    return (
        alt.Chart(pd.DataFrame({"message": [message]}))
        .mark_text(size=14)
        .encode(text="message:N")
        .properties(width=WIDTH, height=60)
    )


def structure_chart(sentences: pd.DataFrame) -> alt.Chart:
    """Sentence lengths in reading order, coloured by paragraph: the article's shape."""
    if sentences.empty:
        return _empty("No sentences")
    data = sentences.assign(
        words=sentences["text"].str.split().str.len(),
        preview=sentences["text"].str.slice(0, 120),
    )[["sentence_id", "paragraph_id", "section", "words", "preview"]]
    return (
        alt.Chart(data, title="Words per sentence, in reading order")
        .mark_bar()
        .encode(
            x=alt.X("sentence_id:O", title="sentence"),
            y=alt.Y("words:Q", title="words"),
            color=alt.Color("paragraph_id:N", title="paragraph", legend=None),
            tooltip=["sentence_id", "paragraph_id", "section", "words", "preview"],
        )
        .properties(width=WIDTH, height=220)
        .interactive()
    )


def mention_counts_chart(mentions: pd.DataFrame) -> alt.Chart:
    """How many mentions of each type."""
    if mentions.empty:
        return _empty("No entity mentions")
    counts = mentions.groupby("type", as_index=False).size().rename(columns={"size": "mentions"})
    return (
        alt.Chart(counts, title="Mentions by type")
        .mark_bar()
        .encode(
            y=alt.Y("type:N", sort="-x", title=None),
            x=alt.X("mentions:Q"),
            tooltip=["type", "mentions"],
        )
        .properties(width=WIDTH, height=alt.Step(22))
    )


def cooccurrence(
    mentions: pd.DataFrame, entities: pd.DataFrame, *, types: tuple[str, ...]
) -> pd.DataFrame:
    """Pairs of entities named in the same sentence and how often."""
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    kinds = dict(zip(entities["entity_id"], entities["type"], strict=True))
    keep = mentions[
        (mentions["entity_id"] != "") & mentions["entity_id"].map(lambda e: kinds.get(e) in types)
    ]
    pairs: dict[tuple[str, str], list[int]] = {}
    for sentence_id, group in keep.groupby("sentence_id"):
        ids = sorted(set(group["entity_id"]))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pairs.setdefault((a, b), []).append(int(sentence_id))
    rows = [
        {"a": names[a], "b": names[b], "sentences": len(s), "sentence_ids": ", ".join(map(str, s))}
        for (a, b), s in sorted(pairs.items())
    ]
    return pd.DataFrame(rows, columns=["a", "b", "sentences", "sentence_ids"])


def cooccurrence_chart(pairs: pd.DataFrame) -> alt.Chart:
    """A symmetric heat map of which actors appear together."""
    if pairs.empty:
        return _empty("No two actors share a sentence")
    both = pd.concat([pairs, pairs.rename(columns={"a": "b", "b": "a"})], ignore_index=True)
    return (
        alt.Chart(both, title="Actors named in the same sentence")
        .mark_rect()
        .encode(
            x=alt.X("a:N", title=None, sort="ascending"),
            y=alt.Y("b:N", title=None, sort="ascending"),
            color=alt.Color("sentences:Q", title="sentences", scale=alt.Scale(scheme="blues")),
            tooltip=["a", "b", "sentences", "sentence_ids"],
        )
        .properties(width=alt.Step(24), height=alt.Step(24))
    )


def speakers_chart(quotes: pd.DataFrame) -> alt.Chart:
    """Who speaks how much, and how (direct or reported)."""
    if quotes.empty:
        return _empty("No statements found")
    data = quotes.assign(who=quotes["speaker"].where(quotes["speaker"] != "", "(unattributed)"))
    counts = (
        data.groupby(["who", "kind"], as_index=False).size().rename(columns={"size": "statements"})
    )
    return (
        alt.Chart(counts, title="Statements by speaker")
        .mark_bar()
        .encode(
            y=alt.Y("who:N", sort="-x", title=None),
            x=alt.X("statements:Q"),
            color=alt.Color("kind:N", scale=alt.Scale(domain=["direct", "reported"])),
            tooltip=["who", "kind", "statements"],
        )
        .properties(width=WIDTH, height=alt.Step(22))
    )


STANCE_COLOURS = alt.Scale(
    domain=["support", "oppose", "neutral"], range=["#1a9850", "#d73027", "#bdbdbd"]
)


def stance_matrix_chart(positions: pd.DataFrame) -> alt.Chart:
    """Actor by issue; colour is the stance, the tooltip the evidence."""
    if positions.empty:
        return _empty("No positions found")
    data = positions[["actor", "issue", "stance", "evidence", "source", "sentence_id"]]
    return (
        alt.Chart(data, title="Who stands where")
        .mark_square(size=260)
        .encode(
            x=alt.X("issue:N", title=None, axis=alt.Axis(labelAngle=-30, labelLimit=220)),
            y=alt.Y("actor:N", title=None),
            color=alt.Color("stance:N", scale=STANCE_COLOURS),
            tooltip=["actor", "issue", "stance", "source", "sentence_id", "evidence"],
        )
        .properties(width=alt.Step(70))
    )


def agreement_chart(network: pd.DataFrame) -> alt.Chart:
    """Pairs of actors that agree or conflict on shared issues."""
    if network.empty:
        return _empty("No two actors take a stance on the same issue")
    return (
        alt.Chart(network, title="Agreement (+) and conflict (-) between actors")
        .mark_rect()
        .encode(
            x=alt.X("a:N", title=None),
            y=alt.Y("b:N", title=None),
            color=alt.Color("score:Q", scale=alt.Scale(scheme="redyellowgreen", domainMid=0)),
            tooltip=["a", "b", "score", "issues"],
        )
        .properties(width=alt.Step(28), height=alt.Step(28))
    )


MODALITY_COLOURS = alt.Scale(
    domain=["occurred", "ongoing", "scheduled", "hypothetical"],
    range=["#4c78a8", "#72b7b2", "#f58518", "#b279a2"],
)


def timeline_chart(
    events: pd.DataFrame, published: str, *, window_days: int | None = None
) -> alt.Chart | alt.LayerChart:
    """Dated events on a time axis, one row each, coloured by modality: a day is a
    point, a week, month, year or decade a bar spanning it. The red rule is the
    article's "now" (its publication date) and the shaded band what lies ahead of it.
    With `window_days`, only the days around publication (a close-up)."""
    if window_days and not published:
        return _empty("The publication date is unknown: no close-up around it")
    frame = timeline_frame(events, published or None)
    domain = alt.Undefined
    if window_days and published:
        now = pd.Timestamp(published)
        low = (now - pd.Timedelta(days=window_days)).date().isoformat()
        high = (now + pd.Timedelta(days=window_days)).date().isoformat()
        frame = frame[(frame["end"] > low) & (frame["start"] < high)]
        domain = [low, high]
    if frame.empty:
        return _empty("No event could be dated")
    title = "Timeline: the red rule is the publication date, the shaded band what lies ahead"
    if not published:
        title = "Timeline (publication date unknown: relative dates are left out)"
    elif window_days:
        title = f"Close-up: {window_days} days either side of publication"
    scale = alt.Scale(type="utc", domain=domain, padding=alt.Undefined if window_days else 12)
    x = alt.X("start:T", title=None, scale=scale)
    y = alt.Y("label:N", title=None, sort=list(frame["label"]), axis=alt.Axis(labelLimit=200))
    colour = alt.Color(
        "modality:N", scale=MODALITY_COLOURS, title=None, legend=alt.Legend(orient="bottom")
    )
    tooltip = ["event_id", "date", "granularity", "predicate", "modality", "actors", "evidence"]
    base = alt.Chart(frame).encode(x=x, y=y, color=colour, tooltip=tooltip)
    spans = (
        base.transform_filter(alt.datum.granularity != "day")
        .mark_bar(size=12, opacity=0.85, clip=True)
        .encode(x2="end:T")
    )
    days = base.transform_filter(alt.datum.granularity == "day").mark_point(
        shape="diamond", filled=True, size=120, opacity=1, clip=True
    )
    layers = [spans, days]
    if published:
        last = max([*frame["end"], published]) if not window_days else domain[1]
        now_frame = pd.DataFrame({"now": [published], "last": [last], "text": ["now"]})
        ahead = alt.Chart(now_frame).mark_rect(color="#eeeeee", opacity=0.6, clip=True)
        rule = alt.Chart(now_frame).mark_rule(color="red", strokeWidth=2)
        label = alt.Chart(now_frame).mark_text(color="red", align="right", dx=-3, dy=8, y=0)
        layers = [
            ahead.encode(x=alt.X("now:T", scale=alt.Scale(type="utc")), x2="last:T"),
            *layers,
            rule.encode(x="now:T"),
            label.encode(x="now:T", text="text:N"),
        ]
    layers[0] = layers[0].properties(title=title)  # the small version drops layer titles
    # narrower than the page: the row labels take the rest
    chart = alt.layer(*layers).properties(width=WIDTH - 200, height=alt.Step(22))
    return chart.interactive(bind_y=False)


MEASURES = ["precision", "recall", "f1"]
SCORE_TOOLTIP = ["precision", "recall", "f1", "correct", "expected", "produced"]


def stage_scores_chart(
    pooled: pd.DataFrame, *, title: str = "Precision, recall and F1 by stage"
) -> alt.Chart:
    """Precision, recall and F1 of each stage (one system), side by side; reads the
    columns of `evaluate.pooled_scores` (stages without gold are left out)."""
    data = pooled.dropna(subset=["recall"])
    if data.empty:
        return _empty("No gold to measure against")
    long = data.melt(
        id_vars=["stage", "correct", "expected", "produced"],
        value_vars=MEASURES,
        var_name="measure",
        value_name="value",
    )
    return (
        alt.Chart(long, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("stage:N", sort=list(data["stage"]), title=None),
            yOffset=alt.YOffset("measure:N", sort=MEASURES),
            x=alt.X("value:Q", scale=alt.Scale(domain=[0, 1]), title=None),
            color=alt.Color("measure:N", sort=MEASURES, legend=alt.Legend(orient="bottom")),
            tooltip=["stage", "measure", "value", "correct", "expected", "produced"],
        )
        .properties(width=WIDTH - 160, height=alt.Step(9))
    )


def peers_chart(comparison: pd.DataFrame) -> alt.Chart:
    """F1 of newsbook and of the peer on each stage a peer does, one panel a stage;
    reads the columns of `evaluate.peer_comparison`."""
    if comparison.empty:
        return _empty("No gold to compare on")
    systems = list(dict.fromkeys(comparison["system"]))
    return (
        alt.Chart(comparison)
        .mark_bar()
        .encode(
            y=alt.Y("system:N", sort=systems, title=None),
            x=alt.X("f1:Q", scale=alt.Scale(domain=[0, 1]), title="F1"),
            color=alt.Color("system:N", sort=systems, legend=None),
            tooltip=["stage", "system", *SCORE_TOOLTIP],
        )
        .properties(width=WIDTH - 200, height=alt.Step(18))
        .facet(
            row=alt.Row(
                "stage:N",
                sort=list(dict.fromkeys(comparison["stage"])),
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            ),
            title="newsbook and its peers on the same gold (F1)",
        )
        .resolve_scale(y="independent")
    )


def article_scores_chart(scores: pd.DataFrame, *, measure: str = "f1") -> alt.Chart:
    """Article by stage, coloured by one measure; blank where the article's gold has
    nothing for the stage. Reads the columns of `evaluate.system_scores_table`."""
    data = scores.dropna(subset=[measure])
    if data.empty:
        return _empty("No gold to measure against")
    base = alt.Chart(data, title=f"{measure} by article and stage").encode(
        x=alt.X(
            "stage:N",
            sort=list(dict.fromkeys(scores["stage"])),
            title=None,
            axis=alt.Axis(labelAngle=-30),
        ),
        y=alt.Y("article_id:N", title=None, axis=alt.Axis(labelLimit=150)),
        tooltip=["article_id", "stage", *SCORE_TOOLTIP],
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            f"{measure}:Q",
            scale=alt.Scale(domain=[0, 1], scheme="redyellowgreen"),
            legend=alt.Legend(orient="bottom"),
        )
    )
    labels = base.mark_text(size=10).encode(text=alt.Text(f"{measure}:Q", format=".2f"))
    return alt.layer(cells, labels).properties(width=alt.Step(56), height=alt.Step(22))


def errors_chart(errors: pd.DataFrame) -> alt.Chart:
    """How many errors each stage makes, by kind: missed (a gold item not found),
    wrong (found, with the wrong speaker, value, entity or stance) or spurious (output
    the gold does not have). Reads the columns of `evaluate.errors_table`."""
    if errors.empty:
        return _empty("No errors")
    first = errors["error"].str.split().str[0]
    data = errors.assign(kind=first.replace({"not": "missed"}))
    counts = data.groupby(["stage", "kind", "error"], as_index=False).size()
    counts = counts.rename(columns={"size": "errors"})
    return (
        alt.Chart(counts, title="Errors by stage and kind")
        .mark_bar()
        .encode(
            y=alt.Y("stage:N", sort=list(dict.fromkeys(errors["stage"])), title=None),
            x=alt.X("sum(errors):Q", title="errors"),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(
                    domain=["missed", "wrong", "spurious"], range=["#e45756", "#f58518", "#bab0ac"]
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["stage", "kind", "error", "errors"],
        )
        .properties(width=WIDTH - 160, height=alt.Step(22))
    )


# Small versions for the summary page: fixed widths that fit a phone (360 px wide,
# labels included) and still read on a laptop; legends go below the plot. (A width of
# "container" draws nothing here: vega-embed's element is an inline block.)
SMALL_WIDTH = 250

STANCE_COLOURS_MIXED = alt.Scale(
    domain=["support", "oppose", "mixed", "neutral"],
    range=["#1a9850", "#d73027", "#fdae61", "#bdbdbd"],
)


def small_stance_chart(stances: pd.DataFrame) -> alt.Chart:
    """The actor-by-issue matrix in small, one mark per actor and issue (from
    `summary.stance_summary`: `mixed` where the evidence goes both ways); issues are the
    rows so their long labels have room on a narrow screen."""
    if stances.empty:
        return _empty("No positions found").properties(width=SMALL_WIDTH)
    actors = stances["actor"].nunique()
    return (
        alt.Chart(stances)
        .mark_square(size=140)
        .encode(
            x=alt.X("actor:N", title=None, axis=alt.Axis(labelAngle=-45, labelLimit=110)),
            y=alt.Y("issue:N", title=None, axis=alt.Axis(labelLimit=130)),
            color=alt.Color(
                "stance:N",
                scale=STANCE_COLOURS_MIXED,
                legend=alt.Legend(orient="bottom", title=None, columns=2),
            ),
            tooltip=["actor", "issue", "stance", "n_positions", "positions"],
        )
        .properties(width=min(22 * actors, SMALL_WIDTH - 70), height=alt.Step(24))
    )


def small_timeline_chart(events: pd.DataFrame, published: str) -> alt.LayerChart | alt.Chart:
    """The timeline in small, with the article's "now" (the red rule) when it is known."""
    chart = timeline_chart(events, published)
    if not isinstance(chart, alt.LayerChart):
        return chart.properties(width=SMALL_WIDTH)
    for layer in chart.layer:
        layer.title = alt.Undefined
    # the width only: the rows keep their own height, one step per event
    return chart.properties(width=SMALL_WIDTH - 30).configure_legend(
        orient="bottom", title=None, columns=2
    )
