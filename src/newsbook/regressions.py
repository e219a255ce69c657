"""Readable regressions: what changed in a chapter's output, as table rows.

A chapter's outputs are HTML tables (`book.show`, `book.anchored_table`) and charts
(Altair specs whose data sit in the HTML as JSON). When an output differs from the one
committed, the difference that matters is which rows were added, removed or changed,
not the first differing character. `describe_change(old, new)` says that; it is used

- by nbval (this module is a pytest plugin, registered by the package's `pytest11`
  entry point): nbval asks `pytest_assertrepr_compare` how to show a mismatched output,
  and gets the rows;
- by `make baseline` (`python -m newsbook.regressions --since HEAD chapters/*.ipynb ...`),
  to show what an intended change did before the chapters are committed.

Rows are matched by their anchor (`<tr id=...>`), else by an id column (`*_id`, unique
on both sides), else by content: identical rows first, then the most similar pairs.
Standard library only, in the lowest layer: pytest loads it at start-up, and it should
cost nothing there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from newsbook.notebooks import read_notebook

CHART_CALL = "vegaEmbed(el, "  # how book.charts embeds a spec in a chart's HTML
MAX_ROWS_SHOWN = 15  # per kind of change: a long list hides the pattern
MAX_VALUE_CHARS = 70
LABEL_CHARS = 24  # of each of the two cells that name a row without an id  # a cell longer than this is cut, with an ellipsis
CONTEXT_CHARS = 20  # kept before the first difference of two long values
MIN_SHARED_FOR_CHANGE = 0.5  # share of equal cells for two rows to be one row changed


@dataclass(frozen=True)
class Table:
    """Rows of an output: an HTML table, or a chart's data set."""

    label: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    anchors: tuple[str, ...] = ()  # row ids, when every row has one


@dataclass
class TableChange:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.columns)


# --- reading outputs into rows ----------------------------------------------------------


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._row_id = ""
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"columns": [], "rows": [], "anchors": []})
        elif not self.tables:
            return
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row, self._row_id = [], dict(attrs).get("id") or ""
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in_head or not table["columns"]:
                table["columns"] = self._row
            else:
                table["rows"].append(tuple(self._row))
                table["anchors"].append(self._row_id)
            self._row = None
        elif tag == "thead":
            self._in_head = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(output: str) -> list[Table]:
    """The tables of an HTML output, one `Table` each (cells as their text)."""
    if "<table" not in output:
        return []
    parser = _TableParser()
    parser.feed(output)
    tables = []
    for n, table in enumerate(parser.tables, start=1):
        anchors = tuple(table["anchors"]) if all(table["anchors"]) else ()
        label = "table" if len(parser.tables) == 1 else f"table {n}"
        tables.append(Table(label, tuple(table["columns"]), tuple(table["rows"]), anchors))
    return tables


def chart_spec(output: str) -> dict | None:
    """The Vega-Lite spec a chart's HTML embeds, or None."""
    at = output.find(CHART_CALL)
    if at < 0:
        return None
    try:
        spec, _ = json.JSONDecoder().raw_decode(output, at + len(CHART_CALL))
    except json.JSONDecodeError:
        return None
    return spec if isinstance(spec, dict) else None


def chart_tables(spec: dict) -> list[Table]:
    """A chart's data sets as tables: the named `datasets` (in the order the chart uses
    them; their names are hashes of the content) and inline `values`."""
    sets = [list(values) for values in (spec.get("datasets") or {}).values()]
    sets += [d["values"] for d in _walk(spec, "data") if isinstance(d.get("values"), list)]
    tables = []
    for n, records in enumerate(sets, start=1):
        records = [r for r in records if isinstance(r, dict)]
        columns = tuple(dict.fromkeys(key for record in records for key in record))
        rows = tuple(tuple(_cell(record.get(c)) for c in columns) for record in records)
        label = "chart data" if len(sets) == 1 else f"chart data {n}"
        tables.append(Table(label, columns, rows))
    return tables


