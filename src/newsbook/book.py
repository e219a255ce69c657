"""The book: what chapters call, and the runner that executes them with papermill and
builds the HTML with Jupyter Book 1.x.

Executed notebooks are made byte-stable (papermill's timestamps and durations are
stripped), so running the book twice leaves `git status` clean. A book for another
article is built under `_build/books/<article-id>/` from copies of the chapters; the
committed chapters stay nbval's baseline for the default data.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import IPython.display
import pandas as pd

from newsbook import config
from newsbook.errors import InputError
from newsbook.output import check_replaceable, replace_folder, staging_folder

WIDE_TEXT = 100  # characters: a cell longer than this is running text
WIDE_COLUMN_EM = 28
BOOK_FILES = ("_config.yml", "_toc.yml", "intro.md")
PARAMETER_TYPES = {"ARTICLE": str, "PUBLISHED": str, "GOLD": str, "ISSUES": str}


def resolve_path(path: str | Path) -> Path:
    """A path as given, or relative to the project root."""
    path = Path(path)
    return path if path.is_absolute() else config.ROOT / path


def check_parameters(**parameters: object) -> None:
    """Stop a chapter with a clear message when a parameter is unknown or malformed."""
    for name, value in parameters.items():
        if name not in PARAMETER_TYPES:
            raise InputError(
                f"unknown parameter {name}: the chapters take {', '.join(PARAMETER_TYPES)}"
            )
        if not isinstance(value, PARAMETER_TYPES[name]):
            raise InputError(f"parameter {name} must be text, got {value!r}")
    published = str(parameters.get("PUBLISHED") or "")
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise InputError(f"parameter PUBLISHED {published!r} is not a date: give YYYY-MM-DD")


@functools.lru_cache(maxsize=2)
def _analysis(article: str, published: str, issues: str) -> dict[str, pd.DataFrame]:
    from newsbook.article import read_article
    from newsbook.pipeline import analyze
    from newsbook.resources import Resources, read_issue_catalogue

    resources = Resources.load()
    if issues:
        resources = resources.with_issues(read_issue_catalogue(resolve_path(issues)))
    return analyze(read_article(resolve_path(article), published=published or None), resources)


def chapter_tables(article: str, published: str = "", issues: str = "") -> dict[str, pd.DataFrame]:
    """Every table of the article, computed once per kernel (copies, safe to modify);
    `issues`, an issue catalogue added to the project's."""
    check_parameters(ARTICLE=article, PUBLISHED=published, ISSUES=issues)
    return {name: table.copy() for name, table in _analysis(article, published, issues).items()}


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


def anchored_table(
    table: pd.DataFrame, columns: list[str], *, anchor: str, prefix: str, rows: int = 200
) -> IPython.display.HTML:
    """An HTML table whose rows can be linked to: each `<tr>` has the id
    `{prefix}-{row[anchor]}` (see `row_anchor`), so another page can point at
    `chapter.html#{prefix}-{id}`. Every cell is escaped (article text comes from the
    open web); classes are pandas' so the book theme styles it, and the wrapper scrolls
    sideways on a narrow screen. A repeated anchor keeps its id on the first row only
    (ids must be unique)."""
    missing = [name for name in [*columns, anchor] if name not in table.columns]
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
        row_id = row_anchor(prefix, record[anchor])
        id_attribute = "" if row_id in seen else f' id="{row_id}"'
        seen.add(row_id)
        cells = "".join(f"<td>{html.escape(_cell_text(record[name]))}</td>" for name in columns)
        lines.append(f"<tr{id_attribute}>{cells}</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return IPython.display.HTML("\n".join(lines))


def notebook_parameters(path: Path) -> set[str]:
    """Names assigned in a notebook's `parameters` cell."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            return set(re.findall(r"^([A-Z_][A-Z0-9_]*)\s*=", source, flags=re.MULTILINE))
    return set()


def chapters(directory: Path = config.CHAPTERS_DIR) -> list[Path]:
    return sorted(directory.glob("*.ipynb"))


def strip_volatile(path: Path) -> None:
    """Remove papermill's timestamps and durations and execution metadata."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook.get("metadata", {}).pop("papermill", None)
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook["cells"]:
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags and "remove-input" not in tags:
            # the reader needs the article, not the path it was read from on this machine
            tags.append("remove-input")
        if "id" in cell:
            del cell["id"]
    notebook["nbformat_minor"] = min(notebook.get("nbformat_minor", 4), 4)
    path.write_text(
        json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )


def execute(notebook: Path, output: Path, parameters: dict[str, str], *, cwd: Path) -> None:
    """Run one chapter with papermill; unknown parameters are refused first."""
    import papermill

    unknown = set(parameters) - notebook_parameters(notebook)
    if unknown:
        raise InputError(f"{notebook.name} has no parameter {', '.join(sorted(unknown))}")
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters or None,
            cwd=str(cwd),
            progress_bar=False,
            kernel_name="python3",
        )
    except papermill.PapermillExecutionError as error:
        last = (
            (error.evalue or error.ename).splitlines()[0] if (error.evalue or error.ename) else ""
        )
        raise InputError(f"{notebook.name} failed: {error.ename}: {last}") from None
    strip_volatile(output)


