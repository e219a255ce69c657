"""`newsbook init DIR`: a new book project of one's own, laid out from the defaults.

The project is a folder `newsbook book` builds: the book's files and the chapters of
both parts (as templates; Part I's `ARTICLE` parameter set to the project's article),
the data a user edits (lexicons, issue catalogue, summary wording, gold), the articles
under `data/raw/`, Part II's corpora and FILTER rule under `data/corpus/`, and a
Makefile and README with the commands. The example story and its gold file come along
so the trust chapter has gold to score from the first build.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsbook import config
from newsbook.book.build import BOOK_FILES, CORPUS_CHAPTERS_DIR, chapters
from newsbook.errors import InputError
from newsbook.notebooks import chapter_template, read_notebook, write_notebook
from newsbook.text.article import read_article

EXAMPLE_ARTICLE = "data/raw/reuters-8072.txt"  # shipped with its gold file (data/README.md)
EDITABLE_DATA = (
    "data/README.md",
    "data/lexicons",
    "data/issues.yml",
    "data/summary.yml",
    "data/corpus",  # Part II's corpora (Reuters-21578), their FILTER rule and format
    "data/gold/README.md",
    "data/gold/reuters-8072.yml",
    EXAMPLE_ARTICLE,
    "data/raw/reuters-8072.yml",
)

MAKEFILE = """\
# {name}: a newsbook project. `make book` builds it, `make test` checks it still builds
# the same tables. Run these where newsbook is installed (`pip install newsbook`).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help
PYTHON ?= python
NEWSBOOK ?= newsbook

help: ## list the targets
\t@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\\t/'

book: ## execute the chapters and build _build/html
\t$(NEWSBOOK) book

corpus-book: ## Part II on another corpus, in _build/books/ (CORPUS=data/raw or a table)
\t$(NEWSBOOK) book --corpus "$(or $(CORPUS),data/raw)"

test: ## re-run the chapters against their committed outputs (nbval), then build the HTML
\t$(PYTHON) -m pytest -q --nbval chapters --nbval-current-env -p no:cacheprovider
\t$(NEWSBOOK) book --no-execute

