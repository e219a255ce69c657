"""Readable regressions: a changed chapter output is shown as the table rows and chart
data that were added, removed or changed (newsbook.regressions), in nbval's failure
report too."""

import json
import os
import subprocess
import sys

from newsbook import config, regressions
from newsbook.notebooks import read_notebook, write_notebook
from newsbook.regressions import Table, compare_tables, describe_change

CHAPTER = config.CHAPTERS_DIR / "04-positions.ipynb"


def issue_labels(notebook: dict) -> list[str]:
    """The issue labels the committed chapter shows in its positions table."""
    table = next(
        t
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        for t in regressions.html_tables(regressions._output_text(output))
        if "issue" in t.columns and t.anchors
    )
    column = table.columns.index("issue")
    return [row[column] for row in table.rows]


def renamed(notebook: dict, old: str, new: str) -> dict:
    """The notebook as it would be committed had the issue been called `new` (only the
    outputs change, as when data/issues.yml renames an issue's label)."""
    text = json.dumps(notebook)
    return json.loads(text.replace(old, new))


def test_a_renamed_issue_shows_as_the_changed_rows_of_table_and_chart():
    committed = read_notebook(CHAPTER)
    labels = issue_labels(committed)
    label = max(set(labels), key=labels.count)  # the issue most rows are about
    doctored = renamed(committed, label, "Renamed issue")
    lines = regressions.compare_notebooks(committed, doctored)
    text = "\n".join(lines)
    n = labels.count(label)
    assert f"table: {n} rows changed ({len(labels)} rows before, {len(labels)} after)" in text
    assert f"chart data: {n} rows changed" in text
    changed = [line for line in lines if "changed row position-" in line]
    assert len(changed) == min(n, regressions.MAX_ROWS_SHOWN)
    assert all(f"issue: '{label}' -> 'Renamed issue'" in line for line in changed)
    assert "added" not in text and "removed" not in text


def test_rows_added_removed_and_changed_by_anchor():
    old = Table("table", ("quote_id", "speaker"), (("q1", "A"), ("q2", "B")), ("q-1", "q-2"))
    new = Table("table", ("quote_id", "speaker"), (("q1", "A"), ("q3", "C")), ("q-1", "q-3"))
    change = compare_tables(old, new)
    assert change.added == ["row q-3: quote_id='q3', speaker='C'"]
    assert change.removed == ["row q-2: quote_id='q2', speaker='B'"]
    assert not change.changed


def test_rows_matched_by_id_column_then_by_content():
    old = Table("t", ("entity_id", "name"), (("e1", "Ann Lee"), ("e2", "Bo Park")))
    new = Table("t", ("entity_id", "name"), (("e1", "Ann Lee"), ("e2", "Bo Parks")))
    assert compare_tables(old, new).changed == ["entity_id e2: name: 'Bo Park' -> 'Bo Parks'"]
    old = Table(
        "t", ("actor", "issue", "stance"), (("Ann", "tax", "support"), ("Bo", "tax", "oppose"))
    )
    new = Table(
        "t", ("actor", "issue", "stance"), (("Bo", "tax", "oppose"), ("Ann", "levy", "support"))
    )
    change = compare_tables(old, new)
    assert change.changed == ["Ann | tax: issue: 'tax' -> 'levy'"]
    assert not change.added and not change.removed


def test_a_long_value_is_shown_around_its_first_difference():
    before = "x" * 100 + " old ending"
    after = "x" * 100 + " new ending"
    old = Table("t", ("id", "text"), (("1", before),))
    new = Table("t", ("id", "text"), (("1", after),))
    (line,) = compare_tables(old, new).changed
    assert "old ending" in line and "new ending" in line


def test_columns_added_and_removed_are_named():
    old = Table("t", ("a_id", "x"), (("1", "p"),))
    new = Table("t", ("a_id", "y"), (("1", "p"),))
    change = compare_tables(old, new)
    assert change.columns == ["columns removed: x", "columns added: y"]


def test_outputs_without_tables_are_left_to_pytest():
    assert describe_change("<p>one</p>", "<p>two</p>") is None
    assert regressions.pytest_assertrepr_compare(None, "==", "a", "b") is None
    assert regressions.pytest_assertrepr_compare(None, "==", 1, 2) is None


def test_the_chart_encoding_is_compared_apart_from_its_data():
    spec = {"mark": "bar", "datasets": {"d1": [{"a": 1}]}, "encoding": {"x": {"field": "a"}}}
    other = {**spec, "encoding": {"x": {"field": "a", "title": "A"}}}
    html = "vegaEmbed(el, {}, {{}});"
    lines = describe_change(html.format(json.dumps(spec)), html.format(json.dumps(other)))
    assert lines == ["chart encoding changed at: encoding.x.title"]


def test_nbval_reports_the_changed_rows(tmp_path):
    """nbval on a chapter whose committed outputs name an issue differently: the failure
    says which rows changed, through the plugin the package registers (pytest11)."""
    committed = read_notebook(CHAPTER)
    labels = issue_labels(committed)
    label = max(set(labels), key=labels.count)
    doctored = tmp_path / CHAPTER.name
    write_notebook(renamed(committed, label, "Renamed issue"), doctored)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--nbval", str(doctored), "--nbval-current-env"]
        + ["-p", "no:cacheprovider", "--color=no", "--rootdir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NEWSBOOK_ROOT": str(config.ROOT)},
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert f"table: {labels.count(label)} rows changed" in result.stdout
    assert f"issue: 'Renamed issue' -> '{label}'" in result.stdout
    assert "`make baseline`" in result.stdout