def _walk(node: object, key: str) -> list[dict]:
    found = []
    if isinstance(node, dict):
        for name, value in node.items():
            if name == key and isinstance(value, dict):
                found.append(value)
            found += _walk(value, key)
    elif isinstance(node, list):
        for item in node:
            found += _walk(item, key)
    return found


def _cell(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def _without_data(spec: dict) -> dict:
    """The chart's encoding: the spec less its data (names and values)."""
    if isinstance(spec, dict):
        return {k: _without_data(v) for k, v in spec.items() if k not in ("datasets", "data")}
    if isinstance(spec, list):
        return [_without_data(v) for v in spec]
    return spec


# --- comparing rows ---------------------------------------------------------------------


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= MAX_VALUE_CHARS else value[: MAX_VALUE_CHARS - 1] + "…"


def _edit(before: str, after: str) -> str:
    """`'old' -> 'new'`, both cut to the part around their first difference."""
    before, after = " ".join(before.split()), " ".join(after.split())
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    start = max(0, same - CONTEXT_CHARS)
    lead = "…" if start else ""
    return f"{_short(lead + before[start:])!r} -> {_short(lead + after[start:])!r}"


def _key_column(old: Table, new: Table) -> str | None:
    """An id column present on both sides whose values are unique and never empty."""
    for column in old.columns:
        if column not in new.columns or not (column == "id" or column.endswith("_id")):
            continue
        values = [
            [row[t.columns.index(column)] for row in t.rows if len(row) == len(t.columns)]
            for t in (old, new)
        ]
        if all(v and all(v) and len(set(v)) == len(v) for v in values):
            return column
    return None


def _keyed(table: Table, column: str | None) -> dict[str, dict[str, str]]:
    records = {}
    for n, row in enumerate(table.rows):
        record = dict(zip(table.columns, row, strict=False))
        if table.anchors and column is None:
            key = table.anchors[n]
        else:
            key = record[column] if column else str(n)
        records[key] = record
    return records


def _pair_by_content(old: list[dict], new: list[dict], columns: list[str]):
    """Identical rows first, then, in order, each old row with the new row that shares
    the most cells (at least MIN_SHARED_FOR_CHANGE of them): (removed, added, changed)."""
    new_left = list(new)
    old_left = []
    for record in old:
        if record in new_left:
            new_left.remove(record)
        else:
            old_left.append(record)
    changed, removed = [], []
    for record in old_left:
        shared = [sum(record.get(c) == other.get(c) for c in columns) for other in new_left]
        best = max(range(len(shared)), key=shared.__getitem__, default=None)
        if best is not None and shared[best] >= MIN_SHARED_FOR_CHANGE * len(columns):
            changed.append((record, new_left.pop(best)))
        else:
            removed.append(record)
    return removed, new_left, changed


def _label(record: dict, columns: list[str], key: str | None = None) -> str:
    if key is not None:
        return key
    return " | ".join(_short(record.get(c, ""))[:LABEL_CHARS] for c in columns[:2])


def _cells(record: dict, columns: list[str]) -> str:
    return ", ".join(f"{c}={_short(record.get(c, ''))!r}" for c in columns if record.get(c))


def compare_tables(old: Table, new: Table) -> TableChange:
    """Rows added, removed and changed between two versions of a table, as lines."""
    change = TableChange()
    gone = [c for c in old.columns if c not in new.columns]
    came = [c for c in new.columns if c not in old.columns]
    if gone:
        change.columns.append(f"columns removed: {', '.join(gone)}")
    if came:
        change.columns.append(f"columns added: {', '.join(came)}")
    columns = [c for c in new.columns if c in old.columns]
    by_anchor = bool(old.anchors and new.anchors)
    key_column = None if by_anchor else _key_column(old, new)
    if by_anchor or key_column:
        before, after = _keyed(old, key_column), _keyed(new, key_column)
        label = key_column or "row"
        change.removed = [
            f"{label} {k}: {_cells(before[k], old.columns)}" for k in before if k not in after
        ]
        change.added = [
            f"{label} {k}: {_cells(after[k], new.columns)}" for k in after if k not in before
        ]
        pairs = [(k, before[k], after[k]) for k in after if k in before]
    else:
        removed, added, matched = _pair_by_content(
            [dict(zip(old.columns, r, strict=False)) for r in old.rows],
            [dict(zip(new.columns, r, strict=False)) for r in new.rows],
            columns,
        )
        change.removed = [_cells(r, old.columns) for r in removed]
        change.added = [_cells(r, new.columns) for r in added]
        pairs = [(_label(a, columns), a, b) for a, b in matched]
        label = None
    for key, before_row, after_row in pairs:
        edits = [
            f"{c}: {_edit(before_row.get(c, ''), after_row.get(c, ''))}"
            for c in columns
            if before_row.get(c, "") != after_row.get(c, "")
        ]
        if edits:
            name = f"{label} {key}" if label else key
            change.changed.append(f"{name}: {'; '.join(edits)}")
    return change


def _summary(table: Table, old: Table, change: TableChange) -> list[str]:
    counts = ", ".join(
        f"{len(rows)} row{'s' if len(rows) != 1 else ''} {kind}"
        for kind, rows in (
            ("changed", change.changed),
            ("added", change.added),
            ("removed", change.removed),
        )
        if rows
    )
    head = f"{table.label}: {counts or 'the same rows'} ({len(old.rows)} rows before, {len(table.rows)} after)"
    lines = [head, *[f"  {line}" for line in change.columns]]
    for kind, rows in (
        ("changed", change.changed),
        ("added", change.added),
        ("removed", change.removed),
    ):
        for line in rows[:MAX_ROWS_SHOWN]:
            lines.append(f"  {kind:<8}{line}")
        if len(rows) > MAX_ROWS_SHOWN:
            lines.append(f"  {kind:<8}... and {len(rows) - MAX_ROWS_SHOWN} more")
    return lines


def _paired(old: list[Table], new: list[Table]) -> list[tuple[Table | None, Table | None]]:
    """Tables of two versions of an output side by side: unchanged ones by content,
    the rest in order (a chart's data set is renamed when its content changes)."""
    new_left = list(new)
    pairs, old_left = [], []
    for table in old:
        same = next((t for t in new_left if t.rows == table.rows), None)
        if same is not None and same.columns == table.columns:
            new_left.remove(same)
        else:
            old_left.append(table)
    for n in range(max(len(old_left), len(new_left))):
        pairs.append(
            (old_left[n] if n < len(old_left) else None, new_left[n] if n < len(new_left) else None)
        )
    return pairs


def describe_change(old: str, new: str) -> list[str] | None:
    """What changed between two versions of one output, as lines: rows added, removed
    and changed in each table and chart data set, and a chart's changed encoding; empty
    when the rows are the same (the markup around them changed). None when neither
    version holds a table or a chart (nothing to say in rows)."""
    old_spec, new_spec = chart_spec(old), chart_spec(new)
    old_tables = html_tables(old) + (chart_tables(old_spec) if old_spec else [])
    new_tables = html_tables(new) + (chart_tables(new_spec) if new_spec else [])
    if not old_tables and not new_tables and not (old_spec or new_spec):
        return None
    lines = []
    for before, after in _paired(old_tables, new_tables):
        if before is None:
            lines.append(f"{after.label}: new, {len(after.rows)} rows")
        elif after is None:
            lines.append(f"{before.label}: gone ({len(before.rows)} rows before)")
        else:
            change = compare_tables(before, after)
            if change:
                lines += _summary(after, before, change)
    if old_spec and new_spec and _without_data(old_spec) != _without_data(new_spec):
        paths = _differing_paths(_without_data(old_spec), _without_data(new_spec))
        lines.append(f"chart encoding changed at: {', '.join(paths[:MAX_ROWS_SHOWN])}")
    if bool(old_spec) != bool(new_spec):
        lines.append("a chart " + ("appeared" if new_spec else "disappeared"))
    return lines


def _differing_paths(old: object, new: object, at: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            path
            for key in sorted(set(old) | set(new))
            for path in _differing_paths(old.get(key), new.get(key), f"{at}.{key}" if at else key)
        ]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            p
            for n, (a, b) in enumerate(zip(old, new, strict=True))
            for p in _differing_paths(a, b, f"{at}[{n}]")
        ]
    return [] if old == new else [at or "(the spec)"]