baseline: ## after an intended change: re-execute every chapter, show what changed, commit
\t$(NEWSBOOK) book --force
\t$(PYTHON) -m newsbook.regressions --since HEAD chapters/*.ipynb chapters/corpus/*.ipynb
\tgit add chapters
\tgit diff --cached --quiet -- chapters || git commit -q -m "$(or $(MESSAGE),Chapters re-executed)" -- chapters

tables: ## the tables of ARTICLE as CSV under _build/tables (ARTICLE=data/raw/...)
\t$(NEWSBOOK) analyze "$(or $(ARTICLE),{article})"

clean: ## remove the build output
\trm -rf _build _static/vega-bundle.js

.PHONY: help book corpus-book test baseline tables clean
"""

README = """\
# {name}

A newsbook project: an analysis book of the articles in `data/raw/`, starting from
`{article}`.

    make book        # execute the chapters and build _build/html (or: newsbook book)
    make test        # the chapters still give the committed outputs, the book builds
    make baseline    # after an intended change: re-execute, show what changed, commit
    newsbook analyze data/raw/ARTICLE.txt     # the tables alone, as CSV
    newsbook book data/raw/OTHER.txt          # a book of another article, in _build/books/
    make corpus-book                          # Part II on your articles (CORPUS=data/raw)

Commit the executed chapters: they are the baseline `make test` compares against. When
a chapter's output changes, the failure lists the table rows and chart data that were
added, removed or changed; if the change is what you meant (a new lexicon entry, a
renamed issue), `make baseline` records it.

| path | what |
|---|---|
| `chapters/` | Part I, one article; the `parameters` cell names it (`ARTICLE`, `PUBLISHED`, `ISSUES`, `GOLD`) |
| `chapters/corpus/` | Part II, a debate across many articles; the `parameters` cell names the corpus (`CORPUS`, `FILTER`, `FROM`, `TO`, `ISSUES`, `GOLD`) |
| `data/raw/` | your articles (`.txt`, with an optional `ARTICLE.yml` sidecar: `headline`, `source`, `published`, `url`) |
| `data/lexicons/`, `data/issues.yml` | the domain knowledge newsbook works from: edit them for your beat |
| `data/summary.yml` | the wording of the summary page |
| `data/gold/` | hand-made gold the trust chapter scores against (format in `data/gold/README.md`) |
| `data/corpus/` | Part II's example corpora, the FILTER rule that cut the default and the rule's format (`data/corpus/README.md`) |

The example story `reuters-8072` and its gold file, and the corpora of `data/corpus/`,
come from Reuters-21578, Distribution 1.0 (research use only, with this attribution; see
`data/README.md`). Part II reads `data/corpus/reuters-arms-control.csv` until you point
it at your own articles (`make corpus-book` for a separate book of `data/raw/`); delete
the examples once you have articles and gold of your own.
"""

INTRO = """\
# {name}

This book reads news articles closely and shows, table by table, what the text says:
who is named, who said what, where each actor stands, and when things happened. Every
row carries the character offsets of the text it came from, so any claim the book makes
can be found again in the article. It starts from `{article}`; the same chapters run on
any article (`newsbook book data/raw/OTHER.txt`). Part II reads a debate across many
articles: the same tables for every article of a corpus, put together into actors, who
said what, who stands where and who agrees with whom, and one timeline.

Tables are produced by the `newsbook` package from the project's data (`data/lexicons/`,
`data/issues.yml`); the chapters only call it and show the results. Nothing here is
written by hand about the article.
"""

GITIGNORE = "_build/\n_static/vega-bundle.js\n.ipynb_checkpoints/\n__pycache__/\n"


def init_project(target: Path, *, articles: list[Path] | None = None, published: str = "") -> Path:
    """Lay out a new book project in `target` (missing or empty) from the defaults; the
    first of `articles` (copied into `data/raw/` with their sidecars) becomes the
    chapters' `ARTICLE`, else the example story. Written whole or not at all (in a
    staging folder beside `target`, renamed at the end). Returns the project folder."""
    target = Path(target).resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputError(f"{target} exists and is not empty: give a new folder")
    articles = [Path(a) for a in articles or []]
    for n, path in enumerate(articles):  # bad input stops here, before anything is written
        read_article(path, published=(published or None) if n == 0 else None)
    if len({a.name for a in articles}) != len(articles):
        raise InputError("two articles have the same file name: rename one")
    staging = target.with_name(f".{target.name}-init")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _lay_out(staging, articles, published, name=target.name)
        if target.exists():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except OSError as error:
        raise InputError(f"{target} cannot be written ({error.strerror or error})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _lay_out(folder: Path, articles: list[Path], published: str, *, name: str) -> None:
    for relative in EDITABLE_DATA:
        _copy(config.DEFAULTS / relative, folder / relative)
    for path in articles:
        for source in (path, path.with_suffix(".yml")):
            if source.is_file():
                _copy(source, folder / "data" / "raw" / source.name)
    article = f"data/raw/{articles[0].name}" if articles else EXAMPLE_ARTICLE
    for book_file in (*BOOK_FILES, config.BOOK_MARKER):  # intro.md is the project's own, below
        _copy(config.BOOK_SOURCE / book_file, folder / book_file)
    _retitle(folder / "_config.yml", name)
    defaults = {"ARTICLE": article, **({"PUBLISHED": published} if published else {})}
    for chapter in chapters() + chapters(CORPUS_CHAPTERS_DIR):
        out = folder / chapter.relative_to(config.BOOK_SOURCE)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_notebook(chapter_template(read_notebook(chapter), **defaults), out)
    fill = {"name": name, "article": article}
    for file_name, template in (
        ("Makefile", MAKEFILE),
        ("README.md", README),
        ("intro.md", INTRO),
        (".gitignore", GITIGNORE),
    ):
        (folder / file_name).write_text(template.format(**fill), encoding="utf-8")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    else:
        shutil.copyfile(source, target)


def _retitle(config_file: Path, title: str) -> None:
    """The book's title is the project's name (the first `title:` line of _config.yml)."""
    lines = config_file.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("title:"):
            lines[i] = f"title: {json.dumps(title)}\n"
            break
    config_file.write_text("".join(lines), encoding="utf-8")
