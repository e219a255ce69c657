"""Building the book: the chapters executed with papermill (two at a time, skipping
those whose inputs have not changed), then the HTML built with Jupyter Book 1.x, with
one line per step on stderr.

Executed notebooks are made byte-stable (papermill's timestamps and durations are
stripped), so running the book twice leaves `git status` clean. The book has two parts
(`_toc.yml`): Part I reads one article (`chapters/`), Part II a corpus
(`chapters/corpus/`), whose article pages and exports are written beside the HTML. A
book for another article (Part I) or another corpus (Part II) is built under
`_build/books/` from copies of the chapters; the committed chapters stay nbval's
baseline for the default data.
"""

from __future__ import annotations

import concurrent.futures
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsbook import cache, config
from newsbook.book.charts import write_bundle
from newsbook.book.corpus import CorpusSource, corpus_tables
from newsbook.book.debate import book_for
from newsbook.book.parameters import notebook_parameters
from newsbook.book.site import write_corpus_site
from newsbook.errors import InputError
from newsbook.evaluation.gold import gold_cases
from newsbook.lexicons import read_issue_catalogue
from newsbook.output import check_replaceable, replace_folder, staging_folder
from newsbook.text.article import read_article

BOOK_FILES = ("_config.yml", "intro.md")
CORPUS_CHAPTERS_DIR = config.CHAPTERS_DIR / "corpus"
PART_ONE, PART_TWO = 0, 1  # the parts of _toc.yml


def chapters(directory: Path = config.CHAPTERS_DIR) -> list[Path]:
    return sorted(directory.glob("*.ipynb"))


def part_toc(part: int, toc: Path = config.ROOT / "_toc.yml") -> dict:
    """The table of contents of a book of one part of `_toc.yml`: Part I keeps the
    book's root page, Part II opens on its first chapter."""
    book = yaml.safe_load(toc.read_text(encoding="utf-8"))
    entries = book["parts"][part]["chapters"]
    if part == PART_ONE:
        return {"format": book["format"], "root": book["root"], "chapters": entries}
    return {"format": book["format"], "root": entries[0]["file"], "chapters": entries[1:]}


def _staging(target: Path, part: int) -> Path:
    """A fresh folder beside `target` with the book's files and a one-part toc."""
    check_replaceable(target)  # never over files newsbook did not write
    staging = target.parent / f".{target.name}-src"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        (staging / "chapters" / "corpus").mkdir(parents=True)
    except OSError as error:
        raise InputError(f"{target} cannot be written ({error.strerror or error})") from None
    for name in BOOK_FILES:
        shutil.copy2(config.ROOT / name, staging / name)
    toc = yaml.safe_dump(part_toc(part), sort_keys=False)
    (staging / "_toc.yml").write_text(toc, encoding="utf-8")
    return staging


def _finish(staging: Path, target: Path, source: CorpusSource | None = None) -> None:
    """Build the staged book's HTML (and its corpus pages), then make it `target`."""
    html = build_html(staging)
    if source is not None:
        write_corpus_site(book_for(source), html, corpus_tables(source))
    book = staging_folder(target)
    shutil.move(str(html), str(book / "html"))
    replace_folder(book, target)


def prepare_corpus(source: CorpusSource) -> None:
    """The corpus's tables computed (or found in the cache) before any chapter asks,
    with one line on stderr."""
    started = time.perf_counter()
    corpus_tables(source)
    name = f"corpus {source.name}"
    print(f"{name:<32} {time.perf_counter() - started:5.1f} s", file=sys.stderr, flush=True)