# --- notebooks --------------------------------------------------------------------------


def _output_text(output: dict) -> str:
    data = output.get("data", {})
    value = data.get("text/html") or data.get("text/plain") or output.get("text") or ""
    return "".join(value) if isinstance(value, list) else str(value)


def compare_notebooks(old: dict, new: dict) -> list[str]:
    """Per code cell whose outputs differ: its first line and what changed in rows."""
    lines = []
    old_cells = [c for c in old["cells"] if c["cell_type"] == "code"]
    new_cells = [c for c in new["cells"] if c["cell_type"] == "code"]
    if len(old_cells) != len(new_cells):
        lines.append(f"code cells: {len(old_cells)} before, {len(new_cells)} after")
    for n, (before, after) in enumerate(zip(old_cells, new_cells, strict=False), start=1):
        old_outputs = [_output_text(o) for o in before.get("outputs", [])]
        new_outputs = [_output_text(o) for o in after.get("outputs", [])]
        if old_outputs == new_outputs:
            continue
        source = "".join(after["source"]).strip().splitlines() or [""]
        lines.append(f"code cell {n} ({_short(source[-1])}):")
        if len(old_outputs) != len(new_outputs):
            lines.append(f"  outputs: {len(old_outputs)} before, {len(new_outputs)} after")
        for a, b in zip(old_outputs, new_outputs, strict=False):
            if a != b:
                described = describe_change(a, b)
                if described is None:
                    described = ["the output changed (not a table)"]
                elif not described:
                    described = ["the same rows; the markup around them changed"]
                lines += [f"  {line}" for line in described]
    return lines


