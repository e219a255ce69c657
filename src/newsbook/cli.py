"""`newsbook analyze|corpus|book|init` (also `python -m newsbook`): the command line of
CONTRACT.md.

Bad input ends with one line on stderr and a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsbook import __version__, config
from newsbook.errors import InputError

DESCRIPTION = """\
newsbook reads news articles and writes what they say as tables: entities, quotes (who
said what), positions (who stands where on which issue), a dated timeline. Every row
carries character offsets into the article's text. The tables are compiled into a
browsable book (Jupyter Book) whose chapters are regression-tested.

The project folder is NEWSBOOK_ROOT, else the nearest folder upward holding a book
(_toc.yml, as `newsbook init` lays out), else the current folder. Its data/ (lexicons/,
issues.yml, summary.yml, gold/) overrides the defaults newsbook ships with; output goes
to its _build/. No network is used.
"""

EPILOG = """\
examples:
  newsbook init my-book --article story.txt    start a book project of your own
  cd my-book && newsbook book                    execute its chapters, build the HTML
  newsbook analyze story.txt --published 2024-03-05 --out tables/
  newsbook corpus articles/ --workers 2 --format parquet
  newsbook book story.txt --gold gold/story.yml  a book of one article, in _build/books/

`newsbook COMMAND --help` tells more. Exit status: 0 done, 2 bad input (one line on
stderr, nothing half-written), 130 interrupted.
"""

ANALYZE_EPILOG = """\
The tables (CONTRACT.md): article, sentences, mentions, entities, quotes, positions,
timex, events, plus claims and issue_candidates. A sidecar ARTICLE_STEM.yml beside the
article may give headline, source, published, url; --published wins over it. Without a
date the run succeeds and relative dates stay unresolved (a warning says so).

examples:
  newsbook analyze data/raw/story.txt
  newsbook analyze story.txt --published 2024-03-05 --out tables/story
  newsbook analyze story.txt --issues my-issues.yml    add your own issue catalogue
"""

CORPUS_EPILOG = """\
INPUT is a folder of .txt articles (with .yml sidecars; subfolders too) and Reuters-21578
.sgm files, or a table with one article a row (.csv, .jsonl, also .gz, or .parquet) with
a `text` column and optional article_id, published, headline, source, url. Articles that
cannot be analysed go to the `errors` table; the run goes on. An interrupted run,
restarted with the same command, skips what was finished and ends with the same bytes.

examples:
  newsbook corpus data/raw
  newsbook corpus articles.jsonl.gz --workers 2 --format parquet --out corpus/
  newsbook corpus reuters21578.csv.gz --columns text=body,published=date,headline=title,article_id=newid
  newsbook corpus articles.parquet --engine dask --workers 2
  newsbook corpus articles.parquet --scheduler tcp://10.0.0.5:8786
"""

BOOK_EPILOG = """\
Without ARTICLE: the project's own chapters (Part I on its article, Part II on its
corpus) are executed in place (a chapter whose inputs are unchanged is skipped) and the
HTML built into _build/html. With ARTICLE: a separate book of Part I under
_build/books/ID; with --corpus: a separate book of Part II under
_build/books/corpus-NAME; the chapters untouched.

examples:
  newsbook book                         the project's book
  newsbook book --no-execute            the HTML from the chapters as they are
  newsbook book --force                 re-execute every chapter (e.g. after an upgrade)
  newsbook book story.txt --published 2024-03-05 --issues my-issues.yml --gold gold/
  newsbook book --corpus articles.csv --filter rule.yml --from 1987-03-01 --to 1987-04-30
"""

INIT_EPILOG = """\
DIR gets the book (_config.yml, _toc.yml, intro.md, chapters/), the data you will edit
(data/lexicons/, data/issues.yml, data/summary.yml, data/gold/), your articles in
data/raw/, and a Makefile and README with the commands (make book, make test, make
baseline). The example story reuters-8072 and its gold file come along so the trust
chapter has gold to score.

examples:
  newsbook init my-book
  newsbook init my-book --article ~/stories/council-vote.txt --published 2024-03-05
  cd my-book && newsbook book