def strip_volatile(path: Path, *, inputs: str) -> None:
    """Remove papermill's timestamps and durations and execution metadata, and record
    the fingerprint of the inputs the chapter was executed from (`inputs`), so a build
    with the same inputs can skip it."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook.get("metadata", {}).pop("papermill", None)
    notebook.get("metadata", {}).pop("widgets", None)
    notebook.setdefault("metadata", {})["newsbook"] = {"inputs": inputs}
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


@dataclass(frozen=True)
class ChapterRun:
    """One chapter to execute: `source` with `parameters`, written to `output`."""

    source: Path
    output: Path
    parameters: dict[str, str]
    cwd: Path | None = None  # where the kernel runs (default: the one run_chapters is given)

    def key(self) -> str:
        """What the executed chapter depends on: its cells' sources, the parameters and
        the files they name, the project's data and the package's code."""
        notebook = json.loads(self.source.read_text(encoding="utf-8"))
        cells = [
            "".join(cell["source"])
            for cell in notebook["cells"]
            if "injected-parameters" not in cell.get("metadata", {}).get("tags", [])
        ]
        named = [
            path
            for value in self.parameters.values()
            if value
            for path in (Path(value), Path(value).with_suffix(".yml"))
        ]
        return cache.fingerprint(
            cells,
            sorted(self.parameters.items()),
            config.DATA_DIR,
            *named,
            cache.code_fingerprint(),
        )

    def is_current(self, key: str) -> bool:
        """The output was executed from exactly these inputs (its metadata says so)."""
        if not self.output.exists():
            return False
        notebook = json.loads(self.output.read_text(encoding="utf-8"))
        return notebook.get("metadata", {}).get("newsbook", {}).get("inputs") == key


def execute(run: ChapterRun, *, cwd: Path, key: str) -> None:
    """Run one chapter with papermill (its kernel over IPC, not TCP); unknown parameters
    are refused first, a failing cell is one line."""
    import papermill
    from jupyter_client.manager import KernelManager

    unknown = set(run.parameters) - notebook_parameters(run.source)
    if unknown:
        raise InputError(f"{run.source.name} has no parameter {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory(prefix="newsbook-kernel-") as sockets:
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=f"{sockets}/kernel")
        try:
            papermill.execute_notebook(
                str(run.source),
                str(run.output),
                parameters=run.parameters or None,
                cwd=str(cwd),
                progress_bar=False,
                km=kernel,
            )
        except papermill.PapermillExecutionError as error:
            message = (error.evalue or error.ename or "").splitlines()
            raise InputError(
                f"{run.source.name} failed: {error.ename}: {message[0] if message else ''}"
            ) from None
        finally:
            if kernel.has_kernel:  # papermill leaves a kernel it was given running
                kernel.shutdown_kernel(now=True)
    strip_volatile(run.output, inputs=key)


def run_chapters(runs: list[ChapterRun], *, cwd: Path, workers: int = 2) -> None:
    """Execute the chapters that changed, `workers` at a time, with one line each on
    stderr; a chapter whose inputs are unchanged since its last run is skipped."""

    def one(run: ChapterRun) -> str:
        key = run.key()
        name = run.output.relative_to(run.output.parents[1]).as_posix()
        if run.is_current(key):
            return f"{name:<32} unchanged"
        started = time.perf_counter()
        execute(run, cwd=run.cwd or cwd, key=key)
        return f"{name:<32} {time.perf_counter() - started:5.1f} s"

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for line in pool.map(one, runs):
            print(line, file=sys.stderr, flush=True)


def build_html(book_dir: Path, *, strict: bool = True) -> Path:
    """`jupyter-book build` (1.x) of a book folder, quietly; returns its html folder."""
    started = time.perf_counter()
    write_bundle(book_dir / "_static")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book_dir), "--quiet"]
    if strict:
        command += ["-W", "-n", "--keep-going"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise InputError(f"jupyter-book could not build {book_dir} (see the messages above)")
    print(f"{'html':<32} {time.perf_counter() - started:5.1f} s", file=sys.stderr, flush=True)
    return book_dir / "_build" / "html"


def build_default_book(*, execute_chapters: bool = True) -> Path:
    """Execute every chapter of both parts in place on the default data (unless
    `execute_chapters` is false), then build `_build/html` with the corpus's pages."""
    source = CorpusSource.from_parameters("")
    prepare_corpus(source)
    if execute_chapters:
        runs = [ChapterRun(n, n, {}) for n in chapters()]
        runs += [ChapterRun(n, n, {}, CORPUS_CHAPTERS_DIR) for n in chapters(CORPUS_CHAPTERS_DIR)]
        run_chapters(runs, cwd=config.CHAPTERS_DIR)
    html = build_html(config.ROOT)
    write_corpus_site(book_for(source), html, corpus_tables(source))
    return html / "index.html"


def build_corpus_book(
    corpus: str | Path,
    *,
    rule: str | Path | None = None,
    date_from: str = "",
    date_to: str = "",
    issues: str | Path | None = None,
    gold: str | Path | None = None,
    out: Path | None = None,
) -> Path:
    """A separate book of Part II for another corpus (a folder or a table), under
    `_build/books/corpus-<name>/` (the name says the selection, see
    `CorpusSource.book_name`): `rule` a FILTER file, `date_from`/`date_to` the
    range, `issues` a catalogue added to the project's, `gold` what the trust chapter
    scores (default data/gold)."""
    source = CorpusSource.from_parameters(
        str(Path(corpus).resolve()),
        str(Path(rule).resolve()) if rule else "",
        date_from,
        date_to,
        str(Path(issues).resolve()) if issues else "",
    )
    if gold:
        gold_cases(Path(gold).resolve())  # a bad gold file stops here, before any work
    target = Path(out).resolve() if out else config.BOOKS_DIR / f"corpus-{source.book_name}"
    staging = _staging(target, PART_TWO)
    parameters = {
        "CORPUS": str(source.corpus),
        "FILTER": str(source.rule or ""),
        "FROM": source.date_from,
        "TO": source.date_to,
        "ISSUES": str(source.issues or ""),
        "GOLD": str(Path(gold).resolve()) if gold else "",
    }
    try:
        prepare_corpus(source)
        runs = [
            ChapterRun(
                notebook,
                staging / "chapters" / "corpus" / notebook.name,
                {k: v for k, v in parameters.items() if k in notebook_parameters(notebook) and v},
            )
            for notebook in chapters(CORPUS_CHAPTERS_DIR)
        ]
        run_chapters(runs, cwd=CORPUS_CHAPTERS_DIR)
        _finish(staging, target, source)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / "html" / "index.html"


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
    target = Path(out).resolve() if out else config.BOOKS_DIR / parsed.article_id
    staging = _staging(target, PART_ONE)
    parameters = {"ARTICLE": str(path), "PUBLISHED": published or ""}
    if gold:
        parameters["GOLD"] = str(gold)
    if issues:
        issues = Path(issues).resolve()
        read_issue_catalogue(issues)  # a bad catalogue stops here, before any chapter runs
        parameters["ISSUES"] = str(issues)
    runs = [
        ChapterRun(
            notebook,
            staging / "chapters" / notebook.name,
            {k: v for k, v in parameters.items() if k in notebook_parameters(notebook)},
        )
        for notebook in chapters()
    ]
    try:
        run_chapters(runs, cwd=config.CHAPTERS_DIR)
        _finish(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / "html" / "index.html"
