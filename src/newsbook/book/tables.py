"""The tables a chapter shows: an article's tables, computed once per book and read
by every chapter, and the HTML tables whose rows other pages can link to.

An article's tables are cached on disk (`newsbook.cache`), keyed by the article's and
its sidecar's bytes, the parameters, the lexicons and catalogue, and the package's own
source: the seven chapters of a book read one computation, and a second build with
nothing changed computes nothing.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import IPython.display
import pandas as pd

from newsbook import cache
from newsbook.book.parameters import check_parameters, resolve_path
from newsbook.lexicons import Resources, read_issue_catalogue
from newsbook.pipeline import analyze
from newsbook.text.article import read_article

WIDE_TEXT = 100  # characters: a cell longer than this is running text
WIDE_COLUMN_EM = 28
SHORT_TEXT = 12  # characters: a column no longer than this (a date, an id) is not wrapped


def article_tables(
    article: Path, *, published: str = "", issues: Path | None = None
) -> dict[str, pd.DataFrame]:
    """Every table of one article (with `blocks`), from the cache when the same inputs
    were analysed before. `issues`: an issue catalogue added to the project's."""
    resources = Resources.load()
    if issues is not None:
        resources = resources.with_issues(read_issue_catalogue(issues))
    key = cache.fingerprint(
        Path(article),
        Path(article).with_suffix(".yml"),
        published,
        resources.fingerprint,
        cache.code_fingerprint(),
    )
    return cache.cached(
        "tables",
        key,
        lambda: analyze(read_article(article, published=published or None), resources),
    )


def chapter_tables(article: str, published: str = "", issues: str = "") -> dict[str, pd.DataFrame]:
    """A chapter's view of `article_tables`: its parameters checked, paths taken from
    the project root, and copies a chapter may change."""
    check_parameters(ARTICLE=article, PUBLISHED=published, ISSUES=issues)
    tables = article_tables(
        resolve_path(article),
        published=published,
        issues=resolve_path(issues) if issues else None,
    )
    return {name: table.copy() for name, table in tables.items()}


def show(table: pd.DataFrame, columns: list[str] | None = None, *, rows: int = 60) -> pd.DataFrame:
    """The part of a table a page shows (text is escaped by pandas' HTML output)."""
    shown = table[columns] if columns else table
    return shown.head(rows).reset_index(drop=True)


def row_anchor(prefix: str, value: object) -> str:
    """The HTML id of a table row: `{prefix}-{value}`, kept to [A-Za-z0-9_-] so it is
    a safe id and a safe URL fragment."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", f"{prefix}-{_cell_text(value)}")


def _cell_text(value: object) -> str:
    """A cell as text; missing values (None, NaN, NA) are empty, not 'nan'."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    return str(value)


def safe_href(href: object) -> str:
    """A link the book writes itself: relative (a page of the book, a fragment) and
    never a scheme such as `javascript:`; anything else is no link."""
    text = _cell_text(href)
    return "" if re.match(r"^[^/?#]*:", text) else text


Link = tuple[str, str]  # (text, href)
NOWRAP = ' style="white-space: nowrap"'


def _cell_html(value: object, href: object = "") -> str:
    """A cell: its text escaped, inside a link when `href` is one; a list of (text,
    href) pairs is several links, comma-separated."""
    if isinstance(value, list):
        return ", ".join(_cell_html(text, link) for text, link in value)
    text = html.escape(_cell_text(value))
    link = safe_href(href)
    return f'<a href="{html.escape(link, quote=True)}">{text}</a>' if link and text else text


def anchored_table(
    table: pd.DataFrame,
    columns: list[str],
    *,
    anchor: str | None = None,
    prefix: str = "",
    rows: int = 200,
    links: dict[str, str] | None = None,
) -> IPython.display.HTML:
    """An HTML table whose rows can be linked to: each `<tr>` has the id
    `{prefix}-{row[anchor]}` (see `row_anchor`), so another page can point at
    `chapter.html#{prefix}-{id}`. Every cell is escaped (article text comes from the
    open web); classes are pandas' so the book theme styles it, and the wrapper scrolls
    sideways on a narrow screen. A repeated anchor keeps its id on the first row only
    (ids must be unique). `links` maps a shown column to the column holding its link (a
    relative href, see `safe_href`); a cell holding a list of (text, href) pairs shows
    each as a link."""
    links = links or {}
    missing = [
        name
        for name in [*columns, *([anchor] if anchor else []), *links.values()]
        if name not in table.columns
    ]
    if missing:
        raise KeyError(f"anchored_table: no column {', '.join(missing)}")
    shown_rows = table.head(rows)
    # a column of sentences gets room to be read; the box scrolls sideways instead of
    # squeezing it into a tall sliver
    wide = {
        name
        for name in columns
        if len(shown_rows) and shown_rows[name].map(lambda v: len(_cell_text(v))).max() > WIDE_TEXT
    }
    # a date or an id keeps to one line
    short = {
        name
        for name in columns
        if len(shown_rows)
        and shown_rows[name]
        .map(lambda v: len(_cell_text(v)) if not isinstance(v, list) else 99)
        .max()
        <= SHORT_TEXT
    }
    width = f' style="min-width: {WIDE_COLUMN_EM}em"'
    head = "".join(
        f"<th{width if name in wide else ''}>{html.escape(str(name))}</th>" for name in columns
    )
    lines = [
        '<div class="newsbook-table" style="overflow-x: auto; max-width: 100%;">',
        '<table border="1" class="dataframe">',
        f'<thead><tr style="text-align: right;">{head}</tr></thead>',
        "<tbody>",
    ]
    seen: set[str] = set()
    for record in shown_rows.to_dict("records"):
        id_attribute = ""
        if anchor:
            row_id = row_anchor(prefix, record[anchor])
            id_attribute = "" if row_id in seen else f' id="{row_id}"'
            seen.add(row_id)
        cells = "".join(
            f"<td{NOWRAP if name in short else ''}>"
            f"{_cell_html(record[name], record[links[name]] if name in links else '')}</td>"
            for name in columns
        )
        lines.append(f"<tr{id_attribute}>{cells}</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return IPython.display.HTML("\n".join(lines))