"""


def _command(commands, name: str, help: str, epilog: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=help,
        description=help[0].upper() + help[1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbook",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsbook {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = _command(
        commands, "analyze", "write the tables of one article as CSV", ANALYZE_EPILOG
    )
    analyze.add_argument("article", type=Path, help="the article: .txt, an HTML page or .sgm")
    analyze.add_argument("--published", help="publication date, YYYY-MM-DD")
    analyze.add_argument("--out", type=Path, help="output folder (default: _build/tables/ID)")
    analyze.add_argument(
        "--issues",
        type=Path,
        help="an issue catalogue (.yml with an `issues:` list) added to data/issues.yml",
    )
    corpus = _command(commands, "corpus", "write the tables of many articles", CORPUS_EPILOG)
    corpus.add_argument("input", type=Path, help="a folder, or a CSV/JSONL/Parquet file")
    corpus.add_argument("--out", type=Path, help="output folder (default: _build/corpus/NAME)")
    corpus.add_argument("--workers", type=int, default=1, help="processes (default: 1)")
    corpus.add_argument(
        "--format", choices=("csv", "parquet"), default="csv", help="table format (default: csv)"
    )
    corpus.add_argument(
        "--columns",
        metavar="FIELD=COLUMN,...",
        help="a table's own column names, e.g. text=body,published=date,headline=title",
    )
    corpus.add_argument(
        "--engine",
        choices=("local", "dask"),
        default=None,
        help="local processes (default), or Dask (a local cluster of --workers processes)",
    )
    corpus.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="an existing Dask cluster's scheduler, e.g. tcp://HOST:8786 (implies --engine dask)",
    )
    book = _command(
        commands,
        "book",
        "build the book (the project's chapters, or a separate book for ARTICLE or --corpus)",
        BOOK_EPILOG,
    )
    book.add_argument(
        "article",
        type=Path,
        nargs="?",
        help="an article for a separate book under _build/books/ID (default: the project's "
        "own chapters, executed in place, into _build/html)",
    )
    book.add_argument(
        "--no-execute",
        action="store_true",
        help="build the HTML from the chapters as they are, without running them",
    )
    book.add_argument(
        "--force",
        action="store_true",
        help="execute every chapter, also those whose recorded inputs are unchanged",
    )
    book.add_argument("--published", help="publication date, YYYY-MM-DD")
    book.add_argument("--out", type=Path, help="book folder (default: _build/books/ID)")
    book.add_argument(
        "--gold", help="gold .yml file or folder for the trust chapter (default: data/gold)"
    )
    book.add_argument(
        "--issues", help="an issue catalogue (.yml with an `issues:` list) for the positions"
    )
    book.add_argument(
        "--corpus",
        help="a folder or a CSV/JSONL/Parquet table of articles for a separate corpus book "
        "(Part II) under _build/books/corpus-NAME",
    )
    book.add_argument(
        "--filter", help="a FILTER rule (.yml, format in data/corpus/README.md) for --corpus"
    )
    book.add_argument("--from", dest="date_from", help="first publication date, YYYY-MM-DD")
    book.add_argument("--to", dest="date_to", help="last publication date, YYYY-MM-DD")
    init = _command(commands, "init", "lay out a new book project in DIR", INIT_EPILOG)
    init.add_argument("dir", type=Path, metavar="DIR", help="the project folder (new, or empty)")
    init.add_argument(
        "--article",
        type=Path,
        action="append",
        help="an article to copy into data/raw/ (repeat for more; the first is the book's)",
    )
    init.add_argument("--published", default="", help="the first article's date, YYYY-MM-DD")
    return parser


def run_analyze(
    article_path: Path, published: str | None, out: Path | None, issues: Path | None = None
) -> Path:
    from newsbook.lexicons import Resources, read_issue_catalogue
    from newsbook.pipeline import analyze, write_tables
    from newsbook.schema import ARTICLE_TABLES
    from newsbook.text.article import read_article

    article = read_article(article_path, published=published)
    resources = Resources.load()
    if issues is not None:
        resources = resources.with_issues(read_issue_catalogue(issues))
    tables = analyze(article, resources)
    target = out or config.TABLES_DIR / article.article_id
    write_tables({name: tables[name] for name in ARTICLE_TABLES}, target, text=article.text)
    warnings = tables["article"]["warnings"].iloc[0]
    for warning in warnings.split(" | ") if warnings else []:
        print(f"warning: {warning}", file=sys.stderr)
    return target


def run_book(args: argparse.Namespace) -> Path:
    from newsbook.book.build import build_article_book, build_corpus_book, build_default_book

    corpus_options = {"filter": args.filter, "from": args.date_from, "to": args.date_to}
    if args.corpus:
        if args.article is not None or args.published or args.no_execute or args.force:
            raise InputError(
                "--corpus builds a corpus book: leave out ARTICLE, --published, --no-execute "
                "and --force"
            )
        return build_corpus_book(
            args.corpus,
            rule=args.filter,
            date_from=args.date_from or "",
            date_to=args.date_to or "",
            issues=args.issues,
            gold=args.gold,
            out=args.out,
        )
    given = [f"--{name}" for name, value in corpus_options.items() if value]
    if given:
        raise InputError(f"{given[0]} needs --corpus PATH (a folder or a table of articles)")
    if args.article is None:
        given = [name for name in ("published", "out", "gold", "issues") if getattr(args, name)]
        if given:
            raise InputError(
                f"--{given[0]} needs an ARTICLE or --corpus (the default book uses data/)"
            )
        if args.force and args.no_execute:
            raise InputError("--force executes the chapters: leave out --no-execute")
        return build_default_book(execute_chapters=not args.no_execute, force=args.force)
    if args.no_execute or args.force:
        flag = "--no-execute" if args.no_execute else "--force"
        raise InputError(f"{flag} builds the default book only: leave out ARTICLE")
    return build_article_book(
        args.article, published=args.published, out=args.out, gold=args.gold, issues=args.issues
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyze":
            target = run_analyze(args.article, args.published, args.out, args.issues)
            print(target)
        elif args.command == "corpus":
            from newsbook.corpus.run import run_corpus_command

            engine = args.engine or ("dask" if args.scheduler else "local")
            print(
                run_corpus_command(
                    args.input,
                    args.out,
                    args.workers,
                    args.format,
                    engine=engine,
                    scheduler=args.scheduler,
                    columns=args.columns,
                )
            )
        elif args.command == "book":
            print(run_book(args))
        elif args.command == "init":
            from newsbook.book.project import init_project

            print(init_project(args.dir, articles=args.article, published=args.published))
    except InputError as error:
        print(f"newsbook: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as interrupt:
        message = str(interrupt) or "interrupted; nothing was written"
        print(f"newsbook: {message}", file=sys.stderr)
        return 130
    return 0
