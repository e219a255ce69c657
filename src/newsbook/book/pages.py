"""The corpus book's pages outside the chapters: one page per article with its text
and every row's evidence marked, and the exports (Parquet tables, the statements
table, GraphML networks, the DuckDB views and queries).

They are written after the HTML build into `<html>/corpus/`: `articles/<page>.html`
and `exports/`. A chapter (`<html>/chapters/corpus/*.html`) links to a row's evidence as
`../../corpus/articles/<page>.html#<prefix>-<row id>`; the article page marks the
span of that row when it opens (a few lines of inline script; without it, the link
still lands on the row's first character and every quotation stays marked).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from newsbook.book.tables import row_anchor

CORPUS_SITE = "corpus"  # under the book's html folder
FROM_CHAPTER = "../../"  # a corpus chapter (chapters/corpus/X.html) to the html folder
FIRST_CHAPTER = "chapters/corpus/11-corpus.html"
ARTICLES = f"{CORPUS_SITE}/articles"
EXPORTS = f"{CORPUS_SITE}/exports"


def page_name(article_id: str) -> str:
    """An article's page file name: its id where that is a safe file name, else a
    safe form of it with a short digest of the id (two ids never share a page)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", str(article_id)).strip("-.") or "article"
    if slug != article_id:
        slug += "-" + hashlib.sha256(str(article_id).encode("utf-8")).hexdigest()[:8]
    return f"{slug}.html"


def evidence_href(article_id: str, prefix: str = "", row_id: object = "") -> str:
    """The link from a corpus chapter to an article's page, at one row's evidence."""
    target = f"{FROM_CHAPTER}{ARTICLES}/{page_name(article_id)}"
    return f"{target}#{row_anchor(prefix, row_id)}" if prefix else target


def export_href(name: str) -> str:
    """The link from a corpus chapter to an exported file."""
    return f"{FROM_CHAPTER}{EXPORTS}/{name}"


@dataclass(frozen=True)
class Span:
    """A marked stretch of an article's text: `anchor` is its HTML id, `classes` how it
    is drawn, `title` the hover text."""

    start: int
    end: int
    anchor: str
    classes: str
    title: str = ""


def spans_of(tables: dict[str, pd.DataFrame]) -> list[Span]:
    """The spans of one article's rows (sentences, mentions, quotations, positions,
    temporal expressions, events), each table's rows as `Span`s."""
    found = []

    def add(name: str, prefix: str, id_column: str, classes, title) -> None:  # noqa: ANN001
        table = tables.get(name)
        if table is None or table.empty:
            return
        for row in table.to_dict("records"):
            start, end = int(row["start"]), int(row["end"])
            if 0 <= start < end:
                found.append(
                    Span(start, end, row_anchor(prefix, row[id_column]), classes(row), title(row))
                )

    add("sentences", "s", "sentence_id", lambda r: "s", lambda r: "")
    add("mentions", "mention", "mention_id", lambda r: "m", lambda r: f"{r['type']}")
    add("quotes", "quote", "quote_id", lambda r: f"q q-{r['kind']}", lambda r: _said(r))
    add("positions", "position", "position_id", lambda r: f"p p-{r['stance']}", _position)
    add("timex", "timex", "timex_id", lambda r: "t", lambda r: f"date: {r['value'] or '?'}")
    add("events", "event", "event_id", lambda r: "ev", _event)
    return found


def _said(row: dict) -> str:
    return f"{row['kind']} statement of {row['speaker'] or 'someone unnamed'}"


def _position(row: dict) -> str:
    return f"{row['actor']}: {row['stance']} on {row['issue']} (cue: {row['cue']})"


def _event(row: dict) -> str:
    return f"{row['date']} {row['predicate']} ({row['modality']})"


def marked_text(text: str, spans: list[Span]) -> str:
    """The text as HTML, escaped, cut at every span's ends: each piece inside a span is
    a `<span>` with the classes of the spans covering it and their ids in `data-ids`,
    and an empty `<a id=...>` stands at each span's first character."""
    bounds = sorted(
        {0, len(text), *(s.start for s in spans), *(min(s.end, len(text)) for s in spans)}
    )
    starting: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        starting[span.start].append(span)
    seen: set[str] = set()
    pieces = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        for span in starting.get(left, []):
            if span.anchor not in seen:
                seen.add(span.anchor)
                pieces.append(f'<a class="anchor" id="{span.anchor}"></a>')
        covering = [s for s in spans if s.start <= left and s.end >= right]
        piece = html.escape(text[left:right])
        if not covering:
            pieces.append(piece)
            continue
        classes = " ".join(sorted({c for s in covering for c in s.classes.split()}))
        ids = " ".join(s.anchor for s in covering)
        titles = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
        title = f' title="{html.escape(titles, quote=True)}"' if titles else ""
        pieces.append(f'<span class="{classes}" data-ids="{ids}"{title}>{piece}</span>')
    return "".join(pieces)


STYLE = """
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
       color: #222; background: #fff; }
main { max-width: 46em; margin: 0 auto; padding: 1.5em 1em 4em; }
nav { font-size: 0.9em; margin-bottom: 1.5em; }
h1 { font-size: 1.4em; line-height: 1.3; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em;
          font-size: 0.9em; color: #555; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border-top: 1px solid #ddd;
        padding-top: 1em; }
.q { background: #fff2b3; }
.q-direct { background: #ffe680; }
.p-support { box-shadow: inset 0 -2px 0 #1a9850; }
.p-oppose { box-shadow: inset 0 -2px 0 #d73027; }
.p-neutral { box-shadow: inset 0 -2px 0 #999; }
.m { text-decoration: underline dotted #888; }
.target, .legend .marked { background: #9ecae1 !important; }
a.anchor { scroll-margin-top: 4em; }
.legend span { padding: 0 0.3em; margin-right: 0.6em; }
"""

# Marks the row a link points at (its id is in the URL's fragment): every piece of text
# whose `data-ids` holds that id.
SCRIPT = """
(function () {
  function mark() {
    document.querySelectorAll('.target').forEach(function (e) { e.classList.remove('target'); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    document.querySelectorAll('[data-ids]').forEach(function (e) {
      if (e.getAttribute('data-ids').split(' ').indexOf(id) >= 0) e.classList.add('target');
    });
  }
  window.addEventListener('hashchange', mark);
  mark();
})();
"""


def article_page(article: dict, text: str, spans: list[Span]) -> str:
    """One article's page: its metadata, a legend, and its text with the spans marked."""
    e = html.escape
    meta = [
        ("article", article.get("article_id", "")),
        ("published", article.get("published", "") or "unknown"),
        ("source", article.get("source", "")),
        ("url", article.get("url", "")),
    ]
    rows = "".join(f"<dt>{e(k)}</dt><dd>{e(str(v))}</dd>" for k, v in meta if v)
    headline = article.get("headline") or article.get("article_id", "")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(str(headline))}</title>",
            f"<style>{STYLE}</style></head><body><main>",
            f'<nav><a href="../../{FIRST_CHAPTER}">newsbook: the corpus</a></nav>',
            f"<h1>{e(str(headline))}</h1>",
            f'<dl class="meta">{rows}</dl>',
            '<p class="legend"><span class="q-direct">direct quotation</span>'
            '<span class="q">reported statement</span>'
            '<span class="p-support">support</span><span class="p-oppose">oppose</span>'
            '<span class="p-neutral">neutral stance</span><span class="m">name</span>'
            '<span class="marked">the row a link points at</span></p>',
            f'<div class="text">{marked_text(text, spans)}</div>',
            f"</main><script>{SCRIPT}</script></body></html>",
            "",
        ]
    )