def build_html(book_dir: Path, *, strict: bool = True) -> Path:
    """`jupyter-book build` (1.x) of a book folder; returns its html folder."""
    from newsbook.charts import write_bundle

    write_bundle(book_dir / "_static")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book_dir), "--quiet"]
    if strict:
        command += ["-W", "-n", "--keep-going"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise InputError(f"jupyter-book could not build {book_dir} (see the messages above)")
    return book_dir / "_build" / "html"


def build_default_book() -> Path:
    """Execute every chapter in place on the default data, then build `_build/html`."""
    for notebook in chapters():
        execute(notebook, notebook, {}, cwd=notebook.parent)
    return build_html(config.ROOT) / "index.html"


def build_article_book(
    article: str | Path,
    *,
    published: str | None = None,
    out: Path | None = None,
    gold: str | Path | None = None,
    issues: str | Path | None = None,
) -> Path:
    """A separate book for another article, under `_build/books/<article-id>/`; `gold`
    (a gold file or folder, default data/gold) is what the trust chapter scores; `issues`
    an issue catalogue added to the project's for the positions."""
    from newsbook.article import read_article
    from newsbook.evaluate import gold_cases

    path = Path(article).resolve()
    parsed = read_article(path, published=published)  # bad input stops here, before any work
    if gold:
        gold = Path(gold).resolve()
        gold_cases(gold, book_article=path)  # a bad gold file or a missing article, too
    target = Path(out) if out else config.BOOKS_DIR / parsed.article_id
    check_replaceable(target)  # never over files newsbook did not write
    staging = target.parent / f".{target.name}-src"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        (staging / "chapters").mkdir(parents=True)
    except OSError as error:
        raise InputError(f"{target} cannot be written ({error.strerror or error})") from None
    for name in BOOK_FILES:
        shutil.copy2(config.ROOT / name, staging / name)
    parameters = {"ARTICLE": str(path), "PUBLISHED": published or ""}
    if gold:
        parameters["GOLD"] = str(gold)
    if issues:
        from newsbook.resources import read_issue_catalogue

        issues = Path(issues).resolve()
        read_issue_catalogue(issues)  # a bad catalogue stops here, before any chapter runs
        parameters["ISSUES"] = str(issues)
    try:
        for notebook in chapters():
            wanted = {k: v for k, v in parameters.items() if k in notebook_parameters(notebook)}
            execute(notebook, staging / "chapters" / notebook.name, wanted, cwd=config.CHAPTERS_DIR)
        html = build_html(staging)
        book = staging_folder(target)
        shutil.move(str(html), str(book / "html"))
        replace_folder(book, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / "html" / "index.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbook.book")
    parser.add_argument("action", choices=["default", "html"])
    args = parser.parse_args(argv)
    try:
        index = (
            build_default_book()
            if args.action == "default"
            else build_html(config.ROOT) / "index.html"
        )
    except InputError as error:
        print(f"newsbook: error: {error}", file=sys.stderr)
        return 2
    print(f"The book is at {index}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