def _committed(path: Path, revision: str) -> dict | None:
    """The notebook as committed at `revision`, or None when it was not there."""
    top = subprocess.run(
        ["git", "rev-parse", "--show-prefix"], cwd=path.parent, capture_output=True, text=True
    )
    shown = subprocess.run(
        ["git", "show", f"{revision}:{top.stdout.strip()}{path.name}"],
        cwd=path.parent,
        capture_output=True,
        text=True,
    )
    return json.loads(shown.stdout) if shown.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsbook.regressions",
        description="What changed in chapters' outputs, as table rows: two notebooks "
        "(OLD NEW), or each NOTEBOOK against git's REV (--since).",
    )
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--since", metavar="REV", help="compare each notebook with git's REV")
    args = parser.parse_args(argv)
    if args.since:
        pairs = [(_committed(p, args.since), read_notebook(p), p) for p in args.notebooks]
    elif len(args.notebooks) == 2:
        old, new = args.notebooks
        pairs = [(read_notebook(old), read_notebook(new), new)]
    else:
        parser.error("give OLD NEW, or --since REV NOTEBOOK...")
    for old, new, path in pairs:
        if old is None:
            print(f"{path}: new")
            continue
        lines = compare_notebooks(old, new)
        if lines:
            print(f"{path}:")
            print("\n".join(f"  {line}" for line in lines))
    return 0


# --- the pytest plugin ------------------------------------------------------------------


def pytest_assertrepr_compare(config, op: str, left: object, right: object) -> list[str] | None:
    """nbval's mismatched output (left: the committed one, right: the new one) as rows
    added, removed and changed; None leaves every other comparison to pytest."""
    if op != "==" or not isinstance(left, str) or not isinstance(right, str):
        return None
    lines = describe_change(left, right)
    if not lines:  # no table, or the same rows: pytest's own diff of the text says more
        return None
    return [
        "the committed output differs from the new one:",
        *lines,
        "an intended change? `make baseline` re-executes the chapters and commits them",
    ]


if __name__ == "__main__":
    sys.exit(main())
