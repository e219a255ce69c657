"""Building the book: the chapters executed with papermill, then the HTML built with
Jupyter Book 1.x.

Executed notebooks are made byte-stable (papermill's timestamps and durations are
stripped), so running the book twice leaves `git status` clean. A book for another
article is built under `_build/books/<article-id>/` from copies of the chapters; the
committed chapters stay nbval's baseline for the default data.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from newsbook import config
from newsbook.book.charts import write_bundle
from newsbook.book.parameters import notebook_parameters
from newsbook.errors import InputError
from newsbook.evaluation.gold import gold_cases
from newsbook.lexicons import read_issue_catalogue
from newsbook.output import check_replaceable, replace_folder, staging_folder
from newsbook.text.article import read_article

BOOK_FILES = ("_config.yml", "_toc.yml", "intro.md")


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
    write_bundle(book_dir / "_static")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book_dir), "--quiet"]
    if strict:
        command += ["-W", "-n", "--keep-going"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise InputError(f"jupyter-book could not build {book_dir} (see the messages above)")
    return book_dir / "_build" / "html"


def build_default_book(*, execute_chapters: bool = True) -> Path:
    """Execute every chapter in place on the default data (unless `execute_chapters` is
    false), then build `_build/html`."""
    if execute_chapters:
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
